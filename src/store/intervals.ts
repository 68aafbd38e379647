// SQL building blocks on dates shared by the importers, the derived tables and the metrics: interval union, trajectories,
// month pieces, birth month, exact age and age band.
// Invariant: every window function orders by a unique tie-breaker (a tie once made one care-day total 12 % too high).
// Every builder takes and returns `Sql` (a source's bound parameters ride along); column names given as strings are
// quoted with ident().
import { empty, ident, idents, join, literal, sql, type Sql } from './sql.ts';

/**
 * SQL that merges the intervals [start_date, end_date] (inclusive days) of `source` into disjoint segments per `keys`
 * (interval union; touching intervals merge). Returns columns keys…, seg_start, seg_end. `tieBreaker` must be unique per row.
 * @example mergeIntervalsSql(sql`src`, ['client_id', 'care_type'], 'row_key')
 */
export function mergeIntervalsSql(source: Sql, keys: string[], tieBreaker: string): Sql {
  const part = join(idents(keys));
  const order = sql`ORDER BY start_date, end_date, ${ident(tieBreaker)}`;
  return sql`
    SELECT ${part}, min(start_date) AS seg_start, max(end_date) AS seg_end
    FROM (
      SELECT *, sum(CASE WHEN prev_end IS NOT NULL AND start_date <= prev_end + 1 THEN 0 ELSE 1 END)
                  OVER (PARTITION BY ${part} ${order} ROWS UNBOUNDED PRECEDING) AS grp
      FROM (
        SELECT ${part}, start_date, end_date, ${ident(tieBreaker)},
               max(end_date) OVER (PARTITION BY ${part} ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
        FROM ${source}
      )
    )
    GROUP BY ${part}, grp`;
}

/**
 * Trajectories of `source` merged per `keys`, with closed (ended before the peildatum) and next_start (the start of the
 * client's next trajectory with the same keys; segments are disjoint, so seg_start orders them uniquely).
 */
export function trajectoriesSql(source: Sql, keys: string[]): Sql {
  return sql`
SELECT s.*, s.seg_end < m.peildatum AS closed, lead(s.seg_start) OVER (PARTITION BY ${join(idents(keys))} ORDER BY s.seg_start) AS next_start
FROM (${mergeIntervalsSql(source, keys, 'alloc_key')}) s CROSS JOIN d_meta m`;
}

/** The ages at which the age band changes (the bands of the population table: 0-3, 4-11, 12-17, 18-22, 23+). */
const BAND_AGES = [4, 12, 18, 23];

/**
 * SQL that cuts the segments [startCol, endCol] of `source` (alias s) into calendar-month pieces (first_day, last_day,
 * days), carrying the columns `cols`. With `birth` (the birth date on a row of `source`) a piece is cut once more on a
 * birthday that starts a new age band, so that every piece lies in one age band and care-days change band on the
 * birthday itself.
 */
export function monthPiecesSql(source: Sql, cols: Sql, startCol = 'seg_start', endCol = 'seg_end', birth?: Sql): Sql {
  const [start, end] = [ident('s', startCol), ident('s', endCol)];
  const pieces = sql`
    SELECT ${cols}, m::DATE AS month,
           greatest(${start}, m::DATE) AS first_day,
           least(${end}, last_day(m::DATE)) AS last_day,
           least(${end}, last_day(m::DATE)) - greatest(${start}, m::DATE) + 1 AS days${birth ? sql`, ${birth} AS cut_birth` : empty}
    FROM ${source} s
    CROSS JOIN unnest(generate_series(date_trunc('month', ${start}), date_trunc('month', ${end}), INTERVAL 1 MONTH)) AS t(m)`;
  if (!birth) return pieces;
  const day = birthdaySql(sql`p.cut_birth`, sql`year(p.first_day)`);
  const cut = sql`CASE WHEN year(p.first_day) - year(p.cut_birth) IN (${join(BAND_AGES.map(literal))}) AND ${day} > p.first_day
    AND ${day} <= p.last_day THEN ${day} END`;
  return sql`
    SELECT * EXCLUDE (cut, p_first, p_last, piece_start, piece_end), piece_start AS first_day, piece_end AS last_day,
           piece_end - piece_start + 1 AS days
    FROM (SELECT *, CASE WHEN cut IS NOT NULL AND piece_start < cut THEN cut - 1 ELSE p_last END AS piece_end
          FROM (SELECT p.* EXCLUDE (first_day, last_day, days, cut_birth), p.first_day AS p_first, p.last_day AS p_last, ${cut} AS cut
                FROM (${pieces}) p)
          CROSS JOIN unnest(CASE WHEN cut IS NULL THEN [p_first] ELSE [p_first, cut] END) AS u(piece_start))`;
}

/**
 * SQL: the date in `year` on which a client born on `birth` has a birthday. Born on 29 February, the birthday of a year
 * that is not a leap year is 1 March: the age is reached when 28 February has passed.
 */
export function birthdaySql(birth: Sql, year: Sql): Sql {
  return sql`(make_date(${year}, month(${birth}), least(day(${birth}), 28)) + (day(${birth}) - least(day(${birth}), 28))::INTEGER)::DATE`;
}

/** SQL: the birth month users may see (its first day) of the birth date `birth`; the day itself never leaves the store. */
export function birthMonthSql(birth: Sql): Sql {
  return sql`CAST(date_trunc('month', ${birth}) AS DATE)`;
}

/** SQL: the age in whole years at `date` of a client born on `birth` (the birthday of that year reached on or before it). */
export function ageSql(birth: Sql, date: Sql): Sql {
  return sql`(year(${date}) - year(${birth}) - CASE WHEN month(${date}) * 100 + day(${date}) < month(${birth}) * 100 + day(${birth}) THEN 1 ELSE 0 END)`;
}

/**
 * The age band at `date` of a client born on `birth` (the exact age, see ageSql); the one definition, used both on fact
 * rows at question time and when rollups are built.
 */
export function ageBandSql(birth: Sql, date: Sql): Sql {
  const age = ageSql(birth, date);
  const [a, b, c, d] = BAND_AGES.map(literal);
  return sql`CASE WHEN ${birth} IS NULL THEN 'onbekend' WHEN ${age} < ${a} THEN '0-3' WHEN ${age} < ${b} THEN '4-11'
      WHEN ${age} < ${c} THEN '12-17' WHEN ${age} < ${d} THEN '18-22' ELSE '23+' END`;
}

/**
 * The age band of an invoice or PGB line (columns birth_date, care_date, care_end_date of the row aliased `alias`, or
 * unqualified): the age on its last day of care within the month it starts in, whatever date decides its period. So a
 * line counts as 18+ when the 18th birthday falls on or before min(end of the line, end of its month): care that ends
 * the day before the birthday does not, a line whose last day is the birthday does. Used on the lines and in their year
 * rollup alike.
 */
export function lineAgeBandSql(alias?: string): Sql {
  const [birth, careDate, careEnd] = idents(['birth_date', 'care_date', 'care_end_date'], alias);
  return ageBandSql(birth!, sql`least(${careEnd!}, last_day(${careDate!}))`);
}
