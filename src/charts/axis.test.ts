// Specification of the axis choices: how many bars a chart draws (and what "Overige" sums), when a value axis leaves
// 0, how tall a chart may get, that every compared series is drawn, and that rises and falls differ in more than colour.
import { describe, expect, it } from 'vitest';
import type { Column, MetricResult, Value } from '../contract/index.ts';
import { axisStart, categoryChart, horizontalHeight, MAX_CHART_HEIGHT, topN, waterfallChart } from './axis.ts';
import { censoringNotes } from './captions.ts';
import { changeColour, FALL, PALETTE, RISE, seriesLook } from './colours.ts';
import { frameOf } from './frame.ts';

const result = (columns: Column[], rows: Record<string, Value>[], split: string[] = []): MetricResult =>
  ({ metric: 't', title: 'T', columns, rows, filters: {}, split }) as MetricResult;

type Series = { name: string; data: (number | null | { value: number; itemStyle: { color: string } })[]; label?: unknown };
const seriesOf = (option: object) => (option as { series: Series[] }).series;
const categoriesOf = (option: object) => {
  const o = option as { xAxis: { data?: string[] }; yAxis: { data?: string[] } };
  return o.yAxis.data ?? o.xAxis.data ?? [];
};

describe('top-N', () => {
  it('keeps the first n and leaves the rest, but never a rest of one', () => {
    expect(topN([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], rest: [4, 5] });
    expect(topN([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3, 4], rest: [] });
  });

  it('draws the 15 largest providers and one "Overige (n)" bar holding the sum of the rest', () => {
    // 20 providers costing 20, 19, … 1: the largest 15 are 20…6, the other five (5+4+3+2+1) make 15.
    const rows = Array.from({ length: 20 }, (_, i) => ({ provider: `p${i + 1}`, cost: 20 - i }));
    const f = frameOf(
      result(
        [
          { name: 'provider', label: 'Aanbieder', unit: 'text' },
          { name: 'cost', label: 'Kosten', unit: 'eur' },
        ],
        rows,
        ['provider'],
      ),
      {},
    );
    const built = categoryChart(f, 'bar');
    const cats = categoriesOf(built.option);
    expect(cats).toHaveLength(16);
    expect(cats.at(-1)).toBe('Overige (5)');
    expect(seriesOf(built.option)[0].data.at(-1)).toBe(15);
    expect(built.height).toBeLessThanOrEqual(MAX_CHART_HEIGHT);
    expect(built.drill({ dataIndex: 15 })).toEqual([]);
    expect(built.drill({ dataIndex: 0 })).toEqual([{ dim: 'provider', value: 'p1' }]);
  });

  it('ranks by everything drawn: the largest claims stay even when the chosen measure is 0 for most', () => {
    // 20 providers; only p20 (the smallest claim) has a rejection. Claims of 100…81 decide which 15 are drawn.
    const rows = Array.from({ length: 20 }, (_, i) => ({ provider: `p${i + 1}`, claimed: 100 - i, rejected: i === 19 ? 2 : 0 }));
    const f = frameOf(
      result(
        [
          { name: 'provider', label: 'Aanbieder', unit: 'text' },
          { name: 'claimed', label: 'Gedeclareerd', unit: 'eur' },
          { name: 'rejected', label: 'Afgewezen', unit: 'eur' },
        ],
        rows,
        ['provider'],
      ),
      {},
      ['rejected'],
      ['claimed', 'rejected'],
    );
    const built = categoryChart(f, 'bar');
    expect(categoriesOf(built.option)).toEqual([...rows.slice(0, 15).map((r) => r.provider), 'Overige (5)']);
    // The rest: claims 85+84+83+82+81 = 415, rejections 2.
    expect(seriesOf(built.option).map((s) => s.data.at(-1))).toEqual([415, 2]);
  });

  it('keeps a chart of 300 bars' + "'" + ' worth of categories within the screen', () => {
    expect(horizontalHeight(16)).toBe(90 + 16 * 26);
    expect(horizontalHeight(300)).toBe(MAX_CHART_HEIGHT);
  });
});

