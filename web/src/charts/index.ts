// Picks the chart for a page's kind. A chart is an ECharts option plus a drill function: clicked item → filter values.
import type { Value } from '../../../src/metrics/types.ts';
import { categoryChart, paretoChart, waterfallChart } from './axis.ts';
import type { Frame } from './frame.ts';
import type { ChartOption } from './setup.ts';
import { heatmapChart, sankeyChart } from './special.ts';

export type ChartKind = 'trend' | 'bar' | 'pareto' | 'waterfall' | 'heatmap' | 'sankey';
export type Drill = (p: { dataIndex: number; seriesIndex?: number }) => { dim: string; value: Value }[];
export interface Built {
  option: ChartOption;
  drill: Drill /** Pixels the chart needs (many horizontal bars). */;
  height?: number;
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
  }
}
