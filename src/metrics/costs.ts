// Costs and clients: total cost, unique clients, cost per client, care-days and cost per care-day, by any cut.
import { empty, ident, idents, join, leading, sql, type Store } from '../store/index.ts';
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { splitSelect } from './sql/dimensions.ts';
import { careFact, costFact } from './sql/facts.ts';
import type { Where } from './sql/filters.ts';
import { coalesceKeys, eur, joinOn, result, round, ratio, rowsAndTotals, splitColumns, type Row } from './result.ts';
import { DIMENSIONS, type Dimension, type Metric, type MetricRequest } from './types.ts';

/** Grouped cost (cents), unique clients with cost, and care-days for a split: the building block of several metrics. */
export function costAndCareSql(req: MetricRequest, split: Dimension[], withCare = true): Where {
  const cost = costFact(req, split);
  const care = careFact({ ...req, split: withCare ? split : [] });
  const names = split as string[];
  const costKeys = splitSelect(split, cost.period);
  const careKeys = splitSelect(split, care.period);
  return sql`
    WITH a AS (
      -- Two-step aggregation (per client first) counts unique clients much faster than count(DISTINCT).
      SELECT ${leading(idents(names))} sum(c)::BIGINT AS cost_cents, count(*) AS clients FROM (
        SELECT ${leading(costKeys)} f.client_no, sum(f.amount_cents) AS c
        FROM ${cost.from} WHERE ${cost.where} GROUP BY ALL) ${names.length ? sql`GROUP BY ALL` : empty}),
    b AS (${
      withCare
        ? sql`
      SELECT ${leading(careKeys)} sum(${care.days})::BIGINT AS care_days
      FROM ${care.from} WHERE ${care.where} ${names.length ? sql`GROUP BY ALL` : empty}`
        : sql`SELECT ${leading(names.map((n) => sql`NULL AS ${ident(n)}`))} NULL::BIGINT AS care_days WHERE false`
    })
    SELECT ${leading(coalesceKeys(names))} a.cost_cents, coalesce(a.clients, 0) AS clients, b.care_days
    FROM a FULL OUTER JOIN b ON ${joinOn(names)}
    ${names.length ? sql`ORDER BY ${join(idents(names))}` : empty}`;
}

/** Shapes a cost-and-care row into the published figures. */
export function costFigures(r: Row): Row {
  const cost = Number(r.cost_cents ?? 0);
  const days = r.care_days === null || r.care_days === undefined ? 0 : Number(r.care_days);
  return {
    cost: eur(cost),
    clients: Number(r.clients ?? 0),
    cost_per_client: round((ratio(cost, r.clients) ?? NaN) / 100),
    care_days: days,
    cost_per_care_day: round((ratio(cost, days) ?? NaN) / 100),
  };
}

export const COST_COLUMNS = Object.values(C.costs);

export const costs: Metric = {
  id: 'costs',
  title: 'Kosten en cliënten',
  definition:
    'Kosten: het geaccepteerde gedeclareerde bedrag (gedeclareerd min afgewezen in JW325) plus de PGB-betalingen. ' +
    'De periode van de zorg bepaalt het jaar, niet de declaratiedatum (tenzij u kiest voor "declaratiedatum"); een ' +
    'creditregel telt negatief in de periode van de zorg, de nieuwe debetregel positief. PGB-regels tellen als kosten met ' +
    'financiering PGB. Unieke cliënten: het aantal verschillende jeugdigen met kosten in de periode; een cliënt telt in elke ' +
    'rij één keer, en in het totaal ook één keer (een verhuisde cliënt staat bij beide gemeenten, maar telt in het totaal ' +
    'één keer). Trajectdagen: de dagen binnen de looptijd van een toewijzing (ingangsdatum tot einddatum, ook als de zorg ' +
    'later start of eerder stopt; een open einde loopt tot de peildatum, de laatste gedeclareerde periode), één keer geteld per ' +
    'cliënt per zorgsoort, ook als toewijzingen elkaar overlappen (stapeling). Kosten per trajectdag = kosten ÷ trajectdagen.',
  splits: DIMENSIONS,
  async compute(store: Store, req: MetricRequest) {
    const { rows, totals } = await rowsAndTotals(store, req.split, (split) => costAndCareSql(req, split));
    const shaped = rows.map((r) => ({ ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])), ...costFigures(r) }));
    const notes =
      req.filters.basis === 'invoice'
        ? ['Trajectdagen volgen altijd de zorgperiode, ook als de kosten naar declaratiedatum zijn ingedeeld.']
        : [];
    return result(this, req, [...splitColumns(req.split), ...COST_COLUMNS], shaped, costFigures(totals), notes);
  },
};
