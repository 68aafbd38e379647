// The financial framework as the API and the report show it: per year the framework (budget … net cost), the realised
// cost beside it (invoices + non-invoice cost lines, as separate parts) and the gap of that realised cost to the path.
import type { Store } from '../store/index.ts';
import { readRealised, type RealisedYear } from './cost-lines.ts';
import { framework, sumFrameworks, type FrameworkYear } from './framework.ts';
import { readFrameworkInputs } from './framework-store.ts';
import { gapToPath } from './targetpath.ts';

export interface FrameworkViewYear extends FrameworkYear, Omit<RealisedYear, 'year'> {
  /** invoices + cost lines; null when the year has neither (nothing realised yet). */
  realisedCents: number | null;
  /** realised − year cost (positive = above the path); null with a reason in `unknown`. */
  gapCents: number | null;
}

export interface FrameworkQuery {
  /** Within these municipalities (summed); undefined: every municipality in the store. */
  municipalities?: readonly string[];
  from?: number;
  to?: number;
}

/**
 * The framework years from `from` to `to` (default: every year with a budget row). Carried budgets look back before
 * `from`, so the whole history is computed and then cut.
 */
export async function frameworkView(store: Store, q: FrameworkQuery): Promise<FrameworkViewYear[]> {
  const inputs = await readFrameworkInputs(store, q.municipalities);
  const parts = new Map([...inputs].map(([code, years]) => [code, framework(years)]));
  const all = parts.size === 1 ? [...parts.values()][0]! : sumFrameworks(parts);
  const years = all.filter((y) => (q.from === undefined || y.year >= q.from) && (q.to === undefined || y.year <= q.to));
  if (years.length === 0) return [];
  const realised = await readRealised(store, years[0]!.year, years.at(-1)!.year, q.municipalities);
  const expected = new Map<number, number>();
  for (const [year, r] of realised) expected.set(year, r.invoicedCents + r.costLinesCents);
  const gaps = gapToPath(years, expected);
  return years.map((y, i) => {
    const r = realised.get(y.year);
    const gap = gaps[i]!;
    const unknown = [...y.unknown];
    for (const reason of gap.unknown) if (!reason.startsWith('Er is geen verwachting')) unknown.push(reason);
    if (!r) unknown.push(`Over ${y.year} zijn nog geen kosten gerealiseerd; de afstand tot het pad is onbekend.`);
    return {
      ...y,
      invoicedCents: r?.invoicedCents ?? 0,
      costLines: r?.costLines ?? {},
      costLinesCents: r?.costLinesCents ?? 0,
      realisedCents: r ? r.invoicedCents + r.costLinesCents : null,
      gapCents: gap.gapCents,
      unknown,
    };
  });
}
