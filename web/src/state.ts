// The view's state lives in the URL (path = page, query = filters, period, split, parameters), so every view can be
// bookmarked and sent to a colleague. This module is the only one that reads or writes location.
import { FILTER_DIMENSIONS, type Dimension, type Filters } from '../../src/contract/index.ts';

/** Filters a view can carry, each a comma-separated list in the URL under the API's own name (drill-down can set any). */
export const FILTER_DIMS = FILTER_DIMENSIONS;
export type FilterDim = (typeof FILTER_DIMS)[number];

export interface ViewState {
  page: string;
  /** Selected values per dimension; absent = all. */
  filters: Partial<Record<FilterDim, string[]>>;
  /** Inclusive years of the period; absent = the years the data has. */
  from?: number;
  to?: number;
  split?: Dimension[];
  /** The page's view (a metric id); absent = the page's first. */
  view?: string;
  /** The measure (column name) the chart shows; absent = the page's choice. */
  measure?: string;
  params: Record<string, string>;
}

export function readState(loc: Location = location): ViewState {
  const q = new URLSearchParams(loc.search);
  const filters: ViewState['filters'] = {};
  for (const dim of FILTER_DIMS) {
    const v = q.get(dim);
    if (v) filters[dim] = v.split(',').filter(Boolean);
  }
  const year = (k: string) => (/^\d{4}$/.test(q.get(k) ?? '') ? Number(q.get(k)) : undefined);
  const params: Record<string, string> = {};
  for (const [k, v] of q) if (k.startsWith('p.')) params[k.slice(2)] = v;
  const split = q.get('split');
  return {
    page: loc.pathname.replace(/^\/+|\/+$/g, '') || 'overzicht',
    filters,
    from: year('from'),
    to: year('to'),
    params,
    split: split !== null ? (split.split(',').filter(Boolean) as Dimension[]) : undefined,
    measure: q.get('measure') || undefined,
    view: q.get('view') || undefined,
  };
}

export function urlOf(s: ViewState): string {
  const q = new URLSearchParams();
  for (const dim of FILTER_DIMS) if (s.filters[dim]?.length) q.set(dim, s.filters[dim]!.join(','));
  if (s.from) q.set('from', String(s.from));
  if (s.to) q.set('to', String(s.to));
  if (s.split) q.set('split', s.split.join(','));
  if (s.view) q.set('view', s.view);
  if (s.measure) q.set('measure', s.measure);
  for (const [k, v] of Object.entries(s.params)) q.set(`p.${k}`, v);
  const query = q.toString();
  return `/${s.page === 'overzicht' ? '' : s.page}${query ? `?${query}` : ''}`;
}

type Listener = (s: ViewState) => void;
let listener: Listener = () => {};
export function onNavigate(fn: Listener): void {
  listener = fn;
  addEventListener('popstate', () => fn(readState()));
}

/** Moves to a new state (a new history entry, so Back works) and re-renders. */
export function go(s: ViewState): void {
  history.pushState(null, '', urlOf(s));
  listener(readState());
}

/** The same view with changes; filters carry over between pages, split and parameters do not. */
export function withChanges(s: ViewState, change: Partial<ViewState>): ViewState {
  const pageChanged = change.page !== undefined && change.page !== s.page;
  return { ...s, ...(pageChanged ? { split: undefined, measure: undefined, view: undefined, params: {} } : {}), ...change };
}

/** Adds `value` to the filter on `dim` (drill-down). */
export function drill(s: ViewState, dim: FilterDim, value: string): ViewState {
  const current = s.filters[dim] ?? [];
  return { ...s, filters: { ...s.filters, [dim]: current.includes(value) ? current : [value] } };
}

/** The API's Filters for a state; `years` bounds the period when the URL has none. */
export function filtersOf(s: ViewState, years: { from: number; to: number }): Filters {
  const f: Filters = { from: `${s.from ?? years.from}-01-01`, to: `${s.to ?? years.to}-12-31` };
  for (const dim of FILTER_DIMS) {
    const v = s.filters[dim];
    if (v?.length) (f as Record<string, unknown>)[dim] = v;
  }
  return f;
}

/** Same-origin links with data-nav are handled here without a page load. */
export function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    const a = (e.target as Element).closest?.('a[data-nav]') as HTMLAnchorElement | null;
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href')!);
    listener(readState());
  });
}
