// A report chart as SVG, rendered on the server by ECharts from the very options the dashboard draws (src/charts),
// made fit for paper: no animation, no tooltips, patterns on bars and dash styles on lines so grey-scale prints read.
import { SVGRenderer } from 'echarts/renderers';
import { echarts, LOCALE, THEME, withBase } from '../charts/echarts.ts';
import { frameOf } from '../charts/frame.ts';
import { buildChart, type ChartOption } from '../charts/index.ts';
import type { Lookups } from '../charts/labels.ts';
import type { Block } from './model.ts';

echarts.use([SVGRenderer]);

export type ChartBlock = Extract<Block, { kind: 'chart' }>;

/** Width of a chart on an A4 page with 2 cm margins, in CSS pixels (17 cm at 96 dpi is 643). */
export const PRINT_WIDTH = 640;
const PRINT_HEIGHT = 340;

export interface ChartSvg {
  /** The `<svg>` element, or null for a chart that draws nothing (a list, or an answer without a measure). */
  svg: string | null;
  /** Lines to print under the chart (what was cut, what the colours mean). */
  notes: string[];
}

const LINE_TYPES = ['solid', 'dashed', 'dotted'];

/**
 * The option adapted to paper: every visible bar series gets a pattern and every line series a dash style of its own (colour
 * alone carries nothing in grey-scale), tooltips and animation go.
 */
export function forPrint(option: ChartOption): ChartOption {
  const series = Array.isArray(option.series) ? (option.series as Record<string, unknown>[]) : [];
  let line = 0;
  return withBase({
    ...option,
    animation: false,
    // Unquoted family names: ECharts writes the family into a style="…" attribute, where quotes would end it.
    textStyle: { fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif' },
    tooltip: undefined,
    aria: { enabled: true, decal: { show: true } },
    series: series.map((s) => {
      const itemStyle = s.itemStyle as { color?: string } | undefined;
      // A waterfall's invisible base bars stay invisible: a pattern would draw them.
      if (itemStyle?.color === 'transparent') return { ...s, itemStyle: { ...itemStyle, decal: { color: 'transparent' } } };
      if (s.type !== 'line') return s;
      const lineStyle = { ...(s.lineStyle as object), type: LINE_TYPES[line++ % LINE_TYPES.length] };
      return { ...s, lineStyle, symbolSize: 8, showSymbol: true };
    }),
  });
}

/**
 * ECharts names classes, patterns and clip paths by process-wide counters ('zr3-cls-41'): renamed to `id` and numbered
 * per kind in order of first use, the same chart gives the same text in any process and after any other chart.
 */
export function renumbered(svg: string, id: string): string {
  const seen = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(/\bzr\d+-([a-z]+-?)\d+\b/g, (name, kind: string) => {
    if (!seen.has(name)) {
      const n = counts.get(kind) ?? 0;
      counts.set(kind, n + 1);
      seen.set(name, `${id}-${kind}${n}`);
    }
    return seen.get(name)!;
  });
}

/**
 * The chart of a report block as an SVG string of fixed size: the same block gives the same bytes. `id` prefixes the
 * SVG's class names and ids (ECharts numbers them per process), so charts inline in one page never share a style.
 * @example chartSvg({ kind: 'chart', chart: 'trend', caption: 'Kosten', result, source: 'B1' }, 'c1').svg // '<svg …'
 */
export function chartSvg(block: ChartBlock, id = 'chart', lookups: Lookups = {}, width = PRINT_WIDTH): ChartSvg {
  if (block.chart === 'table') return { svg: null, notes: [] };
  const v = block.view ?? {};
  const built = buildChart(block.chart, frameOf(block.result, lookups, v.prefer, v.together, v.dims));
  if (!built.option.series) return { svg: null, notes: built.notes ?? [] };
  const chart = echarts.init(null, THEME, {
    renderer: 'svg',
    ssr: true,
    width,
    height: Math.max(PRINT_HEIGHT, built.height ?? 0),
    locale: LOCALE,
  });
  try {
    chart.setOption(forPrint(built.option));
    return { svg: renumbered(chart.renderToSVGString(), id), notes: built.notes ?? [] };
  } finally {
    chart.dispose();
  }
}
