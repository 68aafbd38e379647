// Turns an HTTP question (query string or JSON body) into a typed MetricRequest, in one place: parse, don't validate.
// Every failure names its parameter and says in Dutch what was expected.
import type { Dimension, Filters, Metric, MetricRequest } from '../metrics/types.ts';
import { isDate } from '../metrics/validate.ts';
import { badParam, type ApiError } from './errors.ts';

/** The filters that take a comma-separated list of codes, in the order the documentation lists them. */
export const LIST_FILTERS = [
  'municipality',
  'care_type',
  'product_category',
  'product',
  'provider',
  'referrer_type',
  'referrer',
  'team',
  'district',
  'age_band',
  'sex',
  'financing',
] as const satisfies readonly (keyof Filters)[];
export type ListFilter = (typeof LIST_FILTERS)[number];

// Compile-time guard: every key of Filters is handled here (a new filter in the contract breaks this line).
type Unhandled = Exclude<keyof Filters, ListFilter | 'from' | 'to' | 'basis'>;
const allHandled: Unhandled extends never ? true : never = true;
void allHandled;

/** The untyped question: filters by name, the split, metric parameters by name (without the `p.` prefix). */
export interface RawRequest {
  filters: Record<string, unknown>;
  split?: unknown;
  params: Record<string, unknown>;
}

/** What the parser needs to know about the metric asked for. */
export type MetricShape = Pick<Metric, 'id' | 'splits' | 'params'>;

/**
 * Reads a query string: `municipality=0150,1708&from=2018-01-01&split=year&p.threshold=100000`. An empty value
 * (`municipality=`) means the parameter is not given, as a form with an empty field sends it.
 */
export function fromQuery(query: URLSearchParams): RawRequest {
  const raw: RawRequest = { filters: {}, params: {} };
  for (const key of new Set(query.keys())) {
    const value = query
      .getAll(key)
      .filter((v) => v !== '')
      .join(',');
    if (value === '' && (key === 'split' || isKnownName(key))) continue; // unknown names are refused even when empty
    if (key === 'split') raw.split = value;
    else if (key.startsWith('p.')) raw.params[key.slice(2)] = value;
    else raw.filters[key] = value;
  }
  return raw;
}

/** Reads a JSON body shaped like MetricRequest: `{ filters: {…}, split: […], params: {…} }`. */
export function fromBody(body: unknown): RawRequest {
  if (!isObject(body)) throw badParam(null, 'De vraag moet een JSON-object zijn met filters, split en params.');
  for (const key of Object.keys(body)) {
    if (!['filters', 'split', 'params'].includes(key))
      throw badParam(key, `Onbekend veld '${key}' (toegestaan: filters, split, params)`);
  }
  const filters = body.filters ?? {};
  const params = body.params ?? {};
  if (!isObject(filters)) throw badParam('filters', "'filters' moet een object zijn");
  if (!isObject(params)) throw badParam('params', "'params' moet een object zijn");
  return { filters, split: body.split, params };
}

/** Parses a raw question for `metric` into a MetricRequest, or throws a 400 ApiError naming the parameter. */
export function parseMetricRequest(metric: MetricShape, raw: RawRequest): MetricRequest {
  const request: MetricRequest = { filters: parseFilters(raw.filters), split: parseSplit(metric, raw.split) };
  const params = parseParams(metric, raw.params);
  if (Object.keys(params).length > 0) request.params = params;
  return request;
}

/** Parses filters (list filters, from/to, basis); unknown names are refused. */
export function parseFilters(raw: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (key === 'from' || key === 'to') filters[key] = parseDate(key, value);
    else if (key === 'basis') filters.basis = parseBasis(value);
    else if (isListFilter(key)) setList(filters, key, parseList(key, value));
    else throw badParam(key, `Onbekende filter '${key}' (toegestaan: ${[...LIST_FILTERS, 'from', 'to', 'basis'].join(', ')})`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw badParam('to', `'to' (${filters.to}) ligt vóór 'from' (${filters.from})`);
  }
  return filters;
}

