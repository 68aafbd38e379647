// The benchmark chart: four lines (municipality, group, region, the Netherlands) told apart by dash style as well as
// colour, a missing figure as a gap (never 0), and on the index chart a line at 100 naming the base period.
import { describe, expect, it } from 'vitest';
import type { BenchmarkLine, BenchmarkSeries } from '../benchmark/series.ts';
import { benchmarkChart, formatBenchmarkValue } from './benchmark.ts';

const line = (who: BenchmarkLine['who'], label: string, percents: (number | null)[]): BenchmarkLine => ({
  who,
  label,
  points: percents.map((percent, i) => ({
    period: ['2020-H1', '2020-H2', '2021-H1'][i]!,
    value: percent,
    percent,
    // Indexed on 2020-H1.
    index: percent === null ? null : Math.round((percent / percents[0]!) * 1000) / 10,
    reason: percent === null ? 'geheim' : null,
  })),
});
const series: BenchmarkSeries = {
  measure: 'met-verblijf',
  label: 'Jongeren met jeugdhulp met verblijf (% van 0–17 jaar)',
  unit: 'pct',
  base: '2020-H1',
  lines: [
    line('gemeente', 'Steenwijkerland', [1.2, null, 1.5]),
    line('groep', 'jeugdzorgregio IJsselland', [1.0, 1.1, 1.2]),
    line('regio', 'jeugdzorgregio IJsselland', [1.0, 1.1, 1.2]),
    line('nederland', 'Nederland', [0.8, 0.8, 1.0]),
  ],
  leftOut: [],
};
type Line = { name: string; data: (number | null)[]; lineStyle: { type: unknown }; symbol: string; markLine?: unknown };
const lines = (kind: 'value' | 'index') => benchmarkChart(series, kind).series as Line[];

describe('benchmarkChart', () => {
  it('draws the percentages per period, with a gap where the municipality has no figure', () => {
    expect(lines('value').map((s) => [s.name, s.data])).toEqual([
      ['Steenwijkerland', [1.2, null, 1.5]],
      ['jeugdzorgregio IJsselland zonder Steenwijkerland', [1.0, 1.1, 1.2]],
      ['jeugdzorgregio IJsselland', [1.0, 1.1, 1.2]],
      ['Nederland', [0.8, 0.8, 1.0]],
    ]);
    expect((benchmarkChart(series, 'value').xAxis as { data: string[] }).data).toEqual(['H1 2020', 'H2 2020', 'H1 2021']);
  });

  it('names the group apart from the region it equals (the group leaves the municipality out)', () => {
    expect((benchmarkChart(series, 'value').legend as { data: string[] }).data).toEqual([
      'Steenwijkerland',
      'jeugdzorgregio IJsselland zonder Steenwijkerland',
      'jeugdzorgregio IJsselland',
      'Nederland',
    ]);
  });

  it('leaves the legend room above the grid, for a share and for an amount with the own line, so no axis label sits under it', () => {
    const top = (s: BenchmarkSeries, kind: 'value' | 'index') => (benchmarkChart(s, kind).grid as { top: number }).top;
    // At 560 px (40 px + 8 px a letter per item): 'Steenwijkerland' (160), '… zonder Steenwijkerland' (424),
    // 'jeugdzorgregio IJsselland' (240) + 'Nederland' (112): three rows of 26 px, 12 px margin, 8 px below.
    expect([top(series, 'value'), top(series, 'index')]).toEqual([98, 98]);
    const cost: BenchmarkSeries = {
      ...series,
      measure: 'kosten-per-inwoner',
      unit: 'eur',
      lines: [...series.lines, line('eigen', 'eigen gegevens', [12_000, null, 10_500])],
    };
    // 'eigen gegevens' (152) still fits beside the 352 px of the third row; a longer own label would take a fourth.
    expect([top(cost, 'value'), top(cost, 'index')]).toEqual([98, 98]);
    const longer = {
      ...cost,
      lines: cost.lines.map((l) => (l.who === 'eigen' ? { ...l, label: 'eigen gegevens van de gemeente' } : l)),
    };
    expect(top(longer, 'value')).toBe(124);
    expect(benchmarkChart(cost, 'value').legend).toMatchObject({ top: 0, type: 'plain' });
  });

  it('gives every line its own dash style and symbol, so they stay apart without colour', () => {
    const looks = lines('value').map((s) => JSON.stringify([s.lineStyle.type, s.symbol]));
    expect(new Set(looks).size).toBe(4);
    expect(lines('value')[0]!.lineStyle.type).toBe('solid');
  });

  it('draws the index with a line at 100 naming the base period', () => {
    const [own] = lines('index');
    expect(own!.data).toEqual([100, null, 125]);
    expect(JSON.stringify(own!.markLine)).toContain('"yAxis":100');
    expect(JSON.stringify(own!.markLine)).toContain('H1 2020 = 100');
    expect(lines('value')[0]!.markLine).toBeUndefined();
  });

  it('formats a value in its unit: a share in %, the cost per inhabitant in euros with cents', () => {
    expect(formatBenchmarkValue('pct', 12.3)).toBe('12,30 %');
    expect(formatBenchmarkValue('eur', 238.8)).toBe('€\u00a0238,80');
    const cost: BenchmarkSeries = { ...series, measure: 'kosten-per-inwoner', unit: 'eur' };
    const tip = (benchmarkChart(cost, 'value').tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter;
    expect([tip(209.6), tip(null)]).toEqual(['€\u00a0209,60', '–']);
  });

  it('keeps the cents on the axis of small amounts, so ticks half a euro apart do not read alike', () => {
    const axis = (max: number) => {
      const cost: BenchmarkSeries = {
        ...series,
        measure: 'kosten-per-inwoner',
        unit: 'eur',
        lines: [
          {
            who: 'eigen',
            label: 'eigen gegevens',
            points: [{ period: '2020', value: max, percent: null, index: 100, reason: null }],
          },
        ],
      };
      return (benchmarkChart(cost, 'value').yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    };
    expect([axis(3)(2.5), axis(3)(3)]).toEqual(['€\u00a02,50', '€\u00a03,00']);
    expect(axis(240)(200)).toBe('€\u00a0200');
  });
});
