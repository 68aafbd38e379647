// Care pathways (zorgpaden): sequences of care types per client, transitions for a Sankey chart (with escalation to
// and step-down from residential care), and stacking (how many allocations a client has at the same time).
import { ident, sql, type Sql, type Store } from '../store/index.ts';
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { segmentsSql } from './sql/facts.ts';
import { filterWhere, inPeriod, overlapsPeriod, withoutPeriod, type Where } from './sql/filters.ts';
import { CLIENT_LEVEL_TABLES, careStepsSql } from '../store/precompute.ts';
import { clientLevel } from './sql/precomputed.ts';
import { pct, query, result, type Row } from './result.ts';
import type { Metric, MetricRequest } from './types.ts';

/** Care types "with residence" (CBS: jeugdhulp met verblijf): names starting with verblijf, gezinshuis or pleegzorg. */
export const RESIDENTIAL_SQL = (col: Sql) => sql`regexp_matches(lower(${col}), ${'^(verblijf|gezinshuis|pleegzorg)'})`;

const PATHWAY =
  'Per cliënt de opeenvolging van zorgsoorten: trajecten per zorgsoort (overlappende of aansluitende toewijzingen van ' +
  'dezelfde zorgsoort samengevoegd; looptijd van de toewijzing: ingangsdatum tot einddatum), gesorteerd op ' +
  'begindatum; een zorgsoort die direct op zichzelf volgt (terugkeer na een onderbreking) telt als één stap in de reeks. ' +
  'Gemeenten worden samengenomen. Zorg met verblijf: zorgsoorten die beginnen met verblijf, gezinshuis of pleegzorg.';

/**
 * Per client the ordered steps (care types), consecutive repeats collapsed: precomputed per client (× municipality)
 * where the filters allow. Columns: client_no, step, care_type, step_start.
 */
function stepsSql(req: MetricRequest): Where {
  const rest = withoutPeriod(req.filters);
  const level = clientLevel(rest);
  if (level)
    return sql`SELECT f.client_no, f.care_type, f.step_start, f.step FROM ${ident(CLIENT_LEVEL_TABLES.step[level])} f WHERE ${filterWhere(rest, null)}`;
  const seg = sql`(SELECT client_no, care_type, seg_start, seg_end FROM (${segmentsSql(req, ['care_type'])}) f)`;
  return careStepsSql(seg, ['client_no']);
}

/** Per client the pathway ('ambulant → verblijf') and its number of steps. Columns: client_no, pathway, steps. */
function pathsSql(req: MetricRequest): Where {
  const rest = withoutPeriod(req.filters);
  const level = clientLevel(rest);
  if (level)
    return sql`SELECT f.client_no, f.pathway, f.steps FROM ${ident(CLIENT_LEVEL_TABLES.path[level])} f WHERE ${filterWhere(rest, null)}`;
  return sql`SELECT client_no, string_agg(care_type, ' → ' ORDER BY step) AS pathway, max(step) AS steps
    FROM (${stepsSql(req)}) GROUP BY client_no`;
}

/** Clients with care in the filter period (their whole pathway is shown). */
function activeClients(req: MetricRequest): Where {
  return sql`SELECT DISTINCT client_no FROM (${segmentsSql(req, [])}) f
    WHERE ${overlapsPeriod(req.filters, sql`f.seg_start`, sql`f.seg_end`)}`;
}

export const pathways: Metric = {
  id: 'pathways',
  title: 'Zorgpaden: meest voorkomende reeksen van zorgsoorten',
  definition:
    `${PATHWAY} Geteld worden de cliënten met zorg in de periode, met hun hele reeks; de N meest voorkomende ` +
    'reeksen (standaard 20), anoniem.',
  splits: [],
  params: [{ name: 'top', label: 'Aantal reeksen', type: 'number', default: 20, min: 1, max: 1000, integer: true }],
  async compute(store: Store, req: MetricRequest) {
    const q = sql`
      WITH active AS (${activeClients(req)}),
      seqs AS (SELECT * FROM (${pathsSql(req)}) WHERE client_no IN (SELECT client_no FROM active))
      SELECT pathway, any_value(steps) AS steps, count(*) AS clients, sum(count(*)) OVER () AS total
      FROM seqs GROUP BY pathway ORDER BY clients DESC, pathway LIMIT ${Number(req.params!.top)}`;
    const rows = (await query(store, q)).map((r) => ({
      pathway: r.pathway,
      steps: r.steps,
      clients: r.clients,
      share_pct: pct(r.clients, r.total),
    }));
    return result(this, req, [C.pathways.pathway, C.pathways.steps, C.pathways.clients, C.pathways.share_pct], rows);
  },
};

