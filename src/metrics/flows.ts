// Flows: inflow, outflow and stock of clients per month, and re-entry into care within 6 and 12 months after ending.
// Built on care trajectories: allocations merged per client × municipality (× split, e.g. care type).
import { empty, ident, idents, join, leading, sql, type Sql, type Store } from '../store/index.ts';
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { DIMENSION_SPECS, splitSelect } from './sql/dimensions.ts';
import { mergeIntervalsSql } from '../store/intervals.ts';
import { segmentsSql } from './sql/facts.ts';
import { filterWhere, inPeriod, withoutPeriod, type Where } from './sql/filters.ts';
import { stockEventTable } from './sql/precomputed.ts';
import { joinOn, pct, query, result, rowsAndTotals, splitColumns, type Row } from './result.ts';
import { DIMENSIONS, type Dimension, type Metric, type MetricRequest } from './types.ts';

/** Non-period dimensions known per allocation and client (age is left out: it changes along a trajectory). */
export const TRAJECTORY_SPLITS = DIMENSIONS.filter((d) => !['year', 'half_year', 'quarter', 'month', 'age_band'].includes(d));

const TRAJECTORY =
  'Een traject is een aaneengesloten periode in zorg: de toewijzingen van een cliënt (de looptijd van elke ' +
  'toewijzing: ingangsdatum tot einddatum) samengevoegd per gemeente en per gekozen uitsplitsing (bijv. zorgsoort); overlappende of ' +
  'aansluitende toewijzingen vormen één traject. Een traject dat tot de peildatum (laatste gedeclareerde periode) loopt, ' +
  'is nog niet beëindigd. Een verhuizing geeft een uitstroom in de oude en een instroom in de nieuwe gemeente.';

/** The month of `col` lies within the months the period touches (as the months CTE counts them). */
const monthInPeriod = (req: MetricRequest, col: Sql) =>
  sql`${
    req.filters.from ? sql`${col} >= date_trunc('month', ${req.filters.from}::DATE)` : sql`true`
  } AND ${inPeriod({ to: req.filters.to }, sql`date_trunc('month', ${col})`)}`;

/** The months a segment holds at their end: from its first month up to (not including) the month of seg_end + 1. */
const HELD_MONTHS = sql`date_trunc('month', seg_start)::DATE AS start_month, date_trunc('month', seg_end + 1)::DATE AS stop_month`;

/**
 * CTE `events`: per split value and month the change in the number of clients whose month end is in care (+1 where a
 * client's held range of months starts, −1 where it stops). From `held`: per client (and split value) disjoint ranges
 * [start_month, stop_month); over all municipalities the events are precomputed.
 */
function stockEvents(req: MetricRequest, names: string[]): Where {
  const k = leading(idents(names));
  const rest = withoutPeriod(req.filters);
  const table = stockEventTable(
    rest,
    req.split.filter((d) => DIMENSION_SPECS[d].column),
  );
  if (table) {
    return sql`events AS (SELECT ${leading(splitSelect(req.split, sql`f.month`))} f.month, sum(f.delta) AS delta
      FROM ${ident(table)} f WHERE ${filterWhere(rest, null)} GROUP BY ALL)`;
  }
  const events = sql`events AS (SELECT ${k} month, sum(delta) AS delta FROM (
                   SELECT ${k} start_month AS month, 1 AS delta FROM held WHERE stop_month > start_month
                   UNION ALL SELECT ${k} stop_month, -1 FROM held WHERE stop_month > start_month) GROUP BY ALL)`;
  return sql`${heldRanges(req, names)}, ${events}`;
}

/** CTE `held` (see stockEvents) from the question's segments: disjoint per client within one municipality, else merged. */
function heldRanges(req: MetricRequest, names: string[]): Where {
  const k = leading(idents(names));
  if (names.includes('municipality') || req.filters.municipality?.length === 1) {
    return sql`held AS (SELECT ${k} ${HELD_MONTHS} FROM seg)`;
  }
  return sql`cover AS (SELECT ${k} client_no, date_trunc('month', seg_start)::DATE AS start_date,
      (date_trunc('month', seg_end + 1) - INTERVAL 1 MONTH)::DATE AS end_date, seg_municipality || '/' || seg_start AS tie FROM seg),
    merged AS (${mergeIntervalsSql(sql`(SELECT * FROM cover WHERE end_date >= start_date)`, [...names, 'client_no'], 'tie')}),
    held AS (SELECT ${k} seg_start AS start_month, (seg_end + INTERVAL 1 MONTH)::DATE AS stop_month FROM merged)`;
}

/**
 * CTE `scoped`: a client's trajectories within the scope of a row: per municipality when the question is cut by
 * municipality or asks for one, else merged over the municipalities asked for (a move within them is no gap).
 */
