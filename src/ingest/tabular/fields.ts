// The fields each kind of table accepts (the mapping contract), with the type that decides how a cell is parsed.

import type { Kind, TableSpec } from './types.ts';

/**
 * text: trimmed text (codes keep their leading zeros; `pad` restores zeros a spreadsheet dropped from a numeric code);
 * date/amount/int/year: parsed per the table's dateFormat/decimal; bsn: 11-proof + pseudonym; enum: one of `codes`;
 * yesno: ja/nee.
 */
export type FieldType = 'text' | 'date' | 'amount' | 'int' | 'year' | 'bsn' | 'enum' | 'yesno';

export interface FieldDef {
  type: FieldType;
  required?: boolean;
  /** Left-pad an all-digit value with zeros to this length (e.g. municipality '150' → '0150'). */
  pad?: number;
  /** Allowed codes for an enum (compared case-insensitively, stored as written here). */
  codes?: readonly string[];
}

const req = <T extends FieldDef>(d: T): T => ({ ...d, required: true });
const text: FieldDef = { type: 'text' };
const date: FieldDef = { type: 'date' };
const amount: FieldDef = { type: 'amount' };
const int: FieldDef = { type: 'int' };
const municipality: FieldDef = { type: 'text', pad: 4 };
const agb: FieldDef = { type: 'text', pad: 8 };
const category: FieldDef = { type: 'text', pad: 2 };
const code2: FieldDef = { type: 'text', pad: 2 };
const bsn: FieldDef = req({ type: 'bsn' });
const sex: FieldDef = { type: 'enum', codes: ['0', '1', '2'] };
const year: FieldDef = { type: 'year' };
/** WJ757 Frequentie (LDT_Frequentie in basisschema.xsd): per dag, per week, per maand, totaal binnen de geldigheidsduur. */
const frequency: FieldDef = { type: 'enum', codes: ['1', '2', '4', '6'] };
/** iJw LDT_TypeVerwijzer as Roer reads it (07 is not in use). */
const referrerType: FieldDef = { type: 'enum', pad: 2, codes: ['01', '02', '03', '04', '05', '06', '08'] };

/** Kinds of youth-care cost that are not invoices (table cost_line); labels in src/forecast/cost-lines.ts. */
export const COST_KINDS = ['toegang', 'subsidie', 'lumpsum', 'preventie', 'overig'] as const;

export const FIELDS: Record<Kind, Record<string, FieldDef>> = {
  products: {
    product_code: req(text),
    product_category: req(category),
    care_type: req(text),
    description: text,
    year,
    unit: code2,
    tariff: amount,
  },
  providers: { provider_agb: req(agb), provider_name: text },
  clients: { bsn, birth_date: date, sex, municipality, district: text, postcode: text },
  allocations: {
    municipality: req(municipality),
    allocation_no: req(text),
    bsn,
    provider_agb: req(agb),
    product_code: req(text),
    start_date: req(date),
    end_date: date,
    product_category: category,
    allocated_on: date,
    birth_date: date,
    sex,
    postcode: text,
    district: text,
    provider_name: text,
    volume: int,
    unit: code2,
    frequency,
    budget: amount,
    referrer_type: referrerType,
    referrer_agb: agb,
    referrer_name: text,
    team: text,
    financing: { type: 'enum', codes: ['ZIN', 'PGB'] },
    request_date: date,
    care_start: date,
    care_end: date,
    end_reason: code2,
    deleted: { type: 'yesno' },
  },
  invoice_lines: {
    provider_agb: req(agb),
    reference: req(text),
    municipality: req(municipality),
    bsn,
    period_start: req(date),
    period_end: req(date),
    amount: req(amount),
    allocation_no: text,
    previous_reference: text,
    invoice_no: text,
    invoice_date: date,
    product_category: category,
    product_code: text,
    volume: int,
    unit: code2,
    tariff: amount,
    debit_credit: { type: 'enum', codes: ['D', 'C'] },
    message_kind: { type: 'enum', codes: ['export', 'JW323', 'JW303'] },
  },
  budgets: {
    year: req(year),
    municipality: req(municipality),
    amount: req(amount),
    care_type: text,
    team: text,
    kind: { type: 'enum', codes: ['begroting', 'burap', 'rijksbijdrage', 'taakstelling'] },
  },
  pgb_costs: {
    municipality: req(municipality),
    bsn,
    period_start: req(date),
    period_end: req(date),
    amount: req(amount),
    care_type: text,
    reference: text,
  },
  cost_lines: {
    year: req(year),
    municipality: req(municipality),
    kind: req({ type: 'enum', codes: COST_KINDS }),
    amount: req(amount),
    description: text,
  },
  population: { municipality: req(municipality), year: req(year), age_band: req(text), inhabitants: req(int) },
  referrers: { referrer_agb: req(agb), referrer_name: req(text), referrer_type: referrerType, place: text },
};

/** The fields of `kind` that need a column or a constant. */
export function requiredFields(kind: Kind): string[] {
  return Object.entries(FIELDS[kind])
    .filter(([, d]) => d.required)
    .map(([f]) => f);
}

/** The field of a wide product list's tariff column for `year` (see TableSpec.tariffs). */
export const tariffField = (year: string | number) => `tariff_${year}`;

/** The year of a wide tariff field, undefined for any other field. */
export const tariffYear = (field: string): number | undefined =>
  /^tariff_\d{4}$/.test(field) ? Number(field.slice(7)) : undefined;

/** The fields a file read by `spec` has: those of its kind, plus one amount per tariff column of a wide product list. */
export function fieldsOf(spec: TableSpec, columns: Record<string, string>): Record<string, FieldDef> {
  if (spec.tariffs === undefined && spec.tariffColumns === undefined) return FIELDS[spec.kind];
  const wide = Object.keys(columns)
    .filter((f) => tariffYear(f) !== undefined)
    .sort();
  return { ...FIELDS[spec.kind], ...Object.fromEntries(wide.map((f) => [f, amount])) };
}
