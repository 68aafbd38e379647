// The whole cost picture beside the framework: per year the realised invoices (declaraties and PGB, d_cost) and the
// youth-care costs that are not invoices (table cost_line: access team, subsidies, lump sums, prevention), by kind.
import type { CostKind } from './cost-kinds.ts';
import { ensureDerived, join, sql, type Sql, type Store } from '../store/index.ts';

export interface RealisedYear {
  year: number;
  /** Accepted invoice lines and PGB payments with care in the year. */
  invoicedCents: number;
  /** Non-invoice cost per kind (only kinds with a line in the year). */
  costLines: Partial<Record<CostKind, number>>;
  costLinesCents: number;
}

/** `AND municipality IN (…)`, or nothing for the whole store. */
const within = (municipalities?: readonly string[]): Sql =>
  municipalities ? sql`AND municipality IN (${municipalities.length ? join([...municipalities]) : sql`NULL`})` : sql``;

/** Realised cost per year from `from` to `to` (inclusive) within the municipalities (undefined: all). */
export async function readRealised(
  store: Store,
  from: number,
  to: number,
  municipalities?: readonly string[],
): Promise<Map<number, RealisedYear>> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const only = within(municipalities);
  const invoiced = await store.all<{ year: number; cents: number }>(sql`
    SELECT year(care_date)::INTEGER AS year, sum(amount_cents)::BIGINT AS cents FROM d_cost
    WHERE year(care_date) BETWEEN ${from} AND ${to} ${only} GROUP BY ALL`);
  const lines = await store.all<{ year: number; kind: CostKind; cents: number }>(sql`
    SELECT year, cost_kind AS kind, sum(amount_cents)::BIGINT AS cents FROM cost_line
    WHERE year BETWEEN ${from} AND ${to} ${only} GROUP BY ALL ORDER BY year, kind`);
  const out = new Map<number, RealisedYear>();
  const at = (year: number) => {
    let y = out.get(year);
    if (!y) out.set(year, (y = { year, invoicedCents: 0, costLines: {}, costLinesCents: 0 }));
    return y;
  };
  for (const r of invoiced) at(r.year).invoicedCents = Number(r.cents);
  for (const r of lines) {
    const y = at(r.year);
    y.costLines[r.kind] = Number(r.cents);
    y.costLinesCents += Number(r.cents);
  }
  return out;
}
