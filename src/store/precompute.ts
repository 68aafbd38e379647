// Derived tables shaped for the questions the dashboard asks, built after d_alloc, d_care_piece, d_care_seg and d_cost so
// that a question reads tens of thousands of rows instead of merging intervals or scanning every line:
//   d_client_seg / d_provider_seg  trajectories merged per client × municipality (× provider), like d_care_seg per care type
//   d_client_rseg / d_care_rseg    the same merged over municipalities (per client, per client × care type): who is in care
//   d_cost_year / d_care_year / d_alloc_year  year rollups of the three facts, with the age band of the underlying row
//   d_care_year_provider / d_care_year_referrer  d_care_year with care-days merged per provider (per referrer) too
//   d_util_year       per allocation × year: allocated euros (rounded per allocation and year) and the accepted invoiced
//                     euros of care in that year
//   d_stock_client / d_stock_care  per month (× care type) the change in clients in care at the month end, over all
//                     municipalities (+1 where a client's held months start, −1 where they stop)
//   d_entry           earliest care per client × municipality × care type (first entry into care)
//   d_reindication    allocations followed by a new one of the same care type within 31 days of their end
//   d_wait            requests (JW315) paired with the allocation that followed, with the days in between
//   d_municipalities  every municipality that occurs in the data (a filter naming all of them filters nothing)
//   d_stack_client / d_stack_mun  per client (× municipality) the runs of days with the same number of active allocations
//   d_step_client / d_step_mun, d_path_client / d_path_mun  per client (× municipality) the sequence of care types
// Every table holds exactly what the on-the-fly query computes; src/metrics decides when a question may use one.
import { roundedCentsSql } from './allocated.ts';
import { ageBandSql, lineAgeBandSql, mergeIntervalsSql, monthPiecesSql, trajectoriesSql } from './intervals.ts';
import { ALL_DIMENSIONS, dimension } from '../contract/dimensions.ts';
import { ident, idents, join, sql, type Sql } from './sql.ts';

/**
 * The columns every fact table carries (same names everywhere): the client's keys and the fact column of each dimension
 * as the contract declares it (src/contract/dimensions.ts), so a new dimension's column reaches the rollups by itself.
 */
export const FACT_DIMENSION_COLUMNS: readonly string[] = [
  'client_id',
  'client_no',
  ...new Set(ALL_DIMENSIONS.flatMap((d) => dimension(d).column ?? [])),
];
const FACT_COLUMNS = join(idents(FACT_DIMENSION_COLUMNS));

/** The allocations with a care interval (a non-empty one): the source of every merge. */
export const VALID_ALLOC = sql`(SELECT * FROM d_alloc WHERE end_date >= start_date)`;
const CLIENT_ATTRS = ['client_no', 'district', 'sex', 'birth_date'];

const segTable = (name: string, keys: string[], perMunicipality = true) => sql`
CREATE OR REPLACE TABLE ${ident(name)} AS
${trajectoriesSql(VALID_ALLOC, ['client_id', ...(perMunicipality ? ['municipality'] : []), ...keys, ...CLIENT_ATTRS])}
ORDER BY client_id, seg_start`;

// Year rollups: a question over whole years (no half-year/quarter/month cut) gives the same answer on these. A cost line's
// age band does not depend on the basis (lineAgeBandSql), so the rollup serves both.
const COST_YEAR = sql`
CREATE OR REPLACE TABLE d_cost_year AS
SELECT ${FACT_COLUMNS}, allocation_no, age_band, make_date(cy, 1, 1) AS care_date, make_date(iy, 1, 1) AS invoice_date,
       amount_cents
FROM (SELECT ${FACT_COLUMNS}, allocation_no, ${lineAgeBandSql()} AS age_band,
             year(care_date) AS cy, year(invoice_date) AS iy, sum(amount_cents)::BIGINT AS amount_cents
      FROM d_cost GROUP BY ALL)
ORDER BY care_date, municipality, client_id`;

// The keys care-days are merged by (client attributes ride along: they depend on the client only).
export const CARE_KEYS = ['client_id', 'municipality', 'care_type', ...CLIENT_ATTRS];

/** Care-days of the month pieces `pieces` (columns keys…, month, first_day, days) summed per `keys` × year. */
const careYearSql = (pieces: Sql, keys: string[]) => sql`
SELECT ${join(idents(keys))}, age_band, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day, days
FROM (SELECT ${join(idents(keys))}, ${ageBandSql(sql`birth_date`, sql`first_day`)} AS age_band, year(month) AS y, sum(days)::BIGINT AS days
      FROM ${pieces} GROUP BY ALL)
ORDER BY first_day, municipality, client_id`;

