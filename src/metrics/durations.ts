// Trajectory durations per care type, planned vs early endings (JZ588), and the re-indication share of allocations.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { endGroupSql } from './codes.ts';
import { TRAJECTORY_SPLITS } from './flows.ts';
import { empty, idents, join, leading, sql, type Store } from '../store/index.ts';
import { splitSelect } from './sql/dimensions.ts';
import { segmentsSql } from './sql/facts.ts';
import { filterWhere, inPeriod } from './sql/filters.ts';
import { precomputedAllowed } from './sql/precomputed.ts';
import { pct, result, round, rowsAndTotals, splitColumns, type Row } from './result.ts';
import { DIMENSIONS, type Dimension, type Metric, type MetricRequest } from './types.ts';

const pick = (req: MetricRequest, r: Row) => Object.fromEntries(req.split.map((d) => [d, r[d] ?? null]));

export const duration: Metric = {
  id: 'duration',
  title: 'Trajectduur per zorgsoort',
  definition:
    'Duur van beëindigde trajecten in dagen (begin- en einddag tellen mee). Een traject is een aaneengesloten periode in ' +
    'één zorgsoort bij één gemeente: overlappende of aansluitende toewijzingen van dezelfde zorgsoort (de looptijd van de ' +
    'toewijzing: ingangsdatum tot einddatum) vormen één traject. Alleen trajecten die in de periode eindigen en vóór ' +
    'de peildatum zijn beëindigd. Mediaan, 75e en 90e percentiel (lineair geïnterpoleerd) en gemiddelde.',
  splits: [...TRAJECTORY_SPLITS.filter((d) => d !== 'care_type'), 'year'],
  async compute(store: Store, req: MetricRequest) {
    const split: Dimension[] = ['care_type', ...req.split];
    const q = sql`
      SELECT ${leading(splitSelect(split, sql`f.seg_end`))} count(*) AS trajectories,
        quantile_cont(f.seg_end - f.seg_start + 1, 0.5) AS median, quantile_cont(f.seg_end - f.seg_start + 1, 0.75) AS p75,
        quantile_cont(f.seg_end - f.seg_start + 1, 0.9) AS p90, avg(f.seg_end - f.seg_start + 1) AS mean
      FROM (${segmentsSql(
        req,
        split.filter((d) => d !== 'year'),
      )}) f
      WHERE f.closed AND ${inPeriod(req.filters, sql`f.seg_end`)}
      GROUP BY ALL ORDER BY ${join(idents(split))}`;
    const rows = (await store.all<Row>(q)).map((r) => ({
      care_type: r.care_type,
      ...pick(req, r),
      trajectories: r.trajectories,
      median_days: round(Number(r.median), 1),
      p75_days: round(Number(r.p75), 1),
      p90_days: round(Number(r.p90), 1),
      mean_days: round(Number(r.mean), 1),
    }));
    return result(
      this,
      req,
      [
        ...splitColumns(split),
        C.duration.trajectories,
        C.duration.median_days,
        C.duration.p75_days,
        C.duration.p90_days,
        C.duration.mean_days,
      ],
      rows,
    );
  },
};

/**
 * Allocations that ended (before the peildatum) within the period, dated by ended_on (stop zorg, else the allocation's
 * end: the day the JZ588 reason belongs to), with the dimensions of the allocation.
 */
function endedAllocations(req: MetricRequest) {
  const period = { date: sql`f.ended_on` };
  return sql`(SELECT f.* FROM d_alloc f, d_meta m
    WHERE f.ended_on >= f.start_date AND f.ended_on < m.peildatum AND ${filterWhere(req.filters, period)})`;
}

