// Reads the invoice triangle for the year-end forecast from the store: accepted cost (PGB included) per municipality and
// care type or team, by month of care and month of invoice (a PGB payment counts as invoiced at the end of its period).
import { ensureDerived, join, sql, type Sql, type Store } from '../store/index.ts';
import { type CostCell, type YearEndForecast, yearEndForecast } from './yearend.ts';

/** What the groups are split by besides the municipality. */
export type TriangleSplit = 'care_type' | 'team';

export interface TriangleGroup {
  municipality: string;
  /** The care type, or the team ('' for cost without a team, such as PGB). */
  split: string;
  cells: CostCell[];
}

const SPLIT_SQL: Record<TriangleSplit, Sql> = { care_type: sql`care_type`, team: sql`coalesce(team_id, '')` };

/** The cost cells per municipality × care type or team (rows of the derived cost table; call after `refreshDerived`). */
export async function readCostTriangle(
  store: Store,
  options: { by?: TriangleSplit; municipalities?: readonly string[] } = {},
): Promise<TriangleGroup[]> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const municipalities = options.municipalities;
  const only = municipalities
    ? sql`WHERE municipality IN (${municipalities.length ? join([...municipalities]) : sql`NULL`})`
    : sql``;
  const rows = await store.all<{
    municipality: string;
    split: string;
    care_month: number;
    invoice_month: number;
    cents: number;
  }>(sql`
    SELECT municipality, ${SPLIT_SQL[options.by ?? 'care_type']} AS split,
      (year(care_date) * 12 + month(care_date) - 1)::INTEGER AS care_month,
      (year(invoice_date) * 12 + month(invoice_date) - 1)::INTEGER AS invoice_month,
      sum(amount_cents)::BIGINT AS cents
    FROM d_cost ${only} GROUP BY ALL ORDER BY municipality, split, care_month, invoice_month`);
  const groups = new Map<string, TriangleGroup>();
  for (const r of rows) {
    const key = `${r.municipality}\u0000${r.split}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { municipality: r.municipality, split: r.split, cells: [] }));
    g.cells.push({ careMonth: r.care_month, invoiceMonth: r.invoice_month, cents: r.cents });
  }
  return [...groups.values()];
}

export interface GroupForecast {
  municipality: string;
  split: string;
  forecast: YearEndForecast;
}

/**
 * The year-end forecast of `year` per municipality × care type or team, at the end of the cut-off month (default: the
 * month of the store's peildatum). The invoice lag, seasonal profile and growth are learned on all groups together
 * (the region).
 */
export async function yearEndFromStore(
  store: Store,
  year: number,
  options: { cutoff?: number; by?: TriangleSplit } = {},
): Promise<GroupForecast[]> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const groups = await readCostTriangle(store, { by: options.by });
  const cutoff = options.cutoff;
  const at =
    cutoff ??
    (await store.one<{ m: number }>(sql`SELECT (year(peildatum) * 12 + month(peildatum) - 1)::INTEGER AS m FROM d_meta`))!.m;
  const region = groups.flatMap((g) => g.cells);
  return groups.map((g) => ({
    municipality: g.municipality,
    split: g.split,
    forecast: yearEndForecast(g.cells, year, at, { pattern: region }),
  }));
}