const CARE_YEAR = sql`
CREATE OR REPLACE TABLE d_care_year AS${careYearSql(sql`d_care_piece`, CARE_KEYS)}`;

/**
 * d_care_year with the care intervals merged per one allocation-level column too (a client with two providers of one care
 * type has care-days at each), as the on-the-fly merge for a provider or referrer cut does.
 */
function careYearBy(table: string, column: string): Sql {
  const keys = [...CARE_KEYS, column];
  return sql`
CREATE OR REPLACE TABLE ${ident(table)} AS
WITH seg AS (${mergeIntervalsSql(VALID_ALLOC, keys, 'alloc_key')}),
pieces AS (${monthPiecesSql(sql`seg`, join(idents(keys, 's')), 'seg_start', 'seg_end', sql`s.birth_date`)})${careYearSql(sql`pieces`, keys)}`;
}

/** `any_value(c) AS c` for columns that depend on the grouping key (cheaper than grouping by all of them). */
const anyValues = (cols: readonly string[]) => join(cols.map((c) => sql`any_value(${ident(c)}) AS ${ident(c)}`));

// priced: every month piece had an amount (utilisation counts euros only over priced allocations). The allocated euros
// stay an exact fraction (allocated_den is constant per allocation and year), rounded once per allocation and year.
const ALLOC_YEAR = sql`
CREATE OR REPLACE TABLE d_alloc_year AS
SELECT ${FACT_COLUMNS}, alloc_key, allocation_no, age_band, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day,
       days, allocated_num, allocated_den, priced, care_started
FROM (SELECT ${anyValues(FACT_DIMENSION_COLUMNS)}, alloc_key, any_value(allocation_no) AS allocation_no,
             any_value(care_started) AS care_started,
             ${ageBandSql(sql`birth_date`, sql`first_day`)} AS age_band, year(month) AS y, sum(days)::BIGINT AS days,
             sum(allocated_num)::BIGINT AS allocated_num, any_value(allocated_den) AS allocated_den,
             bool_and(allocated_num IS NOT NULL) AS priced
      FROM d_alloc_piece GROUP BY alloc_key, y, age_band)
ORDER BY first_day, municipality, alloc_key`;

// has_alloc: the allocation was active in the year (else only invoices for care that year; kept, because a question
// over several years compares all invoices of the period with the allocation). allocated_cents: rounded per allocation
// and year.
const UTIL_YEAR = sql`
CREATE OR REPLACE TABLE d_util_year AS
WITH al AS (SELECT alloc_key, first_day, ${roundedCentsSql(sql`sum(allocated_num)`, sql`any_value(allocated_den)`)} AS allocated_cents,
                   bool_and(priced) AS priced
            FROM d_alloc_year GROUP BY alloc_key, first_day),
inv AS (SELECT municipality || '/' || allocation_no AS alloc_key, care_date AS first_day, sum(amount_cents)::BIGINT AS invoiced_cents
        FROM d_cost_year WHERE allocation_no IS NOT NULL GROUP BY ALL)
SELECT a.alloc_key, a.municipality, a.client_id, a.client_no, k.first_day, (k.first_day + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS last_day,
       al.alloc_key IS NOT NULL AS has_alloc, al.allocated_cents, al.priced, inv.invoiced_cents, a.care_started
FROM (SELECT alloc_key, first_day FROM al UNION SELECT alloc_key, first_day FROM inv) k
JOIN d_alloc a ON a.alloc_key = k.alloc_key
LEFT JOIN al ON al.alloc_key = k.alloc_key AND al.first_day = k.first_day
LEFT JOIN inv ON inv.alloc_key = k.alloc_key AND inv.first_day = k.first_day
ORDER BY k.first_day, a.municipality, a.alloc_key`;

const ENTRY = sql`
CREATE OR REPLACE TABLE d_entry AS
SELECT client_id, municipality, care_type, client_no, district, sex, birth_date, min(d) AS entry_date FROM (
  SELECT client_id, municipality, care_type, client_no, district, sex, birth_date, start_date AS d FROM ${VALID_ALLOC}
  UNION ALL SELECT client_id, municipality, care_type, client_no, district, sex, birth_date, care_date FROM d_cost)
GROUP BY ALL ORDER BY client_id`;

// Compared with every allocation (also those whose care never started), as the on-the-fly definition did.
const REINDICATION = sql`
CREATE OR REPLACE TABLE d_reindication AS
SELECT DISTINCT f.alloc_key FROM d_alloc f JOIN d_alloc b ON b.client_id = f.client_id AND b.municipality = f.municipality
  AND b.care_type = f.care_type AND b.alloc_key <> f.alloc_key AND b.start_date > f.start_date AND b.start_date <= f.end_date + 31`;

