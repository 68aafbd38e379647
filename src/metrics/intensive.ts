// Care-intensive clients: clients above cost thresholds per year, the top-N share, their entry year, and the
// pseudonymous list for screening (e.g. for the Wlz), which only roles allowed client rows may see.
import { idents, join, sql, type Store } from '../store/index.ts';
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { splitSelect } from './sql/dimensions.ts';
import { costFact } from './sql/facts.ts';
import { clientYearCostSql, entrySql } from './sql/entry.ts';
import { eur, pct, query, result, splitColumns } from './result.ts';
import type { Metric, MetricRequest } from './types.ts';

/** A threshold in a column label as users write it: 50000 → "€ 50.000". */
const euros = (n: unknown) => `€ ${Number(n).toLocaleString('nl-NL')}`;

const COST_PER_YEAR =
  'Kosten per cliënt per jaar zoals bij "Kosten en cliënten" (geaccepteerde declaraties plus PGB, jaar ' +
  'van de zorg), opgeteld over alle zorgsoorten en aanbieders binnen de filters.';
// Up to a billion euros: as cents that stays far inside BIGINT and exact in a double.
const euroParam = (name: string, label: string, d: number) => ({
  name,
  label,
  type: 'number' as const,
  default: d,
  max: 1_000_000_000,
});

export const intensiveClients: Metric = {
  id: 'intensive_clients',
  title: 'Zorgintensieve cliënten',
  definition:
    `${COST_PER_YEAR} Per jaar: het aantal cliënten boven de lage en de hoge drempel (standaard € 50.000 en ` +
    '€ 100.000, "boven" = meer dan) en hun kosten, en het aandeel van de N duurste cliënten (standaard 10) in de totale kosten.',
  splits: ['municipality'],
  params: [
    euroParam('low', 'Lage drempel (€)', 50_000),
    euroParam('high', 'Hoge drempel (€)', 100_000),
    { name: 'top', label: 'Aantal duurste cliënten', type: 'number', default: 10, min: 1, max: 1000, integer: true },
  ],
  async compute(store: Store, req: MetricRequest) {
    const names = req.split as string[];
    const part = join(idents(['year', ...names]));
    const p = req.params!;
    const q = sql`
      WITH cy AS (${clientYearCostSql(req)}),
      ranked AS (SELECT *, row_number() OVER (PARTITION BY ${part} ORDER BY cost_cents DESC, client_no) AS rn FROM cy)
      SELECT ${part}, sum(cost_cents)::BIGINT AS cost_cents, count(*) FILTER (WHERE cost_cents <> 0) AS clients,
        count(*) FILTER (WHERE cost_cents > ${Number(p.low) * 100}) AS clients_low,
        coalesce(sum(cost_cents) FILTER (WHERE cost_cents > ${Number(p.low) * 100}), 0)::BIGINT AS cost_low,
        count(*) FILTER (WHERE cost_cents > ${Number(p.high) * 100}) AS clients_high,
        coalesce(sum(cost_cents) FILTER (WHERE cost_cents > ${Number(p.high) * 100}), 0)::BIGINT AS cost_high,
        coalesce(sum(cost_cents) FILTER (WHERE rn <= ${Number(p.top)}), 0)::BIGINT AS cost_top
      FROM ranked GROUP BY ${part} ORDER BY ${part}`;
    const rows = (await query(store, q)).map((r) => ({
      year: r.year,
      ...Object.fromEntries(names.map((n) => [n, r[n] ?? null])),
      cost: eur(r.cost_cents),
      clients: r.clients,
      clients_over_low: r.clients_low,
      cost_over_low: eur(r.cost_low),
      clients_over_high: r.clients_high,
      cost_over_high: eur(r.cost_high),
      top_cost: eur(r.cost_top),
      top_share_pct: pct(r.cost_top, r.cost_cents),
    }));
    return result(
      this,
      req,
      [
        C.intensive_clients.year,
        ...splitColumns(req.split),
        C.intensive_clients.cost,
        C.intensive_clients.clients,
        { ...C.intensive_clients.clients_over_low, label: `Cliënten boven ${euros(p.low)}` },
        { ...C.intensive_clients.cost_over_low, label: `Kosten cliënten boven ${euros(p.low)}` },
        { ...C.intensive_clients.clients_over_high, label: `Cliënten boven ${euros(p.high)}` },
        { ...C.intensive_clients.cost_over_high, label: `Kosten cliënten boven ${euros(p.high)}` },
        { ...C.intensive_clients.top_cost, label: `Kosten ${p.top} duurste cliënten` },
        { ...C.intensive_clients.top_share_pct, label: `Aandeel ${p.top} duurste cliënten (%)` },
      ],
      rows,
    );
  },
};

