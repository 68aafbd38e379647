// The fact sources a metric reads (all derived at load): cost lines, claimed invoice lines, merged care-day pieces,
// allocation pieces, and trajectories. Each comes with the date that decides its period, so filters and splits apply the
// same way everywhere.
// A question over whole years reads the year rollups, a trajectory question the precomputed segments (precomputed.ts
// decides when that gives the same answer); anything else reads the month pieces and lines, merging on the fly.
import { lineAgeBandSql, mergeIntervalsSql, monthPiecesSql, trajectoriesSql } from '../../store/intervals.ts';
import { RETOUR_GEEN_OPMERKING } from '../../ingest/ijw/codes.ts';
import type { Dimension, MetricRequest } from '../types.ts';
import { ident, idents, join, sql, type Sql } from '../../store/index.ts';
import { DIMENSION_SPECS } from './dimensions.ts';
import { filterWhere, clippedDaysSql, withoutPeriod, type PeriodSpec, type Where } from './filters.ts';
import { careYearTable, segmentTable, wholeYears } from './precomputed.ts';

export interface Fact {
  /** FROM item aliased f (a table or a parenthesised subquery with its own bound parameters). */
  from: Where;
  period: PeriodSpec;
  /** Filters still to apply on f (those not already applied inside `from`). */
  where: Where;
}

/** A fact of day ranges (care or allocation pieces). */
export interface RangeFact extends Fact {
  /** Days of a row within the filter period: the clipped piece, or the stored days of a year rollup. */
  days: Where;
}

/** An allocation fact: allocated cents of a row = f.allocated_num / f.allocated_den (exact; src/store/allocated.ts). */
export interface AllocFact extends RangeFact {
  /** SQL: the row has an allocated amount (for a year rollup: every month of it had one). */
  priced: Sql;
}

/** The age band of a cost or claimed line (see lineAgeBandSql; the year rollup stores the same band). */
const LINE_AGE = lineAgeBandSql('f');

/**
 * Cost lines (invoices and PGB); the care period decides unless basis = 'invoice'. `split` is the split the caller
 * groups by (it decides whether the year rollup can answer).
 */
export function costFact(req: MetricRequest, split: readonly Dimension[] = req.split): Fact {
  const date = req.filters.basis === 'invoice' ? sql`f.invoice_date` : sql`f.care_date`;
  if (wholeYears(req.filters, split)) {
    const period = { date, age: sql`f.age_band` };
    return { from: sql`d_cost_year f`, period, where: filterWhere(req.filters, period) };
  }
  const period = { date, age: LINE_AGE };
  return { from: sql`d_cost f`, period, where: filterWhere(req.filters, period) };
}

/** The return_code of a line that JW325 did not reject (RetourCodes are four characters, so it cannot clash). */
export const NOT_REJECTED = 'geen';

/**
 * Invoice lines as claimed, with their JW325 rejection (no PGB); the care period decides unless basis = 'invoice'.
 * Split by return code, a rejected line gives one row per RetourCode (0200 "geen opmerking" is no reason) and a line
 * that was not rejected one row with return_code 'geen'; the filters apply before that unnest, inside `from`.
 */
export function claimFact(req: MetricRequest, split: readonly Dimension[] = req.split): Fact {
  const period = { date: req.filters.basis === 'invoice' ? sql`f.invoice_date` : sql`f.care_date`, age: LINE_AGE };
  const where = filterWhere(req.filters, period);
  if (!split.includes('return_code')) return { from: sql`d_claim f`, period, where };
  const from = sql`(SELECT f.* EXCLUDE (codes), unnest(CASE WHEN len(f.codes) = 0 THEN [${NOT_REJECTED}] ELSE f.codes END) AS return_code
    FROM (SELECT f.*, list_filter(coalesce(f.return_codes, []), x -> x <> ${RETOUR_GEEN_OPMERKING}) AS codes
          FROM d_claim f WHERE ${where}) f) f`;
  return { from, period, where: sql`true` };
}

const RANGE: PeriodSpec = { date: sql`f.first_day`, start: sql`f.first_day`, end: sql`f.last_day` };
const YEAR_RANGE: PeriodSpec = { ...RANGE, age: sql`f.age_band` };
const STORED_DAYS: Where = sql`f.days`;

/**
 * Allocation pieces (one allocation may stack with others: nothing merged). `monthly` asks for the month pieces
 * (columns month and allocation_no) whatever the period.
 */
