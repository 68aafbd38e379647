// Referrals: clients and cost by referrer type, per individual referrer (GP practice AGB), and the share of GP referrals
// that go to specialist mental-health care.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { REFERRER_TYPES, SPECIALIST_MH_SQL } from './codes.ts';
import { costAndCareSql, costFigures } from './costs.ts';
import { empty, idents, join, leading, literal, sql, type Store } from '../store/index.ts';
import { splitSelect } from './sql/dimensions.ts';
import { allocFact, costFact } from './sql/facts.ts';
import type { Where } from './sql/filters.ts';
import { filterWhere } from './sql/filters.ts';
import { eur, pct, query, result, rowsAndTotals, splitColumns, type Row } from './result.ts';
import type { Dimension, Metric, MetricRequest } from './types.ts';

const keyOf = (r: Row, split: Dimension[]) => JSON.stringify(split.map((d) => r[d] ?? null));

/** Clients with an allocation active in the period (the allocation's own Ingangsdatum–Einddatum), per split value. */
function allocatedClientsSql(req: MetricRequest, split: Dimension[]): Where {
  const al = allocFact(req, split);
  return sql`SELECT ${leading(splitSelect(split, al.period))} count(DISTINCT f.client_no) AS allocated_clients
    FROM ${al.from} WHERE ${al.where} ${split.length ? sql`GROUP BY ALL ORDER BY ALL` : empty}`;
}
const typeName = (code: unknown) => REFERRER_TYPES[String(code)] ?? `Onbekend (${code ?? ''})`;

export const referrals: Metric = {
  id: 'referrals',
  title: 'Verwijzers: cliënten en kosten per type verwijzer',
  definition:
    'Kosten en unieke cliënten (als bij "Kosten en cliënten") per type verwijzer. De verwijzer komt uit het verzoek om ' +
    'toewijzing (JW315) of de export van het cliëntsysteem; toewijzingen zonder verwijzer tellen als "Onbekend", nooit ' +
    'als gok. PGB-kosten hebben geen toewijzing en staan onder "Onbekend". Aandelen zijn ten opzichte van het totaal van ' +
    'dezelfde uitsplitsing (bijv. hetzelfde jaar); een cliënt met twee verwijzers telt bij beide. Cliënten met een ' +
    'toewijzing: cliënten met een toewijzing van die verwijzer die in de periode loopt (ingangsdatum tot einddatum van de ' +
    'toewijzing), ook als er (nog) niet op gedeclareerd is.',
  splits: ['year', 'municipality', 'care_type'],
  async compute(store: Store, req: MetricRequest) {
    const groups = new Map(
      (await query(store, costAndCareSql(req, req.split, false))).map((r) => [keyOf(r, req.split), costFigures(r)]),
    );
    const byType: Dimension[] = [...req.split, 'referrer_type'];
    const costRows = new Map((await query(store, costAndCareSql(req, byType, false))).map((r) => [keyOf(r, byType), r]));
    const allocated = new Map((await query(store, allocatedClientsSql(req, byType))).map((r) => [keyOf(r, byType), r]));
    // Every referrer type with cost or with an allocation in the period, in key order.
    const keys = [...new Set([...costRows.keys(), ...allocated.keys()])].sort();
    const rows = keys.map((k) => {
      const r = costRows.get(k) ?? allocated.get(k)!;
      const f = costFigures(costRows.get(k) ?? {});
      const group = groups.get(keyOf(r, req.split));
      return {
        ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
        referrer_type: r.referrer_type,
        referrer_type_name: typeName(r.referrer_type),
        clients: f.clients,
        clients_share_pct: pct(f.clients, group?.clients),
        cost: f.cost,
        cost_share_pct: pct(f.cost, group?.cost),
        cost_per_client: f.cost_per_client,
        allocated_clients: Number(allocated.get(k)?.allocated_clients ?? 0),
      };
    });
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.referrals.referrer_type,
        C.referrals.referrer_type_name,
        C.referrals.clients,
        C.referrals.clients_share_pct,
        C.referrals.cost,
        C.referrals.cost_share_pct,
        C.referrals.cost_per_client,
        C.referrals.allocated_clients,
      ],
      rows,
    );
  },
};

