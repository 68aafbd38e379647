// Specification of the monitoring chart: the indicator before and after a measure's start as two labelled bars.
import { describe, expect, it } from 'vitest';
import { monitorChart } from './monitor.ts';

describe('monitoring chart', () => {
  const built = monitorChart({
    label: 'Kosten (€)',
    unit: 'eur',
    before: { from: '2017-01-01', to: '2017-12-31', value: 1_000 },
    after: { from: '2018-01-01', to: '2018-12-31', value: 2_500.5 },
  });
  const o = built.option as {
    xAxis: { data: string[] };
    yAxis: { name: string };
    series: {
      type: string;
      data: { value: number | null; itemStyle: { color: string } }[];
      label: { formatter: (p: { value: number }) => string };
    }[];
  };

  it('sets the period before the start beside the one after it, each with its dates', () => {
    expect(o.xAxis.data).toEqual(['Vóór de start\n01-01-2017 – 31-12-2017', 'Na de start\n01-01-2018 – 31-12-2018']);
    expect(o.series.map((s) => s.type)).toEqual(['bar']);
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([1_000, 2_500.5]);
    expect(o.series[0]!.data[0]!.itemStyle.color).not.toBe(o.series[0]!.data[1]!.itemStyle.color);
    expect(o.yAxis.name).toBe('Kosten (€)');
    expect(o.series[0]!.label.formatter({ value: 2_500.5 }).replace(/\u00a0/g, ' ')).toBe('€ 2.501');
  });

  it('leaves an unknown value empty instead of drawing 0', () => {
    const unknown = monitorChart({
      label: 'Aandeel (%)',
      unit: 'pct',
      before: { from: '2017-01-01', to: '2017-12-31', value: null },
      after: { from: '2018-01-01', to: '2018-12-31', value: 12 },
    }).option as typeof o;
    expect(unknown.series[0]!.data.map((d) => d.value)).toEqual([null, 12]);
  });
});
