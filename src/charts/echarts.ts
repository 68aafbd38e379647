// ECharts, tree-shaken to the chart types Roer draws, with the Dutch locale, the 'roer' theme and the options every
// chart shares. The renderer is the caller's: the dashboard adds Canvas (PNG export), the report SVG (server-side).
/// <reference path="./shims.d.ts" />
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
import { LegacyGridContainLabel } from 'echarts/features';
import langNL from 'echarts/lib/i18n/langNL.js';
import { PALETTE } from './colours.ts';
import type { ChartOption } from './index.ts';

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
  // The charts keep axis labels inside the grid (`grid.containLabel`), which ECharts 6 moved to this feature.
  LegacyGridContainLabel,
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

export { echarts };
export const THEME = 'roer';
export const LOCALE = 'NL';

/** What every chart shares, under its own option: palette, type, and a screen-reader text naming every series. */
export function withBase(option: ChartOption): ChartOption {
  return {
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, "DejaVu Sans", sans-serif' },
    // The screen-reader description names every series (ECharts stops at 10) and the first values of each.
    aria: { enabled: true, label: { series: { maxCount: 30 }, data: { maxCount: 12 } } },
    ...option,
  };
}
