// Gathers the inputs of the own-versus-CBS comparison from the store: the municipality's allocations and PGB spells
// (its merged predecessors' too), the delivered care per allocation, CBS's figures summed onto today's municipality,
// the cost lines outside the iJw and the data's last month; then compares them (owncbs.ts).
import { lastMonth } from '../api/coverage.ts';
import { RoerError } from '../errors.ts';
import { join, sql, type Store } from '../store/index.ts';
import { cbsRegionOf } from './cbs/region.ts';
import { fictitiousCbs } from './fictitious.ts';
import { readCbsSeries, type SeriesQuery } from './figures.ts';
import { readMergers, type Merger, type SeriesPoint, sumOntoToday, todayCode } from './mergers.ts';
import {
  CBS_MEASURE_PATHS,
  type CbsCell,
  OWN_CBS_MEASURES,
  type OwnCbsView,
  type OwnTrajectory,
  ownVersusCbs,
  periodsOf,
} from './owncbs.ts';
import { YOUTH_POPULATION, YOUTH_TABLE } from './series.ts';

/** Cost-line kinds that pay for care itself (subsidised or lump-sum youth care), not for access or prevention. */
export const CARE_COST_KINDS = ['subsidie', 'lumpsum'] as const;

/**
 * The own figures of `municipality` (today's code) in `year` beside CBS's.
 * @example await readOwnCbs(store, '1708', 2020)
 */
export async function readOwnCbs(store: Store, municipality: string, year: number, mergers = readMergers()): Promise<OwnCbsView> {
  const codes = [municipality, ...mergers.filter((m) => todayCode(m.from, mergers) === municipality).map((m) => m.from)];
  const names = new Map(
    (await store.all<{ code: string; name: string }>(sql`SELECT code, name FROM municipality`)).map((r) => [r.code, r.name]),
  );
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const trajectories = await store.all<OwnTrajectory & { care_from: string | null; care_to: string | null }>(sql`
    WITH inv AS (
      SELECT municipality, allocation_no, min(period_start) AS f, max(period_end) AS t
        FROM invoice_line WHERE allocation_no IS NOT NULL AND municipality IN (${join(codes)}) GROUP BY ALL)
    SELECT a.client_id AS youth, a.product_category AS category, a.financing, a.start_date::VARCHAR AS start,
           a.end_date::VARCHAR AS "end", c.birth_date::VARCHAR AS birth, c.municipality AS residence,
           least(inv.f, cp.start_date)::VARCHAR AS care_from,
           greatest(inv.t, CASE WHEN cp.start_date IS NOT NULL
                                THEN coalesce(cp.end_date, a.end_date, DATE '9999-12-31') END)::VARCHAR AS care_to
      FROM allocation a
      LEFT JOIN client c ON c.client_id = a.client_id
      LEFT JOIN inv ON inv.municipality = a.municipality AND inv.allocation_no = a.allocation_no
      LEFT JOIN care_period cp ON cp.municipality = a.municipality AND cp.allocation_no = a.allocation_no
     WHERE NOT a.deleted AND a.municipality IN (${join(codes)})
       AND a.start_date <= ${to}::DATE AND (a.end_date IS NULL OR a.end_date >= ${from}::DATE)
    UNION ALL
    SELECT p.client_id, NULL, 'PGB', p.period_start::VARCHAR, p.period_end::VARCHAR, c.birth_date::VARCHAR,
           c.municipality, p.period_start::VARCHAR, p.period_end::VARCHAR
      FROM pgb_cost p LEFT JOIN client c ON c.client_id = p.client_id
     WHERE p.municipality IN (${join(codes)}) AND p.period_start <= ${to}::DATE AND p.period_end >= ${from}::DATE`);
  const costLines = await store.all<{ kind: string; cents: number }>(sql`
    SELECT cost_kind AS kind, sum(amount_cents)::BIGINT AS cents FROM cost_line
     WHERE year = ${year} AND municipality IN (${join(codes)}) AND cost_kind IN (${join(CARE_COST_KINDS)})
     GROUP BY ALL ORDER BY kind`);
  const cbs = await cbsCells(store, municipality, codes, year, mergers);
  const later = mergers.filter((m) => codes.includes(m.from) && m.year > year);
  return ownVersusCbs({
    municipality,
    name: names.get(municipality) ?? municipality,
    year,
    trajectories: trajectories.map(({ care_from, care_to, ...t }) => ({
      ...t,
      residence: t.residence === null ? null : todayCode(t.residence, mergers),
      care: care_from === null || care_to === null ? null : { from: care_from, to: care_to },
    })),
    cbs: cbs.cells,
    youths: cbs.youths,
    merger: later.length
      ? {
          year: Math.max(...later.map((m) => m.year)),
          parts: later.map((m) => names.get(m.from) ?? m.from),
          cbsOwnFigure: cbs.ownFigure,
        }
      : null,
    fictitious: await fictitiousCbs(store, YOUTH_TABLE),
    costLines: costLines.map((l) => ({ kind: l.kind, cents: Number(l.cents) })),
    dataThrough: await lastMonth(store, { date: 'period_start' }, { municipality: codes }),
  });
}

/** CBS's counts per period and measure and its youths 0–17, summed onto today's municipality. */
async function cbsCells(
  store: Store,
  municipality: string,
  codes: string[],
  year: number,
  mergers: readonly Merger[],
): Promise<{ cells: Map<string, CbsCell>; youths: number | null; ownFigure: boolean }> {
  const cells = new Map<string, CbsCell>();
  const periods = new Set(periodsOf(year).map((p) => p.key));
  const regions = codes.map(cbsRegionOf);
  let ownFigure = false;
  const read = async (q: Omit<SeriesQuery, 'regions'>, youthCare: boolean): Promise<SeriesPoint[] | null> => {
    const known = await store.one(sql`SELECT 1 AS x FROM cbs_measure WHERE table_id = ${q.table} LIMIT 1`);
    if (!known) return null;
    const points = (await readCbsSeries(store, { ...q, regions })).filter((p) => periods.has(p.period));
    if (youthCare && points.some((p) => p.municipality === municipality && p.value !== null)) ownFigure = true;
    const series = points.map((p) => ({ municipality: p.municipality!, period: p.period, value: p.value, missing: p.missing }));
    return sumOntoToday(series, mergers).filter((p) => p.municipality === municipality);
  };
  for (const measure of OWN_CBS_MEASURES) {
    const points = await read({ table: YOUTH_TABLE, measure: CBS_MEASURE_PATHS[measure] }, true);
    for (const key of periods)
      cells.set(`${key}|${measure}`, cellOf(points, key, points ? 'geen record' : `CBS-tabel ${YOUTH_TABLE} niet ingelezen`));
  }
  // A population table without the band 0 to 18 years has no base for the percentages: they stay empty.
  const population = await read(YOUTH_POPULATION, false).catch((e: unknown) => {
    if (e instanceof RoerError) return null;
    throw e;
  });
  const youths = population?.find((p) => p.period === String(year))?.value ?? null;
  return { cells, youths, ownFigure };
}

function cellOf(points: SeriesPoint[] | null, period: string, none: string): CbsCell {
  const p = points?.find((x) => x.period === period);
  return p ? { value: p.value, missing: p.value === null ? (p.missing ?? 'leeg') : null } : { value: null, missing: none };
}
