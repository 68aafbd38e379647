// What a question to the metrics engine looks like (filters, split, parameters) and what its answer looks like: the
// types the engine, the API, the access layer and the dashboard all speak. Pure types and constants (the web bundles it).
import type { Dimension, Financing, FilterDimension } from './dimensions.ts';

/** Which date decides the period of a euro or a care-day. */
export type PeriodBasis = 'care' | 'invoice';

/**
 * Every filter dimension takes a list of codes (absent = all; municipality absent = the whole region within the
 * caller's scope), plus the period: inclusive ISO dates (a year is { from: '2018-01-01', to: '2018-12-31' }) and the
 * basis (default 'care': the period of the care decides, not the invoice date).
 */
export type Filters = { [D in FilterDimension]?: D extends 'financing' ? Financing[] : string[] } & {
  from?: string;
  to?: string;
  basis?: PeriodBasis;
};

export interface MetricRequest {
  filters: Filters;
  /** Split the answer by these dimensions (order = column order). */
  split: Dimension[];
  /** Metric-specific parameters, e.g. { threshold: 100000 } or { top: 10 }. */
  params?: Record<string, string | number>;
}

export interface ParamSpec {
  name: string;
  label: string;
  type: 'number' | 'string';
  default: string | number;
  /** Numbers: the allowed range (inclusive; default 0 up to PARAM_MAX) and whether only whole numbers are allowed. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** Strings: 'date' = an existing ISO calendar date (jjjj-mm-dd); the empty string still means "the default". */
  format?: 'date';
}

/** The ceiling of a number parameter that declares no `max`: any larger value could overflow the SQL it is bound in. */
export const PARAM_MAX = 1_000_000_000;
/** The longest text a string parameter accepts. */
export const PARAM_MAX_LENGTH = 200;
/**
 * At most this many split dimensions: each one multiplies the rows (twelve took 20 s and a 500), and a table or chart
 * with more is unreadable anyway.
 */
export const MAX_SPLITS = 4;

export type Unit = 'eur' | 'count' | 'pct' | 'days' | 'months' | 'ratio' | 'text' | 'date';
export const UNITS: readonly Unit[] = ['eur', 'count', 'pct', 'days', 'months', 'ratio', 'text', 'date'];

/** 'key': a category or identifier of the row; 'value': a measure; 'annotation': a remark beside the figures. */
export type ColumnKind = 'key' | 'value' | 'annotation';

export interface Column {
  name: string;
  /** Dutch column header. */
  label: string;
  unit: Unit;
  /** Set on every answer's columns (split columns are keys); a metric module may leave it to the contract. */
  kind?: ColumnKind;
  /** True for columns that count clients (the access layer suppresses small counts in these). */
  clientCount?: boolean;
  /** A remark beside the figures of its row (e.g. a data-quality signal): shown in tables, never a category or key. */
  annotation?: boolean;
}

export type Value = string | number | null;

export interface MetricResult {
  metric: string;
  title: string;
  columns: Column[];
  rows: Record<string, Value>[];
  /** The totals over all rows, computed exactly (not summed from rows where that would double count clients). */
  totals?: Record<string, Value>;
  /** The filters and split actually applied (after scoping). */
  filters: Filters;
  split: Dimension[];
  /** Dutch caveats shown beside the figure (data quality, what was left out). */
  notes?: string[];
}

/** A metric as GET /api/metrics lists it. */
export interface MetricInfo {
  id: string;
  title: string;
  definition: string;
  splits: Dimension[];
  params: ParamSpec[];
  clientRows: boolean;
}

/** One value of a filter with its Dutch name, as GET /api/dimensions lists it. */
export interface Option {
  value: string;
  label: string;
}
