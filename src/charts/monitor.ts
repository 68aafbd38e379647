// The monitoring chart of a measure: its indicator over the stretch before the start beside the equally long stretch
// after it, as two bars with their periods. Pure: the dashboard draws the option, the report could render it to SVG.
import { axisFormatter, formatDate, formatValue } from '../contract/format.ts';
import type { Unit } from '../contract/index.ts';
import { NEUTRAL, PALETTE } from './colours.ts';
import type { Built } from './index.ts';

export interface MonitorBars {
  label: string;
  unit: Unit;
  before: { from: string; to: string; value: number | null };
  after: { from: string; to: string; value: number | null };
}

/** The two bars' category names: "Vóór de start" / "Na de start" with the period under it. */
export const monitorCategory = (when: 'vóór' | 'na', w: { from: string; to: string }) =>
  `${when === 'vóór' ? 'Vóór' : 'Na'} de start\n${formatDate(w.from)} – ${formatDate(w.to)}`;

/** Two bars (an unknown value is left empty, never drawn as 0), before in grey, after in the palette's first colour. */
export function monitorChart(m: MonitorBars): Built {
  const values = [m.before.value, m.after.value];
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  return {
    option: {
      animation: false,
      // Room under the axis for the two-line category labels (containLabel measures only their first line).
      grid: { left: 8, right: 16, top: 32, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: [monitorCategory('vóór', m.before), monitorCategory('na', m.after)],
        // Two lines per label with room between them: the period must not run into "Vóór de start".
        axisLabel: { interval: 0, lineHeight: 16 },
      },
      yAxis: {
        type: 'value',
        name: m.label,
        // The indicator's name starts at the axis and runs right, so a long name is not cut at the chart's left edge.
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: axisFormatter(m.unit, max) },
      },
      tooltip: { trigger: 'item' },
      series: [
        {
          name: m.label,
          type: 'bar',
          barMaxWidth: 64,
          label: { show: true, position: 'top', formatter: (p: { value: number }) => formatValue(p.value, m.unit) },
          data: values.map((value, i) => ({ value, itemStyle: { color: i === 0 ? NEUTRAL : PALETTE[0] } })),
        },
      ],
    },
    drill: () => [],
    height: 220,
    notes: ['Links de periode vóór de start, rechts de even lange periode erna.'],
  };
}
