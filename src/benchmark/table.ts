// The benchmark as one table: a row per period, per line (municipality, group, region, the Netherlands) its value
// and its index, and why a cell is empty. The CSV export writes exactly this; an empty cell stays empty, never 0.
import type { MetricResult, Value } from '../contract/index.ts';
import type { BenchmarkSeries } from './series.ts';

/**
 * The name of each line for a legend or a table header. The group leaves the municipality out, so with the group being
 * the youth-care region it differs from the region's line: its name says so instead of repeating the region's.
 * @example lineNames(series) // → ['Deventer', 'jeugdzorgregio IJsselland zonder Deventer', 'jeugdzorgregio IJsselland', 'Nederland']
 */
export function lineNames(series: BenchmarkSeries): string[] {
  const own = series.lines.find((l) => l.who === 'gemeente')?.label;
  return series.lines.map((l) =>
    l.who === 'groep' && own && series.lines.some((o) => o !== l && o.label === l.label) ? `${l.label} zonder ${own}` : l.label,
  );
}

/** Column names per line: `gemeente_pct` (`gemeente_eur` for an amount), `gemeente_index`, … */
export function benchmarkTable(series: BenchmarkSeries): MetricResult {
  const periods = series.lines[0]?.points.map((p) => p.period) ?? [];
  const names = lineNames(series);
  const unit = series.unit;
  const rows = periods.map((period, i) => {
    const row: Record<string, Value> = { period };
    const why: string[] = [];
    for (const l of series.lines) {
      const p = l.points[i]!;
      row[`${l.who}_${unit}`] = p.value;
      row[`${l.who}_index`] = p.index;
      if (p.reason) why.push(`${names[series.lines.indexOf(l)]}: ${p.reason}`);
    }
    row.reason = why.length ? why.join('; ') : null;
    return row;
  });
  return {
    metric: 'benchmark',
    title: `${series.label}; index ${series.base} = 100`,
    columns: [
      { name: 'period', label: 'Periode', unit: 'text', kind: 'key' },
      ...series.lines.flatMap((l, i) => [
        {
          name: `${l.who}_${unit}`,
          label: `${names[i]} (${unit === 'eur' ? '€' : '%'})`,
          unit,
          kind: 'value' as const,
        },
        { name: `${l.who}_index`, label: `${names[i]} (index)`, unit: 'ratio' as const, kind: 'value' as const },
      ]),
      { name: 'reason', label: 'Toelichting bij lege cellen', unit: 'text', kind: 'annotation' },
    ],
    rows,
    filters: {},
    split: [],
    ...(series.leftOut.length || series.note
      ? {
          notes: [
            ...(series.note ? [series.note] : []),
            ...(series.leftOut.length ? [`Niet meegeteld in de groep: ${series.leftOut.join(', ')}`] : []),
          ],
        }
      : {}),
  };
}
