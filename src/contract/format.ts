// Dutch number and date formats (nl-NL): € 1.234.567, € 1,2 mln, 12,5 %, jan 2015, 31-12-2024. The one place for
// them: the dashboard (tiles, tables, axes, PNG export) and the council report format through here, so a figure reads
// the same everywhere. Pure: imports nothing outside src/contract.
import type { Unit, Value } from './question.ts';

const eur = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const eurCents = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const fixed1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const fixed2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fixedN = (digits: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * Amounts arrive as euros (metrics convert cents): whole euros ("€ 50.000", "€ 0", "−€ 36.171"), with cents for every
 * amount under € 1.000 (a price per care-day: "€ 87,45", "€ 44,00"), so a column of them keeps two decimals.
 */
export function formatEur(value: number): string {
  // Intl writes "€ -36.171"; a minus in front ("−€ 36.171") reads as the signed changes beside it.
  if (value < 0) return `−${formatEur(-value)}`;
  return value < 1000 && value !== 0 ? eurCents.format(value) : eur.format(value);
}

/** Large amounts in words where space is short (headings, labels): "€ 1,2 mln" from a million up, else formatEur. */
export function formatEurShort(value: number): string {
  return Math.abs(value) >= 1e6 ? `€\u00a0${fixed1.format(value / 1e6)}\u00a0mln` : formatEur(value);
}

/**
 * Millions with two decimals, for a sentence that names an amount and its change: 670000 → "€ 0,67 mln",
 * 10490000 → "€ 10,49 mln", −670000 → "−€ 0,67 mln"; `digits` 1 for a forecast, whose second decimal is noise.
 */
export function formatEurMln(value: number, digits = 2): string {
  if (value < 0) return `−${formatEurMln(-value, digits)}`;
  return `€\u00a0${(digits === 2 ? fixed2 : fixedN(digits)).format(value / 1e6)}\u00a0mln`;
}

/** An amount in a sentence: millions with two decimals from € 100.000 up ("€ 0,67 mln"), else in whole euros. */
export function formatAmount(euros: number): string {
  return Math.abs(euros) >= 100_000 ? formatEurMln(euros) : formatEur(euros);
}

/** A whole number with thousands separators: 1362 → "1.362". */
export function formatCount(value: number): string {
  return int.format(value);
}

/** 12.5 → "12,5 %", 1 → "1,0 %" (always one decimal, so "1,0 %" stands beside "0,6 %"; metrics give percentages). */
export function formatPct(percent: number): string {
  return `${fixed1.format(percent)} %`;
}

/** A difference between two percentages: 1.2 → "1,2 procentpunt" (not "%", which reads as relative). */
export function formatPoints(points: number): string {
  return `${fixed1.format(points)} procentpunt`;
}

/** Signed change of a fraction: 0.125 → "+12,5 %", −0.03 → "−3,0 %". */
export function formatChange(fraction: number): string {
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '';
  return `${sign}${fixed1.format(Math.abs(fraction) * 100)} %`;
}

/** A signed amount: "+€ 12.000", "−€ 3.500" (a real minus sign, never the hyphen Intl puts after the €). */
export function formatSignedEur(value: number): string {
  return value > 0 ? `+${formatEur(value)}` : formatEur(value);
}

/** An amount per inhabitant as council papers print it, one decimal: 238.78 → "€ 238,8" (benchmark comparisons). */
export function formatEurPerInhabitant(value: number): string {
  if (value < 0) return `−${formatEurPerInhabitant(-value)}`;
  return `€\u00a0${fixed1.format(value)}`;
}

/** '2024-12-31' → '31-12-2024'; timestamps keep their time. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[3]}-${m[2]}-${m[1]}${m[4] ? ` ${m[4]}` : ''}`;
}

/** The local calendar day of `d` as 'yyyy-mm-dd' (not toISOString: that is the UTC day, a day off around midnight). */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A period key as the metrics give it, in words: '2015-01' → 'jan 2015', '2015-K1' → 'K1 2015', '2015-H2' → 'H2 2015';
 * anything else (a year) unchanged.
 */
export function formatPeriod(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const part = /^(\d{4})-([KH]\d)$/.exec(key);
  if (part) return `${part[2]} ${part[1]}`;
  return key;
}

export function formatValue(value: Value | undefined, unit: Unit): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return unit === 'date' ? formatDate(value) : value;
  switch (unit) {
    case 'eur':
      return formatEur(value);
    case 'pct':
      return formatPct(value);
    case 'count':
      return int.format(value);
    case 'days':
    case 'months':
      return fixed1.format(value);
    case 'ratio':
      return fixed2.format(value);
    default:
      return String(value);
  }
}

/**
 * Axis labels for an axis whose values reach `max` (the largest absolute value drawn): amounts in full ("€ 200.000")
 * below € 10 mln and in millions above, with the same number of decimals on every tick ("€ 0,5 mln", "€ 1,0 mln").
 */
export function axisFormatter(unit: Unit, max: number): (value: number) => string {
  if (unit === 'eur') {
    const minus = (v: number) => (v < 0 ? '−' : '');
    if (max >= 1e7) {
      const f = fixedN(max >= 1e8 ? 0 : 1);
      return (v) => `${minus(v)}€\u00a0${f.format(Math.abs(v) / 1e6)}\u00a0mln`;
    }
    return (v) => `${minus(v)}${eur.format(Math.abs(v))}`;
  }
  if (unit === 'pct') return (v) => `${max < 5 ? fixed1.format(v) : int.format(v)} %`;
  if (unit === 'ratio' || unit === 'days' || unit === 'months') return (v) => (max < 5 ? fixed1.format(v) : int.format(v));
  return (v) => int.format(v);
}

const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2024-11' → 'november 2024' (the coverage line); anything else unchanged. */
export function formatMonth(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? monthYear.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : key;
}
