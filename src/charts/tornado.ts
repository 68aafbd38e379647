// The tornado chart of measures: per measure its low–high band of savings as a floating horizontal bar, the widest
// (most uncertain) at the top. Pure: the dashboard draws the option on a canvas, the report could render it to SVG.
import { axisFormatter, formatEur } from '../contract/format.ts';
import { horizontalHeight } from './axis.ts';
import { PALETTE } from './colours.ts';
import type { Built } from './index.ts';

export interface TornadoItem {
  name: string;
  /** Euros. */
  low: number;
  high: number;
}

/** The items widest band first (ties by name), as the chart lists them from the top. */
export function tornadoOrder(items: readonly TornadoItem[]): TornadoItem[] {
  return [...items].sort((a, b) => b.high - b.low - (a.high - a.low) || a.name.localeCompare(b.name, 'nl'));
}

/**
 * A floating bar from low to high per item: an invisible bar up to `low` stacked under a visible one of `high − low`.
 * ECharts draws the first category at the bottom, so the order is reversed to put the widest on top.
 */
export function tornadoChart(items: readonly TornadoItem[]): Built {
  const ordered = tornadoOrder(items).reverse();
  const max = Math.max(0, ...ordered.map((i) => i.high));
  return {
    option: {
      animation: false,
      grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: axisFormatter('eur', max) } },
      yAxis: { type: 'category', data: ordered.map((i) => i.name) },
      tooltip: { trigger: 'item' },
      series: [
        {
          name: 'laag',
          type: 'bar',
          stack: 'band',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: ordered.map((i) => i.low),
        },
        {
          name: 'bandbreedte',
          type: 'bar',
          stack: 'band',
          itemStyle: { color: PALETTE[0] },
          data: ordered.map((i) => ({
            value: i.high - i.low,
            tooltip: { formatter: `${i.name}: ${formatEur(i.low)} – ${formatEur(i.high)}` },
          })),
        },
      ],
    },
    drill: () => [],
    height: horizontalHeight(ordered.length),
    notes: ['Per maatregel de besparing laag–hoog; de breedste band (de grootste onzekerheid) bovenaan.'],
  };
}
