// Each metric's output columns, declared once: name, Dutch label, unit and kind. The engine builds its answers from
// these, the OpenAPI document lists them per metric and the dashboard reads columns by these names, never by pattern.
import type { Dimension } from './dimensions.ts';
import type { Column, ColumnKind, Unit } from './question.ts';

/** A declared column; `onlyWithSplit`: present only when the answer is split by that dimension. */
export interface ColumnDecl extends Column {
  kind: ColumnKind;
  onlyWithSplit?: Dimension;
}

type Decl = Omit<ColumnDecl, 'name'>;
const value =
  (unit: Unit) =>
  (label: string): Decl => ({ label, unit, kind: 'value' });
const eur = value('eur');
const count = value('count');
const pct = value('pct');
const days = value('days');
/** A count of clients: suppressed below the threshold for aggregate-only roles. */
const clients = (label: string): Decl => ({ label, unit: 'count', kind: 'value', clientCount: true });
/** A category or identifier of the row (text). */
const key = (label: string): Decl => ({ label, unit: 'text', kind: 'key' });
/** A remark beside the figures of its row, never a category or a measure. */
const annotation = (label: string): Decl => ({ label, unit: 'text', kind: 'annotation', annotation: true });

/** Names each declaration after its key, keeping the declaration order (the column order of the answer). */
function columns<const N extends string>(decls: Record<N, Decl>): { readonly [K in N]: ColumnDecl & { name: K } } {
  return Object.fromEntries(Object.entries<Decl>(decls).map(([name, d]) => [name, { name, ...d }])) as never;
}