export function allocFact(req: MetricRequest, split: readonly Dimension[] = req.split, monthly = false): AllocFact {
  if (!monthly && wholeYears(req.filters, split)) {
    return {
      from: sql`d_alloc_year f`,
      period: YEAR_RANGE,
      where: filterWhere(req.filters, YEAR_RANGE),
      days: STORED_DAYS,
      priced: sql`f.priced`,
    };
  }
  return {
    from: sql`d_alloc_piece f`,
    period: RANGE,
    where: filterWhere(req.filters, RANGE),
    days: clippedDaysSql(req.filters),
    priced: sql`f.allocated_num IS NOT NULL`,
  };
}

const allocLevel = (d: Dimension) => DIMENSION_SPECS[d].level === 'allocation';

/**
 * Care-day pieces: days in care merged per client × municipality × care type (stacked allocations count once).
 * When the question filters or splits by an allocation-level dimension (provider, product, referrer, team, financing),
 * the intervals of the matching allocations are merged on the fly, per split value, with the same merge as at load.
 */
export function careFact(req: MetricRequest, extraSplit: Dimension[] = []): RangeFact {
  const split = [...req.split, ...extraSplit];
  const needsMerge =
    split.some(allocLevel) || Object.keys(req.filters).some((k) => k in DIMENSION_SPECS && allocLevel(k as Dimension));
  if (!needsMerge && wholeYears(req.filters, split)) {
    return { from: sql`d_care_year f`, period: YEAR_RANGE, where: filterWhere(req.filters, YEAR_RANGE), days: STORED_DAYS };
  }
  const byDimension = needsMerge ? careYearTable(req.filters, split, allocLevel) : null;
  if (byDimension)
    return {
      from: sql`${ident(byDimension)} f`,
      period: YEAR_RANGE,
      where: filterWhere(req.filters, YEAR_RANGE),
      days: STORED_DAYS,
    };
  const days = clippedDaysSql(req.filters);
  if (!needsMerge) return { from: sql`d_care_piece f`, period: RANGE, where: filterWhere(req.filters, RANGE), days };
  const keys = [
    'client_id',
    'municipality',
    'care_type',
    'client_no',
    'district',
    'sex',
    'birth_date',
    ...new Set(split.filter(allocLevel).map((d) => DIMENSION_SPECS[d].column!)),
  ];
  // Only allocations overlapping the period matter: the union clipped to the period is the union of the clipped parts.
  const inner = filterWhere(
    req.filters,
    { date: sql`f.start_date`, start: sql`f.start_date`, end: sql`f.end_date` },
    (d) => !allocLevel(d),
  );
  const src = sql`(SELECT * FROM d_alloc f WHERE end_date >= start_date AND ${inner})`;
  const from = sql`(WITH seg AS (${mergeIntervalsSql(src, keys, 'alloc_key')})
    ${monthPiecesSql(sql`seg`, join(idents(keys, 's')), 'seg_start', 'seg_end', sql`s.birth_date`)}) f`;
  return { from, period: RANGE, where: filterWhere(req.filters, RANGE, allocLevel), days };
}

/**
 * Care trajectories (traject): the intervals of the matching allocations merged per client × municipality × the columns
 * of the non-period dimensions in `split` (e.g. care type), ignoring the period filter (a trajectory is judged whole).
 * Columns: client_id, client_no, municipality, <split columns>, seg_start, seg_end, closed (ended before the peildatum),
 * next_start (start of the client's next segment with the same municipality and split columns).
 * Use as `(<sql>) f` so DIMENSION_SPECS apply.
 */
export function segmentsSql(req: MetricRequest, split: Dimension[] = req.split): Where {
  const dims = split.filter((d) => DIMENSION_SPECS[d].column);
  const filters = withoutPeriod(req.filters);
  const table = segmentTable(filters, dims);
  if (table) return sql`SELECT * FROM ${ident(table)} f WHERE ${filterWhere(filters, { date: sql`f.seg_start` })}`;
  const cols = [...new Set(['client_id', 'client_no', 'municipality', ...dims.map((d) => DIMENSION_SPECS[d].column!)])];
  const inner = filterWhere(filters, { date: sql`f.start_date` });
  const src = sql`(SELECT * FROM d_alloc f WHERE f.end_date >= f.start_date AND ${inner})`;
  return trajectoriesSql(src, cols);
}
