// The chart frame orders categories without a natural order largest first, by magnitude: a fall counts as much as a rise.
import { describe, expect, it } from 'vitest';
import { frameOf } from '../../src/charts/frame.ts';
import type { MetricResult } from '../../src/metrics/types.ts';

const result = (rows: MetricResult['rows']): MetricResult => ({
  metric: 'costs_yoy',
  title: 'Verandering',
  split: ['provider'],
  filters: {},
  columns: [
    { name: 'provider', label: 'Aanbieder', unit: 'text' },
    { name: 'cost_change', label: 'Verandering kosten', unit: 'eur' },
  ],
  rows,
});

describe('frameOf', () => {
  it('puts providers in order of the size of the change, unknown values last', () => {
    const f = frameOf(
      result([
        { provider: 'A', cost_change: 100 },
        { provider: 'B', cost_change: -300 },
        { provider: 'C', cost_change: null },
        { provider: 'D', cost_change: 50 },
      ]),
      { provider: [{ value: 'B', label: 'Aanbieder B' }] },
    );
    expect(f.categories('provider').map((c) => c.label)).toEqual(['Aanbieder B', 'A', 'D', 'C']);
  });
});

describe('frameOf: annotations', () => {
  it("never makes a remark column (utilisation's data-quality signal) a category of the chart", () => {
    const f = frameOf(
      {
        metric: 'utilisation',
        title: 'Uitnutting',
        split: ['year'],
        filters: {},
        columns: [
          { name: 'year', label: 'Jaar', unit: 'text' },
          { name: 'euros_pct', label: "Uitnutting euro's (%)", unit: 'pct' },
          { name: 'signal', label: 'Signaal', unit: 'text', annotation: true },
        ],
        rows: [
          { year: '2018', euros_pct: 65.6, signal: null },
          { year: '2019', euros_pct: 101.7, signal: 'Meer gedeclareerd dan toegewezen' },
        ],
      },
      {},
    );
    expect(f.dims.map((d) => d.name)).toEqual(['year']);
  });
});
