// Utilisation (uitnutting): how much of what was allocated is actually invoiced — allocations, clients and euros.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { roundedCentsSql } from '../store/allocated.ts';
import { empty, idents, join, leading, sql, type Store } from '../store/index.ts';
import { splitSelect } from './sql/dimensions.ts';
import { allocFact, costFact } from './sql/facts.ts';
import { filterWhere, type Where } from './sql/filters.ts';
import { utilisationPrecomputed } from './sql/precomputed.ts';
import { eur, joinOn, pct, result, rowsAndTotals, splitColumns, type Row } from './result.ts';
import { DIMENSIONS, type Dimension, type Metric, type MetricRequest } from './types.ts';

/**
 * CTE `joined`: one row per split value × allocation active in the period, with its allocated euros, whether all of it
 * was priced, and the accepted invoiced euros of care in the period (same split value).
 */
function joinedSql(req: MetricRequest, split: Dimension[]): Where {
  const names = split as string[];
  if (utilisationPrecomputed(req.filters, split)) {
    // Per allocation × year at load; years with only invoices count towards the allocation when the year is not split.
    const period = { date: sql`f.first_day`, start: sql`f.first_day`, end: sql`f.last_day` };
    // The period always ends (at the latest) at the peildatum, so there is always a `to`.
    const { from, to } = req.filters;
    if (split.includes('year') || (from && to && from.slice(0, 4) === to.slice(0, 4))) {
      // One row per allocation and year: nothing to add up per allocation.
      return sql`joined AS (SELECT ${leading(splitSelect(split, period))} f.alloc_key, f.client_no,
        f.allocated_cents, f.priced, f.invoiced_cents, f.care_started FROM d_util_year f WHERE f.has_alloc AND ${filterWhere(req.filters, period)})`;
    }
    return sql`joined AS (
      SELECT ${leading(splitSelect(split, period))} f.alloc_key, f.client_no,
             sum(f.allocated_cents) FILTER (WHERE f.has_alloc) AS allocated_cents, bool_and(f.priced) AS priced,
             sum(f.invoiced_cents) AS invoiced_cents, any_value(f.care_started) AS care_started
      FROM d_util_year f WHERE ${filterWhere(req.filters, period)} GROUP BY ALL HAVING bool_or(f.has_alloc))`;
  }
  const al = allocFact(req, split);
  // The invoice side follows the care period, whatever the basis, so both sides cover the same days.
  const inv = costFact({ ...req, filters: { ...req.filters, basis: 'care' } }, split);
  const alKeys = leading(splitSelect(split, al.period));
  const invKeys = leading(splitSelect(split, inv.period));
  const on = names.length ? sql`AND ${joinOn(names, 'al', 'inv')}` : empty;
  const k = leading(idents(names));
  // Allocated euros are an exact fraction per piece, rounded once per allocation and year (and split value).
  return sql`
    al_year AS (
      SELECT ${alKeys} f.alloc_key, f.client_no, year(f.first_day) AS y,
             sum(f.allocated_num * ${al.days} / f.days) AS num, any_value(f.allocated_den) AS den,
             bool_and(${al.priced}) AS priced, any_value(f.care_started) AS care_started
      FROM ${al.from} WHERE ${al.where} GROUP BY ALL),
    al AS (
      SELECT ${k} alloc_key, client_no, sum(${roundedCentsSql(sql`num`, sql`den`)}) AS allocated_cents, bool_and(priced) AS priced,
             any_value(care_started) AS care_started
      FROM al_year GROUP BY ALL),
    inv AS (
      SELECT ${invKeys} f.municipality || '/' || f.allocation_no AS alloc_key, sum(f.amount_cents) AS invoiced_cents
      FROM ${inv.from} WHERE ${inv.where} AND f.allocation_no IS NOT NULL GROUP BY ALL),
    -- al is grouped per split value × allocation and inv matches at most once.
    joined AS (SELECT al.*, inv.invoiced_cents FROM al LEFT JOIN inv ON al.alloc_key = inv.alloc_key ${on})`;
}

function utilisationSql(req: MetricRequest, split: Dimension[]): Where {
  const names = split as string[];
  const k = leading(idents(names));
  // Allocations are counted with count(*) (one row each), clients in two steps (per client first), which is much
  // cheaper than count(DISTINCT).
  return sql`
    WITH ${joinedSql(req, split)},
    per_client AS (
      SELECT ${k} client_no, count(*) AS allocations,
             count(*) FILTER (WHERE invoiced_cents > 0) AS invoiced_allocations,
             sum(allocated_cents) FILTER (WHERE priced) AS allocated_cents,
             sum(invoiced_cents) FILTER (WHERE priced) AS invoiced_priced_cents, sum(invoiced_cents) AS invoiced_cents,
             count(*) FILTER (WHERE NOT priced) AS unpriced, count(*) FILTER (WHERE NOT care_started) AS not_started
      FROM joined GROUP BY ALL)
    SELECT ${k}
           coalesce(sum(allocations), 0)::BIGINT AS allocations, coalesce(sum(invoiced_allocations), 0)::BIGINT AS invoiced_allocations,
           count(*) AS clients, count(*) FILTER (WHERE invoiced_allocations > 0) AS invoiced_clients,
           sum(allocated_cents)::BIGINT AS allocated_cents,
           coalesce(sum(invoiced_priced_cents), 0)::BIGINT AS invoiced_priced_cents,
           coalesce(sum(invoiced_cents), 0)::BIGINT AS invoiced_cents, coalesce(sum(unpriced), 0)::BIGINT AS unpriced,
           coalesce(sum(not_started), 0)::BIGINT AS not_started
    FROM per_client
    ${names.length ? sql`GROUP BY ${join(idents(names))} ORDER BY ${join(idents(names))}` : empty}`;
}

