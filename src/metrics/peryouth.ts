// Per-youth figures: the share of the young inhabitants with youth care (with and without residence) and the cost per
// youth inhabitant and per inhabitant, from the own data and the imported population table; beside the invoice cost the
// non-invoice cost lines (access team, subsidies, lump sums, prevention) as separate parts, and the total.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { empty, idents, join, leading, sql, type Store } from '../store/index.ts';
import { dimensionSql, splitSelect } from './sql/dimensions.ts';
import { allocFact, costFact } from './sql/facts.ts';
import { FILTER_DIMENSIONS, type Where } from './sql/filters.ts';
import { COST_KIND_LABELS, type CostKind } from '../forecast/cost-kinds.ts';
import { type CostParts, costParts, indexCostLines, readCostLines } from '../forecast/cost-lines.ts';
import { coalesceKeys, eur, joinOn, pct, query, ratio, result, round, splitColumns, type Row } from './result.ts';
import type { Dimension, Filters, Metric, MetricRequest } from './types.ts';

/**
 * iJw LDT_ProductCategorie codes of youth care with residence (verblijf): 43 jeugdhulp verblijf incl. behandeling, 44
 * verblijf excl. behandeling (pleegzorg included), and the 2015 codes 35 pleegzorg, 36 gezinsgericht, 37 gesloten
 * plaatsing, 38 overig residentieel. Every other category is care without residence.
 */
export const RESIDENTIAL_CATEGORIES = ['35', '36', '37', '38', '43', '44'] as const;

/** The population table's age bands per figure (0–17, 0–22, everyone). */
const BANDS = { youths: ['0-3', '4-11', '12-17'], extended: ['0-3', '4-11', '12-17', '18-22'], total: ['totaal'] } as const;

const SPLITS = ['year', 'half_year', 'municipality', 'district'] as const satisfies readonly Dimension[];

/** Clients with an allocation active in the period (0–17, 0–22; with and without residence) and cost, per split value. */
function perYouthSql(req: MetricRequest, split: Dimension[]): Where {
  const al = allocFact(req, split, true);
  const cost = costFact(req, split);
  const names = split as string[];
  const age = dimensionSql('age_band', al.period);
  const young = sql`${age} IN (${join(BANDS.youths)})`;
  const extended = sql`${age} IN (${join(BANDS.extended)})`;
  const residential = sql`f.product_category IN (${join(RESIDENTIAL_CATEGORIES)})`;
  const k = leading(idents(names));
  return sql`
    WITH per_client AS (
      SELECT ${leading(splitSelect(split, al.period))} f.client_no, bool_or(${young}) AS young,
             bool_or(${extended}) AS extended, bool_or(${young} AND ${residential}) AS residential,
             bool_or(${young} AND NOT coalesce(${residential}, false)) AS outpatient
      FROM ${al.from} WHERE ${al.where} GROUP BY ALL),
    a AS (
      SELECT ${k} count(*) FILTER (WHERE young) AS clients, count(*) FILTER (WHERE residential) AS residential_clients,
             count(*) FILTER (WHERE outpatient) AS outpatient_clients, count(*) FILTER (WHERE extended) AS clients_extended
      FROM per_client ${names.length ? sql`GROUP BY ALL` : empty}),
    b AS (
      SELECT ${leading(splitSelect(split, cost.period))} sum(f.amount_cents)::BIGINT AS cost_cents
      FROM ${cost.from} WHERE ${cost.where} ${names.length ? sql`GROUP BY ALL` : empty})
    SELECT ${leading(coalesceKeys(names))} coalesce(a.clients, 0) AS clients,
           coalesce(a.residential_clients, 0) AS residential_clients, coalesce(a.outpatient_clients, 0) AS outpatient_clients,
           coalesce(a.clients_extended, 0) AS clients_extended, coalesce(b.cost_cents, 0) AS cost_cents
    FROM a FULL OUTER JOIN b ON ${joinOn(names)}
    ${names.length ? sql`ORDER BY ${join(idents(names))}` : empty}`;
}

/** Inhabitants per municipality, year and age band, from the population table. */
type Population = Map<string, number>;
const popKey = (m: string, year: number, band: string) => `${m}|${year}|${band}`;

async function loadPopulation(store: Store): Promise<Population> {
  const rows = await store.all<{ municipality: string; year: number; age_band: string; inhabitants: number }>(
    sql`SELECT municipality, year, age_band, inhabitants FROM population`,
  );
  return new Map(rows.map((r) => [popKey(r.municipality, Number(r.year), r.age_band), Number(r.inhabitants)]));
}

