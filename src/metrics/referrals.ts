// Referrals: clients and cost by referrer type, per individual referrer (GP practice AGB), and the share of GP referrals
// that go to specialist mental-health care.
import { REFERRER_TYPES, SPECIALIST_MH_SQL } from './codes.ts';
import { costAndCareSql, costFigures } from './costs.ts';
import { raw, sql, type Store } from '../store/index.ts';
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
  return sql`SELECT ${raw([...splitSelect(split, al.period), ''].join(', '))} count(DISTINCT f.client_no) AS allocated_clients
    FROM ${al.from} WHERE ${al.where} ${raw(split.length ? 'GROUP BY ALL ORDER BY ALL' : '')}`;
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
        { name: 'referrer_type', label: 'Code verwijzer', unit: 'text' },
        { name: 'referrer_type_name', label: 'Type verwijzer', unit: 'text' },
        { name: 'clients', label: 'Unieke cliënten', unit: 'count', clientCount: true },
        { name: 'clients_share_pct', label: 'Aandeel cliënten (%)', unit: 'pct' },
        { name: 'cost', label: 'Kosten', unit: 'eur' },
        { name: 'cost_share_pct', label: 'Aandeel kosten (%)', unit: 'pct' },
        { name: 'cost_per_client', label: 'Kosten per cliënt', unit: 'eur' },
        { name: 'allocated_clients', label: 'Cliënten met een toewijzing', unit: 'count', clientCount: true },
      ],
      rows,
    );
  },
};

export const referrers: Metric = {
  id: 'referrers',
  title: 'Verwijzingen per verwijzer (bijv. huisartspraktijk)',
  definition:
    'Per individuele verwijzer (type + AGB-code van de zorgverlener, of de naam als er geen AGB is): unieke cliënten, ' +
    'kosten (als bij "Kosten en cliënten") en de zorgsoorten waarnaar is verwezen, en de cliënten met een toewijzing van ' +
    'die verwijzer die in de periode loopt (ingangsdatum tot einddatum), ook als er (nog) niet op gedeclareerd is. Kies met ' +
    'het filter "type verwijzer" bijvoorbeeld alleen huisartsen (02).',
  splits: ['year', 'municipality'],
  async compute(store: Store, req: MetricRequest) {
    const cost = costFact(req);
    const keys = splitSelect(req.split, cost.period);
    const names = req.split as string[];
    const q = sql`
      SELECT ${raw([...keys, ''].join(', '))} f.referrer_id, any_value(f.referrer_type) AS referrer_type, any_value(r.agb) AS agb,
             any_value(r.name) AS name, count(DISTINCT f.client_no) AS clients, sum(f.amount_cents)::BIGINT AS cost_cents,
             nullif(array_to_string(list_sort(list_distinct(list(f.care_type))), ', '), '') AS care_types
      FROM ${cost.from} LEFT JOIN referrer r ON r.referrer_id = f.referrer_id
      WHERE ${cost.where} GROUP BY ${raw([...names.map((_, i) => String(i + 1)), 'f.referrer_id'].join(', '))}
      ORDER BY ${raw([...names, 'cost_cents DESC', 'f.referrer_id'].join(', '))}`;
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
      (await query(store, sql`SELECT referrer_id, type, agb, name FROM referrer`)).map((r) => [r.referrer_id, r]),
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
        { name: 'referrer_id', label: 'Verwijzer', unit: 'text' },
        { name: 'referrer_type', label: 'Code verwijzer', unit: 'text' },
        { name: 'agb', label: 'AGB-code', unit: 'text' },
        { name: 'name', label: 'Naam', unit: 'text' },
        { name: 'clients', label: 'Unieke cliënten', unit: 'count', clientCount: true },
        { name: 'care_types', label: 'Zorgsoorten', unit: 'text' },
        { name: 'referrer_type_name', label: 'Type verwijzer', unit: 'text' },
        { name: 'cost', label: 'Kosten', unit: 'eur' },
        { name: 'allocated_clients', label: 'Cliënten met een toewijzing', unit: 'count', clientCount: true },
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
    const period = { date: 'f.start_date' };
    const build = (split: Dimension[]) => {
      const keys = splitSelect(split, period.date);
      return sql`
        SELECT ${raw([...keys, ''].join(', '))} count(*) AS referrals, count(*) FILTER (WHERE ${SPECIALIST_MH_SQL(sql`f.care_type`)}) AS specialist,
               count(DISTINCT f.client_no) AS clients,
               count(DISTINCT f.client_no) FILTER (WHERE ${SPECIALIST_MH_SQL(sql`f.care_type`)}) AS specialist_clients
        FROM d_alloc f
        WHERE f.referrer_type = '02' AND f.end_date >= f.start_date AND ${filterWhere(req.filters, period)}
        ${raw(split.length ? `GROUP BY ALL ORDER BY ${split.join(', ')}` : '')}`;
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
        { name: 'referrals', label: 'Verwijzingen huisarts', unit: 'count' },
        { name: 'specialist', label: 'Naar specialistische GGZ', unit: 'count' },
        { name: 'specialist_pct', label: 'Aandeel specialistische GGZ (%)', unit: 'pct' },
        { name: 'clients', label: 'Cliënten verwezen door huisarts', unit: 'count', clientCount: true },
        { name: 'specialist_clients', label: 'Cliënten naar specialistische GGZ', unit: 'count', clientCount: true },
        { name: 'specialist_clients_pct', label: 'Aandeel cliënten specialistische GGZ (%)', unit: 'pct' },
      ],
      rows.map(shape),
      shape(totals),
    );
  },
};
