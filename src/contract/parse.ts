// The one parser of a metric question, used by the API (query string and JSON body) and the engine alike: it returns
// the typed question or every problem with its path and a Dutch message, never throwing and never stopping at the first.
import { ALL_DIMENSIONS, dimension, isFilterDimension, type Dimension, type FilterDimension } from './dimensions.ts';
import { MAX_SPLITS, PARAM_MAX, PARAM_MAX_LENGTH, type Filters, type MetricRequest, type ParamSpec } from './question.ts';

/** One thing wrong, where it is: `filters.municipality[1]`, `split[0]`, `p.top`, `filters.to`. */
export interface Problem {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** The untyped question: filters by name, the split, metric parameters by name (without the `p.` prefix). */
export interface RawRequest {
  filters: Record<string, unknown>;
  split?: unknown;
  params: Record<string, unknown>;
}

/** What the parser needs to know about the metric asked for. */
export interface MetricShape {
  id: string;
  splits: readonly Dimension[];
  params?: readonly ParamSpec[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** True for an ISO calendar date that exists. @example isDate('2024-02-29') // true; isDate('2024-02-30') // false */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

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
    if (value === '' && (key === 'split' || isFilterName(key))) continue; // unknown names are refused even when empty
    if (key === 'split') raw.split = value;
    else if (key.startsWith('p.')) raw.params[key.slice(2)] = value;
    else raw.filters[key] = value;
  }
  return raw;
}

/** Reads a JSON body shaped like MetricRequest: `{ filters: {…}, split: […], params: {…} }`. */
export function fromBody(body: unknown): Parsed<RawRequest> {
  if (!isObject(body)) return fail([{ path: '', message: 'De vraag moet een JSON-object zijn met filters, split en params.' }]);
  const problems: Problem[] = [];
  for (const key of Object.keys(body)) {
    if (!['filters', 'split', 'params'].includes(key))
      problems.push({ path: key, message: `Onbekend veld '${key}' (toegestaan: filters, split, params)` });
  }
  const filters = body.filters ?? {};
  const params = body.params ?? {};
  if (!isObject(filters)) problems.push({ path: 'filters', message: "'filters' moet een object zijn" });
  if (!isObject(params)) problems.push({ path: 'params', message: "'params' moet een object zijn" });
  if (problems.length || !isObject(filters) || !isObject(params)) return fail(problems);
  return { ok: true, value: { filters, split: body.split, params } };
}

/**
 * Parses a raw question for `metric`: filters (codes normalised, fixed code lists checked), split and parameters
 * (numbers within their bounds). Parameters not given stay absent; `withDefaults` fills them in.
 * @example parseRequest(costs, fromQuery(new URLSearchParams('from=2018-13-01&p.top=-1')))
 *   // { ok: false, problems: [{ path: 'filters.from', … }, { path: 'p.top', … }] }
 */
export function parseRequest(metric: MetricShape, raw: RawRequest): Parsed<MetricRequest> {
  const problems: Problem[] = [];
  const filters = parseFilters(raw.filters, problems);
  const split = parseSplit(metric, raw.split, problems);
  const params = parseParams(metric, raw.params, problems);
  if (problems.length) return fail(problems);
  const request: MetricRequest = { filters, split };
  if (Object.keys(params).length > 0) request.params = params;
  return { ok: true, value: request };
}

/** The request with every parameter of `metric` present (the default where none was given). */
export function withDefaults(metric: MetricShape, request: MetricRequest): MetricRequest {
  const params = { ...request.params };
  for (const spec of metric.params ?? []) if (!(spec.name in params)) params[spec.name] = spec.default;
  return { ...request, params };
}

const PERIOD_KEYS = ['from', 'to', 'basis'] as const;

/** True for a filter's name (a filter dimension or a period key). */
export function isFilterName(key: string): boolean {
  return isFilterDimension(key) || (PERIOD_KEYS as readonly string[]).includes(key);
}

function parseFilters(raw: unknown, problems: Problem[]): Filters {
  const filters: Filters = {};
  if (!isObject(raw)) {
    problems.push({ path: 'filters', message: "'filters' moet een object zijn" });
    return filters;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    const path = `filters.${key}`;
    if (key === 'from' || key === 'to') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (isDate(text)) filters[key] = text;
      else problems.push({ path, message: `'${key}' is geen geldige datum (jjjj-mm-dd)` });
    } else if (key === 'basis') {
      if (value === 'care' || value === 'invoice') filters.basis = value;
      else problems.push({ path, message: "'basis' moet 'care' (zorgperiode) of 'invoice' (declaratiedatum) zijn" });
    } else if (isFilterDimension(key)) {
      const codes = parseCodes(key, value, problems);
      if (codes) (filters as Record<FilterDimension, string[]>)[key] = codes;
    } else {
      const allowed = [...ALL_DIMENSIONS.filter(isFilterDimension), ...PERIOD_KEYS].join(', ');
      problems.push({ path, message: `Onbekende filter '${key}' (toegestaan: ${allowed})` });
    }
  }
  if (filters.from && filters.to && filters.from > filters.to)
    problems.push({ path: 'filters.to', message: `'to' (${filters.to}) ligt vóór 'from' (${filters.from})` });
  return filters;
}

