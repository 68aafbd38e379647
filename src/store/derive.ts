// Derived tables rebuilt after each import, so that questions never recompute care intervals or join raw lines:
//   d_meta        the peildatum (last invoiced or PGB period end) that closes open-ended care
//   d_client_no   a small integer per client pseudonym (client_no), carried on every fact for grouping and counting
//   d_alloc       one row per live allocation with its period (JW301 dates) and every dimension denormalised
//   d_alloc_piece d_alloc clipped to calendar months, with the allocated euros of that piece (allocated_num / allocated_den)
//   d_care_seg    care intervals merged per client × municipality × care type (trajectories; stacking counted once)
//   d_care_piece  d_care_seg clipped to calendar months, cut once more on a birthday that starts a new age band
//   d_claim       one row per invoice line: claimed and rejected (JW325) amount, return codes, every dimension denormalised
//   d_cost        one row per invoice line (accepted amount) and per PGB line, with every dimension denormalised
// and, shaped for the questions (see precompute.ts): merged trajectories, year rollups, first entry, waiting pairs, stacking.
// Invariant: every window function orders by a unique tie-breaker (see mergeIntervalsSql in intervals.ts).
import { allocatedPieceSql } from './allocated.ts';
import { monthPiecesSql, trajectoriesSql } from './intervals.ts';
import { CARE_KEYS, PRECOMPUTE_STEPS, VALID_ALLOC } from './precompute.ts';
import { idents, join, sql, type Sql } from './sql.ts';
import type { Store } from './store.ts';

/**
 * Client attributes carried on every fact so no query needs a join. client_no is a small integer per pseudonym: grouping
 * and counting by it is several times cheaper than by the 64-character pseudonym.
 */
const CLIENT_COLS = sql`n.client_no, c.district, c.sex, c.birth_date`;

const CLIENT_NO = sql`
CREATE OR REPLACE TABLE d_client_no AS
SELECT client_id, (row_number() OVER (ORDER BY client_id))::INTEGER AS client_no
FROM (SELECT client_id FROM allocation UNION SELECT client_id FROM invoice_line UNION SELECT client_id FROM pgb_cost)`;

const META = sql`
CREATE OR REPLACE TABLE d_meta AS
SELECT coalesce(
  (SELECT max(period_end) FROM (SELECT period_end FROM invoice_line UNION ALL SELECT period_end FROM pgb_cost)),
  (SELECT max(coalesce(end_date, start_date)) FROM allocation),
  DATE '2000-01-01') AS peildatum`;

// The interval is the allocation's own period (JW301 Ingangsdatum–Einddatum; open → peildatum): every allocation figure
// (allocations active, allocated euros, care-days, trajectories) counts over it. Delivered care (JW305/JW307) rides along as
// care_start/care_end, ended_on (stop zorg, else the allocation's end) dates an ending with its JZ588 reason, and
// care_started tells whether care ever started (a start zorg or any invoice on the allocation).
const ALLOC = sql`
CREATE OR REPLACE TABLE d_alloc AS
SELECT a.municipality, a.allocation_no, a.municipality || '/' || a.allocation_no AS alloc_key, a.client_id,
       a.provider_agb, coalesce(a.product_category, p.category) AS product_category, a.product_code,
       coalesce(nullif(p.care_type, ''), 'onbekend') AS care_type,
       a.referrer_id, coalesce(r.type, split_part(a.referrer_id, ':', 1)) AS referrer_type,
       a.team_id, a.financing, ${CLIENT_COLS},
       a.provider_reference, a.allocated_at, a.start_date AS alloc_start, a.end_date AS alloc_end,
       cp.start_date AS care_start, cp.end_date AS care_end, cp.end_reason,
       a.start_date, coalesce(a.end_date, m.peildatum) AS end_date, a.end_date IS NULL AS open_ended,
       coalesce(cp.end_date, a.end_date, m.peildatum) AS ended_on,
       (cp.start_date IS NOT NULL OR EXISTS (SELECT 1 FROM invoice_line l
          WHERE l.municipality = a.municipality AND l.allocation_no = a.allocation_no)) AS care_started,
       a.volume, a.unit, a.frequency, a.budget_cents, a.change_reason
FROM allocation a
LEFT JOIN care_period cp ON cp.municipality = a.municipality AND cp.allocation_no = a.allocation_no
LEFT JOIN product p ON p.code = a.product_code
LEFT JOIN referrer r ON r.referrer_id = a.referrer_id
LEFT JOIN client c ON c.client_id = a.client_id
LEFT JOIN d_client_no n ON n.client_id = a.client_id
CROSS JOIN d_meta m
WHERE NOT a.deleted AND coalesce(a.change_reason, '') <> '13'
ORDER BY start_date, alloc_key`;