describe('changes', () => {
  it('colour a rise and a fall apart and label each bar with its sign', () => {
    const f = frameOf(
      result(
        [
          { name: 'provider', label: 'Aanbieder', unit: 'text' },
          { name: 'cost_change', label: 'Verandering kosten', unit: 'eur' },
        ],
        [
          { provider: 'a', cost_change: 300 },
          { provider: 'b', cost_change: -200 },
        ],
        ['provider'],
      ),
      {},
    );
    const built = categoryChart(f, 'bar');
    const [s] = seriesOf(built.option);
    expect(s.data).toEqual([
      { value: 300, itemStyle: { color: RISE } },
      { value: -200, itemStyle: { color: FALL } },
    ]);
    const label = s.label as { formatter: (p: { value: number }) => string };
    expect(label.formatter({ value: -200 })).toBe('−€\u00a0200,00');
    expect(label.formatter({ value: 300 })).toBe('+€\u00a0300,00');
    expect(built.notes).toEqual(['Stijging in oranje, daling in blauw; het bedrag bij elke staaf draagt het teken (+ of −).']);
    expect(changeColour(0)).not.toBe(RISE);
  });
});

describe('comparisons', () => {
  it('draw every one of eleven municipalities over the years, no two alike', () => {
    const municipalities = Array.from({ length: 11 }, (_, i) => `g${i}`);
    const rows = [2017, 2018].flatMap((year) => municipalities.map((m, i) => ({ year, municipality: m, cost: 100 + i })));
    const f = frameOf(
      result(
        [
          { name: 'year', label: 'Jaar', unit: 'text' },
          { name: 'municipality', label: 'Gemeente', unit: 'text' },
          { name: 'cost', label: 'Kosten', unit: 'eur' },
        ],
        rows,
        ['year', 'municipality'],
      ),
      {},
    );
    const series = seriesOf(categoryChart(f, 'trend').option);
    expect(series.map((s) => s.name).sort()).toEqual([...municipalities].sort());
    const looks = new Set(series.map((_, i) => JSON.stringify(seriesLook(i))));
    expect(looks.size).toBe(11);
  });

  it('give series past the eight palette colours a dash (lines) or hatch (bars) of their own', () => {
    expect(seriesLook(0)).toMatchObject({ color: PALETTE[0], lineType: 'solid', hatched: false });
    expect(seriesLook(8)).toMatchObject({ color: PALETTE[0], lineType: 'dashed', hatched: true });
    expect(seriesLook(8).symbol).not.toBe(seriesLook(0).symbol);
  });
});

describe('where a value axis starts', () => {
  it('starts at 0 when the values differ enough to be seen from there', () => {
    expect(axisStart([0, 100])).toBe(0);
    expect(axisStart([50, 100])).toBe(0);
    expect(axisStart([-5, 100])).toBe(0);
    expect(axisStart([])).toBe(0);
  });
  it('starts on a round number below the smallest when the differences are a small part of the whole', () => {
    expect(axisStart([80, 100])).toBe(50);
    // The waterfall of Steenwijkerland 2017→2018: € 2,34 mln to € 3,24 mln at its highest.
    expect(axisStart([2_338_320, 2_907_946, 3_237_446, 2_940_682])).toBe(1_000_000);
  });
  it('and the waterfall says so on its axis', () => {
    const f = frameOf(
      result(
        [
          { name: 'year', label: 'Jaar', unit: 'text' },
          { name: 'cost', label: 'Kosten', unit: 'eur' },
          { name: 'effect_volume', label: 'Effect aantal', unit: 'eur' },
        ],
        [
          { year: 2017, cost: 1000, effect_volume: null },
          { year: 2018, cost: 1100, effect_volume: 100 },
        ],
      ),
      {},
    );
    const built = waterfallChart(f);
    const y = (built.option as { yAxis: { min?: number; name?: string } }).yAxis;
    expect(y.min).toBe(900);
    expect(y.name).toBe('Let op: de as begint bij €\u00a0900,00, niet bij 0');
  });
});

describe('censoring captions', () => {
  const cohorts = result(
    [
      { name: 'cohort', label: 'Instroomjaar', unit: 'text' },
      { name: 'clients', label: 'Cliënten', unit: 'count' },
    ],
    [{ cohort: 2015, clients: 2367 }],
  );
  it('say that the first cohort and the first month' + "'" + 's inflow hold everyone already in care', () => {
    expect(censoringNotes(cohorts, 2015)).toEqual([
      'Het instroomjaar 2015 bevat iedereen die al in zorg was toen de gegevens begonnen, niet alleen wie in 2015 instroomde.',
    ]);
    const flows = result(
      [
        { name: 'month', label: 'Maand', unit: 'text' },
        { name: 'inflow', label: 'Instroom', unit: 'count' },
      ],
      [{ month: '2015-01', inflow: 1507 }],
    );
    expect(censoringNotes(flows, 2015)).toEqual([
      'De instroom in jan 2015 bevat iedereen die al in zorg was toen de gegevens begonnen.',
    ]);
  });
  it('say nothing when the first year is not shown', () => {
    expect(censoringNotes(cohorts, 2014)).toEqual([]);
  });
});