/** The data-quality signal of a row whose invoices exceed what was allocated (possible, never hidden). */
const OVER_ALLOCATED = 'Meer gedeclareerd dan toegewezen';

function figures(r: Row): Row {
  const allocations = Number(r.allocations ?? 0);
  const euros = pct(r.invoiced_priced_cents, r.allocated_cents);
  return {
    allocations,
    invoiced_allocations: r.invoiced_allocations ?? 0,
    allocations_pct: pct(r.invoiced_allocations, allocations),
    clients: r.clients ?? 0,
    invoiced_clients: r.invoiced_clients ?? 0,
    clients_pct: pct(r.invoiced_clients, r.clients),
    allocated: eur(r.allocated_cents),
    invoiced_priced: eur(r.invoiced_priced_cents),
    euros_pct: euros,
    priced_pct: pct(allocations - Number(r.unpriced ?? 0), allocations),
    unpriced_allocations: r.unpriced ?? 0,
    invoiced: eur(r.invoiced_cents),
    not_started: r.not_started ?? 0,
    signal: euros !== null && euros > 100 ? OVER_ALLOCATED : null,
  };
}

export const utilisation: Metric = {
  id: 'utilisation',
  title: 'Uitnutting van toewijzingen',
  definition:
    'Welk deel van wat is toegewezen ook wordt gedeclareerd, tot en met de peildatum (de laatst gedeclareerde periode; ' +
    'wat daarna is toegewezen kan nog niet gedeclareerd zijn). Toegewezen: toewijzingen die in de periode actief zijn ' +
    'volgens hun eigen looptijd (ingangsdatum tot einddatum van de laatste versie van de toewijzing; zonder einddatum tot ' +
    'de peildatum), ook als de zorg later start of eerder stopt; vervallen toewijzingen tellen niet. Gedeclareerd: ' +
    'toewijzingen met een positief geaccepteerd bedrag voor zorg in dezelfde periode (correcties verrekend). Uitnutting ' +
    "cliënten = cliënten met een gedeclareerde toewijzing ÷ cliënten met een toewijzing. Toegewezen euro's: het maximum " +
    'volgens de iJw-standaard, per toewijzing en jaar met het tarief van dat jaar uit de productlijst: een budget naar ' +
    'rato van de dagen; omvang per dag × tarief × dagen; per week × tarief × aangeraakte kalenderweken (maandag–zondag; ' +
    'een week over de jaarwisseling telt in beide jaren); per maand × tarief × aangeraakte kalendermaanden (een gebroken ' +
    'maand telt als hele maand); een totaal binnen de looptijd naar rato van de dagen; afgerond op hele centen per ' +
    "toewijzing en jaar. Uitnutting euro's = gedeclareerd op toewijzingen met een bekend bedrag ÷ hun toegewezen bedrag; " +
    'toewijzingen zonder bedrag (geen budget en geen omvang × tarief) tellen in geen van beide mee, en de dekking staat ' +
    'erbij (het deel van de toewijzingen met een bekend bedrag). Boven 100 % is meer gedeclareerd dan toegewezen: dat ' +
    'krijgt een signaal. Geleverde zorg apart: toegewezen maar nooit gestart = toewijzingen zonder start zorg (JW305) en ' +
    'zonder enige declaratie. PGB valt erbuiten (geen declaraties op een toewijzing).',
  splits: DIMENSIONS,
  async compute(store: Store, asked: MetricRequest) {
    // Nothing after the peildatum can have been invoiced yet: the period ends there (else a year still to come shows 0 %).
    const peildatum = String((await store.one<{ p: string }>(sql`SELECT peildatum::VARCHAR AS p FROM d_meta`))?.p ?? '');
    const to = asked.filters.to && (!peildatum || asked.filters.to < peildatum) ? asked.filters.to : peildatum || undefined;
    const req: MetricRequest = { ...asked, filters: { ...asked.filters, ...(to ? { to } : {}) } };
    const { rows, totals } = await rowsAndTotals(store, req.split, (split) => utilisationSql(req, split));
    const shaped = rows.map((r) => ({ ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])), ...figures(r) }));
    const total = figures(totals);
    const notes = [
      ...(Number(totals.unpriced ?? 0) > 0
        ? [
            `Uitnutting in euro's over ${String(total.priced_pct).replace('.', ',')} % ` +
              `van de toewijzingen met een bekend bedrag: ${totals.unpriced} toewijzingen hebben geen budget en geen tarief en ` +
              `tellen niet mee in de uitnutting in euro's.`,
          ]
        : []),
      ...(shaped.some((r) => r.signal) || total.signal
        ? [
            "Let op: waar de uitnutting in euro's boven 100 % ligt, is meer " +
              'gedeclareerd dan toegewezen (zie de kolom "Signaal"); controleer de toewijzingen en declaraties.',
          ]
        : []),
    ];
    return result(
      this,
      req,
      [
        ...splitColumns(req.split),
        C.utilisation.allocations,
        C.utilisation.invoiced_allocations,
        C.utilisation.allocations_pct,
        C.utilisation.clients,
        C.utilisation.invoiced_clients,
        C.utilisation.clients_pct,
        C.utilisation.allocated,
        C.utilisation.invoiced_priced,
        C.utilisation.euros_pct,
        C.utilisation.priced_pct,
        C.utilisation.unpriced_allocations,
        C.utilisation.invoiced,
        C.utilisation.not_started,
        C.utilisation.signal,
      ],
      shaped,
      total,
      notes,
    );
  },
};
