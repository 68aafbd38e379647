// Caveats the report adds by itself, each from a fact or a figure by an explicit rule: months without (all) invoices,
// quarantined records, rejected invoices, product-list and tariff changes, PGB in one year only, a care type that jumps
// from nothing (care moved from subsidy to invoices), and protection applied for the reader.
import { DEFAULT_THRESHOLD } from '../access/scope.ts';
import { formatCount, formatMonth, formatPct } from '../contract/format.ts';
import type { DataFacts } from './facts.ts';
import { amount, type Figures, num } from './messages/figures.ts';
import type { Caveat } from './model.ts';

/** Invoices of a care month keep arriving for about this many months (the budget metric's default lag). */
export const INVOICE_LAG_MONTHS = 3;
/** A care type new in the year counts as a jump (not growth) from this share of the year's cost up. */
export const JUMP_SHARE = 0.02;

const monthOf = (iso: string) => iso.slice(0, 7);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/**
 * Months of the report period without invoices yet (after the coverage month), or, when the last import came less than
 * INVOICE_LAG_MONTHS after the period's end, the last months that may still be incomplete.
 * @param through the coverage month ('YYYY-MM'), null without invoices
 * @param periodEnd the last day the report reads (ISO)
 * @param importedAt when the last file was imported (ISO), null in an empty store
 */
export function incompleteMonths(through: string | null, periodEnd: string, importedAt: string | null): Caveat | null {
  const end = monthOf(periodEnd);
  if (through === null) return { kind: 'incomplete-months', text: 'Er zijn voor deze periode geen declaraties ingelezen.' };
  if (through < end) {
    const first = addMonths(through, 1);
    const months = first === end ? formatMonth(end) : `${formatMonth(first)} tot en met ${formatMonth(end)}`;
    return {
      kind: 'incomplete-months',
      text: `Over ${months} zijn nog geen declaraties ingelezen; de cijfers over die maanden ontbreken of zijn onvolledig.`,
    };
  }
  if (importedAt !== null && monthOf(importedAt) <= addMonths(end, INVOICE_LAG_MONTHS - 1)) {
    return {
      kind: 'incomplete-months',
      text:
        `De laatste gegevens zijn ingelezen minder dan ${INVOICE_LAG_MONTHS} maanden na ${formatMonth(end)}; ` +
        'declaraties over de laatste maanden kunnen nog binnenkomen.',
    };
  }
  return null;
}

/** Records set aside at import: they are in no figure. */
export function quarantined(facts: DataFacts): Caveat | null {
  if (facts.quarantined === 0) return null;
  const n = facts.quarantined;
  return {
    kind: 'quarantine',
    text: `${formatCount(n)} ${n === 1 ? 'record is' : 'records zijn'} bij het inlezen apart gezet (quarantaine) en ${n === 1 ? 'telt' : 'tellen'} in geen enkel cijfer mee.`,
  };
}

/** Invoice lines the municipality rejected (JW325) in the year: claimed, not accepted. From claims without split. */
export function rejected(claims: Figures, year: number): Caveat | null {
  const row = claims.result.rows.find((r) => r.year === undefined || Number(r.year) === year) ?? claims.result.rows[0];
  const amountRejected = num(row, 'rejected');
  const pct = num(row, 'rejected_pct');
  if (!amountRejected || pct === null) return null;
  return {
    kind: 'rejected',
    text: `Over ${year} is ${amount(amountRejected)} (${formatPct(pct)} van het gedeclareerde bedrag) afgewezen.`,
  };
}

/** Product codes added or removed, or tariffs changed, between the compared years. */
export function productChange(facts: DataFacts, year: number, compare: number): Caveat | null {
  const parts: string[] = [];
  if (facts.productsAdded) parts.push(`${formatCount(facts.productsAdded)} nieuwe productcodes`);
  if (facts.productsRemoved) parts.push(`${formatCount(facts.productsRemoved)} vervallen productcodes`);
  if (facts.tariffsChanged) parts.push(`${formatCount(facts.tariffsChanged)} gewijzigde tarieven`);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
  return {
    kind: 'product-change',
    text: `De productlijst veranderde tussen ${compare} en ${year}: ${list}. Verschillen per product of zorgsoort kunnen daardoor deels administratief zijn.`,
  };
}

/** PGB cost in one of the compared years only. From costs split by year and financing. */
export function pgbInOrOut(byFinancing: Figures, year: number, compare: number): Caveat | null {
  const pgb = (y: number) =>
    byFinancing.result.rows
      .filter((r) => Number(r.year) === y && r.financing === 'PGB')
      .reduce((t, r) => t + (num(r, 'cost') ?? 0), 0);
  const [now, before] = [pgb(year), pgb(compare)];
  if (now > 0 === before > 0) return null;
  const [with_, without] = now > 0 ? [year, compare] : [compare, year];
  return {
    kind: 'pgb',
    text: `In ${with_} zijn PGB-kosten meegeteld, in ${without} niet: het verschil tussen de jaren is daardoor deels geen verandering in zorg.`,
  };
}

/**
 * Care types with cost in the year and none the year before, at least JUMP_SHARE of the year's cost: most likely care
 * paid by subsidy before and invoiced now. From costs_yoy split by care type.
 */
export function subsidyShift(byCareType: Figures, year: number, total: number): Caveat | null {
  const jumps = byCareType.result.rows.filter((r) => {
    const cost = num(r, 'cost');
    return Number(r.year) === year && !num(r, 'cost_previous') && cost !== null && cost >= JUMP_SHARE * total && cost > 0;
  });
  if (jumps.length === 0 || total <= 0) return null;
  const list = jumps.map((r) => `${r.care_type} (${amount(num(r, 'cost')!)})`).join(', ');
  return {
    kind: 'subsidy-shift',
    text:
      `${jumps.length === 1 ? 'De zorgsoort' : 'De zorgsoorten'} ${list} ${jumps.length === 1 ? 'heeft' : 'hebben'} in ${year} declaraties en in ${year - 1} geen: ` +
      'waarschijnlijk werd deze zorg eerder via subsidie betaald. Dat is een sprong die geen groei is.',
  };
}

/** For a reader: small numbers are protected, and (when any were) some cells are left empty. */
export function protection(protects: boolean, anyHidden: boolean, threshold = DEFAULT_THRESHOLD): Caveat | null {
  if (!protects) return null;
  return {
    kind: 'suppressed',
    text: anyHidden
      ? `De cijfers zijn beschermd: aantallen van minder dan ${threshold} cliënten en de bedragen in die rijen zijn afgeschermd, en de overige cijfers zijn licht verstoord.`
      : 'De cijfers zijn beschermd: kleine aantallen worden afgeschermd en de cijfers zijn licht verstoord.',
  };
}

/** True when a protected answer hid a cell: a count shown as '<10' or a figure left empty in a row that has a key. */
export function hidesCells(result: { rows: Record<string, unknown>[]; columns: { name: string; unit: string }[] }): boolean {
  const figures = result.columns.filter((c) => c.unit !== 'text' && c.unit !== 'date');
  return result.rows.some((r) => figures.some((c) => typeof r[c.name] === 'string'));
}
