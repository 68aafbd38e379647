// The case-system exports of the demo: per table its file, its Dutch columns (field → column name) and how a record
// becomes a row. The mapping JSON is built from these same definitions, so files and mapping cannot drift apart.
import type { CostLineRow } from '../costlines.ts';
import { REFERRER_TYPES } from '../../contract/dimensions.ts';
import { UNIT_LABEL, tariff, type Product } from '../catalogue.ts';
import { dutch } from '../dates.ts';
import type { BudgetRow } from '../extras.ts';
import type { Allocation, Client, InvoiceLine, PgbLine } from '../model.ts';
import type { Provider } from '../parties.ts';
import { YEARS, type PopulationRow } from '../region.ts';
import type { Kind } from '../../ingest/tabular/types.ts';
import { euros, eurosSymbol } from './format.ts';
import { referrersTable } from './referrers.ts';

export interface TableDef<T> {
  kind: Kind;
  /** File name; `{jaar}` is replaced by the year for exports split per year. */
  file: string;
  /** field → Dutch column name, in column order. */
  columns: [string, string][];
  /** Recodings the mapping declares: field → (value in the file → code). */
  values?: Record<string, Record<string, string>>;
  /** Columns after `columns` that a mapping key reads instead (the product list's tariff per year): the key, its value, the names. */
  wide?: { key: string; value: string; columns: string[] };
  row(record: T): (string | number | null)[];
}

const SEX = { M: '1', V: '2' };
const SEX_LABEL: Record<string, string> = { '1': 'M', '2': 'V' };
const UNIT_CODES = Object.fromEntries(Object.entries(UNIT_LABEL).map(([code, label]) => [label, code]));
const FREQUENCY_CODES = { 'per dag': '1', 'per week': '2', 'per maand': '4' };
// The referrer types by their iJw names, as a municipality's own export spells them ('00' is Roer's, never exported).
const REFERRER_LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(REFERRER_TYPES).filter(([code]) => code !== '00'),
);
const REFERRER_CODES = Object.fromEntries(Object.entries(REFERRER_LABEL).map(([code, label]) => [label, code]));
const dateOrEmpty = (d: number | null) => (d === null ? null : dutch(d));

/** The product list as municipalities keep it: one row per product, one tariff column per year. */
export const productsTable: TableDef<Product> = {
  kind: 'products',
  file: 'producten.csv',
  columns: [
    ['product_code', 'Productcode'],
    ['product_category', 'Productcategorie'],
    ['care_type', 'Zorgsoort'],
    ['description', 'Omschrijving'],
    ['unit', 'Eenheid'],
  ],
  values: { unit: UNIT_CODES },
  wide: { key: 'tariffColumns', value: 'Tarief (\\d{4})', columns: YEARS.map((y) => `Tarief ${y}`) },
  row: (p) => [p.code, p.category, p.careType, p.description, UNIT_LABEL[p.unit], ...YEARS.map((y) => eurosSymbol(tariff(p, y)))],
};

export const providersTable: TableDef<Provider> = {
  kind: 'providers',
  file: 'aanbieders.csv',
  columns: [
    ['provider_agb', 'AGB-code'],
    ['provider_name', 'Naam aanbieder'],
  ],
  row: (p) => [p.agb, p.name],
};

export const clientsTable: TableDef<Client> = {
  kind: 'clients',
  file: 'clienten.csv',
  columns: [
    ['bsn', 'BSN'],
    ['birth_date', 'Geboortedatum'],
    ['sex', 'Geslacht'],
    ['municipality', 'Gemeente'],
    ['district', 'Wijk'],
    ['postcode', 'Postcode'],
  ],
  values: { sex: SEX },
  row: (c) => [c.bsn, dutch(c.birth), SEX_LABEL[c.sex], c.municipality, c.district, c.postcode4],
};

export const populationTable: TableDef<PopulationRow> = {
  kind: 'population',
  file: 'bevolking.csv',
  columns: [
    ['municipality', 'Gemeentecode'],
    ['year', 'Jaar'],
    ['age_band', 'Leeftijdsklasse'],
    ['inhabitants', 'Aantal inwoners'],
  ],
  row: (r) => [r.municipality, r.year, r.ageBand, r.inhabitants],
};

