// Tiny fixture builders for metric tests: rows with sensible defaults, inserted straight into an in-memory store.
// Amounts are given in whole euros (`euros`) or cents (`cents`); dates are ISO strings.
import { Store, ident, join, refreshDerived, sql, type Param } from '../store/index.ts';

type Values = Record<string, Param | undefined>;

/** Inserts rows into `table` with bound parameters, in chunks (column set taken from the first row). */
export async function insertRows(store: Store, table: string, rows: Values[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const tuples = chunk.map((r) => sql`(${join(cols.map((c) => r[c] ?? null))})`);
    await store.run(sql`INSERT INTO ${ident(table)} (${join(cols.map((c) => ident(c)))}) VALUES ${join(tuples)}`);
  }
}

/** The product list every fixture store starts with: code → (category, care type). */
export const PRODUCTS: [code: string, category: string, careType: string][] = [
  ['AMB', '45', 'ambulant'],
  ['DAG', '46', 'dagbehandeling'],
  ['VBL', '43', 'verblijf'],
  ['PLZ', '44', 'pleegzorg'],
  ['GGZM', '54', 'GGZ midden'],
  ['GGZZ', '54', 'GGZ zwaar'],
  ['LVB', '53', 'LVB midden'],
  ['CRI', '55', 'crisis'],
];

/** A fresh in-memory store with the fixture product list. */
export async function fixtureStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await insertRows(
    store,
    'product',
    PRODUCTS.map(([code, category, care_type]) => ({ code, category, care_type })),
  );
  return store;
}

let seq = 0;
const next = (prefix: string) => `${prefix}${++seq}`;

export interface AllocationInput {
  client: string;
  start: string;
  end?: string | null;
  product?: string;
  municipality?: string;
  no?: string;
  provider?: string;
  referrer?: string;
  team?: string;
  financing?: 'ZIN' | 'PGB';
  deleted?: boolean;
  volume?: number;
  unit?: string;
  frequency?: string;
  budgetCents?: number;
  allocatedAt?: string;
  providerReference?: string;
  changeReason?: string;
}

/** Adds an allocation (default product AMB at provider 11111111 in municipality 0150); returns its number. */
export async function addAllocation(store: Store, a: AllocationInput): Promise<string> {
  const no = a.no ?? next('T');
  const product = a.product ?? 'AMB';
  await insertRows(store, 'allocation', [
    {
      municipality: a.municipality ?? '0150',
      allocation_no: no,
      client_id: a.client,
      provider_agb: a.provider ?? '11111111',
      provider_reference: a.providerReference ?? null,
      product_category: PRODUCTS.find((p) => p[0] === product)?.[1] ?? null,
      product_code: product,
      allocated_at: a.allocatedAt ?? `${a.start} 09:00:00`,
      start_date: a.start,
      end_date: a.end ?? null,
      volume: a.volume ?? null,
      unit: a.unit ?? null,
      frequency: a.frequency ?? null,
      budget_cents: a.budgetCents ?? null,
      change_reason: a.changeReason ?? null,
      deleted: a.deleted ?? false,
      referrer_id: a.referrer ?? '00:',
      team_id: a.team ?? null,
      financing: a.financing ?? 'ZIN',
      file_id: 'fixture',
    },
  ]);
  return no;
}

/** Adds care start/stop (JW305/JW307) for an allocation. */
export async function addCarePeriod(
  store: Store,
  c: {
    no: string;
    client: string;
    start?: string | null;
    end?: string | null;
    reason?: string | null;
    municipality?: string;
    provider?: string;
  },
): Promise<void> {
  await insertRows(store, 'care_period', [
    {
      municipality: c.municipality ?? '0150',
      allocation_no: c.no,
      provider_agb: c.provider ?? '11111111',
      client_id: c.client,
      start_date: c.start ?? null,
      end_date: c.end ?? null,
      end_reason: c.reason ?? null,
    },
  ]);
}

export interface InvoiceInput {
  client: string;
  periodStart: string;
  periodEnd?: string;
  euros?: number;
  cents?: number;
  allocation?: string | null;
  product?: string;
  municipality?: string;
  provider?: string;
  reference?: string;
  previousReference?: string;
  invoiceDate?: string;
  credit?: boolean;
}

