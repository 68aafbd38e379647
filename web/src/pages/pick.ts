// Finds figures in a MetricResult by the column names the contract declares (src/contract/columns.ts).
import type { Column, MetricResult, Value } from '../../../src/contract/index.ts';

export interface Pick {
  result: MetricResult;
  /** The answer's column with the declared column's name (absent when the answer lacks it). */
  column(declared: { name: string }): { col: Column } | undefined;
  /** The total of a column: `totals` when given, else the single row's value. */
  total(name: string): Value;
  rowWhere(dim: string, value: string | number): Record<string, Value> | undefined;
}

export function pick(result: MetricResult): Pick {
  const wrap = (col: Column | undefined) => (col ? { col } : undefined);
  return {
    result,
    column: (declared) => wrap(result.columns.find((c) => c.name === declared.name)),
    total: (name) => result.totals?.[name] ?? (result.rows.length === 1 ? (result.rows[0][name] ?? null) : null),
    rowWhere: (dim, value) => result.rows.find((r) => String(r[dim]) === String(value)),
  };
}