export const endings: Metric = {
  id: 'endings',
  title: 'Beëindiging: volgens plan of voortijdig',
  definition:
    'Toewijzingen die in de periode eindigen (einde zorg uit JW307, anders de einddatum van de toewijzing; vóór de ' +
    'peildatum), naar reden beëindiging (JZ588): volgens plan = 31; voortijdig = 32 (eenzijdig door de cliënt), 33 ' +
    '(eenzijdig door de aanbieder), 34 (in overeenstemming), 35 (externe omstandigheden); overig = 02, 20, 36–39 ' +
    '(overlijden, tijdelijk, door de gemeente, wijzigingsverzoek, overstap naar andere aanbieder, ander domein); onbekend = ' +
    'geen stopbericht. Percentages zijn van de beëindigingen met een bekende reden.',
  splits: DIMENSIONS.filter((d) => d !== 'age_band'),
  async compute(store: Store, req: MetricRequest) {
    const build = (split: Dimension[]) => sql`
      SELECT ${leading(splitSelect(split, sql`f.ended_on`))} count(*) AS ended,
        count(*) FILTER (WHERE g = 'gepland') AS planned, count(*) FILTER (WHERE g = 'voortijdig') AS early,
        count(*) FILTER (WHERE g = 'overig') AS other, count(*) FILTER (WHERE g = 'onbekend') AS unknown
      FROM (SELECT *, ${endGroupSql(sql`end_reason`)} AS g FROM ${endedAllocations(req)}) f
      ${split.length ? sql`GROUP BY ALL ORDER BY ${join(idents(split))}` : empty}`;
    const shape = (r: Row) => {
      const known = Number(r.ended ?? 0) - Number(r.unknown ?? 0);
      return {
        ...pick(req, r),
        ended: r.ended ?? 0,
        planned: r.planned ?? 0,
        early: r.early ?? 0,
        other: r.other ?? 0,
        unknown: r.unknown ?? 0,
        planned_pct: pct(r.planned, known),
        early_pct: pct(r.early, known),
      };
    };
    const { rows, totals } = await rowsAndTotals(store, req.split, build);
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.endings.ended,
        C.endings.planned,
        C.endings.early,
        C.endings.other,
        C.endings.unknown,
        C.endings.planned_pct,
        C.endings.early_pct,
      ],
      rows.map(shape),
      shape(totals),
    );
  },
};

export const reindication: Metric = {
  id: 'reindication',
  title: 'Herindicaties',
  definition:
    'Van de toewijzingen die in de periode eindigen (zoals bij "Beëindiging"), het deel dat is geherindiceerd: dezelfde ' +
    'cliënt krijgt in dezelfde gemeente een nieuwe toewijzing van dezelfde zorgsoort die na de start van de oude begint ' +
    'en uiterlijk 31 dagen na het einde ervan, of de toewijzing is gewijzigd met reden 04 (herbeoordeling: verlenging).',
  splits: DIMENSIONS.filter((d) => d !== 'age_band'),
  async compute(store: Store, req: MetricRequest) {
    // d_reindication lists the allocations with such a successor (the same comparison, made at load).
    const followed = precomputedAllowed()
      ? sql`f.alloc_key IN (SELECT alloc_key FROM d_reindication)`
      : sql`EXISTS (
          SELECT 1 FROM d_alloc b WHERE b.client_id = f.client_id AND b.municipality = f.municipality
            AND b.care_type = f.care_type AND b.alloc_key <> f.alloc_key AND b.start_date > f.start_date
            AND b.start_date <= f.end_date + 31)`;
    const build = (split: Dimension[]) => sql`
      SELECT ${leading(splitSelect(split, sql`f.ended_on`))} count(*) AS ended,
        count(*) FILTER (WHERE f.change_reason = '04' OR ${followed}) AS reindicated
      FROM ${endedAllocations(req)} f
      ${split.length ? sql`GROUP BY ALL ORDER BY ${join(idents(split))}` : empty}`;
    const shape = (r: Row) => ({
      ...pick(req, r),
      ended: r.ended ?? 0,
      reindicated: r.reindicated ?? 0,
      reindicated_pct: pct(r.reindicated, r.ended),
    });
    const { rows, totals } = await rowsAndTotals(store, req.split, build);
    return result(
      this,
      req,
      [...splitColumns(req.split), C.reindication.ended, C.reindication.reindicated, C.reindication.reindicated_pct],
      rows.map(shape),
      shape(totals),
    );
  },
};
