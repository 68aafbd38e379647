// The benchmark as line charts: the municipality, its reference group, its youth-care region and the Netherlands per
// period, as a percentage or as an index on the base period (= 100, marked by a line). Pure, like every chart builder.
// Each line has its own dash style and symbol besides its colour, so the four stay apart in grey-scale print.
import type { BenchmarkLine, BenchmarkSeries } from '../benchmark/series.ts';
import { lineNames } from '../benchmark/table.ts';
import { axisFormatter, formatEur, formatPeriod } from '../contract/format.ts';
import { legendHeight } from './axis.ts';
import { PALETTE } from './colours.ts';
import type { ChartOption } from './index.ts';

/** Per line: solid and heavy for the municipality itself, then dashed, dotted and dash-dot (ECharts dash arrays). */
const LOOK: Record<BenchmarkLine['who'], { color: string; type: string | number[]; width: number; symbol: string }> = {
  gemeente: { color: PALETTE[0]!, type: 'solid', width: 3, symbol: 'circle' },
  groep: { color: PALETTE[1]!, type: 'dashed', width: 2, symbol: 'rect' },
  regio: { color: PALETTE[2]!, type: 'dotted', width: 2, symbol: 'triangle' },
  nederland: { color: '#3b4450', type: [8, 3, 2, 3], width: 2, symbol: 'diamond' },
  // The municipality's own figure (from its own data) beside CBS's: the municipality's colour, dashed.
  eigen: { color: PALETTE[0]!, type: [2, 4], width: 2, symbol: 'emptyCircle' },
};

/**
 * The width the legend is wrapped at: legendHeight's 8 px a letter and 26 px a row overestimate the 14 px legend, so
 * at 560 px its rows still cover the narrowest chart drawn (two side by side from 28rem each, web/src/style.css) and
 * the top axis label ("€ 10.000") never sits under the legend.
 */
const CHART_WIDTH = 560;

/** Two decimals for a percentage (shares with residence are around 1 %), one for an index. */
const number = (digits: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = number(2);
const idx = number(1);

/** A point's value in its unit: "12,34 %" for a share, "€ 238,80" for an amount per inhabitant. */
export function formatBenchmarkValue(unit: BenchmarkSeries['unit'], v: number): string {
  return unit === 'eur' ? formatEur(v) : `${pct.format(v)} %`;
}

/**
 * The value axis's labels: as every chart's, except small amounts (a few euros per inhabitant in a small data set),
 * which keep their cents so ticks of € 0,50 apart do not all read "€ 1".
 */
function valueAxis(unit: BenchmarkSeries['unit'], max: number): (v: number) => string {
  return unit === 'eur' && max < 10 ? (v) => formatEur(v) : axisFormatter(unit, max);
}

/** The value a chart of `kind` draws for a point; null stays null (a gap in the line, never a 0). */
function drawn(p: BenchmarkLine['points'][number], kind: 'value' | 'index'): number | null {
  return kind === 'value' ? p.value : p.index;
}

/**
 * The option for `series` as its values (percentages or euros) or as the index (base period = 100).
 * @example benchmarkChart(series, 'index') // four lines and a marked line at 100
 */
export function benchmarkChart(series: BenchmarkSeries, kind: 'value' | 'index'): ChartOption {
  const periods = series.lines[0]?.points.map((p) => p.period) ?? [];
  const values = series.lines.flatMap((l) => l.points.map((p) => drawn(p, kind))).filter((v) => v !== null);
  const max = Math.max(0, ...values.map(Math.abs));
  const names = lineNames(series);
  const format = (v: unknown) =>
    typeof v !== 'number' ? '–' : kind === 'value' ? formatBenchmarkValue(series.unit, v) : idx.format(v);
  return {
    legend: { top: 0, type: 'plain', data: names },
    grid: { left: 8, right: 24, top: legendHeight(names, CHART_WIDTH) + 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map(formatPeriod), boundaryGap: false },
    yAxis: {
      type: 'value',
      // The index reads against 100: the axis need not start at 0 there; a share does (no exaggerated slopes).
      scale: kind === 'index',
      axisLabel: { formatter: kind === 'value' ? valueAxis(series.unit, max) : (v: number) => idx.format(v) },
    },
    tooltip: { trigger: 'axis', valueFormatter: format },
    series: series.lines.map((l, i) => {
      const look = LOOK[l.who];
      return {
        name: names[i],
        type: 'line',
        data: l.points.map((p) => drawn(p, kind)),
        // A missing period is a gap, not a line drawn through it as if it were known.
        connectNulls: false,
        symbol: look.symbol,
        symbolSize: l.who === 'gemeente' ? 7 : 6,
        z: l.who === 'gemeente' ? 3 : 2,
        lineStyle: { type: look.type, width: look.width, color: look.color },
        itemStyle: { color: look.color },
        ...(kind === 'index' && i === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                // Named in the chart's caption and the tooltip; a label on the line would sit on the lines.
                label: { show: false },
                lineStyle: { type: 'solid', color: '#9aa3ad', width: 1 },
                data: [{ yAxis: 100, name: `${formatPeriod(series.base)} = 100` }],
              },
            }
          : {}),
      };
    }),
  };
}
