// When a question may read a table precomputed at load (the registry PRECOMPUTED_TABLES in src/store/precompute.ts)
// instead of computing on the fly: only where the answer is provably the same. computeMetric's `precomputed` option
// (default true) decides per question, so the equivalence test compares both ways on the same fixtures.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dimension, Filters } from '../types.ts';
import { FILTER_DIMENSIONS } from './filters.ts';

const choice = new AsyncLocalStorage<boolean>();

/** Runs one question with the precomputed tables allowed or not (computeMetric's option). */
export function withPrecomputed<T>(enabled: boolean, fn: () => Promise<T>): Promise<T> {
  return choice.run(enabled, fn);
}

/** Whether the question being computed may read precomputed tables (true outside withPrecomputed). */
export const precomputedAllowed = (): boolean => choice.getStore() ?? true;

const SUB_YEAR: readonly Dimension[] = ['half_year', 'quarter', 'month'];

/** The dimensions the filters restrict (the period keys and basis aside). */
export function filteredDimensions(filters: Filters): Dimension[] {
  return FILTER_DIMENSIONS.filter((d) => filters[d as keyof Filters] !== undefined);
}

/** Whether the question filters or splits on `d`. */
export const uses = (filters: Filters, split: readonly Dimension[], d: Dimension) =>
  split.includes(d) || filters[d as keyof Filters] !== undefined;

/**
 * True when the period is whole calendar years (or open) and no cut is finer than a year: then a fact row's year decides
 * everything about its period, and the year rollups give the same sums.
 */
export function wholeYears(filters: Filters, split: readonly Dimension[]): boolean {
  return (
    precomputedAllowed() &&
    (!filters.from || filters.from.endsWith('-01-01')) &&
    (!filters.to || filters.to.endsWith('-12-31')) &&
    !split.some((d) => SUB_YEAR.includes(d))
  );
}

// Segments of a client are always per municipality; district and sex belong to the client, so merging with or without
// them gives the same segments and they may be filtered on any segment table.
const SEGMENT_BASE: readonly Dimension[] = ['municipality', 'district', 'sex'];
const SEGMENT_TABLES: [table: string, keys: Dimension[]][] = [
  ['d_client_seg', []],
  ['d_care_seg', ['care_type']],
  ['d_provider_seg', ['provider']],
];

/**
 * The precomputed trajectory table for segments merged per client × municipality × `dims` (non-period dimensions), when
 * the filters touch only dimensions of that table; null when the merge must run on the fly.
 */
export function segmentTable(filters: Filters, dims: readonly Dimension[]): string | null {
  if (!precomputedAllowed()) return null;
  const keys = dims.filter((d) => !SEGMENT_BASE.includes(d));
  const filtered = filteredDimensions(filters);
  for (const [table, tableKeys] of SEGMENT_TABLES) {
    if (keys.length !== tableKeys.length || !keys.every((d) => tableKeys.includes(d))) continue;
    if (filtered.every((d) => SEGMENT_BASE.includes(d) || tableKeys.includes(d))) return table;
  }
  return null;
}

/**
 * The precomputed month-end stock events (d_stock_client, d_stock_care: from the segments merged per client (× care type)
 * over all municipalities, disjoint per client and split value), when there is no municipality filter or cut and the
 * other filters touch only that table's dimensions; null when the events come from the question's own segments.
 */
export function stockEventTable(filters: Filters, dims: readonly Dimension[]): string | null {
  if (!precomputedAllowed() || filters.municipality || dims.includes('municipality')) return null;
  const table = segmentTable(filters, dims);
  return table === 'd_client_seg' ? 'd_stock_client' : table === 'd_care_seg' ? 'd_stock_care' : null;
}

/**
 * True when utilisation may read d_util_year (allocated and invoiced per allocation × year): whole years, cut and filtered
 * at most by year and municipality (both sides of an allocation share those; other cuts may differ between a cost line
 * and its allocation).
 */
export function utilisationPrecomputed(filters: Filters, split: readonly Dimension[]): boolean {
  return (
    wholeYears(filters, split) &&
    split.every((d) => d === 'year' || d === 'municipality') &&
    filteredDimensions(filters).every((d) => d === 'municipality')
  );
}

/** True when first entry may be read from d_entry (kept per client × municipality × care type). */
export function entryPrecomputed(filters: Filters): boolean {
  return precomputedAllowed() && filteredDimensions(filters).every((d) => [...SEGMENT_BASE, 'care_type'].includes(d));
}

/**
 * Which per-client table answers a question with these (period-free) filters: 'client' (over all municipalities) or
 * 'mun' (per client × municipality, for one municipality); null when several municipalities together, or a filter
 * other than municipality, district or sex, need the computation on the fly (CLIENT_LEVEL_TABLES in src/store/precompute.ts names the tables).
 */
export function clientLevel(filters: Filters): 'client' | 'mun' | null {
  if (!precomputedAllowed() || !filteredDimensions(filters).every((d) => SEGMENT_BASE.includes(d))) return null;
  if (!filters.municipality) return 'client';
  return filters.municipality.length === 1 ? 'mun' : null;
}

/** Care-day rollups merged per one allocation-level dimension too (src/store/precompute.ts). */
const CARE_YEAR_BY: [table: string, dim: Dimension][] = [
  ['d_care_year_provider', 'provider'],
  ['d_care_year_referrer', 'referrer'],
];

/**
 * The care-day rollup for a question over whole years whose only allocation-level cut (split or filter) is the provider
 * or the individual referrer; null otherwise. Age bands are left to the on-the-fly merge, which judges them per piece.
 */
export function careYearTable(
  filters: Filters,
  split: readonly Dimension[],
  allocationLevel: (d: Dimension) => boolean,
): string | null {
  if (!wholeYears(filters, split) || uses(filters, split, 'age_band')) return null;
  const alloc = [...new Set([...split, ...filteredDimensions(filters)])].filter(allocationLevel);
  return alloc.length === 1 ? (CARE_YEAR_BY.find(([, d]) => d === alloc[0])?.[0] ?? null) : null;
}
