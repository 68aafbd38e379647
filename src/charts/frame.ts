// Reads a MetricResult the way a chart needs it: which columns are dimensions (the split), which are measures, and
// the categories in display order with their Dutch labels. Chart builders work on this, never on raw rows.
import type { Column, MetricResult, Value } from '../contract/index.ts';
import { type Lookups, valueLabel } from './labels.ts';

export interface Category {
  raw: Value;
  label: string;
}

/** How a page or report reads a metric's answer: measures first shown, measures drawn together, numeric columns that are categories. */
export interface FrameView {
  prefer?: string[];
  together?: string[];
  dims?: string[];
}

export interface Frame {
  result: MetricResult;
  dims: Column[];
  measures: Column[];
  /** The measure the chart shows first. */
  primary: Column | undefined;
  /** Measures drawn side by side on one axis (present ones only); empty = the primary (and one of another unit). */
  together: Column[];
  label(dim: string, v: Value): string;
  categories(dim: string): Category[];
}

const NUMERIC = new Set(['eur', 'count', 'pct', 'days', 'months', 'ratio']);
/** Dimensions without a natural order: their rows read largest first (by the size of the measure shown), like a Pareto. */
const BY_SIZE = new Set([
  'municipality',
  'care_type',
  'product_category',
  'product',
  'provider',
  'referrer_type',
  'referrer',
  'team',
  'district',
]);

/** `prefer` names measures in order of preference (the page's choice); otherwise the first amount, then the first number. */
/** `asDims` names numeric columns that are categories, not figures (e.g. 'number of simultaneous allocations'). */
export function frameOf(
  result: MetricResult,
  lookups: Lookups,
  prefer: string[] = [],
  together: string[] = [],
  asDims: string[] = [],
): Frame {
  const split = result.split as string[];
  const inSplit = result.columns
    .filter((c) => split.includes(c.name))
    .sort((a, b) => split.indexOf(a.name) - split.indexOf(b.name));
  // A text column 'x_name' beside 'x' is x's label, not a dimension of its own.
  const names = new Set(result.columns.map((c) => c.name));
  const keys = result.columns.filter(
    (c) =>
      (asDims.includes(c.name) || !NUMERIC.has(c.unit)) &&
      !c.annotation &&
      !(c.name.endsWith('_name') && names.has(c.name.slice(0, -5))),
  );
  const dims = [...inSplit, ...keys.filter((c) => !inSplit.includes(c))].slice(0, 2);
  const measures = result.columns.filter((c) => NUMERIC.has(c.unit) && !dims.includes(c) && !asDims.includes(c.name));
  const primary =
    prefer.map((n) => measures.find((m) => m.name === n)).find(Boolean) ?? measures.find((m) => m.unit === 'eur') ?? measures[0];
  const label = (dim: string, v: Value) => valueLabel(lookups, dim, v);
  if (dims.length && BY_SIZE.has(dims[0].name) && primary) {
    // Size is magnitude: for a change, the largest fall matters as much as the largest rise (and the bar cap keeps both).
    const size = (r: Record<string, Value>) => {
      const v = num(r[primary.name]);
      return v === null ? -Infinity : Math.abs(v);
    };
    result = { ...result, rows: [...result.rows].sort((a, b) => size(b) - size(a)) };
  }
  return {
    result,
    dims,
    measures,
    primary,
    label,
    together: together.map((n) => measures.find((m) => m.name === n)).filter((m): m is Column => !!m),
    categories(dim) {
      const seen = new Map<string, Category>();
      for (const row of result.rows) {
        const raw = row[dim] ?? null;
        const key = String(raw);
        if (!seen.has(key)) seen.set(key, { raw, label: label(dim, raw) });
      }
      const list = [...seen.values()];
      // Time-like dimensions read left to right in time; others keep the metric's own order (usually by size).
      if (/^(year|half_year|quarter|month)$/.test(dim) || /year|jaar|cohort/.test(dim)) {
        list.sort((a, b) => String(a.raw).localeCompare(String(b.raw), 'nl', { numeric: true }));
      }
      return list;
    },
  };
}

/** The numeric value of a cell (null and text count as no value). */
export function num(v: Value | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