/**
 * Allocations (rows shaped like d_alloc, with start_date ≤ end_date) clipped to calendar months, with the allocated euros of
 * each piece as an exact fraction (see allocated.ts), priced with the tariff of the piece's year. The year-end forecast
 * prices open-ended allocations to the year-end with it.
 */
export function allocatedPiecesSql(source: Sql): Sql {
  return sql`
WITH tariff AS (  -- the tariff in force per product and year (the latest year at or before it); small, so a hash join follows
  SELECT c.code, c.y, t.tariff_cents, t.unit
  FROM (SELECT DISTINCT code, y FROM product_tariff, range(2000, 2100) AS r(y)) c
  ASOF LEFT JOIN product_tariff t ON t.code = c.code AND c.y >= t.year),
pieces AS (${monthPiecesSql(source, sql`s.*`, 'start_date', 'end_date')})
SELECT p.* EXCLUDE (volume, unit, frequency, budget_cents, tariff_cents, tariff_unit), ${allocatedPieceSql('p')}
FROM (
  SELECT pieces.*, t.tariff_cents, t.unit AS tariff_unit
  FROM pieces LEFT JOIN tariff t ON t.code = pieces.product_code AND t.y = year(pieces.month)
) p`;
}

const ALLOC_PIECE = sql`
CREATE OR REPLACE TABLE d_alloc_piece AS
${allocatedPiecesSql(VALID_ALLOC)}
ORDER BY month, municipality, alloc_key`;

// Care trajectories per client × municipality × care type (client attributes ride along: they depend on the client only).
const CARE_SEG = sql`
CREATE OR REPLACE TABLE d_care_seg AS
${trajectoriesSql(VALID_ALLOC, CARE_KEYS)}
ORDER BY municipality, client_id, care_type, seg_start`;

const CARE_PIECE = sql`
CREATE OR REPLACE TABLE d_care_piece AS
${monthPiecesSql(sql`d_care_seg`, join(idents(CARE_KEYS, 's')), 'seg_start', 'seg_end', sql`s.birth_date`)}
ORDER BY month, municipality, client_id, care_type, first_day`;

// Invoice lines as claimed (JW323 or export) with what JW325 rejected: claimed = the line's signed amount (credit lines
// negative, in the period of the care); rejected = the whole claimed amount when a JW325 answer lists the line (iJw
// rejects a prestatie whole), whatever amount the answer repeats (answer_cents, kept to show mismatches); return_codes =
// its RetourCodes (NULL when the line was not rejected). d_cost takes its invoice lines from here: cost = claimed − rejected.
const CLAIM = sql`
CREATE OR REPLACE TABLE d_claim AS
SELECT l.municipality, l.client_id,
       coalesce(nullif(p.care_type, ''), 'onbekend') AS care_type,
       coalesce(l.product_category, a.product_category, p.category) AS product_category,
       coalesce(l.product_code, a.product_code) AS product_code, l.provider_agb,
       coalesce(a.referrer_id, '00:') AS referrer_id,
       coalesce(r.type, split_part(coalesce(a.referrer_id, '00:'), ':', 1)) AS referrer_type,
       a.team_id, coalesce(a.financing, 'ZIN') AS financing, ${CLIENT_COLS},
       l.allocation_no, l.period_start AS care_date, l.period_end AS care_end_date,
       coalesce(l.invoice_date, l.period_end) AS invoice_date,
       l.amount_cents AS claimed_cents, CASE WHEN j.reference IS NULL THEN 0 ELSE l.amount_cents END AS rejected_cents,
       j.amount_cents AS answer_cents, string_split(j.return_codes, ',') AS return_codes
FROM invoice_line l
LEFT JOIN allocation a ON a.municipality = l.municipality AND a.allocation_no = l.allocation_no
LEFT JOIN product p ON p.code = coalesce(l.product_code, a.product_code)
LEFT JOIN referrer r ON r.referrer_id = a.referrer_id
LEFT JOIN invoice_rejection j ON j.provider_agb = l.provider_agb AND j.reference = l.reference
LEFT JOIN client c ON c.client_id = l.client_id
LEFT JOIN d_client_no n ON n.client_id = l.client_id
ORDER BY care_date, municipality`;