/** Allocations as the case system knows them (made up to 2020); care start/end only when known at export time. */
export const allocationsTable: TableDef<{ a: Allocation; exportedOn: number }> = {
  kind: 'allocations',
  file: 'toewijzingen_{jaar}.csv',
  columns: [
    ['municipality', 'Gemeente'],
    ['allocation_no', 'Toewijzingsnummer'],
    ['bsn', 'BSN'],
    ['birth_date', 'Geboortedatum'],
    ['sex', 'Geslacht'],
    ['postcode', 'Postcode'],
    ['district', 'Wijk'],
    ['provider_agb', 'AGB aanbieder'],
    ['provider_name', 'Aanbieder'],
    ['product_category', 'Productcategorie'],
    ['product_code', 'Productcode'],
    ['allocated_on', 'Besluitdatum'],
    ['start_date', 'Ingangsdatum'],
    ['end_date', 'Einddatum'],
    ['volume', 'Omvang'],
    ['unit', 'Eenheid'],
    ['frequency', 'Frequentie'],
    ['referrer_type', 'Verwijzer'],
    ['referrer_agb', 'AGB verwijzer'],
    ['referrer_name', 'Naam verwijzer'],
    ['team', 'Team'],
    ['financing', 'Financiering'],
    ['request_date', 'Aanvraagdatum'],
    ['care_start', 'Start zorg'],
    ['care_end', 'Einde zorg'],
    ['end_reason', 'Reden einde'],
  ],
  values: { sex: SEX, unit: UNIT_CODES, frequency: FREQUENCY_CODES, referrer_type: REFERRER_CODES },
  row: ({ a, exportedOn }) => {
    const etmaal = a.product.unit === '14';
    const known = (d: number | null) => (d !== null && d < exportedOn ? d : null);
    const careEnd = known(a.careEnd);
    return [
      a.municipality,
      a.no,
      a.client.bsn,
      dutch(a.client.birth),
      SEX_LABEL[a.client.sex],
      a.client.postcode4,
      a.client.district,
      a.provider.agb,
      a.provider.name,
      a.product.category,
      a.product.code,
      dutch(a.allocatedOn),
      dutch(a.start),
      dateOrEmpty(a.end),
      etmaal ? 7 : a.monthlyVolume,
      UNIT_LABEL[a.product.unit],
      etmaal ? 'per week' : 'per maand',
      REFERRER_LABEL[a.referrer.type] ?? null,
      a.referrer.agb ?? null,
      a.referrer.name ?? null,
      a.team,
      'ZIN',
      dutch(a.requestDate),
      dateOrEmpty(known(a.careStart)),
      dateOrEmpty(careEnd),
      careEnd === null ? null : a.endReason,
    ];
  },
};

export const invoiceLinesTable: TableDef<InvoiceLine> = {
  kind: 'invoice_lines',
  file: 'declaraties_{jaar}.csv',
  columns: [
    ['provider_agb', 'AGB aanbieder'],
    ['reference', 'Referentie'],
    ['previous_reference', 'Vorige referentie'],
    ['municipality', 'Gemeente'],
    ['bsn', 'BSN'],
    ['allocation_no', 'Toewijzingsnummer'],
    ['invoice_no', 'Factuurnummer'],
    ['invoice_date', 'Factuurdatum'],
    ['product_category', 'Productcategorie'],
    ['product_code', 'Productcode'],
    ['period_start', 'Begindatum'],
    ['period_end', 'Einddatum'],
    ['volume', 'Aantal'],
    ['unit', 'Eenheid'],
    ['tariff', 'Tarief'],
    ['amount', 'Bedrag'],
    ['debit_credit', 'Debet/credit'],
  ],
  values: { unit: UNIT_CODES },
  row: (l) => [
    l.provider.agb,
    l.reference,
    l.previousReference,
    l.municipality,
    l.client.bsn,
    l.allocation.no,
    l.invoiceNo,
    dutch(l.invoiceDate),
    l.allocation.product.category,
    l.allocation.product.code,
    dutch(l.periodStart),
    dutch(l.periodEnd),
    l.volume,
    UNIT_LABEL[l.allocation.product.unit],
    eurosSymbol(l.tariffCents),
    euros(l.amountCents),
    l.debitCredit,
  ],
};

export const budgetsTable: TableDef<BudgetRow> = {
  kind: 'budgets',
  file: 'budgetten.csv',
  columns: [
    ['year', 'Jaar'],
    ['municipality', 'Gemeente'],
    ['care_type', 'Zorgsoort'],
    ['team', 'Team'],
    ['kind', 'Soort'],
    ['amount', 'Bedrag'],
  ],
  row: (b) => [
    b.year,
    b.municipality,
    b.careType,
    b.team,
    b.kind,
    b.amountCents < 0 ? euros(b.amountCents) : eurosSymbol(b.amountCents),
  ],
};

export const costLinesTable: TableDef<CostLineRow> = {
  kind: 'cost_lines',
  file: 'kostenregels.csv',
  columns: [
    ['year', 'Jaar'],
    ['municipality', 'Gemeente'],
    ['kind', 'Soort'],
    ['description', 'Omschrijving'],
    ['amount', 'Bedrag'],
  ],
  row: (c) => [c.year, c.municipality, c.kind, c.description, eurosSymbol(c.amountCents)],
};

export const pgbTable: TableDef<PgbLine> = {
  kind: 'pgb_costs',
  file: 'pgb_svb.csv',
  columns: [
    ['municipality', 'Gemeente'],
    ['bsn', 'BSN'],
    ['period_start', 'Periode van'],
    ['period_end', 'Periode tot en met'],
    ['care_type', 'Zorgsoort'],
    ['amount', 'Betaald bedrag'],
    ['reference', 'Kenmerk'],
  ],
  row: (p) => [
    p.municipality,
    p.client.bsn,
    dutch(p.periodStart),
    dutch(p.periodEnd),
    p.careType,
    euros(p.amountCents),
    p.reference,
  ],
};

export const TABLES = [
  productsTable,
  providersTable,
  clientsTable,
  populationTable,
  referrersTable,
  allocationsTable,
  invoiceLinesTable,
  budgetsTable,
  pgbTable,
  costLinesTable,
] as TableDef<never>[];

/** The column mapping (see /work/notes/mapping-spec.md) that reads these exports. */
export function mappingJson(): object {
  return {
    source: 'Demo-zaaksysteem IJsselland',
    tables: TABLES.map((t) => ({
      kind: t.kind,
      files: t.file.replace('{jaar}', '*'),
      delimiter: ';',
      encoding: 'utf-8',
      dateFormat: 'dd-mm-jjjj',
      decimal: ',',
      columns: Object.fromEntries(t.columns),
      ...(t.values ? { values: t.values } : {}),
      ...(t.wide ? { [t.wide.key]: t.wide.value } : {}),
    })),
  };
}
