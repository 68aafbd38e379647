// The dashboard's charts: the shared ECharts set-up (src/charts/echarts.ts) drawn on a canvas, so a chart can be saved as PNG.
import { CanvasRenderer } from 'echarts/renderers';
import { echarts, LOCALE, THEME, withBase } from '../../../src/charts/echarts.ts';
import type { ChartOption } from '../../../src/charts/index.ts';

echarts.use([CanvasRenderer]);

export type { ChartOption };
export type Chart = echarts.ECharts;

/** Draws `option` into `el` (Canvas, so the chart can be saved as PNG) and keeps it sized to its box. */
export function drawChart(el: HTMLElement, option: ChartOption): Chart {
  const chart = echarts.init(el, THEME, { renderer: 'canvas', locale: LOCALE });
  chart.setOption(withBase({ animationDuration: 300, ...option }));
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

export function disposeCharts(root: Element): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[_echarts_instance_]')))
    echarts.getInstanceByDom(el)?.dispose();
}
