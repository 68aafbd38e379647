// The fan chart of a year-end forecast: cumulative cost per month so far, then the forecast's central line with its
// 80 % band to December, and the budget as a flat line. A pure option builder, like the other chart kinds.
import { formatEur, formatEurShort } from '../contract/format.ts';
import { NEUTRAL, PALETTE } from './colours.ts';
import type { ChartOption } from './index.ts';

export interface FanInput {
  /** Month labels of the whole year ('jan' … 'dec'). */
  months: string[];
  /** Cumulative cost (euros) for the months known so far, from January. */
  known: number[];
  /**
   * The forecast's value at the last known month (known + delivered but not yet invoiced), and at December: the
   * central value with the 80 % interval (null: no interval).
   */
  start: number;
  central: number;
  low: number | null;
  high: number | null;
  /** The year's budget (euros); null: none. */
  budget: number | null;
}

/** Straight from `from` at index `i0` to `to` at the last index; null before `i0`. */
function path(length: number, i0: number, from: number, to: number): (number | null)[] {
  const steps = length - 1 - i0;
  return Array.from({ length }, (_, i) =>
    i < i0 ? null : steps === 0 ? to : Math.round(from + ((to - from) * (i - i0)) / steps),
  );
}

/**
 * The option: known months as a solid line, the forecast as a dashed line from the last known month (where the
 * band is closed) to December, the band as the area between low and high, and the budget as a dotted line. Between
 * the last known month and December the forecast runs straight: only its end point is forecast.
 * @example fanChart({ months, known: [150, 300], start: 450, central: 1800, low: 1700, high: 1900, budget: 1600 })
 */
export function fanChart(f: FanInput): ChartOption {
  const n = f.months.length;
  const i0 = Math.max(0, f.known.length - 1);
  const known = f.known.map((v, i) => (i === f.known.length - 1 ? f.start : v));
  const central = path(n, i0, f.start, f.central);
  const low = f.low === null ? null : path(n, i0, f.start, f.low);
  const high = f.high === null ? null : path(n, i0, f.start, f.high);
  const series: Record<string, unknown>[] = [
    { name: 'Tot nu (incl. nog niet gedeclareerd)', type: 'line', data: known, symbol: 'circle', lineStyle: { width: 2 } },
    { name: 'Verwachting', type: 'line', data: central, symbol: 'none', lineStyle: { type: 'dashed', width: 2 } },
  ];
  if (low && high)
    series.push(
      // The band is drawn as the low line plus the (high − low) stacked on it; only the stacked part is filled.
      { name: '80 %-interval', type: 'line', stack: 'band', data: low, symbol: 'none', lineStyle: { opacity: 0 } },
      {
        name: '80 %-interval',
        type: 'line',
        stack: 'band',
        data: high.map((v, i) => (v === null ? null : v - low[i]!)),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: PALETTE[0], opacity: 0.18 },
      },
    );
  if (f.budget !== null)
    series.push({
      name: 'Begroting',
      type: 'line',
      data: f.months.map(() => f.budget),
      symbol: 'none',
      lineStyle: { type: 'dotted', color: NEUTRAL, width: 2 },
      itemStyle: { color: NEUTRAL },
    });
  return {
    legend: {
      top: 0,
      data: [
        'Tot nu (incl. nog niet gedeclareerd)',
        'Verwachting',
        ...(low ? ['80 %-interval'] : []),
        ...(f.budget !== null ? ['Begroting'] : []),
      ],
    },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: f.months, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatEurShort(v) } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatEur(v) : '–'),
    },
    series,
  };
}
