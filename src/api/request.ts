// Turns an HTTP question (query string or JSON body) into a typed MetricRequest through the contract's one parser
// (src/contract/parse.ts); a refused question becomes one 400 HttpError listing every problem with its path.
import { FILTER_DIMENSIONS } from '../contract/dimensions.ts';
import { fromBody as readBody, fromQuery, parseRequest, type MetricShape, type RawRequest } from '../contract/parse.ts';
import type { MetricRequest } from '../contract/question.ts';
import { invalidRequest } from '../errors.ts';

export { fromQuery, type MetricShape, type RawRequest };
export { MAX_SPLITS } from '../contract/question.ts';

/** The filters that take a comma-separated list of codes, in the order the documentation lists them. */
export const LIST_FILTERS = FILTER_DIMENSIONS;

/** Reads a JSON body shaped like MetricRequest, or throws a 400 listing what is wrong with its shape. */
export function fromBody(body: unknown): RawRequest {
  const raw = readBody(body);
  if (!raw.ok) throw invalidRequest(raw.problems);
  return raw.value;
}

/** Parses a raw question for `metric` into a MetricRequest, or throws a 400 HttpError listing every problem. */
export function parseMetricRequest(metric: MetricShape, raw: RawRequest): MetricRequest {
  const parsed = parseRequest(metric, raw);
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  return parsed.value;
}

const NO_METRIC: MetricShape = { id: '', splits: [] };

/** One filter on its own, parsed as in a question (dates that exist, municipality codes as four digits), or a 400. */
function parseFilter(name: string, value: unknown): unknown {
  return (parseMetricRequest(NO_METRIC, { filters: { [name]: value }, params: {} }).filters as Record<string, unknown>)[name];
}

/** An ISO calendar date that exists. @example parseDate('from', '2018-02-29') throws; '2018-02-28' is returned */
export function parseDate(param: 'from' | 'to', value: unknown): string {
  return parseFilter(param, value ?? '') as string;
}

/** A filter's list of codes, normalised. @example parseList('municipality', 'GM150') // ['0150'] */
export function parseList(param: string, value: unknown): string[] {
  return parseFilter(param, value ?? '') as string[];
}
