// What every page needs once per visit: the metric catalogue, the filter values with labels, and the data's years.
import { api, type Dimensions, type MetricInfo } from './api.ts';
import type { PageDef, ViewDef } from './pages/catalog.ts';
import type { DataSpan } from './period.ts';

export interface AppContext {
  metrics: MetricInfo[];
  dims: Dimensions;
  years: number[];
  /** The data's years and last month: the default periods and what year-to-date means. */
  span: DataSpan;
  /** The municipalities the user is limited to; empty = the whole region. */
  home: string[];
}

let loaded: Promise<AppContext> | null = null;

export function appContext(): Promise<AppContext> {
  loaded ??= Promise.all([api.metrics(), api.dimensions()]).then(([metrics, dims]) => {
    const years = dims.years?.length ? dims.years : [new Date().getFullYear()];
    const to = years[years.length - 1];
    return { metrics, dims, years, home: [], span: { from: years[0], to, lastMonth: dims.last_month ?? `${to}-12` } };
  });
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

export interface View {
  def: ViewDef;
  metric: MetricInfo;
}

/** The page's views whose metric the server has, in the page's order. */
export function viewsOf(ctx: AppContext, page: PageDef): View[] {
  return page.views.flatMap((def) => {
    const metric = ctx.metrics.find((m) => m.id === def.metric);
    return metric ? [{ def, metric }] : [];
  });
}

/** The view named in the URL (by metric id; none when the page has no such view), else the page's first. */
export function viewFor(ctx: AppContext, page: PageDef, id?: string): View | undefined {
  const views = viewsOf(ctx, page);
  return id ? views.find((v) => v.metric.id === id) : views[0];
}
