import { describe, expect, it } from 'vitest';
import type { MetricResult } from '../metrics/types.ts';
import { ownCostLine, withOwnLine } from './owncost.ts';
import type { BenchmarkSeries } from './series.ts';

/** A per_youth answer split by year, as a reader gets it: 2019 hidden (<10 clients), 2021 without a population. */
const result = {
  metric: 'per_youth',
  title: 'Jeugdzorg per jeugdige inwoner',
  columns: [],
  rows: [
    { year: 2019, clients: '<10', cost_per_inhabitant: null },
    { year: 2020, clients: 40, cost_per_inhabitant: 238.78 },
    { year: 2021, clients: 45, cost_per_inhabitant: null },
    { year: 2022, clients: 50, cost_per_inhabitant: 262.66 },
  ],
  filters: {},
  split: ['year'],
} as unknown as MetricResult;

describe('the own cost per inhabitant beside CBS', () => {
  it('indexes the own figure on the base year and says why a year has none', () => {
    const line = ownCostLine(result, '2020');
    expect([line.who, line.label]).toEqual(['eigen', 'eigen gegevens']);
    expect(line.points.map((p) => [p.period, p.value, p.percent, p.index, p.reason])).toEqual([
      ['2019', null, null, null, 'afgeschermd: te weinig cliënten'],
      ['2020', 238.78, null, 100, null],
      ['2021', null, null, null, 'het eigen inwonertal (bevolkingstabel) ontbreekt'],
      // 262.66 / 238.78 = 110.0 %.
      ['2022', 262.66, null, 110, null],
    ]);
  });

  it('gives the own cost per youth in care: the cost over the clients 0–17 of each year, as the guard let them through', () => {
    const perClient = {
      ...result,
      rows: [
        { year: 2019, clients: '<10', cost: null },
        { year: 2020, clients: 40, cost: 480_000 },
        { year: 2021, clients: 0, cost: 0 },
        { year: 2022, clients: 48, cost: 600_000 },
      ],
    } as unknown as MetricResult;
    const line = ownCostLine(perClient, '2020', 'client');
    expect(line.points.map((p) => [p.period, p.value, p.index, p.reason])).toEqual([
      ['2019', null, null, 'afgeschermd: te weinig cliënten'],
      // € 480,000 / 40 = € 12,000; € 600,000 / 48 = € 12,500 (index 104.2).
      ['2020', 12_000, 100, null],
      // No youth in care and no cost: the own data has nothing on 2021.
      ['2021', null, null, 'geen eigen gegevens over deze periode'],
      ['2022', 12_500, 104.2, null],
    ]);
  });

  it('leaves a period the own data does not cover missing, never € 0: after the last invoiced month, or without cost and clients', () => {
    // Data through 2024-12; allocations still running in 2025 give clients but no cost; 2026 has neither.
    const ended = {
      ...result,
      rows: [
        { year: 2024, clients: 40, cost: 480_000, cost_per_inhabitant: 24 },
        { year: 2025, clients: 12, cost: 0, cost_per_inhabitant: 0 },
        { year: 2026, clients: 0, cost: 0, cost_per_inhabitant: 0 },
      ],
    } as unknown as MetricResult;
    const none = [null, null, 'geen eigen gegevens over deze periode'];
    for (const per of ['inwoner', 'client'] as const) {
      const line = ownCostLine(ended, '2024', per, '2024-12');
      expect(line.points.map((p) => [p.period, p.value, p.index, p.reason])).toEqual([
        ['2024', per === 'inwoner' ? 24 : 12_000, 100, null],
        ['2025', ...none],
        ['2026', ...none],
      ]);
    }
    // Half-years: 2024-H2 starts in July, within data through 2024-07; 2025-H1 does not.
    const half = {
      ...ended,
      rows: [
        { half_year: '2024-H2', clients: 40, cost: 480_000 },
        { half_year: '2025-H1', clients: 12, cost: 0 },
      ],
    };
    expect(
      ownCostLine(half as unknown as MetricResult, '2024-H2', 'client', '2024-07').points.map((p) => [
        p.period,
        p.value,
        p.reason,
      ]),
    ).toEqual([
      ['2024-H2', 12_000, null],
      ['2025-H1', null, 'geen eigen gegevens over deze periode'],
    ]);
    // Without any invoice (coverage null) no period has an own figure; without a coverage given, the rows decide alone.
    expect(ownCostLine(ended, '2024', 'client', null).points.map((p) => p.value)).toEqual([null, null, null]);
    expect(ownCostLine(ended, '2024', 'client').points.map((p) => [p.period, p.value])).toEqual([
      ['2024', 12_000],
      ['2025', 0],
      ['2026', null],
    ]);
  });

  it('adds the own line last and gives every line a point for every period either has', () => {
    const series: BenchmarkSeries = {
      measure: 'kosten-per-inwoner',
      label: 'Lasten jeugdhulp per inwoner (€)',
      unit: 'eur',
      base: '2020',
      lines: [
        {
          who: 'gemeente',
          label: 'Steenwijkerland',
          points: [{ period: '2020', value: 238.8, percent: null, index: 100, reason: null }],
        },
      ],
      leftOut: [],
    };
    const out = withOwnLine(series, ownCostLine(result, '2020'), null);
    expect(out.lines.map((l) => [l.who, l.points.map((p) => [p.period, p.value, p.reason])])).toEqual([
      [
        'gemeente',
        [
          ['2019', null, 'geen CBS-cijfer voor deze periode'],
          ['2020', 238.8, null],
          ['2021', null, 'geen CBS-cijfer voor deze periode'],
          ['2022', null, 'geen CBS-cijfer voor deze periode'],
        ],
      ],
      [
        'eigen',
        [
          ['2019', null, 'afgeschermd: te weinig cliënten'],
          ['2020', 238.78, null],
          ['2021', null, 'het eigen inwonertal (bevolkingstabel) ontbreekt'],
          ['2022', 262.66, null],
        ],
      ],
    ]);
    // Refused (outside the scope): no points of its own, the reason on every period.
    const refused = withOwnLine(series, ownCostLine(null, '2020'), 'geen eigen cijfer: geen toegang');
    expect(refused.lines[1]!.points).toEqual([
      { period: '2020', value: null, percent: null, index: null, reason: 'geen eigen cijfer: geen toegang' },
    ]);
  });
});
