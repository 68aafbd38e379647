// What every page needs once per visit: the metric catalogue, the filter values with labels, and the data's years.
import { api, type Dimensions, type MetricInfo } from './api.ts';
import type { PageDef } from './pages/catalog.ts';

export interface AppContext {
  metrics: MetricInfo[];
  dims: Dimensions;
  years: number[];
  /** The span used when the URL names no period. */
  span: { from: number; to: number };
}

let loaded: Promise<AppContext> | null = null;

export function appContext(): Promise<AppContext> {
  loaded ??= Promise.all([api.metrics(), api.dimensions()]).then(([metrics, dims]) => {
    const years = dims.years?.length ? dims.years : [new Date().getFullYear()];
    return { metrics, dims, years, span: { from: years[0], to: years[years.length - 1] } };
  });
  loaded.catch(() => { loaded = null; });
  return loaded;
}

/** The server's metric for a page (first id it has), or undefined. */
export function metricFor(ctx: AppContext, page: PageDef): MetricInfo | undefined {
  for (const id of page.metric) {
    const m = ctx.metrics.find((x) => x.id === id);
    if (m) return m;
  }
  return undefined;
}