export const intensiveEntry: Metric = {
  id: 'intensive_entry',
  title: 'Zorgintensieve cliënten naar instroomjaar',
  definition:
    `${COST_PER_YEAR} Per jaar de cliënten boven de drempel (standaard € 50.000), ingedeeld naar het jaar van hun ` +
    'eerste instroom in zorg (vroegste start van een toewijzing of van zorg met kosten, binnen de filters).',
  splits: [],
  params: [euroParam('threshold', 'Drempel (€)', 50_000)],
  async compute(store: Store, req: MetricRequest) {
    const q = sql`
      WITH cy AS (${clientYearCostSql(req, [])}), entry AS (${entrySql(req.filters)})
      SELECT cy.year, year(e.entry_date) AS entry_year, count(*) AS clients, sum(cy.cost_cents)::BIGINT AS cost_cents
      FROM cy LEFT JOIN entry e USING (client_no)
      WHERE cy.cost_cents > ${Number(req.params!.threshold) * 100}
      GROUP BY ALL ORDER BY cy.year, entry_year`;
    const rows = (await query(store, q)).map((r) => ({
      year: r.year,
      entry_year: r.entry_year,
      clients: r.clients,
      cost: eur(r.cost_cents),
    }));
    return result(
      this,
      req,
      [C.intensive_entry.year, C.intensive_entry.entry_year, C.intensive_entry.clients, C.intensive_entry.cost],
      rows,
    );
  },
};

export const intensiveClientList: Metric = {
  id: 'intensive_client_list',
  title: 'Lijst zorgintensieve cliënten (pseudoniem)',
  definition:
    `${COST_PER_YEAR} De cliënten boven de drempel (standaard € 50.000) per jaar, duurste eerst, met hun ` +
    'pseudoniem (nooit het BSN), instroomjaar, zorgsoorten en aantal aanbieders — bijvoorbeeld om te beoordelen of de Wlz ' +
    'passender is. Alleen zichtbaar voor rollen die cliëntgegevens mogen zien.',
  splits: [],
  clientRows: true,
  params: [euroParam('threshold', 'Drempel (€)', 50_000)],
  async compute(store: Store, req: MetricRequest) {
    const cost = costFact(req, ['year']);
    const q = sql`
      WITH lines AS MATERIALIZED (SELECT f.client_no, ${join(splitSelect(['year'], cost.period))}, f.care_type, f.provider_agb,
                       f.municipality, f.amount_cents FROM ${cost.from} WHERE ${cost.where}),
      -- The few clients above the threshold first; the distinct lists (and the pseudonyms) only for them.
      over AS (SELECT client_no, year FROM lines GROUP BY client_no, year
               HAVING sum(amount_cents) > ${Number(req.params!.threshold) * 100}),
      entry AS (${entrySql(req.filters)}),
      listed AS (
        SELECT l.client_no, l.year, sum(l.amount_cents)::BIGINT AS cost_cents, year(any_value(e.entry_date)) AS entry_year,
               -- Sorted distinct lists (list_distinct drops NULLs, as DISTINCT aggregates do; much cheaper per group).
               nullif(array_to_string(list_sort(list_distinct(list(l.care_type))), ', '), '') AS care_types,
               len(list_distinct(list(l.provider_agb))) AS providers,
               nullif(array_to_string(list_sort(list_distinct(list(l.municipality))), ', '), '') AS municipalities
        FROM lines l SEMI JOIN over o ON o.client_no = l.client_no AND o.year = l.year
        LEFT JOIN entry e ON e.client_no = l.client_no
        GROUP BY l.client_no, l.year)
      SELECT n.client_id, x.year, x.cost_cents, x.entry_year, x.care_types, x.providers, x.municipalities
      FROM listed x JOIN d_client_no n ON n.client_no = x.client_no
      ORDER BY x.year, x.cost_cents DESC, n.client_id`;
    const rows = (await query(store, q)).map(({ cost_cents, ...r }) => ({ ...r, cost: eur(cost_cents) }));
    return result(
      this,
      req,
      [
        C.intensive_client_list.client_id,
        C.intensive_client_list.year,
        C.intensive_client_list.entry_year,
        C.intensive_client_list.care_types,
        C.intensive_client_list.providers,
        C.intensive_client_list.municipalities,
        C.intensive_client_list.cost,
      ],
      rows,
    );
  },
};
