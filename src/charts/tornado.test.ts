// Specification of the tornado chart: floating bars from low to high, the widest band on top.
import { describe, expect, it } from 'vitest';
import { tornadoChart, tornadoOrder } from './tornado.ts';

const items = [
  { name: 'Toets', low: 10_000, high: 50_000 },
  { name: 'Inkoop', low: 0, high: 20_000 },
  { name: 'Jeugdteams', low: 10_000, high: 100_000 },
];

describe('tornado chart', () => {
  it('orders the measures widest band first', () => {
    expect(tornadoOrder(items).map((i) => i.name)).toEqual(['Jeugdteams', 'Toets', 'Inkoop']);
  });

  it('draws each band as an invisible bar to its low stacked under a bar of its width, the widest at the top', () => {
    const { option, height } = tornadoChart(items);
    const o = option as {
      yAxis: { data: string[] };
      series: { stack: string; data: (number | { value: number })[]; itemStyle: { color: string } }[];
    };
    // ECharts draws the first category at the bottom.
    expect(o.yAxis.data).toEqual(['Inkoop', 'Toets', 'Jeugdteams']);
    expect(o.series[0]!.data).toEqual([0, 10_000, 10_000]);
    expect(o.series[0]!.itemStyle.color).toBe('transparent');
    expect(o.series[1]!.data.map((d) => (typeof d === 'number' ? d : d.value))).toEqual([20_000, 40_000, 90_000]);
    expect(o.series.map((s) => s.stack)).toEqual(['band', 'band']);
    expect(height).toBe(360);
  });
});
