// The fact sources a metric reads (all derived at load): cost lines, merged care-day pieces, allocation pieces.
// Each comes with the date that decides its period, so filters and splits apply the same way everywhere.
import { mergeIntervalsSql, monthPiecesSql } from '../../store/derive.ts';
import type { Dimension, MetricRequest } from '../types.ts';
import { sql } from './compose.ts';
import { DIMENSION_SPECS } from './dimensions.ts';
import { filterWhere, clippedDaysSql, type PeriodSpec, type Where } from './filters.ts';

export interface Fact {
  /** FROM item aliased f (a table or a parenthesised subquery with its own bound parameters). */
  from: Where;
  period: PeriodSpec;
  /** Filters still to apply on f (those not already applied inside `from`). */
  where: Where;
}

/** Cost lines (invoices and PGB); the care period decides unless basis = 'invoice'. */
export function costFact(req: MetricRequest): Fact {
  const period = { date: req.filters.basis === 'invoice' ? 'f.invoice_date' : 'f.care_date' };
  return { from: sql`d_cost f`, period, where: filterWhere(req.filters, period) };
}

const RANGE: PeriodSpec = { date: 'f.first_day', start: 'f.first_day', end: 'f.last_day' };

/** Allocation month pieces (one allocation may stack with others: nothing merged). */
export function allocFact(req: MetricRequest): Fact {
  return { from: sql`d_alloc_piece f`, period: RANGE, where: filterWhere(req.filters, RANGE) };
}

const allocLevel = (d: Dimension) => DIMENSION_SPECS[d].level === 'allocation';

/**
 * Care-day pieces: days in care merged per client × municipality × care type (stacked allocations count once).
 * When the question filters or splits by an allocation-level dimension (provider, product, referrer, team, financing),
 * the intervals of the matching allocations are merged on the fly, per split value, with the same merge as at load.
 */
export function careFact(req: MetricRequest, extraSplit: Dimension[] = []): Fact {
  const split = [...req.split, ...extraSplit];
  const needsMerge = split.some(allocLevel) || Object.keys(req.filters).some((k) => k in DIMENSION_SPECS && allocLevel(k as Dimension));
  if (!needsMerge) return { from: sql`d_care_piece f`, period: RANGE, where: filterWhere(req.filters, RANGE) };
  const keys = ['client_id', 'municipality', 'care_type', 'district', 'sex', 'birth_month',
    ...new Set(split.filter(allocLevel).map((d) => DIMENSION_SPECS[d].column!))];
  // Only allocations overlapping the period matter: the union clipped to the period is the union of the clipped parts.
  const inner = filterWhere(req.filters, { date: 'f.start_date', start: 'f.start_date', end: 'f.end_date' }, (d) => !allocLevel(d));
  const src = sql`(SELECT * FROM d_alloc f WHERE end_date >= start_date AND ${inner})`;
  const from = sql`(WITH seg AS (${mergeIntervalsSql(src.sql, keys, 'alloc_key')})
    ${monthPiecesSql('seg', keys.map((k) => `s.${k}`).join(', '))}) f`;
  from.params = src.params;
  return { from, period: RANGE, where: filterWhere(req.filters, RANGE, allocLevel) };
}

/**
 * Care trajectories (traject): the intervals of the matching allocations merged per client × municipality × the columns
 * of the non-period dimensions in `split` (e.g. care type), ignoring the period filter (a trajectory is judged whole).
 * Columns: client_id, municipality, <split columns>, seg_start, seg_end, closed (ended before the peildatum).
 * Use as `(<sql>) f` so DIMENSION_SPECS apply.
 */
export function segmentsSql(req: MetricRequest, split: Dimension[] = req.split): Where {
  const cols = [...new Set(['client_id', 'municipality', ...split.filter((d) => DIMENSION_SPECS[d].column)
    .map((d) => DIMENSION_SPECS[d].column!)])];
  const inner = filterWhere({ ...req.filters, from: undefined, to: undefined }, { date: 'f.start_date' });
  const src = sql`(SELECT * FROM d_alloc f WHERE f.end_date >= f.start_date AND ${inner})`;
  const out = sql`SELECT s.*, s.seg_end < m.peildatum AS closed
    FROM (${mergeIntervalsSql(src.sql, cols, 'alloc_key')}) s CROSS JOIN d_meta m`;
  out.params = src.params;
  return out;
}

/** The care-days measure of a care fact: days of each piece within the filter period. */
export function careDaysSql(req: MetricRequest): Where {
  return clippedDaysSql(req.filters);
}