export const transitions: Metric = {
  id: 'transitions',
  title: 'Overgangen tussen zorgsoorten (op- en afschalen)',
  definition:
    `${PATHWAY} Een overgang is de stap van de ene zorgsoort naar de volgende in de reeks van een cliënt; ` +
    'geteld in de periode waarin de nieuwe zorgsoort begint. Opschaling: van zorg zonder verblijf naar zorg met verblijf; ' +
    'afschaling: andersom; binnen verblijf: van zorg met verblijf naar andere zorg met verblijf; zonder verblijf: tussen ' +
    'twee zorgsoorten zonder verblijf. "step" is het volgnummer van de bron in de reeks (zo blijft het Sankey-diagram zonder kringen).',
  splits: [],
  async compute(store: Store, req: MetricRequest) {
    const q = sql`
      WITH steps AS MATERIALIZED (${stepsSql(req)})
      SELECT a.step, a.care_type AS source, b.care_type AS target,
        CASE WHEN NOT ${RESIDENTIAL_SQL(sql`a.care_type`)} AND ${RESIDENTIAL_SQL(sql`b.care_type`)} THEN 'opschaling'
             WHEN ${RESIDENTIAL_SQL(sql`a.care_type`)} AND NOT ${RESIDENTIAL_SQL(sql`b.care_type`)} THEN 'afschaling'
             WHEN ${RESIDENTIAL_SQL(sql`a.care_type`)} THEN 'binnen verblijf'
             ELSE 'zonder verblijf' END AS kind,
        count(*) AS clients
      FROM steps a JOIN steps b ON b.client_no = a.client_no AND b.step = a.step + 1
      WHERE ${inPeriod(req.filters, sql`b.step_start`)}
      GROUP BY ALL ORDER BY a.step, clients DESC, source, target`;
    const rows = await query(store, q);
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + Number(r.clients), 0);
    return result(
      this,
      req,
      [C.transitions.step, C.transitions.source, C.transitions.target, C.transitions.kind, C.transitions.clients],
      rows,
      {
        escalations: sum('opschaling'),
        step_downs: sum('afschaling'),
        within_residential: sum('binnen verblijf'),
        within_outpatient: sum('zonder verblijf'),
        transitions: rows.reduce((s, r) => s + Number(r.clients), 0),
      },
    );
  },
};

export const stacking: Metric = {
  id: 'stacking',
  title: 'Stapeling: gelijktijdige toewijzingen per cliënt',
  definition:
    'Per cliënt met zorg in de periode het grootste aantal toewijzingen dat op één dag tegelijk actief was (looptijd ' +
    'van de toewijzing: ingangsdatum tot einddatum; alleen dagen binnen de periode), en de verdeling van cliënten ' +
    'over die aantallen. Toewijzingen die op elkaar aansluiten (de ene eindigt, de volgende begint de dag erna) tellen niet ' +
    'als gelijktijdig. Gemeenten worden samengenomen.',
  splits: [],
  async compute(store: Store, req: MetricRequest) {
    const from = req.filters.from ?? null;
    const to = req.filters.to ?? null;
    const rest = withoutPeriod(req.filters);
    const level = clientLevel(rest);
    const runs = level && CLIENT_LEVEL_TABLES.stack[level];
    // Precomputed runs of days with a constant number of active allocations: the peak within the period is the
    // highest run that overlaps it.
    const q = runs
      ? sql`
      WITH peak AS (SELECT f.client_no, max(f.n) AS max_simultaneous FROM ${ident(runs)} f
        WHERE ${filterWhere(rest, null)} AND ${overlapsPeriod(req.filters, sql`f.run_start`, sql`f.run_end`)} GROUP BY f.client_no)
      SELECT max_simultaneous, count(*) AS clients, sum(count(*)) OVER () AS total
      FROM peak GROUP BY max_simultaneous ORDER BY max_simultaneous`
      : sql`
      WITH a AS (SELECT f.client_no, f.alloc_key, greatest(f.start_date, coalesce(${from}::DATE, f.start_date)) AS s,
                        least(f.end_date, coalesce(${to}::DATE, f.end_date)) AS e
                 FROM d_alloc f WHERE ${filterWhere(rest, { date: sql`f.start_date` })}),
      ev AS (SELECT client_no, alloc_key, s AS d, 1 AS delta FROM a WHERE e >= s
             UNION ALL SELECT client_no, alloc_key, e + 1, -1 FROM a WHERE e >= s),
      run AS (SELECT client_no, sum(delta) OVER (PARTITION BY client_no ORDER BY d, delta, alloc_key ROWS UNBOUNDED PRECEDING) AS n FROM ev),
      peak AS (SELECT client_no, max(n) AS max_simultaneous FROM run GROUP BY client_no)
      SELECT max_simultaneous, count(*) AS clients, sum(count(*)) OVER () AS total
      FROM peak GROUP BY max_simultaneous ORDER BY max_simultaneous`;
    const rows = (await query(store, q)).map((r: Row) => ({
      max_simultaneous: r.max_simultaneous,
      clients: r.clients,
      share_pct: pct(r.clients, r.total),
    }));
    return result(this, req, [C.stacking.max_simultaneous, C.stacking.clients, C.stacking.share_pct], rows);
  },
};
