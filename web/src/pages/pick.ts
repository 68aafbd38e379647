// Finds figures in a MetricResult by unit or name, so the overview reads whichever columns a metric names its figures.
import type { Column, MetricResult, Value } from '../../../src/metrics/types.ts';

export interface Pick {
  result: MetricResult;
  first(unit: Column['unit'], clientCount?: boolean): { col: Column } | undefined;
  named(re: RegExp): { col: Column } | undefined;
  /** The total of a column: `totals` when given, else the single row's value. */
  total(name: string): Value;
  rowWhere(dim: string, value: string | number): Record<string, Value> | undefined;
}

export function pick(result: MetricResult): Pick {
  const wrap = (col: Column | undefined) => (col ? { col } : undefined);
  return {
    result,
    first: (unit, clientCount) =>
      wrap(result.columns.find((c) => c.unit === unit && (clientCount === undefined || !!c.clientCount === clientCount))),
    named: (re) => wrap(result.columns.find((c) => re.test(c.name))),
    total: (name) => result.totals?.[name] ?? (result.rows.length === 1 ? (result.rows[0][name] ?? null) : null),
    rowWhere: (dim, value) => result.rows.find((r) => String(r[dim]) === String(value)),
  };
}
