// The baseline chart: one line per care type and one for the total, years left to right, cost in euros.
import { describe, expect, it } from 'vitest';
import type { BaselineView, BaselineYear } from '../forecast/baseline-view.ts';
import { baselineChart, baselineResult } from './baseline.ts';

const year = (y: number, costCents: number): BaselineYear => ({
  year: y,
  inflow: 12,
  stockMean: 10,
  stockEnd: 10,
  careDays: 3650,
  pricePerCareDayCents: 100,
  costCents,
});
const view: BaselineView = {
  baseYear: 2021,
  indexPercent: 2.5,
  careTypes: [
    { careType: 'ambulant', years: [year(2022, 100_00), year(2023, 102_50)] },
    { careType: 'verblijf', years: [year(2022, 300_00), year(2023, 307_50)] },
  ],
  total: [year(2022, 400_00), year(2023, 410_00)],
};

describe('baselineResult', () => {
  it('gives one row per year and care type, and the total as its own line, in euros', () => {
    const r = baselineResult(view);
    expect(r.title).toBe('Meerjarige basislijn (basisjaar 2021, indexatie 2,5 %)');
    expect(r.rows).toEqual([
      { year: '2022', care_type: 'ambulant', cost: 100 },
      { year: '2023', care_type: 'ambulant', cost: 102.5 },
      { year: '2022', care_type: 'verblijf', cost: 300 },
      { year: '2023', care_type: 'verblijf', cost: 307.5 },
      { year: '2022', care_type: 'Totaal', cost: 400 },
      { year: '2023', care_type: 'Totaal', cost: 410 },
    ]);
  });
});

describe('baselineChart', () => {
  it('draws a line per care type over the years', () => {
    const option = baselineChart(view).option as { series: { type: string; data: unknown[] }[]; xAxis: unknown };
    expect(option.series.map((s) => s.type)).toEqual(['line', 'line', 'line']);
    expect(JSON.stringify(option.xAxis)).toContain('2022');
    expect(option.series.every((s) => s.data.length === 2)).toBe(true);
  });
});