/** Per metric id, its own columns in answer order (split columns come first and are declared by the dimensions). */
export const METRIC_COLUMNS = {
  costs: columns({
    cost: eur('Kosten'),
    clients: clients('Unieke cliënten'),
    cost_per_client: eur('Kosten per cliënt'),
    care_days: days('Trajectdagen'),
    cost_per_care_day: eur('Kosten per trajectdag'),
  }),
  costs_yoy: columns({
    year: key('Jaar'),
    cost: eur('Kosten'),
    cost_previous: eur('Kosten vorig jaar'),
    cost_change: eur('Verandering kosten'),
    clients: clients('Unieke cliënten'),
    clients_previous: clients('Unieke cliënten vorig jaar'),
    cost_change_pct: pct('Verandering kosten (%)'),
    clients_change_pct: pct('Verandering unieke cliënten (%)'),
    cost_per_client_change_pct: pct('Verandering kosten per cliënt (%)'),
    care_days_change_pct: pct('Verandering trajectdagen (%)'),
    cost_per_care_day_change_pct: pct('Verandering kosten per trajectdag (%)'),
  }),
  decomposition: columns({
    year: key('Jaar'),
    cost: eur('Kosten'),
    clients: clients('Jeugdigen'),
    cost_per_client: eur('Kosten per jeugdige'),
    care_days_per_client: days('Trajectdagen per jeugdige'),
    cost_per_care_day: eur('Kosten per trajectdag'),
    cost_change: eur('Verandering kosten'),
    cost_change_pct: pct('Verandering kosten (%)'),
    clients_change_pct: pct('Verandering jeugdigen (%)'),
    care_days_per_client_change_pct: pct('Verandering trajectdagen per jeugdige (%)'),
    cost_per_care_day_change_pct: pct('Verandering kosten per trajectdag (%)'),
    effect_volume: eur('Effect aantal jeugdigen'),
    effect_intensity: eur('Effect trajectdagen per jeugdige'),
    effect_price: eur('Effect kosten per trajectdag'),
    effect_mix: eur('Effect verschuiving zorgsoorten'),
    effect_other: eur('Niet te ontleden'),
  }),
  utilisation: columns({
    allocations: count('Toewijzingen'),
    invoiced_allocations: count('Gedeclareerde toewijzingen'),
    allocations_pct: pct('Uitnutting toewijzingen (%)'),
    clients: clients('Cliënten met toewijzing'),
    invoiced_clients: clients('Cliënten met declaratie'),
    clients_pct: pct('Uitnutting cliënten (%)'),
    allocated: eur('Toegewezen (toewijzingen met bedrag)'),
    invoiced_priced: eur('Gedeclareerd (toewijzingen met bedrag)'),
    euros_pct: pct("Uitnutting euro's (%)"),
    priced_pct: pct('Toewijzingen met bekend bedrag (%)'),
    unpriced_allocations: count('Toewijzingen zonder bedrag'),
    invoiced: eur('Gedeclareerd (alle toewijzingen)'),
    not_started: count('Geleverde zorg: toegewezen, nooit gestart'),
    signal: annotation('Signaal'),
  }),
  claims: columns({
    return_code_name: { ...key('Omschrijving retourcode'), onlyWithSplit: 'return_code' },
    claimed: eur('Gedeclareerd'),
    rejected: eur('Afgewezen'),
    accepted: eur('Geaccepteerd'),
    rejected_pct: pct('Aandeel afgewezen (%)'),
    lines: count('Declaratieregels'),
    clients: clients('Unieke cliënten'),
  }),
  cohorts: columns({
    cohort: key('Instroomjaar'),
    year: key('Jaar'),
    entrants: clients('Instroom'),
    clients: clients('Nog in zorg'),
    share_pct: pct('Deel van de instroom (%)'),
    cost: eur('Kosten'),
    cost_per_client: eur('Kosten per jeugdige'),
  }),
  intensive_clients: columns({
    year: key('Jaar'),
    cost: eur('Totale kosten'),
    clients: clients('Cliënten'),
    clients_over_low: clients('Cliënten boven € 50.000'),
    cost_over_low: eur('Kosten cliënten boven € 50.000'),
    clients_over_high: clients('Cliënten boven € 100.000'),
    cost_over_high: eur('Kosten cliënten boven € 100.000'),
    top_cost: eur('Kosten 10 duurste cliënten'),
    top_share_pct: pct('Aandeel 10 duurste cliënten (%)'),
  }),
  intensive_entry: columns({
    year: key('Jaar'),
    entry_year: key('Instroomjaar'),
    clients: clients('Cliënten boven de drempel'),
    cost: eur('Kosten'),
  }),
  intensive_client_list: columns({
    client_id: key('Cliënt (pseudoniem)'),
    year: key('Jaar'),
    entry_year: key('Instroomjaar'),
    care_types: key('Zorgsoorten'),
    providers: count('Aanbieders'),
    municipalities: key('Gemeente(n)'),
    cost: eur('Kosten'),
  }),
  referrals: columns({
    referrer_type: key('Code verwijzer'),
    referrer_type_name: key('Type verwijzer'),
    clients: clients('Unieke cliënten'),
    clients_share_pct: pct('Aandeel cliënten (%)'),
    cost: eur('Kosten'),
    cost_share_pct: pct('Aandeel kosten (%)'),
    cost_per_client: eur('Kosten per cliënt'),
    allocated_clients: clients('Cliënten met een toewijzing'),
  }),
  referrers: columns({
    referrer_id: key('Verwijzer'),
    referrer_type: key('Code verwijzer'),
    agb: key('AGB-code'),
    name: key('Naam'),
    clients: clients('Unieke cliënten'),
    care_types: key('Zorgsoorten'),
    referrer_type_name: key('Type verwijzer'),
    cost: eur('Kosten'),
    allocated_clients: clients('Cliënten met een toewijzing'),
  }),
  gp_specialist_mh: columns({
    referrals: count('Verwijzingen huisarts'),
    specialist: count('Naar specialistische GGZ'),
    specialist_pct: pct('Aandeel specialistische GGZ (%)'),
    clients: clients('Cliënten verwezen door huisarts'),
    specialist_clients: clients('Cliënten naar specialistische GGZ'),
    specialist_clients_pct: pct('Aandeel cliënten specialistische GGZ (%)'),
  }),
  flows: columns({
    month: key('Maand'),
    inflow: clients('Instroom'),
    outflow: clients('Uitstroom'),
    stock: clients('In zorg op de laatste dag'),
    started: clients('Gestarte trajecten'),
    ended: clients('Beëindigde trajecten'),
  }),
  reentry: columns({
    ended: count('Beëindigde trajecten'),
    reentry_6: count('Terug binnen 6 maanden'),
    reentry_6_pct: pct('Terug binnen 6 maanden (%)'),
    reentry_12: count('Terug binnen 12 maanden'),
    reentry_12_pct: pct('Terug binnen 12 maanden (%)'),
  }),
  duration: columns({
    care_type: key('Zorgsoort'),
    trajectories: count('Beëindigde trajecten'),
    median_days: days('Mediaan (dagen)'),
    p75_days: days('75e percentiel (dagen)'),
    p90_days: days('90e percentiel (dagen)'),
    mean_days: days('Gemiddelde (dagen)'),
  }),
  endings: columns({
    ended: count('Beëindigde toewijzingen'),
    planned: count('Volgens plan'),
    early: count('Voortijdig'),
    other: count('Overige reden'),
    unknown: count('Reden onbekend'),
    planned_pct: pct('Volgens plan (%)'),
    early_pct: pct('Voortijdig (%)'),
  }),
  reindication: columns({
    ended: count('Beëindigde toewijzingen'),
    reindicated: count('Geherindiceerd'),
    reindicated_pct: pct('Herindicatie (%)'),
  }),
  waiting_time: columns({
    requests: count('Verzoeken met toewijzing'),
    to_allocation_median: days('Tot toewijzing: mediaan (dagen)'),
    to_allocation_p75: days('Tot toewijzing: 75e percentiel'),
    to_allocation_p90: days('Tot toewijzing: 90e percentiel'),
    started: count('Met start zorg'),
    to_start_median: days('Tot start zorg: mediaan (dagen)'),
    to_start_p75: days('Tot start zorg: 75e percentiel'),
    to_start_p90: days('Tot start zorg: 90e percentiel'),
  }),
  extended_care: columns({
    clients: clients('Cliënten 18+'),
    cost: eur('Kosten 18+'),
    care_days: days('Trajectdagen 18+'),
    clients_share_pct: pct('Aandeel in cliënten (%)'),
    cost_share_pct: pct('Aandeel in kosten (%)'),
  }),
  pathways: columns({
    pathway: key('Zorgpad'),
    steps: count('Stappen'),
    clients: clients('Cliënten'),
    share_pct: pct('Aandeel (%)'),
  }),
  transitions: columns({
    step: count('Stap'),
    source: key('Van'),
    target: key('Naar'),
    kind: key('Soort overgang'),
    clients: clients('Cliënten'),
  }),
  stacking: columns({
    max_simultaneous: count('Toewijzingen tegelijk (maximum)'),
    clients: clients('Cliënten'),
    share_pct: pct('Aandeel (%)'),
  }),
  providers: columns({
    provider: key('Aanbieder (AGB)'),
    name: key('Naam'),
    cost: eur('Kosten'),
    clients: clients('Unieke cliënten'),
    cost_per_client: eur('Kosten per cliënt'),
    median_days: days('Mediane trajectduur (dagen)'),
    early_pct: pct('Voortijdig beëindigd (%)'),
  }),
  provider_concentration: columns({
    scale_class: key('Schaalklasse'),
    providers: count('Aanbieders'),
    cost: eur('Kosten'),
    cost_share_pct: pct('Aandeel kosten (%)'),
  }),
  budget: columns({
    year: key('Jaar'),
    original_budget: eur('Primitieve begroting'),
    budget: eur('Begroting (na burap)'),
    invoiced: eur('Gedeclareerd'),
    expected: eur('Verwacht, nog niet gedeclareerd'),
    realised: eur('Realisatie'),
    difference: eur('Verschil (begroting − realisatie)'),
    realised_pct: pct('Realisatie (% van begroting)'),
    // The whole cost picture: youth-care costs that are not invoices (table cost_line), each kind its own part.
    cost_toegang: eur('Toegang (eigen personeel)'),
    cost_subsidie: eur('Subsidies jeugdbeschermingsketen'),
    cost_lumpsum: eur('Lumpsumcontracten'),
    cost_preventie: eur('Preventie'),
    cost_overig: eur('Overige kosten buiten declaraties'),
    realised_total: eur('Realisatie incl. kosten buiten declaraties'),
  }),
  per_youth: columns({
    youths: count('Jeugdigen 0–17 jaar (inwoners)'),
    clients: clients('Jeugdigen 0–17 met jeugdzorg'),
    share_pct: pct('Aandeel 0–17 met jeugdzorg (%)'),
    residential_clients: clients('Jeugdigen 0–17 met jeugdzorg met verblijf'),
    residential_pct: pct('Aandeel 0–17 met verblijf (%)'),
    outpatient_clients: clients('Jeugdigen 0–17 met jeugdzorg zonder verblijf'),
    outpatient_pct: pct('Aandeel 0–17 zonder verblijf (%)'),
    youths_extended: count('Jongeren 0–22 jaar (inwoners)'),
    clients_extended: clients('Jongeren 0–22 met jeugdzorg'),
    share_extended_pct: pct('Aandeel 0–22 met jeugdzorg (%)'),
    inhabitants: count('Inwoners'),
    cost: eur('Kosten'),
    cost_per_youth: eur('Kosten per jeugdige inwoner (0–17)'),
    cost_per_inhabitant: eur('Kosten per inwoner'),
    // The whole cost picture: the non-invoice cost lines per kind as their own parts, per youth inhabitant and per
    // inhabitant, beside the invoice cost above, and the total of both (empty when a part is not imported).
    cost_toegang_per_youth: eur('Toegang (eigen personeel) per jeugdige inwoner'),
    cost_subsidie_per_youth: eur('Subsidies jeugdbeschermingsketen per jeugdige inwoner'),
    cost_lumpsum_per_youth: eur('Lumpsumcontracten per jeugdige inwoner'),
    cost_preventie_per_youth: eur('Preventie per jeugdige inwoner'),
    cost_overig_per_youth: eur('Overige kosten buiten declaraties per jeugdige inwoner'),
    cost_total_per_youth: eur('Kosten incl. kosten buiten declaraties per jeugdige inwoner (0–17)'),
    cost_toegang_per_inhabitant: eur('Toegang (eigen personeel) per inwoner'),
    cost_subsidie_per_inhabitant: eur('Subsidies jeugdbeschermingsketen per inwoner'),
    cost_lumpsum_per_inhabitant: eur('Lumpsumcontracten per inwoner'),
    cost_preventie_per_inhabitant: eur('Preventie per inwoner'),
    cost_overig_per_inhabitant: eur('Overige kosten buiten declaraties per inwoner'),
    cost_total_per_inhabitant: eur('Kosten incl. kosten buiten declaraties per inwoner'),
    cost_total: eur('Kosten incl. kosten buiten declaraties'),
  }),
} as const;

export type MetricId = keyof typeof METRIC_COLUMNS;

/** True for the id of a metric the contract declares. */
export function isMetricId(id: string): id is MetricId {
  return Object.hasOwn(METRIC_COLUMNS, id);
}

/** The declared columns of metric `id` in order; for a split, those present with it. */
export function declaredColumns(id: MetricId, split: readonly Dimension[] = []): ColumnDecl[] {
  return (Object.values(METRIC_COLUMNS[id]) as ColumnDecl[]).filter(
    (c) => c.onlyWithSplit === undefined || split.includes(c.onlyWithSplit),
  );
}
