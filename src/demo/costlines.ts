// Generated youth-care costs that are not invoices, per municipality and year (table cost_line): the access team's
// staff, subsidies for the child-protection chain, a lump-sum crisis contract and prevention, as shares of the year's
// budget with some noise. Demo data, clearly made up: the shares are plausible orders of size, nothing more.
import type { Rng } from '../random.ts';
import type { BudgetRow } from './extras.ts';
import type { Municipality } from './region.ts';

export interface CostLineRow {
  year: number;
  municipality: string;
  kind: 'toegang' | 'subsidie' | 'lumpsum' | 'preventie';
  description: string;
  amountCents: number;
}

/** [kind, description, share of the budget]. */
const LINES: [CostLineRow['kind'], (m: Municipality) => string, number][] = [
  ['toegang', (m) => `Jeugdteam ${m.name} (personeel)`, 0.08],
  ['subsidie', () => 'Veilig Thuis en gecertificeerde instelling', 0.04],
  ['lumpsum', () => 'Crisisdienst (lumpsum)', 0.025],
  ['preventie', () => 'Preventie en voorlichting', 0.015],
];

/** One line per kind and year with a care-type budget; amounts rounded to whole thousands of euros. */
export function costLines(rng: Rng, m: Municipality, budgets: readonly BudgetRow[]): CostLineRow[] {
  const planned = new Map<number, number>();
  for (const b of budgets)
    if (b.kind === 'begroting' && b.team === '') planned.set(b.year, (planned.get(b.year) ?? 0) + b.amountCents);
  const rows: CostLineRow[] = [];
  for (const [year, budget] of [...planned].sort((a, b) => a[0] - b[0])) {
    for (const [kind, description, share] of LINES) {
      const amountCents = Math.round((budget * share * (0.9 + 0.2 * rng.next())) / 100_000) * 100_000;
      rows.push({ year, municipality: m.code, kind, description: description(m), amountCents });
    }
  }
  return rows;
}