// Cost = accepted amount (claimed − rejected in JW325); credit lines are negative and count in the period of the care.
const COST = sql`
CREATE OR REPLACE TABLE d_cost AS
SELECT 'declaratie' AS source, municipality, client_id, care_type, product_category, product_code, provider_agb,
       referrer_id, referrer_type, team_id, financing, client_no, district, sex, birth_date,
       allocation_no, care_date, care_end_date, invoice_date, claimed_cents - rejected_cents AS amount_cents
FROM d_claim
UNION ALL
SELECT 'pgb', g.municipality, g.client_id, coalesce(nullif(g.care_type, ''), 'onbekend'), NULL, NULL, NULL,
       '00:', '00', NULL, 'PGB', ${CLIENT_COLS}, NULL, g.period_start, g.period_end, g.period_end, g.amount_cents
FROM pgb_cost g
LEFT JOIN client c ON c.client_id = g.client_id
LEFT JOIN d_client_no n ON n.client_id = g.client_id
ORDER BY care_date, municipality`;

/** The rebuild steps in order (name, SQL); exported so a benchmark can time each. */
export const DERIVE_STEPS: [name: string, statement: Sql][] = [
  ['d_meta', META],
  ['d_client_no', CLIENT_NO],
  ['d_alloc', ALLOC],
  ['d_alloc_piece', ALLOC_PIECE],
  ['d_care_seg', CARE_SEG],
  ['d_care_piece', CARE_PIECE],
  ['d_claim', CLAIM],
  ['d_cost', COST],
  ...PRECOMPUTE_STEPS,
];

/** Rebuilds the derived tables from the base tables. Called by the importer after files changed the store. */
export async function refreshDerived(store: Store): Promise<void> {
  for (const [, statement] of DERIVE_STEPS) await store.run(statement);
  generations.set(store.root, derivedGeneration(store) + 1);
}

/** Per opened store: how often its derived tables were rebuilt, so answers read from them can be cached until then. */
const generations = new WeakMap<Store, number>();

/** The derived tables' generation: a cache of what was read from them holds while this number stays the same. */
export function derivedGeneration(store: Store): number {
  return generations.get(store.root) ?? 0;
}

/** Per opened store: the one check (and, if needed, build) of the derived tables, shared by concurrent questions. */
const derived = new WeakMap<Store, Promise<void>>();

/**
 * Builds the derived tables once for a store that lacks any of them (opened before any import, or derived by an older
 * version of Roer that had fewer tables). Questions run on connections of their own, so concurrent first questions
 * wait for one build instead of each writing the tables (a write conflict); a failed build is tried again next time.
 */
export function ensureDerived(store: Store): Promise<void> {
  let done = derived.get(store.root);
  if (!done) {
    done = buildDerivedIfMissing(store).catch((e: unknown) => {
      derived.delete(store.root);
      throw e;
    });
    derived.set(store.root, done);
  }
  return done;
}

async function buildDerivedIfMissing(store: Store): Promise<void> {
  const names = DERIVE_STEPS.map(([name]) => name);
  const found = await store.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN (${join(names)})`,
  );
  if (Number(found?.n ?? 0) < names.length) await refreshDerived(store);
}