/** An ISO calendar date that exists. @example parseDate('from', '2018-02-29') throws; '2018-02-28' is returned */
export function parseDate(param: string, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isDate(text)) throw badParam(param, `'${param}' is geen geldige datum (jjjj-mm-dd)`);
  return text;
}

function parseBasis(value: unknown): 'care' | 'invoice' {
  if (value === 'care' || value === 'invoice') return value;
  throw badParam('basis', "'basis' moet 'care' (zorgperiode) of 'invoice' (declaratiedatum) zijn");
}

/** A list of codes: a comma-separated string or an array of strings, each non-empty. */
export function parseList(param: string, value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (!items || items.some((v) => typeof v !== 'string')) throw badParam(param, `'${param}' moet een lijst van codes zijn`);
  const codes = (items as string[]).map((v) => v.trim());
  if (codes.length === 0 || codes.some((v) => v === '')) throw badParam(param, `'${param}' bevat een lege waarde`);
  return [...new Set(codes.map((v) => normaliseCode(param, v)))];
}

function normaliseCode(param: string, v: string): string {
  if (param === 'municipality') {
    const m = /^(?:GM)?(\d{1,4})$/i.exec(v);
    if (!m) throw badParam(param, `'${v}' is geen gemeentecode (vier cijfers, bijv. 0150)`);
    return m[1].padStart(4, '0');
  }
  // Which values a filter allows is the engine's knowledge (it refuses others, naming the filter); here only spelling.
  return param === 'financing' ? v.toUpperCase() : v;
}

/**
 * At most this many split dimensions: each one multiplies the rows (twelve took 20 s and a 500), and a table or chart
 * with more is unreadable anyway.
 */
export const MAX_SPLITS = 4;

function parseSplit(metric: MetricShape, value: unknown): Dimension[] {
  if (value === undefined || value === null || value === '') return [];
  const dims = parseList('split', value);
  if (dims.length > MAX_SPLITS) throw tooManySplits(dims.length);
  for (const d of dims) {
    if (!(metric.splits as readonly string[]).includes(d)) {
      const allowed = metric.splits.length ? metric.splits.join(', ') : 'geen uitsplitsing mogelijk';
      throw badParam('split', `'${metric.id}' kan niet worden uitgesplitst naar '${d}' (mogelijk: ${allowed})`);
    }
  }
  return dims as Dimension[];
}

function tooManySplits(n: number): ApiError {
  return badParam('split', `Uitsplitsen kan naar hoogstens ${MAX_SPLITS} dimensies tegelijk (gevraagd: ${n}).`);
}

function parseParams(metric: MetricShape, raw: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = metric.params?.find((p) => p.name === name);
    const param = `p.${name}`;
    if (spec && value === '') continue; // an empty field: the metric's default applies
    if (!spec) {
      const known = metric.params?.map((p) => `p.${p.name}`).join(', ') || 'geen';
      throw badParam(param, `Onbekende parameter '${param}' voor '${metric.id}' (mogelijk: ${known})`);
    }
    if (spec.type === 'string') {
      if (typeof value !== 'string' || value.trim() === '') throw badParam(param, `'${param}' moet een tekst zijn`);
      out[name] = value.trim();
      continue;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(',', '.')) : NaN;
    if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === '')) {
      throw badParam(param, `'${param}' moet een getal zijn`);
    }
    out[name] = n;
  }
  return out;
}

function isKnownName(key: string): boolean {
  return isListFilter(key) || key === 'from' || key === 'to' || key === 'basis';
}

function isListFilter(key: string): key is ListFilter {
  return (LIST_FILTERS as readonly string[]).includes(key);
}

function setList(filters: Filters, key: ListFilter, codes: string[]): void {
  (filters as Record<ListFilter, string[]>)[key] = codes;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
