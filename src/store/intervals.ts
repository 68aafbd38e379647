// SQL building blocks on dates shared by the derived tables and the metrics: interval union, trajectories, month pieces,
// age band.
// Invariant: every window function orders by a unique tie-breaker (a tie once made one care-day total 12 % too high).

/**
 * SQL that merges the intervals [start_date, end_date] (inclusive days) of `source` into disjoint segments per `keys`
 * (interval union; touching intervals merge). Returns columns keys…, seg_start, seg_end. `tieBreaker` must be unique per row.
 * @example mergeIntervalsSql('src', ['client_id', 'care_type'], 'row_key')
 */
export function mergeIntervalsSql(source: string, keys: string[], tieBreaker: string): string {
  const part = keys.join(', ');
  const order = `ORDER BY start_date, end_date, ${tieBreaker}`;
  return `
    SELECT ${part}, min(start_date) AS seg_start, max(end_date) AS seg_end
    FROM (
      SELECT *, sum(CASE WHEN prev_end IS NOT NULL AND start_date <= prev_end + 1 THEN 0 ELSE 1 END)
                  OVER (PARTITION BY ${part} ${order} ROWS UNBOUNDED PRECEDING) AS grp
      FROM (
        SELECT ${part}, start_date, end_date, ${tieBreaker},
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
export function trajectoriesSql(source: string, keys: string[]): string {
  return `
SELECT s.*, s.seg_end < m.peildatum AS closed, lead(s.seg_start) OVER (PARTITION BY ${keys.join(', ')} ORDER BY s.seg_start) AS next_start
FROM (${mergeIntervalsSql(source, keys, 'alloc_key')}) s CROSS JOIN d_meta m`;
}

/** SQL that cuts the segments [seg_start, seg_end] of `source` into calendar-month pieces (first_day, last_day, days). */
export function monthPiecesSql(source: string, cols: string, startCol = 'seg_start', endCol = 'seg_end'): string {
  return `
    SELECT ${cols}, m::DATE AS month,
           greatest(s.${startCol}, m::DATE) AS first_day,
           least(s.${endCol}, last_day(m::DATE)) AS last_day,
           least(s.${endCol}, last_day(m::DATE)) - greatest(s.${startCol}, m::DATE) + 1 AS days
    FROM ${source} s
    CROSS JOIN unnest(generate_series(date_trunc('month', s.${startCol}), date_trunc('month', s.${endCol}), INTERVAL 1 MONTH)) AS t(m)`;
}

/**
 * The age band at `date` of a client born in the month `birth` (day unknown: counted from the 1st); the one definition,
 * used both on fact rows at question time and when rollups are built.
 */
export function ageBandSql(birth: string, date: string): string {
  const age = `(date_diff('month', ${birth}, ${date}) // 12)`;
  return `CASE WHEN ${birth} IS NULL THEN 'onbekend' WHEN ${age} < 4 THEN '0-3' WHEN ${age} < 12 THEN '4-11'
      WHEN ${age} < 18 THEN '12-17' WHEN ${age} < 23 THEN '18-22' ELSE '23+' END`;
}
