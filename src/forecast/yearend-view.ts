// The year-end forecast as the API and dashboard show it: for one municipality (or the region within a list of
// municipalities) one row per care type or team plus the total, each with the budget and the expected over/underspend,
// and the cumulative invoiced per month so far (the fan chart's known part).
import { budgetSql } from '../metrics/budget.ts';
import { ensureDerived, sql, type Store } from '../store/index.ts';
import { frameworkYears } from './framework-view.ts';
import { compact, compactAllocated, regionInputs, type TriangleSplit } from './yearend-store.ts';
import type { AllocatedCell } from './yearend-allocations.ts';
import { type CostCell, monthIndex, type YearEndForecast, yearEndForecast } from './yearend.ts';

/** One row: the forecast's figures (year and cut-off stand once on the view), the budget and the over/underspend. */
export interface YearEndRow extends Omit<YearEndForecast, 'year' | 'cutoff'> {
  /** The care type or team ('' for cost without a team); null on the total row. */
  key: string | null;
  /** Rows: begroting + burap of the care type or team. Total: the framework's year cost (jaarkosten = begroting + burap −
   * taakstelling, as the financial framework shows it); null without a budget. */
  budgetCents: number | null;
  /** Central − budget: positive is an overspend; null without a budget. */
  overspendCents: number | null;
}

export interface YearEndView {
  year: number;
  /** The last month whose invoices are known, 'jjjj-mm'. */
  cutoff: string;
  per: TriangleSplit;
  rows: YearEndRow[];
  total: YearEndRow;
  /** Per month of the year up to the cut-off: cost of care up to that month as invoiced by the cut-off. */
  months: { month: string; cumulativeCents: number }[];
}

export interface YearEndQuery {
  year?: number;
  /** The municipalities to sum; null: every municipality in the store. */
  municipalities: readonly string[] | null;
  /** Absolute month index (year × 12 + month − 1); default the month of the store's peildatum. */
  cutoff?: number;
  per: TriangleSplit;
}

const monthLabel = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

/** The month of the store's peildatum (absolute), or null for an empty store. */
export async function lastDataMonth(store: Store): Promise<number | null> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const row = await store.one<{ m: number | null }>(
    sql`SELECT (year(peildatum) * 12 + month(peildatum) - 1)::INTEGER AS m FROM d_meta`,
  );
  return row?.m ?? null;
}

/**
 * Forecasts each care type (or team) of the chosen municipalities as one group, and their total as one more: each
 * interval is read from the region's error pool at its own size, not added up from the rows' intervals. The invoice
 * lag, season and growth are learned on every municipality in the store together (the region), read once per data
 * state (`regionInputs`).
 */
export async function yearEndView(store: Store, q: YearEndQuery): Promise<YearEndView | null> {
  const cutoff = q.cutoff ?? (await lastDataMonth(store));
  if (cutoff === null) return null;
  const year = q.year ?? Math.floor(cutoff / 12);
  const { groups, allocated: allocatedGroups, learned, pool: poolAt, totalPool } = await regionInputs(store, q.per);
  const pool = poolAt(year, cutoff);
  const inScope = (m: string) => q.municipalities === null || q.municipalities.includes(m);
  const chosen = groups.filter((g) => inScope(g.municipality));
  // The chosen municipalities' cells summed per care type or team (fewer cells, the same sums: every amount is whole cents).
  const byKey = new Map<string, CostCell[]>();
  for (const g of chosen) byKey.set(g.split, [...(byKey.get(g.split) ?? []), ...g.cells]);
  for (const [k, cells] of byKey) byKey.set(k, compact(cells, true));
  const allocatedByKey = new Map<string, AllocatedCell[]>();
  for (const a of allocatedGroups.filter((a) => inScope(a.municipality)))
    allocatedByKey.set(a.split, [...(allocatedByKey.get(a.split) ?? []), ...a.allocated]);
  for (const [k, cells] of allocatedByKey) allocatedByKey.set(k, compactAllocated(cells));
  const budgets = await readBudgets(store, year, q.municipalities, q.per);
  const row = (key: string | null, cells: CostCell[], allocated: AllocatedCell[], budget: number | null): YearEndRow => {
    const f = yearEndForecast(cells, year, cutoff, {
      pattern: learned.pattern,
      allocated,
      utilisationFrom: learned.utilisationFrom(q.per === 'care_type' ? key : null),
      // The total's band from the municipalities' and the region's errors only: the same for either split.
      pool: key === null ? totalPool(year, cutoff) : pool,
    });
    return {
      key,
      invoicedCents: f.invoicedCents,
      notYetInvoicedCents: f.notYetInvoicedCents,
      runningCents: f.runningCents,
      inflowCents: f.inflowCents,
      centralCents: f.centralCents,
      utilisation: f.utilisation,
      low80Cents: f.low80Cents,
      high80Cents: f.high80Cents,
      budgetCents: budget,
      overspendCents: budget === null ? null : f.centralCents - budget,
      intervalReason: f.intervalReason,
      lagReason: f.lagReason,
    };
  };
  const keys = [...new Set([...byKey.keys(), ...budgets.byKey.keys()])].sort();
  const all = compact([...byKey.values()].flat(), true);
  const rows = keys.map((k) => row(k, byKey.get(k) ?? [], allocatedByKey.get(k) ?? [], budgets.byKey.get(k) ?? null));
  const first = monthIndex(year, 1);
  const months: YearEndView['months'] = [];
  let sum = 0;
  for (let k = first; k <= Math.min(cutoff, first + 11); k++) {
    for (const c of all) if (c.careMonth === k && c.invoiceMonth <= cutoff) sum += c.cents;
    months.push({ month: monthLabel(k), cumulativeCents: sum });
  }
  return {
    year,
    cutoff: monthLabel(cutoff),
    per: q.per,
    rows,
    total: row(null, all, compactAllocated([...allocatedByKey.values()].flat()), await yearCost(store, year, q.municipalities)),
    months,
  };
}

/** The financial framework's year cost (begroting + burap − taakstelling) of the year: the total's budget, as the
 * framework on the same page shows it; null when unknown or without a budget row. */
async function yearCost(store: Store, year: number, municipalities: readonly string[] | null): Promise<number | null> {
  const { all } = await frameworkYears(store, municipalities ?? undefined);
  return all.find((y) => y.year === year)?.yearCostCents ?? null;
}

/** Begroting + burap per care type or team, at the levels the budget analysis uses. */
async function readBudgets(
  store: Store,
  year: number,
  municipalities: readonly string[] | null,
  per: TriangleSplit,
): Promise<{ byKey: Map<string, number> }> {
  const filters = {
    ...(municipalities ? { municipality: [...municipalities] } : {}),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  };
  const split = per === 'care_type' ? 'care_type' : 'team';
  const rows = await store.all<{ key: string; cents: number | null }>(
    sql`SELECT ${split === 'care_type' ? sql`care_type` : sql`team`} AS key, sum(budget_cents)::BIGINT AS cents
        FROM (${budgetSql({ filters, split: [split] })}) GROUP BY ALL`,
  );
  const byKey = new Map<string, number>();
  for (const r of rows) if (r.cents !== null) byKey.set(r.key, Number(r.cents));
  return { byKey };
}