export const referrers: Metric = {
  id: 'referrers',
  title: 'Verwijzingen per verwijzer (bijv. huisartspraktijk)',
  definition:
    'Per individuele verwijzer (type + AGB-code van de zorgverlener, of de naam als er geen AGB is; de naam komt uit de ' +
    'ingelezen AGB-lijst van verwijzers, anders uit de export): unieke cliënten, ' +
    'kosten (als bij "Kosten en cliënten") en de zorgsoorten waarnaar is verwezen, en de cliënten met een toewijzing van ' +
    'die verwijzer die in de periode loopt (ingangsdatum tot einddatum), ook als er (nog) niet op gedeclareerd is. Kies met ' +
    'het filter "type verwijzer" bijvoorbeeld alleen huisartsen (02).',
  splits: ['year', 'municipality'],
  async compute(store: Store, req: MetricRequest) {
    const cost = costFact(req);
    const keys = splitSelect(req.split, cost.period);
    const names = req.split as string[];
    const q = sql`
      SELECT ${leading(keys)} f.referrer_id, any_value(f.referrer_type) AS referrer_type, any_value(r.agb) AS agb,
             coalesce(any_value(g.name), any_value(r.name)) AS name, count(DISTINCT f.client_no) AS clients, sum(f.amount_cents)::BIGINT AS cost_cents,
             nullif(array_to_string(list_sort(list_distinct(list(f.care_type))), ', '), '') AS care_types
      FROM ${cost.from} LEFT JOIN referrer r ON r.referrer_id = f.referrer_id LEFT JOIN referrer_agb g ON g.agb = r.agb
      WHERE ${cost.where} GROUP BY ${join([...names.map((_, i) => literal(i + 1)), sql`f.referrer_id`])}
      ORDER BY ${join([...idents(names), sql`cost_cents DESC`, sql`f.referrer_id`])}`;
    const byReferrer: Dimension[] = [...req.split, 'referrer'];
    const allocated = new Map(
      (await query(store, allocatedClientsSql(req, byReferrer))).map((r) => [keyOf(r, byReferrer), Number(r.allocated_clients)]),
    );
    const costRows = (await query(store, q)).map(({ cost_cents, ...r }) => ({
      ...r,
      referrer_type_name: typeName(r.referrer_type),
      cost: eur(cost_cents),
      allocated_clients: allocated.get(keyOf({ ...r, referrer: r.referrer_id }, byReferrer)) ?? 0,
    }));
    // Referrers with running allocations but no cost in the period, after the invoiced ones.
    const seen = new Set(costRows.map((r: Row) => keyOf({ ...r, referrer: r.referrer_id }, byReferrer)));
    const known = new Map(
      (
        await query(
          store,
          sql`SELECT referrer_id, r.type, r.agb, coalesce(g.name, r.name) AS name
        FROM referrer r LEFT JOIN referrer_agb g ON g.agb = r.agb`,
        )
      ).map((r) => [r.referrer_id, r]),
    );
    const allocatedOnly = [...allocated]
      .filter(([k]) => !seen.has(k))
      .map(([k, n]) => {
        const values = JSON.parse(k) as (string | number | null)[];
        const id = String(values.at(-1));
        const ref = known.get(id);
        const type = ref?.type ?? id.split(':')[0];
        return {
          ...Object.fromEntries(req.split.map((d, i) => [d, values[i]])),
          referrer_id: id,
          referrer_type: type,
          agb: ref?.agb ?? null,
          name: ref?.name ?? null,
          clients: 0,
          care_types: null,
          referrer_type_name: typeName(type),
          cost: 0,
          allocated_clients: n,
        };
      });
    const rows = [...costRows, ...allocatedOnly];
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.referrers.referrer_id,
        C.referrers.referrer_type,
        C.referrers.agb,
        C.referrers.name,
        C.referrers.clients,
        C.referrers.care_types,
        C.referrers.referrer_type_name,
        C.referrers.cost,
        C.referrers.allocated_clients,
      ],
      rows,
    );
  },
};

export const gpSpecialistMh: Metric = {
  id: 'gp_specialist_mh',
  title: 'Huisartsverwijzingen naar specialistische GGZ',
  definition:
    'Van de toewijzingen met een huisarts als verwijzer (type 02) die in de periode ingaan (ingangsdatum ' +
    'van de toewijzing), het deel met een zorgsoort in de specialistische GGZ: zorgsoorten waarvan de naam begint met ' +
    '"GGZ zwaar" of "GGZ specialistisch". Ook in unieke cliënten. Uit te splitsen per huisartspraktijk (verwijzer).',
  splits: ['year', 'half_year', 'quarter', 'municipality', 'referrer'],
  async compute(store: Store, req: MetricRequest) {
    const period = { date: sql`f.start_date` };
    const build = (split: Dimension[]) => {
      const keys = splitSelect(split, period.date);
      return sql`
        SELECT ${leading(keys)} count(*) AS referrals, count(*) FILTER (WHERE ${SPECIALIST_MH_SQL(sql`f.care_type`)}) AS specialist,
               count(DISTINCT f.client_no) AS clients,
               count(DISTINCT f.client_no) FILTER (WHERE ${SPECIALIST_MH_SQL(sql`f.care_type`)}) AS specialist_clients
        FROM d_alloc f
        WHERE f.referrer_type = '02' AND f.end_date >= f.start_date AND ${filterWhere(req.filters, period)}
        ${split.length ? sql`GROUP BY ALL ORDER BY ${join(idents(split))}` : empty}`;
    };
    const shape = (r: Row) => ({
      ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
      referrals: r.referrals ?? 0,
      specialist: r.specialist ?? 0,
      specialist_pct: pct(r.specialist, r.referrals),
      clients: r.clients ?? 0,
      specialist_clients: r.specialist_clients ?? 0,
      specialist_clients_pct: pct(r.specialist_clients, r.clients),
    });
    const { rows, totals } = await rowsAndTotals(store, req.split, build);
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.gp_specialist_mh.referrals,
        C.gp_specialist_mh.specialist,
        C.gp_specialist_mh.specialist_pct,
        C.gp_specialist_mh.clients,
        C.gp_specialist_mh.specialist_clients,
        C.gp_specialist_mh.specialist_clients_pct,
      ],
      rows.map(shape),
      shape(totals),
    );
  },
};