/** Sum of the bands for the municipalities in `year`; null when any of them is unknown (never a partial sum). */
function inhabitantsOf(pop: Population, municipalities: string[], year: number | null, bands: readonly string[]) {
  if (year === null || municipalities.length === 0) return null;
  let n = 0;
  for (const m of municipalities)
    for (const b of bands) {
      const v = pop.get(popKey(m, year, b));
      if (v === undefined) return null;
      n += v;
    }
  return n;
}

/** The one calendar year a row is about: its year or half-year, else the filter period when it lies within one year. */
function yearOf(row: Row, req: MetricRequest): number | null {
  if (row.year !== undefined && row.year !== null) return Number(row.year);
  if (typeof row.half_year === 'string') return Number(row.half_year.slice(0, 4));
  const { from, to } = req.filters;
  return from && to && from.slice(0, 4) === to.slice(0, 4) ? Number(from.slice(0, 4)) : null;
}

function figures(r: Row, youths: number | null, extended: number | null, total: number | null): Row {
  const cost = Number(r.cost_cents ?? 0);
  return {
    youths,
    clients: Number(r.clients ?? 0),
    share_pct: pct(r.clients, youths),
    residential_clients: Number(r.residential_clients ?? 0),
    residential_pct: pct(r.residential_clients, youths),
    outpatient_clients: Number(r.outpatient_clients ?? 0),
    outpatient_pct: pct(r.outpatient_clients, youths),
    youths_extended: extended,
    clients_extended: Number(r.clients_extended ?? 0),
    share_extended_pct: pct(r.clients_extended, extended),
    inhabitants: total,
    cost: eur(cost),
    cost_per_youth: round((ratio(cost, youths) ?? NaN) / 100),
    cost_per_inhabitant: round((ratio(cost, total) ?? NaN) / 100),
  };
}

const KINDS = Object.keys(COST_KIND_LABELS) as CostKind[];
const perHead = (cents: number | null | undefined, people: number | null) => round((ratio(cents, people) ?? NaN) / 100);

/**
 * The cost-line parts per youth inhabitant and per inhabitant, and the total with the invoice cost; every figure null
 * when the parts do not apply (null) or a part is unknown (never a partial sum).
 */
function costLineFigures(r: Row, parts: CostParts | null, youths: number | null, total: number | null): Row {
  const cost = Number(r.cost_cents ?? 0);
  const all = parts?.totalCents === null || !parts ? null : cost + parts.totalCents;
  const per = (people: number | null, suffix: string) => ({
    ...Object.fromEntries(KINDS.map((k) => [`cost_${k}_${suffix}`, perHead(parts?.byKind[k], people)])),
    [`cost_total_${suffix}`]: perHead(all, people),
  });
  return { ...per(youths, 'per_youth'), ...per(total, 'per_inhabitant'), cost_total: eur(all) };
}

/**
 * Cost lines are one amount per municipality and calendar year: they apply to a row of a whole year (split by year or
 * a period of one whole year), per municipality or their sum, without other filters (care type, provider …).
 */
function costLinesApply(req: MetricRequest, year: number | null): boolean {
  const { from, to } = req.filters;
  return (
    year !== null &&
    req.split.every((d) => d === 'year' || d === 'municipality') &&
    FILTER_DIMENSIONS.every((d) => d === 'municipality' || !req.filters[d as keyof Filters]) &&
    (!from || from <= `${year}-01-01`) &&
    (!to || to >= `${year}-12-31`)
  );
}

export const PER_YOUTH_COLUMNS = Object.values(C.per_youth);