function scopedSegments(req: MetricRequest, names: string[]): Sql {
  const k = leading(idents(names));
  if (names.includes('municipality') || req.filters.municipality?.length === 1)
    return sql`scoped AS (SELECT ${k} client_no, seg_start, seg_end FROM seg)`;
  const source = sql`(SELECT ${k} client_no, seg_start AS start_date, seg_end AS end_date, seg_municipality || '/' || seg_start AS tie FROM seg)`;
  return sql`scoped AS MATERIALIZED (${mergeIntervalsSql(source, [...names, 'client_no'], 'tie')})`;
}

export const flows: Metric = {
  id: 'flows',
  title: 'Instroom, uitstroom en zorgvoorraad per maand',
  definition:
    `${TRAJECTORY} Instroom: cliënten van wie de eerste toewijzing binnen de gekozen gemeente(n) en ` +
    'uitsplitsing in de maand begint. Uitstroom: cliënten van wie de laatste toewijzing binnen de gemeente(n) en ' +
    'uitsplitsing in de maand eindigt, zonder latere toewijzing daarbinnen; zorg die op de peildatum (de laatste dag ' +
    'waarover gegevens zijn) nog loopt, is geen uitstroom. Een verhuizing tussen gemeenten is uitstroom uit de oude en ' +
    'instroom in de nieuwe gemeente, maar niet voor beide samen. Voorraad: cliënten in zorg op de laatste dag van de maand. ' +
    'Gestarte en beëindigde trajecten: ook een onderbreking en een terugkeer tellen (zie "Terugkeer in zorg").',
  splits: TRAJECTORY_SPLITS,
  async compute(store: Store, req: MetricRequest) {
    const names = req.split as string[];
    const keys = splitSelect(req.split, sql`f.seg_start`);
    const k = leading(idents(names));
    // Each CTE below joins the grid on the month and the split columns (NULL matches NULL).
    const onKeys = (alias: string) => (names.length ? sql`AND ${joinOn(names, alias, 'g')}` : empty);
    const partition = join([...idents(names), sql`true`]);
    const q = sql`
      WITH seg AS MATERIALIZED (SELECT ${leading(keys)} f.client_no, f.municipality AS seg_municipality, f.seg_start,
                  f.seg_end, f.closed FROM (${segmentsSql(req)}) f),
      months AS (SELECT m::DATE AS month FROM (SELECT min(seg_start) AS lo, max(seg_end) AS hi FROM seg),
                   unnest(generate_series(date_trunc('month', lo), date_trunc('month', hi), INTERVAL 1 MONTH)) AS t(m)
                 WHERE ${req.filters.from ? sql`m::DATE >= date_trunc('month', ${req.filters.from}::DATE)` : sql`true`}
                   AND ${inPeriod({ to: req.filters.to }, sql`m::DATE`)}),
      ${scopedSegments(req, names)},
      -- Inflow and outflow: a client's first start and last end within the scope (a gap or a move inside it is neither).
      span AS (SELECT ${k} client_no, min(seg_start) AS first_start, max(seg_end) AS last_end FROM scoped GROUP BY ALL),
      inflow AS MATERIALIZED (SELECT ${k} date_trunc('month', first_start)::DATE AS month, count(*) AS n FROM span
                   WHERE ${monthInPeriod(req, sql`first_start`)} GROUP BY ALL),
      outflow AS MATERIALIZED (SELECT ${k} date_trunc('month', last_end)::DATE AS month, count(*) AS n FROM span, d_meta m
                   WHERE last_end < m.peildatum AND ${monthInPeriod(req, sql`last_end`)} GROUP BY ALL),
      -- Trajectories started and ended, clients counted once per month (distinct rows, then count).
      started AS MATERIALIZED (SELECT ${k} month, count(*) AS n FROM (SELECT DISTINCT ${k} date_trunc('month', seg_start)::DATE AS month,
                   client_no FROM scoped WHERE ${monthInPeriod(req, sql`seg_start`)}) GROUP BY ALL),
      ended AS MATERIALIZED (SELECT ${k} month, count(*) AS n FROM (SELECT DISTINCT ${k} date_trunc('month', seg_end)::DATE AS month,
                   client_no FROM scoped, d_meta m WHERE seg_end < m.peildatum AND ${monthInPeriod(req, sql`seg_end`)}) GROUP BY ALL),
      -- Stock without a range join: a segment holds the month ends from its first month up to (not including) the month
      -- of seg_end + 1. Counting held month ranges counts clients when a client's ranges are disjoint: true per
      -- municipality, and for the segments merged over municipalities; otherwise the ranges are merged here first.
      ${stockEvents(req, names)},
      runs AS (SELECT ${k} month, lead(month) OVER (PARTITION BY ${partition} ORDER BY month) AS next_month,
                 sum(delta) OVER (PARTITION BY ${partition} ORDER BY month ROWS UNBOUNDED PRECEDING) AS n FROM events),
      stock AS MATERIALIZED (SELECT ${k} m::DATE AS month, n FROM runs,
                 unnest(generate_series(month, next_month - INTERVAL 1 MONTH, INTERVAL 1 MONTH)) AS t(m) WHERE n > 0),
      grid AS (SELECT DISTINCT ${k} month FROM (SELECT ${k} month FROM inflow UNION ALL SELECT ${k} month FROM outflow
               UNION ALL SELECT ${k} month FROM stock UNION ALL SELECT ${k} month FROM started UNION ALL SELECT ${k} month FROM ended)
               WHERE month IN (SELECT month FROM months))
      SELECT ${leading(idents(names, 'g'))} strftime(g.month, '%Y-%m') AS month,
             coalesce(i.n, 0) AS inflow, coalesce(o.n, 0) AS outflow, coalesce(s.n, 0) AS stock,
             coalesce(ts.n, 0) AS started, coalesce(te.n, 0) AS ended
      FROM grid g
      LEFT JOIN inflow i ON i.month = g.month ${onKeys('i')}
      LEFT JOIN outflow o ON o.month = g.month ${onKeys('o')}
      LEFT JOIN stock s ON s.month = g.month ${onKeys('s')}
      LEFT JOIN started ts ON ts.month = g.month ${onKeys('ts')}
      LEFT JOIN ended te ON te.month = g.month ${onKeys('te')}
      ORDER BY ${join([...idents(names, 'g'), sql`g.month`])}`;
    return result(
      this,
      req,
      [...splitColumns(req.split), C.flows.month, C.flows.inflow, C.flows.outflow, C.flows.stock, C.flows.started, C.flows.ended],
      await query(store, q),
    );
  },
};

