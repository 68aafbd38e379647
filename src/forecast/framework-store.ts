// Reads the imported budgets (table `budget`: begroting, burap, rijksbijdrage, taakstelling) as the financial framework's
// input per municipality and year. Only whole-municipality rows count (no team budgets), per kind the '' total or else the
// sum of the care-type rows.
import { ensureDerived, sql, type Store } from '../store/index.ts';
import { within } from './cost-lines.ts';
import type { FrameworkInput } from './framework.ts';

interface KindRow {
  year: number;
  municipality: string;
  begroting: number | null;
  burap: number | null;
  rijksbijdrage: number | null;
  taakstelling: number | null;
}

/**
 * Framework input per municipality (code → years in order). A year without a begroting carries the previous year's year
 * cost when that year is in the store (the multi-year framework rolls on), else its budget is unknown. No burap or
 * taakstelling row means 0; no rijksbijdrage row means unknown. A taakstelling is a cut whatever its sign in the file.
 */
export async function readFrameworkInputs(
  store: Store,
  municipalities?: readonly string[],
): Promise<Map<string, FrameworkInput[]>> {
  const only = within(municipalities);
  const rows = await store.all<KindRow>(sql`
    WITH level AS (
      SELECT year, municipality, kind, amount_cents FROM budget b
      WHERE team_id = '' ${only} AND (care_type = '' OR NOT EXISTS (SELECT 1 FROM budget o WHERE o.year = b.year
        AND o.municipality = b.municipality AND o.kind = b.kind AND o.team_id = '' AND o.care_type = '')))
    SELECT year, municipality,
      sum(amount_cents) FILTER (WHERE kind = 'begroting')::BIGINT AS begroting,
      sum(amount_cents) FILTER (WHERE kind = 'burap')::BIGINT AS burap,
      sum(amount_cents) FILTER (WHERE kind = 'rijksbijdrage')::BIGINT AS rijksbijdrage,
      sum(amount_cents) FILTER (WHERE kind = 'taakstelling')::BIGINT AS taakstelling
    FROM level GROUP BY ALL ORDER BY municipality, year`);
  const out = new Map<string, FrameworkInput[]>();
  for (const r of rows) {
    const years = out.get(r.municipality) ?? [];
    out.set(r.municipality, years);
    const carry = r.begroting === null && years.at(-1)?.year === r.year - 1;
    years.push({
      year: r.year,
      budgetCents: r.begroting,
      carry,
      burapCents: r.burap ?? 0,
      targetCents: Math.abs(r.taakstelling ?? 0),
      contributionCents: r.rijksbijdrage,
    });
  }
  return out;
}

/**
 * The municipalities a region's framework sums: those asked (undefined: every one) that occur in the data — care,
 * invoices, PGB, budgets or cost lines. One of them without a budget row for a year makes the region's year unknown.
 */
export async function readParts(store: Store, municipalities?: readonly string[]): Promise<string[]> {
  // d_municipalities lists every municipality in the care data and the budgets; cost lines are read beside it.
  await ensureDerived(store);
  const rows = await store.all<{ municipality: string }>(sql`
    SELECT municipality FROM (SELECT municipality FROM d_municipalities UNION SELECT municipality FROM cost_line)
    WHERE true ${within(municipalities)} ORDER BY municipality`);
  return rows.map((r) => r.municipality);
}
