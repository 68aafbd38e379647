// The contract of the metrics engine: what a question looks like (filters, split, period) and what an answer looks like.
// The API, the dashboard, the report and the access layer all speak these types; only src/metrics knows the SQL.

/** Dimensions a metric can be filtered on and split by. */
export const DIMENSIONS = [
  'year',
  'half_year',
  'quarter',
  'month',
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
] as const;

/**
 * Dimensions only an invoice line has (JW325 return codes): a split of the claims metric, not a filter, and not a column
 * of the other facts.
 */
export const LINE_DIMENSIONS = ['return_code'] as const;

/** Every dimension a metric may split by. */
export const ALL_DIMENSIONS = [...DIMENSIONS, ...LINE_DIMENSIONS] as const;
export type Dimension = (typeof ALL_DIMENSIONS)[number];

/** Which date decides the period of a euro or a care-day. */
export type PeriodBasis = 'care' | 'invoice';

export interface Filters {
  /** Municipality codes ('0150'); absent = the whole region (within the caller's scope). */
  municipality?: string[];
  /** Inclusive ISO dates; absent = all data. A year is { from: '2018-01-01', to: '2018-12-31' }. */
  from?: string;
  to?: string;
  /** Default 'care': the period of the care decides, not the invoice date. */
  basis?: PeriodBasis;
  care_type?: string[];
  product_category?: string[];
  product?: string[];
  provider?: string[];
  referrer_type?: string[];
  referrer?: string[];
  team?: string[];
  district?: string[];
  age_band?: string[];
  sex?: string[];
  financing?: ('ZIN' | 'PGB')[];
}

export interface MetricRequest {
  filters: Filters;
  /** Split the answer by these dimensions (order = column order). */
  split: Dimension[];
  /** Metric-specific parameters, e.g. { threshold: 100000 } or { top: 10 }. */
  params?: Record<string, string | number>;
}

export type Unit = 'eur' | 'count' | 'pct' | 'days' | 'months' | 'ratio' | 'text' | 'date';

export interface Column {
  name: string;
  /** Dutch column header. */
  label: string;
  unit: Unit;
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

export interface Metric {
  /** Stable id, e.g. 'costs'. */
  id: string;
  /** Dutch title. */
  title: string;
  /** Plain-language Dutch definition: what is counted, which date decides the period, how stacking and PGB are treated. */
  definition: string;
  /** Dimensions this metric can be split by. */
  splits: readonly Dimension[];
  params?: ParamSpec[];
  /** True if the rows identify individual (pseudonymous) clients: only roles allowed client rows may see it. */
  clientRows?: boolean;
  compute(engine: import('../store/index.ts').Store, request: MetricRequest): Promise<MetricResult>;
}
