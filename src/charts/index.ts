// Picks the chart for a page's kind. A chart is an ECharts option plus a drill function: clicked item → filter values.
// Pure (no DOM): the dashboard draws these options on a canvas, the council report renders them to SVG on the server.
import type { Value } from '../contract/index.ts';
import { categoryChart, paretoChart, waterfallChart } from './axis.ts';
import type { Frame } from './frame.ts';
import type { EChartsCoreOption } from 'echarts/core';
import { heatmapChart, sankeyChart } from './special.ts';

/** An ECharts option, as the dashboard (canvas) and the report (server-side SVG) draw it. */
export type ChartOption = EChartsCoreOption;

/** 'table': a list (one row per client, say) is not a chart: the page shows only its table. */
export type ChartKind = 'trend' | 'bar' | 'pareto' | 'waterfall' | 'heatmap' | 'sankey' | 'table';
export type Drill = (p: { dataIndex: number; seriesIndex?: number }) => { dim: string; value: Value }[];
export interface Built {
  option: ChartOption;
  drill: Drill;
  /** Pixels the chart needs (many horizontal bars); never more than MAX_CHART_HEIGHT. */
  height?: number;
  /** Lines shown under the chart and printed on its PNG (what was cut, what the colours mean). */
  notes?: string[];
}

export function buildChart(kind: ChartKind, frame: Frame): Built {
  switch (kind) {
    case 'trend':
    case 'bar':
      return categoryChart(frame, kind);
    case 'pareto':
      return paretoChart(frame);
    case 'waterfall':
      return waterfallChart(frame);
    case 'heatmap':
      return heatmapChart(frame);
    case 'sankey':
      return sankeyChart(frame);
    case 'table':
      return { option: {}, drill: () => [] };
  }
}
