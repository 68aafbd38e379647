// Providers: spend, clients, cost per client, trajectory duration and early-ending share per provider; concentration
// (number of providers, top-N share, count above a threshold) and scale classes.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { endGroupSql } from './codes.ts';
import { join, literal, sql, type Store } from '../store/index.ts';
import { costFact, segmentsSql } from './sql/facts.ts';
import { filterWhere, inPeriod } from './sql/filters.ts';
import { eur, pct, query, result, round, ratio } from './result.ts';
import type { Metric, MetricRequest } from './types.ts';

/** Spend per provider (cents) within the filters; PGB has no provider and is left out. */
function spendSql(req: MetricRequest) {
  const cost = costFact(req);
  return sql`SELECT f.provider_agb, sum(f.amount_cents)::BIGINT AS cost_cents, count(DISTINCT f.client_no) AS clients
    FROM ${cost.from} WHERE ${cost.where} AND f.provider_agb IS NOT NULL GROUP BY f.provider_agb`;
}

export const providers: Metric = {
  id: 'providers',
  title: 'Aanbieders: uitgaven, cliënten, duur en voortijdige beëindiging',
  definition:
    'Per aanbieder (AGB-code): kosten en unieke cliënten als bij "Kosten en cliënten" (PGB heeft geen aanbieder en telt ' +
    'hier niet mee), kosten per cliënt, de mediane duur in dagen van de trajecten bij deze aanbieder die in de periode ' +
    'eindigen (toewijzingen van een cliënt bij de aanbieder samengevoegd), en het deel voortijdig beëindigde toewijzingen ' +
    '(JZ588 32–35) van de in de periode beëindigde toewijzingen met bekende reden. Gesorteerd op kosten, hoogste eerst.',
  splits: [],
  async compute(store: Store, req: MetricRequest) {
    const endPeriod = { date: sql`f.ended_on` };
    const q = sql`
      WITH spend AS (${spendSql(req)}),
      dur AS (SELECT f.provider_agb, quantile_cont(f.seg_end - f.seg_start + 1, 0.5) AS median_days
              FROM (${segmentsSql(req, ['provider'])}) f WHERE f.closed AND ${inPeriod(req.filters, sql`f.seg_end`)} GROUP BY f.provider_agb),
      ends AS (SELECT f.provider_agb, count(*) FILTER (WHERE g = 'voortijdig') AS early, count(*) FILTER (WHERE g <> 'onbekend') AS known
               FROM (SELECT f.*, ${endGroupSql(sql`f.end_reason`)} AS g FROM d_alloc f, d_meta m
                     WHERE f.ended_on >= f.start_date AND f.ended_on < m.peildatum AND ${filterWhere(req.filters, endPeriod)}) f
               GROUP BY f.provider_agb)
      SELECT s.provider_agb AS provider, p.name, s.cost_cents, s.clients, d.median_days, e.early, e.known
      FROM spend s LEFT JOIN provider p ON p.agb = s.provider_agb LEFT JOIN dur d USING (provider_agb)
      LEFT JOIN ends e USING (provider_agb)
      ORDER BY s.cost_cents DESC, s.provider_agb`;
    const rows = (await query(store, q)).map((r) => ({
      provider: r.provider,
      name: r.name,
      cost: eur(r.cost_cents),
      clients: r.clients,
      cost_per_client: round((ratio(r.cost_cents, r.clients) ?? NaN) / 100),
      median_days: round(Number(r.median_days ?? NaN), 1),
      early_pct: pct(r.early, r.known),
    }));
    return result(
      this,
      req,
      [
        C.providers.provider,
        C.providers.name,
        C.providers.cost,
        C.providers.clients,
        C.providers.cost_per_client,
        C.providers.median_days,
        C.providers.early_pct,
      ],
      rows,
    );
  },
};

/** Scale classes by spend in the period (euros, lower bound inclusive). */
export const SCALE_CLASSES: [label: string, fromEuros: number][] = [
  ['< € 50.000', 0],
  ['€ 50.000 – 200.000', 50_000],
  ['€ 200.000 – 1 mln', 200_000],
  ['€ 1 – 5 mln', 1_000_000],
  ['≥ € 5 mln', 5_000_000],
];

export const providerConcentration: Metric = {
  id: 'provider_concentration',
  title: 'Aanbieders: aantal, concentratie en schaalklassen',
  definition:
    'Aanbieders met kosten in de periode (kosten als bij "Kosten en cliënten", zonder PGB), ingedeeld in schaalklassen naar ' +
    'hun kosten in de periode (< € 50.000, € 50.000–200.000, € 200.000–1 mln, € 1–5 mln, ≥ € 5 mln). In het totaal: ' +
    'het aantal aanbieders, het aandeel van de N grootste (standaard 10) in de kosten en het aantal boven de drempel ' +
    '(standaard € 200.000, "boven" = meer dan).',
  splits: [],
  params: [
    { name: 'top', label: 'Aantal grootste aanbieders', type: 'number', default: 10, min: 1, max: 1000, integer: true },
    { name: 'threshold', label: 'Drempel (€)', type: 'number', default: 200_000, max: 1_000_000_000 },
  ],
  async compute(store: Store, req: MetricRequest) {
    // Class bounds are code constants (not user input), so they are written into the SQL.
    const classSql = sql`CASE ${join(
      SCALE_CLASSES.map(([, lo], i) => [i + 1, lo] as const)
        .reverse()
        .map(([i, lo]) => sql`WHEN cost_cents >= ${literal(lo * 100)} THEN ${literal(i)}`),
      ' ',
    )} END`;
    const q = sql`
      WITH spend AS (${spendSql(req)}),
      ranked AS (SELECT *, row_number() OVER (ORDER BY cost_cents DESC, provider_agb) AS rn,
                   ${classSql} AS class
                 FROM spend WHERE cost_cents > 0)
      SELECT class, count(*) AS providers, sum(cost_cents)::BIGINT AS cost_cents,
        sum(count(*)) OVER () AS all_providers, sum(sum(cost_cents)) OVER ()::BIGINT AS all_cost,
        (SELECT sum(cost_cents) FROM ranked WHERE rn <= ${Number(req.params!.top)})::BIGINT AS top_cost,
        (SELECT count(*) FROM ranked WHERE cost_cents > ${Number(req.params!.threshold) * 100}) AS over
      FROM ranked GROUP BY class ORDER BY class`;
    const classes = await query(store, q);
    const rows = SCALE_CLASSES.map(([label], i) => {
      const r = classes.find((x) => Number(x.class) === i + 1);
      return {
        scale_class: label,
        providers: r?.providers ?? 0,
        cost: eur(r?.cost_cents ?? 0),
        cost_share_pct: pct(r?.cost_cents ?? 0, classes[0]?.all_cost),
      };
    });
    const t = classes[0];
    return result(
      this,
      req,
      [
        C.provider_concentration.scale_class,
        C.provider_concentration.providers,
        C.provider_concentration.cost,
        C.provider_concentration.cost_share_pct,
      ],
      rows,
      {
        providers: t?.all_providers ?? 0,
        cost: eur(t?.all_cost ?? 0),
        top_cost: eur(t?.top_cost ?? 0),
        top_share_pct: pct(t?.top_cost, t?.all_cost),
        providers_over_threshold: t?.over ?? 0,
      },
    );
  },
};
