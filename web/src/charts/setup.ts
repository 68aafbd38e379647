// ECharts, tree-shaken to the chart types the dashboard draws, with the Dutch locale and a colour-blind-safe palette.
/// <reference path="../shims.d.ts" />
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  TitleComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  MarkLineComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import langNL from 'echarts/lib/i18n/langNL.js';
import { PALETTE } from './colours.ts';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  AriaComponent,
  GridComponent,
  TitleComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  MarkLineComponent,
  CanvasRenderer,
]);
// Projector-readable type: ECharts' default 12 px labels are too small at the back of a council room.
const axis = { axisLabel: { fontSize: 13, color: '#3b4450' }, nameTextStyle: { fontSize: 13 } };
echarts.registerTheme('roer', {
  categoryAxis: axis,
  valueAxis: axis,
  legend: { textStyle: { fontSize: 14 } },
  tooltip: { textStyle: { fontSize: 14 } },
});
echarts.registerLocale('NL', langNL as Parameters<typeof echarts.registerLocale>[1]);

export type ChartOption = echarts.EChartsCoreOption;
export type Chart = echarts.ECharts;

/** Draws `option` into `el` (Canvas, so the chart can be saved as PNG) and keeps it sized to its box. */
export function drawChart(el: HTMLElement, option: ChartOption): Chart {
  const chart = echarts.init(el, 'roer', { renderer: 'canvas', locale: 'NL' });
  chart.setOption({
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, "DejaVu Sans", sans-serif' },
    // The screen-reader description names every series (ECharts stops at 10) and the first values of each.
    aria: { enabled: true, label: { series: { maxCount: 30 }, data: { maxCount: 12 } } },
    animationDuration: 300,
    ...option,
  });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

export function disposeCharts(root: Element): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[_echarts_instance_]')))
    echarts.getInstanceByDom(el)?.dispose();
}