/** A list: a comma-separated string or an array of strings, each non-empty after trimming. */
function parseList(name: string, path: string, value: unknown, problems: Problem[]): string[] | null {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (!items) {
    problems.push({ path, message: `'${name}' moet een lijst van codes zijn` });
    return null;
  }
  if (items.length === 0) {
    problems.push({ path, message: `'${name}' bevat geen enkele code` });
    return null;
  }
  const out: string[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item !== 'string') {
      problems.push({ path: at, message: `'${name}' moet een lijst van codes zijn` });
      ok = false;
    } else if (item.trim() === '') {
      problems.push({ path: at, message: `'${name}' bevat een lege waarde` });
      ok = false;
    } else out.push(item.trim());
  });
  return ok ? out : null;
}

/** A filter's codes, spelled the one way (municipality as four digits, financing in capitals), checked against a fixed list. */
function parseCodes(d: FilterDimension, value: unknown, problems: Problem[]): string[] | null {
  const path = `filters.${d}`;
  const items = parseList(d, path, value, problems);
  if (!items) return null;
  const at = (i: number) => `${path}[${i}]`;
  const { codes, openCodes } = dimension(d);
  const out: string[] = [];
  items.forEach((v, i) => {
    if (d === 'municipality') {
      const m = /^(?:GM)?(\d{1,4})$/i.exec(v);
      if (m) out.push(m[1].padStart(4, '0'));
      else problems.push({ path: at(i), message: `'${v}' is geen gemeentecode (vier cijfers, bijv. 0150)` });
      return;
    }
    const code = d === 'financing' ? v.toUpperCase() : v;
    if (codes && !openCodes && !Object.hasOwn(codes, code)) {
      const allowed = Object.keys(codes).join(', ');
      problems.push({ path: at(i), message: `Onbekende waarde '${v}' voor filter '${d}'; toegestaan: ${allowed}` });
    } else out.push(code);
  });
  return [...new Set(out)];
}

function parseSplit(metric: MetricShape, value: unknown, problems: Problem[]): Dimension[] {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  const dims = parseList('split', 'split', value, problems);
  if (!dims) return [];
  const unique = [...new Set(dims)];
  if (unique.length > MAX_SPLITS)
    problems.push({
      path: 'split',
      message: `Uitsplitsen kan naar hoogstens ${MAX_SPLITS} dimensies tegelijk (gevraagd: ${unique.length}).`,
    });
  const allowed = metric.splits.length ? metric.splits.join(', ') : 'geen uitsplitsing mogelijk';
  dims.forEach((d, i) => {
    if (!(metric.splits as readonly string[]).includes(d))
      problems.push({
        path: `split[${i}]`,
        message: `'${metric.id}' kan niet worden uitgesplitst naar '${d}' (mogelijk: ${allowed})`,
      });
  });
  return unique as Dimension[];
}

function parseParams(metric: MetricShape, raw: unknown, problems: Problem[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!isObject(raw)) {
    problems.push({ path: 'params', message: "'params' moet een object zijn" });
    return out;
  }
  for (const [name, value] of Object.entries(raw)) {
    const spec = metric.params?.find((p) => p.name === name);
    const path = `p.${name}`;
    if (spec && (value === '' || value === undefined)) continue; // an empty field: the metric's default applies
    if (!spec) {
      const known = metric.params?.map((p) => `p.${p.name}`).join(', ') || 'geen';
      problems.push({ path, message: `Onbekende parameter '${path}' voor '${metric.id}' (mogelijk: ${known})` });
      continue;
    }
    const parsed = spec.type === 'string' ? parseText(spec, value) : parseNumber(spec, value);
    if (typeof parsed === 'object') problems.push({ path, message: parsed.problem });
    else out[name] = parsed;
  }
  return out;
}

function parseText(spec: ParamSpec, value: unknown): string | { problem: string } {
  const name = `'p.${spec.name}'`;
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  if (text === null || text === '') return { problem: `${name} moet een tekst zijn` };
  if (text.length > PARAM_MAX_LENGTH) return { problem: `${name} is te lang (hoogstens ${PARAM_MAX_LENGTH} tekens)` };
  if (spec.format === 'date' && !isDate(text)) return { problem: `${name} is geen geldige datum (jjjj-mm-dd)` };
  return text;
}

/** A number within the spec's bounds, which keep it inside the SQL type it is bound to (BIGINT cents, INTEGER months). */
function parseNumber(spec: ParamSpec, value: unknown): number | { problem: string } {
  const name = `'p.${spec.name}'`;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === ''))
    return { problem: `${name} moet een getal zijn` };
  const min = spec.min ?? 0;
  const max = spec.max ?? PARAM_MAX;
  const whole = spec.integer ? 'geheel ' : '';
  if (n < min || n > max || (spec.integer && !Number.isInteger(n)))
    return { problem: `${name} moet een ${whole}getal van ${nl(min)} tot en met ${nl(max)} zijn` };
  return n;
}

function nl(n: number): string {
  return n.toLocaleString('nl-NL');
}

function fail<T>(problems: Problem[]): Parsed<T> {
  return { ok: false, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
