// Shared shaping of answers: split columns, euro/ratio rounding, grouped rows plus exact totals from their own query.
import { ident, join, sql, type Sql, type Store } from '../store/index.ts';
import { DIMENSION_SPECS } from './sql/dimensions.ts';
import type { Where } from './sql/filters.ts';
import type { Column, Dimension, MetricRequest, MetricResult, Value } from './types.ts';

export type Row = Record<string, Value>;

/** Cents → euros (exact to the cent). */
export const eur = (cents: Value | undefined): number | null =>
  cents === null || cents === undefined ? null : Math.round(Number(cents)) / 100;

/** Rounds to `digits` decimals; null for null / non-finite (e.g. division by zero). */
export function round(x: number | null | undefined, digits = 2): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** a / b, null when b is 0 or missing. */
export const ratio = (a: Value | undefined, b: Value | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || Number(b) === 0 ? null : Number(a) / Number(b);

/** Percentage a / b × 100 with one decimal (the way council papers print it). */
export const pct = (a: Value | undefined, b: Value | undefined) => round((ratio(a, b) ?? NaN) * 100, 1);

/** Percentage change from `before` to `after`, one decimal. */
export const change = (after: Value | undefined, before: Value | undefined) =>
  round(((ratio(after, before) ?? NaN) - 1) * 100, 1);

/** The columns of the split dimensions, in split order. */
export function splitColumns(split: readonly Dimension[]): Column[] {
  return split.map((d) => ({ name: d, label: DIMENSION_SPECS[d].label, unit: 'text' as const, kind: 'key' as const }));
}

/** Runs a composed query; rows typed as metric rows (the SQL here only yields strings, numbers and nulls). */
export function query(store: Store, q: Where): Promise<Row[]> {
  return store.all<Row>(q);
}

/** Runs `build(split)` for the rows and `build([])` for the exact totals (clients are never summed over rows). */
export async function rowsAndTotals(store: Store, split: Dimension[], build: (split: Dimension[]) => Where) {
  const rows = await query(store, build(split));
  // Without a split the one row is the total: no second query.
  const totals = (split.length ? (await query(store, build([])))[0] : rows[0]) ?? {};
  return { rows: rows as Row[], totals: totals as Row };
}

/** Assembles a MetricResult. */
export function result(
  meta: { id: string; title: string },
  req: MetricRequest,
  columns: Column[],
  rows: Row[],
  totals?: Row,
  notes?: string[],
): MetricResult {
  return {
    metric: meta.id,
    title: meta.title,
    columns,
    rows,
    filters: req.filters,
    split: req.split,
    ...(totals ? { totals } : {}),
    ...(notes?.length ? { notes } : {}),
  };
}

/** ON-clause joining two grouped subqueries a and b on the split columns (NULL matches NULL; true without any). */
export function joinOn(names: readonly string[], a = 'a', b = 'b'): Sql {
  const same = names.map((n) => sql`${ident(a, n)} IS NOT DISTINCT FROM ${ident(b, n)}`);
  return same.length ? join(same, ' AND ') : sql`true`;
}

/** Select items taking each split column from whichever side has it. */
export function coalesceKeys(names: readonly string[], a = 'a', b = 'b'): Sql[] {
  return names.map((n) => sql`coalesce(${ident(a, n)}, ${ident(b, n)}) AS ${ident(n)}`);
}
