// The view's state lives in the URL (path = page, query = filters, period, split, parameters), so every view can be
// bookmarked and sent to a colleague. This module is the only one that reads or writes location.
import { ALL_DIMENSIONS, FILTER_DIMENSIONS, type Dimension, type Filters } from '../../src/contract/index.ts';
import { type DataSpan, type Period, parsePeriodToken, periodRange, periodToken } from './period.ts';

/** Filters a view can carry, each a comma-separated list in the URL under the API's own name (drill-down can set any). */
export const FILTER_DIMS = FILTER_DIMENSIONS;
export type FilterDim = (typeof FILTER_DIMS)[number];

export interface ViewState {
  page: string;
  /** Selected values per dimension; absent = all. */
  filters: Partial<Record<FilterDim, string[]>>;
  /** Inclusive years of the period; absent = the page's default (see periodOf). */
  from?: number;
  to?: number;
  /** A quarter, a month or year-to-date instead of whole years; when set, from/to do not count. */
  period?: Exclude<Period, { kind: 'years' }>;
  split?: Dimension[];
  /** The page's view (a metric id); absent = the page's first. */
  view?: string;
  /** The measure (column name) the chart shows; absent = the page's choice. */
  measure?: string;
  params: Record<string, string>;
}

export function readState(loc: Location = location): ViewState {
  return stateOf(loc.pathname, loc.search);
}

// What a URL may carry: anything else (a typo, a pasted attack, a parameter of an older version) is dropped, not obeyed.
const SAFE_TEXT = /^[^\p{Cc}<>"`]{1,200}$/u;
const SAFE_NAME = /^[a-z][a-z0-9_]{0,59}$/;
// A page slug, optionally with one id under it: a saved view's link /weergave/<id> (views.ts linkedView) must survive.
const SAFE_PAGE = /^[a-z0-9-]{1,60}(?:\/[A-Za-z0-9_-]{1,60})?$/;
const MAX_VALUES = 500;

/** The view a path and query describe (pure: the inverse of urlOf). */
export function stateOf(pathname: string, search: string): ViewState {
  const q = new URLSearchParams(search);
  const filters: ViewState['filters'] = {};
  for (const dim of FILTER_DIMS) {
    const v = q
      .get(dim)
      ?.split(',')
      .filter((x) => SAFE_TEXT.test(x))
      .slice(0, MAX_VALUES);
    if (v?.length) filters[dim] = v;
  }
  const year = (k: string) => (/^\d{4}$/.test(q.get(k) ?? '') ? Number(q.get(k)) : undefined);
  const params: Record<string, string> = {};
  for (const [k, v] of q) if (k.startsWith('p.') && SAFE_NAME.test(k.slice(2)) && SAFE_TEXT.test(v)) params[k.slice(2)] = v;
  const split = q.get('split');
  const known = (d: string): d is Dimension => (ALL_DIMENSIONS as readonly string[]).includes(d);
  const name = (k: string) => (SAFE_NAME.test(q.get(k) ?? '') ? q.get(k)! : undefined);
  const page = pathname.replace(/^\/+|\/+$/g, '');
  const period = parsePeriodToken(q.get('period'));
  return {
    page: SAFE_PAGE.test(page) ? page : 'overzicht',
    filters,
    ...(period ? { period } : { from: year('from'), to: year('to') }),
    params,
    split: split !== null ? split.split(',').filter(known) : undefined,
    measure: name('measure'),
    view: name('view'),
  };
}

export function urlOf(s: ViewState): string {
  const q = new URLSearchParams();
  for (const dim of FILTER_DIMS) if (s.filters[dim]?.length) q.set(dim, s.filters[dim]!.join(','));
  if (s.period) q.set('period', periodToken(s.period));
  else {
    if (s.from) q.set('from', String(s.from));
    if (s.to) q.set('to', String(s.to));
  }
  if (s.split) q.set('split', s.split.join(','));
  if (s.view) q.set('view', s.view);
  if (s.measure) q.set('measure', s.measure);
  for (const [k, v] of Object.entries(s.params)) q.set(`p.${k}`, v);
  const query = q.toString();
  return `/${s.page === 'overzicht' ? '' : s.page}${query ? `?${query}` : ''}`;
}

/**
 * The period a view covers. Chosen in the picker, it is the same on every page; unchosen, the overview covers the
 * data's last year and an analysis every year (so its trend shows them all).
 */
export function periodOf(s: ViewState, span: DataSpan): Period {
  if (s.period) return s.period;
  // Both years given are taken as they are (a reversed pair gets the API's own message); one given, the other follows.
  if (s.from !== undefined && s.to !== undefined) return { kind: 'years', from: s.from, to: s.to };
  const deflt = s.page === 'overzicht' ? span.to : span.from;
  const from = s.from ?? Math.min(deflt, s.to ?? deflt);
  return { kind: 'years', from, to: Math.max(from, s.to ?? span.to) };
}

/** The state for a period chosen in the picker. */
export function withPeriod(s: ViewState, p: Period): ViewState {
  return p.kind === 'years'
    ? { ...s, period: undefined, from: p.from, to: p.to }
    : { ...s, period: p, from: undefined, to: undefined };
}

/**
 * A user limited to one municipality starts on it (and reads its name), not on a region they cannot see; a regional
 * user, or one with several municipalities, starts on all they may see.
 */
export function withHome(s: ViewState, home: readonly string[]): ViewState {
  if (home.length !== 1 || s.filters.municipality?.length) return s;
  return { ...s, filters: { ...s.filters, municipality: [...home] } };
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

/** The same view with changes; filters and period carry over between pages, split and parameters do not. */
export function withChanges(s: ViewState, change: Partial<ViewState>): ViewState {
  const pageChanged = change.page !== undefined && change.page !== s.page;
  // Whole years given (a drill into a year, a tile's link) replace a quarter, month or year-to-date.
  const years = ('from' in change || 'to' in change) && !('period' in change) ? { period: undefined } : {};
  return {
    ...s,
    ...(pageChanged ? { split: undefined, measure: undefined, view: undefined, params: {} } : {}),
    ...years,
    ...change,
  };
}

/** Adds `value` to the filter on `dim` (drill-down). */
export function drill(s: ViewState, dim: FilterDim, value: string): ViewState {
  const current = s.filters[dim] ?? [];
  return { ...s, filters: { ...s.filters, [dim]: current.includes(value) ? current : [value] } };
}

/** The API's Filters for a state: its period (periodOf) as dates, and its filters. */
export function filtersOf(s: ViewState, span: DataSpan): Filters {
  const f: Filters = { ...periodRange(periodOf(s, span), span) };
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

/** Moves to a state in place of the current history entry (a saved view's link becomes the view it opens). */
export function replace(s: ViewState): void {
  history.replaceState(null, '', urlOf(s));
  listener(readState());
}
