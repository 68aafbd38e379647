// A report chart is the dashboard's chart as SVG: fixed size, the same bytes every time (golden file), no names that
// depend on what was rendered before, and fit for grey-scale print (patterns on bars, dash styles on lines).
import { describe, expect, it } from 'vitest';
import { COST_CHART } from '../../test/fixtures/report/small.ts';
import { expectGolden } from '../../test/fixtures/report/golden.ts';
import type { MetricResult } from '../contract/index.ts';
import { chartSvg, forPrint, PRINT_WIDTH, renumbered } from './svg.ts';

describe('chartSvg', () => {
  it('draws the four-year cost trend as the golden SVG, the same after other charts were drawn', () => {
    const first = chartSvg(COST_CHART, 'c1').svg!;
    chartSvg({ ...COST_CHART, chart: 'bar' }, 'c9');
    expect(chartSvg(COST_CHART, 'c1').svg).toBe(first);
    expect(first).toMatch(new RegExp(`^<svg width="${PRINT_WIDTH}" height="340"`));
    expect(first).not.toMatch(/zr\d/);
    expect(first).toMatch(/€\s10,0\smln/);
    expectGolden('costs-trend.svg', first);
  });

  it('has no quote inside an attribute (ECharts writes the font into style="…")', () => {
    const svg = chartSvg(COST_CHART, 'c1').svg!;
    for (const style of svg.match(/style="[^"]*"/g) ?? []) expect(style).not.toMatch(/&quot;|'/);
    expect(svg).toContain('font-family:DejaVu Sans');
  });

  it('draws nothing for a list', () => {
    expect(chartSvg({ ...COST_CHART, chart: 'table' }, 'c1')).toEqual({ svg: null, notes: [] });
  });

  it('labels codes by the contract when no lookups are given', () => {
    const result: MetricResult = {
      ...COST_CHART.result,
      split: ['financing'],
      columns: [
        { name: 'financing', label: 'Financiering', unit: 'text' },
        { name: 'cost', label: 'Kosten', unit: 'eur' },
      ],
      rows: [
        { financing: 'ZIN', cost: 9 },
        { financing: 'PGB', cost: 1 },
      ],
    };
    expect(chartSvg({ ...COST_CHART, chart: 'bar', result }, 'c1').svg).toContain('persoonsgebonden budget');
  });
});

describe('forPrint', () => {
  it('gives each line its own dash style, patterns to bars, and drops animation and tooltips', () => {
    const option = forPrint({
      tooltip: { trigger: 'axis' },
      series: [
        { type: 'line', lineStyle: { type: 'solid' } },
        { type: 'line' },
        { type: 'line' },
        { type: 'bar' },
        { type: 'bar', itemStyle: { color: 'transparent' } },
      ],
    }) as {
      series: { lineStyle?: { type: string }; itemStyle?: { decal?: object } }[];
      animation: boolean;
      tooltip: unknown;
      aria: object;
    };
    expect(option.series.map((s) => s.lineStyle?.type)).toEqual(['solid', 'dashed', 'dotted', undefined, undefined]);
    // A waterfall's invisible base bars get an invisible pattern.
    expect(option.series[4].itemStyle?.decal).toEqual({ color: 'transparent' });
    expect(option.series[3].itemStyle?.decal).toBeUndefined();
    expect(option).toMatchObject({ animation: false, tooltip: undefined, aria: { decal: { show: true } } });
  });
});

describe('renumbered', () => {
  it('renames ECharts counters per kind in order of first use', () => {
    expect(renumbered('<g class="zr7-cls-40"/><g class="zr7-cls-3"/><p id="zr7-p12"/><g class="zr7-cls-40"/>', 'c2')).toBe(
      '<g class="c2-cls-0"/><g class="c2-cls-1"/><p id="c2-p0"/><g class="c2-cls-0"/>',
    );
  });
});