export const perYouth: Metric = {
  id: 'per_youth',
  title: 'Jeugdzorg per jeugdige inwoner',
  definition:
    'Aandeel jeugdigen met jeugdzorg: het aantal verschillende jeugdigen van 0 tot en met 17 jaar met een toewijzing die ' +
    'in de periode actief is (ingangsdatum tot einddatum), gedeeld door het aantal inwoners van 0–17 jaar van de gemeente ' +
    'in dat jaar (de bevolkingstabel; voor een halfjaar het inwonertal van dat jaar). De leeftijd telt aan het begin van ' +
    'elke maand met zorg; een jeugdige zonder bekende geboortedatum telt niet mee in de aantallen. Met verblijf: een toewijzing in een productcategorie met verblijf volgens de iJw-standaard ' +
    '(43 jeugdhulp verblijf incl. behandeling, 44 verblijf excl. behandeling, en de oude codes 35 pleegzorg, 36 ' +
    'gezinsgericht, 37 gesloten plaatsing, 38 overig residentieel); zonder verblijf: elke andere productcategorie. Een ' +
    'jeugdige met beide telt bij beide, en in het totaal één keer (zoals het CBS telt). Verlengde jeugdzorg: hetzelfde ' +
    'voor 0 tot en met 22 jaar, gedeeld door de inwoners van 0–22 jaar. PGB zonder toewijzing telt niet mee in de ' +
    'aantallen. Kosten per jeugdige inwoner: alle kosten (geaccepteerd gedeclareerd plus PGB, zoals bij "Kosten en ' +
    'cliënten") gedeeld door de inwoners van 0–17 jaar; kosten per inwoner: gedeeld door alle inwoners. Zonder bekend ' +
    'inwonertal (een wijk, een periode over meer jaren zonder splitsing per jaar, een gemeente zonder bevolkingscijfers) ' +
    'blijven de aandelen en de bedragen per inwoner leeg, nooit nul. Het hele kostenbeeld: daarnaast, als aparte delen, ' +
    'de kosten die geen declaratie zijn (toegang, subsidies jeugdbeschermingsketen, lumpsum, preventie, overig; de ' +
    'ingelezen kostenregels) per jeugdige inwoner en per inwoner, en de kosten inclusief die delen (ook per jeugdige ' +
    'inwoner en per inwoner). Kostenregels gelden per gemeente en kalenderjaar: alleen voor een heel jaar, zonder ' +
    'uitsplitsing naar wijk of halfjaar en zonder andere filters dan gemeente. Een soort is alleen bekend als elke ' +
    'gemeente van de rij er voor dat jaar een kostenregel van heeft ingelezen (een ingelezen 0 telt als 0); anders blijft ' +
    'die soort leeg, en dan ook het totaal. Zolang er geen enkele kostenregel is ingelezen, blijft het totaal leeg.',
  splits: SPLITS,
  async compute(store: Store, req: MetricRequest) {
    const pop = await loadPopulation(store);
    const known = (
      await store.all<{ municipality: string }>(sql`SELECT municipality FROM d_municipalities ORDER BY municipality`)
    ).map((r) => r.municipality);
    const asked = req.filters.municipality ?? known;
    const byDistrict = req.split.includes('district') || req.filters.district !== undefined;
    const notes = new Set<string>();
    const lines = indexCostLines(await readCostLines(store, asked));
    const shape = (r: Row, split: readonly Dimension[]): Row => {
      const ms = typeof r.municipality === 'string' ? [r.municipality] : asked;
      const year = yearOf(r, req);
      const at = (bands: readonly string[]) => (byDistrict ? null : inhabitantsOf(pop, ms, year, bands));
      const [youths, extended, total] = [at(BANDS.youths), at(BANDS.extended), at(BANDS.total)];
      if (byDistrict) notes.add('Er is geen inwonertal per wijk: aandelen en bedragen per inwoner blijven leeg.');
      else if (year === null)
        notes.add('Het inwonertal geldt per jaar: kies een periode binnen één jaar of splits naar jaar of halfjaar.');
      else if (youths === null || total === null)
        notes.add(`Geen bevolkingscijfers voor ${ms.join(', ')} in ${year}: aandelen en bedragen per inwoner blijven leeg.`);
      const parts = costLinesApply(req, year) ? costParts(lines, ms, year!) : null;
      if (!parts)
        notes.add(
          'De kosten buiten declaraties zijn per gemeente en heel kalenderjaar bekend; met deze periode, uitsplitsing of ' +
            'filters blijven die delen leeg.',
        );
      for (const reason of parts?.unknown ?? []) notes.add(reason);
      return {
        ...Object.fromEntries(split.map((d) => [d, r[d] ?? null])),
        ...figures(r, youths, extended, total),
        ...costLineFigures(r, parts, youths, total),
      };
    };
    const raw = await query(store, perYouthSql(req, req.split));
    const rows = raw.map((r) => shape(r, req.split));
    // Without a split the one row is the total; with one, the total is its own query (clients are never summed).
    const totals = req.split.length ? shape((await query(store, perYouthSql(req, [])))[0] ?? {}, []) : (rows[0] ?? shape({}, []));
    return result(this, req, [...splitColumns(req.split), ...PER_YOUTH_COLUMNS], rows, totals, [...notes]);
  },
};