export const reentry: Metric = {
  id: 'reentry',
  title: 'Terugkeer in zorg binnen 6 en 12 maanden',
  definition:
    `${TRAJECTORY} Van de trajecten die in de periode eindigen: het deel waarna dezelfde cliënt binnen 6 ` +
    '(of 12) maanden na de einddatum weer een traject begint (binnen dezelfde gemeente en uitsplitsing). Alleen trajecten ' +
    'waarvan de hele termijn vóór de peildatum valt, tellen mee in het percentage (anders is terugkeer nog niet te zien).',
  splits: [...TRAJECTORY_SPLITS, 'year'],
  async compute(store: Store, req: MetricRequest) {
    const nonPeriod = req.split.filter((d) => d !== 'year');
    const build = (split: Dimension[]) => {
      const keys = splitSelect(split, sql`f.seg_end`);
      return sql`
        WITH seg AS MATERIALIZED (SELECT f.* FROM (${segmentsSql(req, nonPeriod)}) f),
        ended AS (SELECT * FROM seg f, d_meta m WHERE f.closed
          AND ${inPeriod(req.filters, sql`f.seg_end`)})
        SELECT ${leading(keys)} count(*) AS ended,
          count(*) FILTER (WHERE f.seg_end + INTERVAL 6 MONTH <= f.peildatum) AS observable_6,
          count(*) FILTER (WHERE f.seg_end + INTERVAL 6 MONTH <= f.peildatum AND f.next_start <= f.seg_end + INTERVAL 6 MONTH) AS reentry_6,
          count(*) FILTER (WHERE f.seg_end + INTERVAL 12 MONTH <= f.peildatum) AS observable_12,
          count(*) FILTER (WHERE f.seg_end + INTERVAL 12 MONTH <= f.peildatum AND f.next_start <= f.seg_end + INTERVAL 12 MONTH) AS reentry_12
        FROM ended f ${split.length ? sql`GROUP BY ALL ORDER BY ${join(idents(split))}` : empty}`;
    };
    const shape = (r: Row) => ({
      ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
      ended: r.ended ?? 0,
      reentry_6: r.reentry_6 ?? 0,
      reentry_6_pct: pct(r.reentry_6, r.observable_6),
      reentry_12: r.reentry_12 ?? 0,
      reentry_12_pct: pct(r.reentry_12, r.observable_12),
    });
    const { rows, totals } = await rowsAndTotals(store, req.split, build);
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.reentry.ended,
        C.reentry.reentry_6,
        C.reentry.reentry_6_pct,
        C.reentry.reentry_12,
        C.reentry.reentry_12_pct,
      ],
      rows.map(shape),
      shape(totals),
    );
  },
};
