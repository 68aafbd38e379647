// The multi-year baseline as a chart: one line per care type (and the total), cost per year, drawn by the trend chart
// builder like every other line chart. Pure: the dashboard draws it, a report could render it to SVG.
import type { BaselineView } from '../forecast/baseline-view.ts';
import type { MetricResult } from '../contract/index.ts';
import { frameOf } from './frame.ts';
import { type Built, buildChart } from './index.ts';

/** The baseline's cost per year and care type as a result the chart builders read (euros; 'Totaal' as its own line). */
export function baselineResult(view: BaselineView): MetricResult {
  const rows = [
    ...view.careTypes.flatMap((c) =>
      c.years.map((y) => ({ year: String(y.year), care_type: c.careType, cost: y.costCents / 100 })),
    ),
    ...view.total.map((y) => ({ year: String(y.year), care_type: 'Totaal', cost: y.costCents / 100 })),
  ];
  return {
    metric: 'forecast.baseline',
    title: `Meerjarige basislijn (basisjaar ${view.baseYear}, indexatie ${String(view.indexPercent).replace('.', ',')} %)`,
    columns: [
      { name: 'year', label: 'Jaar', unit: 'text', kind: 'key' },
      { name: 'care_type', label: 'Zorgsoort', unit: 'text', kind: 'key' },
      { name: 'cost', label: 'Kosten', unit: 'eur', kind: 'value' },
    ],
    rows,
    filters: {},
    split: ['year', 'care_type'],
  };
}

/** The scenario lines: cost per year, one line per care type and the total. */
export function baselineChart(view: BaselineView): Built {
  return buildChart('trend', frameOf(baselineResult(view), {}));
}
