// The one WHERE builder: turns Filters into SQL on a fact row (alias f) with bound parameters, through DIMENSION_SPECS.
import { join, sql, type Sql } from '../../store/index.ts';
import type { Dimension, Filters } from '../types.ts';
import { FILTER_DIMENSIONS } from '../../contract/dimensions.ts';
import { dimensionSql } from './dimensions.ts';

/** A condition or fragment on the fact row f (the store's `Sql`: text and bound parameters). */
export type Where = Sql;

/**
 * How a fact meets the period: by one date (a cost line's care or invoice date) or by a day range that must overlap
 * [from, to] (care pieces, allocation pieces). `date` also decides the age and the period buckets; `age`, on a year rollup,
 * is the column holding the age band of the rows it sums.
 */
export type PeriodSpec = { date: Sql; age?: Sql } | { date: Sql; start: Sql; end: Sql; age?: Sql };

/** The filter dimensions (every Filters key except the period keys; line dimensions are splits only). */
export { FILTER_DIMENSIONS } from '../../contract/dimensions.ts';

/** Where a filter without a period is judged (a dimension cut of the date needs some date). */
const CURRENT_DATE = sql`current_date`;

/**
 * WHERE clause (without the keyword; 'true' when empty) for `filters` on the fact aliased `f`.
 * @example filterWhere({ care_type: ['verblijf'], from: '2018-01-01', to: '2018-12-31' }, { date: sql`f.care_date` })
 */
export function filterWhere(filters: Filters, period: PeriodSpec | null, skip: (d: Dimension) => boolean = () => false): Where {
  const parts: Sql[] = [];
  if (period) {
    const [lo, hi] = 'start' in period ? [period.end, period.start] : [period.date, period.date];
    if (filters.from) parts.push(sql`${lo} >= ${filters.from}::DATE`);
    if (filters.to) parts.push(sql`${hi} <= ${filters.to}::DATE`);
  }
  for (const d of FILTER_DIMENSIONS) {
    const values = filters[d as keyof Filters] as string[] | undefined;
    if (!values || skip(d)) continue;
    if (values.length === 0) {
      parts.push(sql`false`);
      continue;
    }
    parts.push(sql`${dimensionSql(d, period ?? CURRENT_DATE)} IN (${join(values)})`);
  }
  return parts.length ? join(parts, ' AND ') : sql`true`;
}

/** The filters without the period (a trajectory, first entry or pathway is judged whole; the period applies after). */
export const withoutPeriod = (f: Filters): Filters => ({ ...f, from: undefined, to: undefined });

/**
 * The filter period on one date column: `col >= from AND col <= to` with only the bounds given ('true' without a period),
 * so the scan can use it (a coalesce with a NULL parameter is evaluated on every row).
 */
export function inPeriod(filters: Filters, col: Sql): Where {
  return filterWhere({ from: filters.from, to: filters.to }, { date: col });
}

/** Rows whose days [start, end] overlap the filter period (only the bounds given). */
export function overlapsPeriod(filters: Filters, start: Sql, end: Sql): Where {
  return filterWhere({ from: filters.from, to: filters.to }, { date: start, start, end });
}

/** Days of [start, end] that fall within the filter period (the range fact's measure). */
export function clippedDaysSql(filters: Filters, start = sql`f.first_day`, end = sql`f.last_day`): Where {
  const lo = filters.from ? sql`greatest(${start}, ${filters.from}::DATE)` : start;
  const hi = filters.to ? sql`least(${end}, ${filters.to}::DATE)` : end;
  return sql`(${hi} - ${lo} + 1)`;
}
