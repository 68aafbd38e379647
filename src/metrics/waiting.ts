// Waiting time from the request (JW315) to the allocation and to the start of care; extended care for 18+.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { costAndCareSql, costFigures } from './costs.ts';
import { empty, ident, idents, join, leading, sql, type Sql, type Store } from '../store/index.ts';
import { splitSelect } from './sql/dimensions.ts';
import { filterWhere } from './sql/filters.ts';
import { precomputedAllowed } from './sql/precomputed.ts';
import { pct, result, round, rowsAndTotals, splitColumns, query, type Row } from './result.ts';
import { DIMENSIONS, type Dimension, type Metric, type MetricRequest } from './types.ts';

const stats = (expr: Sql, name: string) => sql`count(${expr}) AS ${ident(`${name}_n`)},
  quantile_cont(${expr}, 0.5) AS ${ident(`${name}_median`)}, quantile_cont(${expr}, 0.75) AS ${ident(`${name}_p75`)},
  quantile_cont(${expr}, 0.9) AS ${ident(`${name}_p90`)}`;

export const waitingTime: Metric = {
  id: 'waiting_time',
  title: 'Wachttijd: van verzoek tot toewijzing en tot start zorg',
  definition:
    'Voor elk verzoek om toewijzing (JW315) met de toewijzing die erop volgde (zelfde aanbieder, cliënt, gemeente en ' +
    'referentie van de aanbieder): het aantal dagen van de dagtekening van het verzoek tot de toewijzingsdatum (van de ' +
    'laatst ontvangen versie van de toewijzing) en tot de start van de zorg (JW305). De datum van het verzoek bepaalt de ' +
    'periode. Mediaan, 75e en 90e percentiel (lineair geïnterpoleerd). Verzoeken zonder toewijzing tellen niet mee.',
  splits: DIMENSIONS,
  async compute(store: Store, req: MetricRequest) {
    // d_wait holds the same request–allocation pairs with the days in between (joined at load).
    const pre = precomputedAllowed();
    const period = { date: pre ? sql`f.request_date` : sql`r.request_date` };
    const pairs = pre
      ? sql`d_wait f`
      : sql`request r JOIN d_alloc f ON f.provider_agb = r.provider_agb
        AND f.provider_reference = r.provider_reference AND f.municipality = r.municipality AND f.client_id = r.client_id`;
    const toAllocation = pre ? sql`f.to_allocation` : sql`(f.allocated_at::DATE - r.request_date)`;
    const toStart = pre ? sql`f.to_start` : sql`(f.care_start - r.request_date)`;
    const build = (split: Dimension[]) => sql`
      SELECT ${leading(splitSelect(split, period.date))} ${stats(toAllocation, 'alloc')}, ${stats(toStart, 'start')}
      FROM ${pairs}
      WHERE ${filterWhere(req.filters, period)} ${split.length ? sql`GROUP BY ALL ORDER BY ${join(idents(split))}` : empty}`;
    const shape = (r: Row) => ({
      ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
      requests: r.alloc_n ?? 0,
      to_allocation_median: round(Number(r.alloc_median), 1),
      to_allocation_p75: round(Number(r.alloc_p75), 1),
      to_allocation_p90: round(Number(r.alloc_p90), 1),
      started: r.start_n ?? 0,
      to_start_median: round(Number(r.start_median), 1),
      to_start_p75: round(Number(r.start_p75), 1),
      to_start_p90: round(Number(r.start_p90), 1),
    });
    const { rows, totals } = await rowsAndTotals(store, req.split, build);
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.waiting_time.requests,
        C.waiting_time.to_allocation_median,
        C.waiting_time.to_allocation_p75,
        C.waiting_time.to_allocation_p90,
        C.waiting_time.started,
        C.waiting_time.to_start_median,
        C.waiting_time.to_start_p75,
        C.waiting_time.to_start_p90,
      ],
      rows.map(shape),
      shape(totals),
    );
  },
};

const ADULT = ['18-22', '23+'];

export const extendedCare: Metric = {
  id: 'extended_care',
  title: 'Verlengde jeugdhulp (18 jaar en ouder)',
  // The iJw standard's "18 jaar of ouder in de periode": the 18th birthday on or before min(end of the row, end of the
  // period). Care-days are cut on the birthday; a line is aged on its last day within its month (lineAgeBandSql).
  definition:
    'Kosten, unieke cliënten en trajectdagen (als bij "Kosten en cliënten") van jeugdigen van 18 jaar of ouder, en hun ' +
    'aandeel in alle cliënten en kosten binnen de filters. De leeftijd telt tot op de dag: 18 jaar is iemand vanaf de dag ' +
    'van de 18e verjaardag (wie op 29 februari is geboren, in een jaar zonder 29 februari vanaf 1 maart). Een jeugdige telt ' +
    'als 18+ in een periode als de 18e verjaardag op of vóór het einde van de zorg en het einde van de periode valt: ' +
    'trajectdagen tellen vanaf de verjaardag, een declaratieregel (met de kosten en de cliënt ervan) telt als de ' +
    'verjaardag uiterlijk op de laatste zorgdag van de regel valt (binnen de maand waarin de regel begint). Zorg die de ' +
    'dag vóór de 18e verjaardag eindigt, telt dus niet mee; zorg die op de verjaardag eindigt wel. Een jeugdige die in ' +
    'de periode 18 wordt, telt met de zorg van vóór de verjaardag ook bij de jongere leeftijdsgroep.',
  splits: DIMENSIONS.filter((d) => d !== 'age_band'),
  async compute(store: Store, req: MetricRequest) {
    const adult = { ...req, filters: { ...req.filters, age_band: ADULT } };
    const key = (r: Row) => JSON.stringify(req.split.map((d) => r[d] ?? null));
    const all = new Map((await query(store, costAndCareSql(req, req.split))).map((r) => [key(r), costFigures(r)]));
    const shape = (r: Row, base?: Row) => {
      const f = costFigures(r);
      return {
        ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
        clients: f.clients,
        cost: f.cost,
        care_days: f.care_days,
        clients_share_pct: pct(f.clients, base?.clients),
        cost_share_pct: pct(f.cost, base?.cost),
      };
    };
    const { rows, totals } = await rowsAndTotals(store, req.split, (split) => costAndCareSql(adult, split));
    const allTotal = costFigures((await query(store, costAndCareSql(req, [])))[0] ?? {});
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.extended_care.clients,
        C.extended_care.cost,
        C.extended_care.care_days,
        C.extended_care.clients_share_pct,
        C.extended_care.cost_share_pct,
      ],
      rows.map((r) => shape(r, all.get(key(r)))),
      shape(totals, allTotal),
    );
  },
};