const WAIT = sql`
CREATE OR REPLACE TABLE d_wait AS
SELECT ${join(idents(FACT_DIMENSION_COLUMNS, 'f'))}, r.request_date, f.allocated_at::DATE - r.request_date AS to_allocation,
       f.care_start - r.request_date AS to_start
FROM request r JOIN d_alloc f ON f.provider_agb = r.provider_agb AND f.provider_reference = r.provider_reference
  AND f.municipality = r.municipality AND f.client_id = r.client_id
ORDER BY request_date`;

// Sweep line: +1 on the first day of an allocation, −1 the day after its last; a run lasts until the next change.
const stackTable = (name: string, keys: string[]) => {
  const part = join(idents(['client_id', ...keys, ...CLIENT_ATTRS]));
  return sql`
CREATE OR REPLACE TABLE ${ident(name)} AS
WITH ev AS (SELECT ${part}, start_date AS d, 1 AS delta FROM ${VALID_ALLOC}
            UNION ALL SELECT ${part}, end_date + 1, -1 FROM ${VALID_ALLOC}),
day AS (SELECT ${part}, d, sum(delta) AS delta FROM ev GROUP BY ALL),
run AS (SELECT ${part}, d AS run_start, lead(d) OVER (PARTITION BY ${part} ORDER BY d) - 1 AS run_end,
               (sum(delta) OVER (PARTITION BY ${part} ORDER BY d ROWS UNBOUNDED PRECEDING))::INTEGER AS n FROM day)
SELECT * FROM run WHERE n > 0 ORDER BY client_id, run_start`;
};

/**
 * SQL: per `keys` (a client, and what depends on it or narrows it) the ordered steps of a care pathway from `source`
 * (columns keys…, care_type, seg_start, seg_end): trajectories per care type sorted by start, a care type directly
 * following itself collapsed into one step. Columns: keys…, care_type, step_start, step (1, 2, …).
 */
export function careStepsSql(source: Sql, keys: string[]): Sql {
  const p = join(idents(keys));
  const order = sql`PARTITION BY ${p} ORDER BY seg_start, care_type, seg_end`;
  return sql`
    SELECT ${p}, care_type, seg_start AS step_start, row_number() OVER (${order}) AS step
    FROM (SELECT * FROM (SELECT *, lag(care_type) OVER (${order}) AS prev FROM ${source}) WHERE prev IS NULL OR prev <> care_type)`;
}

const stepTable = (name: string, part: string[]) => sql`
CREATE OR REPLACE TABLE ${ident(name)} AS
${careStepsSql(sql`(SELECT client_id, ${join(idents(part))}, care_type, seg_start, seg_end FROM d_care_seg)`, ['client_id', ...part])}
ORDER BY client_id, step`;

const pathTable = (name: string, steps: string, part: string[]) => sql`
CREATE OR REPLACE TABLE ${ident(name)} AS
SELECT client_id, ${join(idents(part))}, string_agg(care_type, ' → ' ORDER BY step) AS pathway, max(step) AS steps
FROM ${ident(steps)} GROUP BY ALL ORDER BY client_id`;

// A trajectory holds the month ends from its first month up to (not including) the month of seg_end + 1.
const stockEventTable = (name: string, source: string, keyNames: string[]) => {
  const start = sql`date_trunc('month', seg_start)::DATE`;
  const stop = sql`date_trunc('month', seg_end + 1)::DATE`;
  const keys = join(idents(keyNames));
  return sql`
CREATE OR REPLACE TABLE ${ident(name)} AS
SELECT ${keys}, month, sum(delta)::INTEGER AS delta FROM (
  SELECT ${keys}, ${start} AS month, 1 AS delta FROM ${ident(source)} WHERE ${stop} > ${start}
  UNION ALL SELECT ${keys}, ${stop}, -1 FROM ${ident(source)} WHERE ${stop} > ${start})
GROUP BY ALL ORDER BY month`;
};

const MUNICIPALITIES = sql`
CREATE OR REPLACE TABLE d_municipalities AS
SELECT DISTINCT municipality FROM (SELECT municipality FROM allocation UNION ALL SELECT municipality FROM invoice_line
  UNION ALL SELECT municipality FROM pgb_cost UNION ALL SELECT municipality FROM budget UNION ALL SELECT municipality FROM request)
ORDER BY municipality`;