/** Adds an invoice line (a credit line when `credit`; pass the amount positive, it is stored negative). */
export function invoiceRow(i: InvoiceInput): Values {
  const cents = i.cents ?? Math.round((i.euros ?? 0) * 100);
  const product = i.product ?? 'AMB';
  return {
    provider_agb: i.provider ?? '11111111',
    reference: i.reference ?? next('R'),
    previous_reference: i.previousReference ?? null,
    municipality: i.municipality ?? '0150',
    client_id: i.client,
    allocation_no: i.allocation ?? null,
    invoice_date: i.invoiceDate ?? null,
    product_category: PRODUCTS.find((p) => p[0] === product)?.[1] ?? null,
    product_code: product,
    period_start: i.periodStart,
    period_end: i.periodEnd ?? i.periodStart,
    amount_cents: i.credit ? -Math.abs(cents) : cents,
    debit_credit: i.credit ? 'C' : 'D',
    message_kind: 'export',
    file_id: 'fixture',
  };
}

export async function addInvoice(store: Store, i: InvoiceInput): Promise<void> {
  await insertRows(store, 'invoice_line', [invoiceRow(i)]);
}

/** Adds a JW325 rejection of line `reference` of `provider` (default 11111111), for the amount the line claimed. */
export async function addRejection(
  store: Store,
  r: {
    reference: string;
    codes: string[];
    euros: number;
    provider?: string;
    answeredOn?: string;
  },
): Promise<void> {
  await insertRows(store, 'invoice_rejection', [
    {
      provider_agb: r.provider ?? '11111111',
      reference: r.reference,
      return_codes: r.codes.join(','),
      amount_cents: Math.round(r.euros * 100),
      answered_on: r.answeredOn ?? null,
      file_id: 'fixture',
    },
  ]);
}

/** A client; `birthDate` ('YYYY-MM-DD') or only `birthMonth` (its first day, as a month-only iJw date is stored). */
export async function addClient(
  store: Store,
  c: {
    id: string;
    birthDate?: string;
    birthMonth?: string;
    sex?: string;
    municipality?: string;
    district?: string;
  },
): Promise<void> {
  const birth = c.birthDate ?? c.birthMonth ?? null;
  await insertRows(store, 'client', [
    {
      client_id: c.id,
      birth_date: birth,
      birth_month: birth && `${birth.slice(0, 7)}-01`,
      sex: c.sex ?? null,
      municipality: c.municipality ?? '0150',
      district: c.district ?? null,
    },
  ]);
}

export async function addPgb(
  store: Store,
  g: {
    client: string;
    periodStart: string;
    periodEnd?: string;
    euros: number;
    careType?: string;
    municipality?: string;
  },
): Promise<void> {
  await insertRows(store, 'pgb_cost', [
    {
      line_key: next('G'),
      municipality: g.municipality ?? '0150',
      client_id: g.client,
      period_start: g.periodStart,
      period_end: g.periodEnd ?? g.periodStart,
      care_type: g.careType ?? 'ambulant',
      amount_cents: Math.round(g.euros * 100),
      file_id: 'fixture',
    },
  ]);
}

export async function addReferrer(store: Store, r: { id: string; type: string; agb?: string; name?: string }): Promise<void> {
  await insertRows(store, 'referrer', [{ referrer_id: r.id, type: r.type, agb: r.agb ?? null, name: r.name ?? null }]);
}

export async function addTariff(store: Store, t: { code: string; year: number; cents: number; unit?: string }): Promise<void> {
  await insertRows(store, 'product_tariff', [{ code: t.code, year: t.year, unit: t.unit ?? null, tariff_cents: t.cents }]);
}

export async function addBudget(
  store: Store,
  b: {
    year: number;
    euros: number;
    municipality?: string;
    careType?: string;
    team?: string;
    kind?: string;
  },
): Promise<void> {
  await insertRows(store, 'budget', [
    {
      year: b.year,
      municipality: b.municipality ?? '0150',
      care_type: b.careType ?? '',
      team_id: b.team ?? '',
      kind: b.kind ?? 'begroting',
      amount_cents: Math.round(b.euros * 100),
      file_id: 'fixture',
    },
  ]);
}

export async function addRequest(
  store: Store,
  r: {
    client: string;
    date: string;
    reference: string;
    provider?: string;
    municipality?: string;
    referrerType?: string;
  },
): Promise<void> {
  await insertRows(store, 'request', [
    {
      provider_agb: r.provider ?? '11111111',
      provider_reference: r.reference,
      municipality: r.municipality ?? '0150',
      client_id: r.client,
      request_date: r.date,
      referrer_type: r.referrerType ?? null,
      file_id: 'fixture',
    },
  ]);
}

/** Rebuilds the derived tables (call after adding rows, before computing). */
export const derive = refreshDerived;
