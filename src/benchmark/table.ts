// The benchmark as one table: a row per period, per line (municipality, group, region, the Netherlands) its percentage
// and its index, and why a cell is empty. The CSV export writes exactly this; an empty cell stays empty, never 0.
import type { MetricResult, Value } from '../contract/index.ts';
import type { BenchmarkSeries } from './series.ts';

/** Column names per line: `gemeente_pct`, `gemeente_index`, … */
export function benchmarkTable(series: BenchmarkSeries): MetricResult {
  const periods = series.lines[0]?.points.map((p) => p.period) ?? [];
  const rows = periods.map((period, i) => {
    const row: Record<string, Value> = { period };
    const why: string[] = [];
    for (const l of series.lines) {
      const p = l.points[i]!;
      row[`${l.who}_pct`] = p.percent;
      row[`${l.who}_index`] = p.index;
      if (p.reason) why.push(`${l.label}: ${p.reason}`);
    }
    row.reason = why.length ? why.join('; ') : null;
    return row;
  });
  return {
    metric: 'benchmark',
    title: `${series.label}; index ${series.base} = 100`,
    columns: [
      { name: 'period', label: 'Periode', unit: 'text', kind: 'key' },
      ...series.lines.flatMap((l) => [
        { name: `${l.who}_pct`, label: `${l.label} (%)`, unit: 'pct' as const, kind: 'value' as const },
        { name: `${l.who}_index`, label: `${l.label} (index)`, unit: 'ratio' as const, kind: 'value' as const },
      ]),
      { name: 'reason', label: 'Toelichting bij lege cellen', unit: 'text', kind: 'annotation' },
    ],
    rows,
    filters: {},
    split: [],
    ...(series.leftOut.length ? { notes: [`Niet meegeteld in de groep: ${series.leftOut.join(', ')}`] } : {}),
  };
}