/** A table precomputed at load: what builds it, which questions read it, and the test that proves it changes nothing. */
export interface PrecomputedTable {
  name: string;
  build: Sql;
  /** The questions that read it (the deciding function in src/metrics/sql/precomputed.ts, or the metric). */
  answers: string;
  /** The test comparing its answers with the on-the-fly computation. */
  equivalence: string;
}

/** Every metric, precomputed against on the fly, on a seeded random region (computeMetric's `precomputed` option). */
const EVERY_METRIC = 'src/metrics/precomputed.test.ts';

/** The one registry of precomputed tables, in build order; refreshDerived runs them after the base derived tables. */
export const PRECOMPUTED_TABLES: PrecomputedTable[] = [
  {
    name: 'd_client_seg',
    build: segTable('d_client_seg', []),
    answers: 'segmentTable: trajectories without a cut',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_provider_seg',
    build: segTable('d_provider_seg', ['provider_agb']),
    answers: 'segmentTable: trajectories per provider',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_client_rseg',
    build: segTable('d_client_rseg', [], false),
    answers: 'source of d_stock_client',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_care_rseg',
    build: segTable('d_care_rseg', ['care_type'], false),
    answers: 'source of d_stock_care',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_stock_client',
    build: stockEventTable('d_stock_client', 'd_client_rseg', ['district', 'sex']),
    answers: 'stockEventTable: flows over all municipalities',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_stock_care',
    build: stockEventTable('d_stock_care', 'd_care_rseg', ['care_type', 'district', 'sex']),
    answers: 'stockEventTable: flows per care type',
    equivalence: EVERY_METRIC,
  },
  { name: 'd_cost_year', build: COST_YEAR, answers: 'wholeYears: cost over whole years (costFact)', equivalence: EVERY_METRIC },
  {
    name: 'd_care_year',
    build: CARE_YEAR,
    answers: 'wholeYears: care-days over whole years (careFact)',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_care_year_provider',
    build: careYearBy('d_care_year_provider', 'provider_agb'),
    answers: 'careYearTable: care-days by provider',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_care_year_referrer',
    build: careYearBy('d_care_year_referrer', 'referrer_id'),
    answers: 'careYearTable: care-days by referrer',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_alloc_year',
    build: ALLOC_YEAR,
    answers: 'wholeYears: allocations over whole years (allocFact)',
    equivalence: EVERY_METRIC,
  },
  { name: 'd_util_year', build: UTIL_YEAR, answers: 'utilisationPrecomputed: utilisation', equivalence: EVERY_METRIC },
  { name: 'd_entry', build: ENTRY, answers: 'entryPrecomputed: first entry (cohorts, intensive)', equivalence: EVERY_METRIC },
  { name: 'd_reindication', build: REINDICATION, answers: 'reindication (durations.ts)', equivalence: EVERY_METRIC },
  { name: 'd_wait', build: WAIT, answers: 'waiting time (waiting.ts)', equivalence: EVERY_METRIC },
  {
    name: 'd_municipalities',
    build: MUNICIPALITIES,
    answers: 'a filter naming every municipality (computeMetric)',
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_stack_client',
    build: stackTable('d_stack_client', []),
    answers: "clientLevel 'client': stacking",
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_stack_mun',
    build: stackTable('d_stack_mun', ['municipality']),
    answers: "clientLevel 'mun': stacking",
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_step_client',
    build: stepTable('d_step_client', ['client_no', 'district', 'sex']),
    answers: "clientLevel 'client': transitions",
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_step_mun',
    build: stepTable('d_step_mun', ['municipality', 'client_no', 'district', 'sex']),
    answers: "clientLevel 'mun': transitions",
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_path_client',
    build: pathTable('d_path_client', 'd_step_client', ['client_no', 'district', 'sex']),
    answers: "clientLevel 'client': pathways",
    equivalence: EVERY_METRIC,
  },
  {
    name: 'd_path_mun',
    build: pathTable('d_path_mun', 'd_step_mun', ['municipality', 'client_no', 'district', 'sex']),
    answers: "clientLevel 'mun': pathways",
    equivalence: EVERY_METRIC,
  },
];

/** The build steps in order (name, SQL), as refreshDerived runs them. */
export const PRECOMPUTE_STEPS: [name: string, statement: Sql][] = PRECOMPUTED_TABLES.map((t) => [t.name, t.build]);

/** The per-client table of a kind for a client level (clientLevel in src/metrics/sql/precomputed.ts), by its full name. */
export const CLIENT_LEVEL_TABLES = {
  stack: { client: 'd_stack_client', mun: 'd_stack_mun' },
  step: { client: 'd_step_client', mun: 'd_step_mun' },
  path: { client: 'd_path_client', mun: 'd_path_mun' },
} as const;
