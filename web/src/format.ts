// Dutch number and date formats (nl-NL): € 1.234.567, 12,5 %, 31-12-2024. One place, used by tiles, tables and charts.
import type { Unit, Value } from '../../src/metrics/types.ts';

const eur = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const eurCents = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const dec2 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** Amounts arrive as euros (metrics convert cents): whole euros from € 1.000 up, with cents below (e.g. per care-day). */
export function formatEur(value: number): string {
  return Math.abs(value) < 1000 ? eurCents.format(value) : eur.format(value);
}

/** 12.5 → "12,5 %" (metrics give percentages, not fractions, for 'pct'). */
export function formatPct(percent: number): string {
  return `${dec1.format(percent)} %`;
}

/** Signed change: "+12,5 %" / "−3,0 %". */
export function formatChange(fraction: number): string {
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '';
  return `${sign}${dec1.format(Math.abs(fraction) * 100)} %`;
}

/** '2024-12-31' → '31-12-2024'; timestamps keep their time. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[3]}-${m[2]}-${m[1]}${m[4] ? ` ${m[4]}` : ''}`;
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
      return dec1.format(value);
    case 'ratio':
      return dec2.format(value);
    default:
      return String(value);
  }
}

/** Short axis labels: € 1,2 mln, € 350k. */
export function formatAxis(value: number, unit: Unit): string {
  if (unit === 'eur') {
    const abs = Math.abs(value);
    if (abs >= 1e6) return `€ ${dec1.format(value / 1e6)} mln`;
    if (abs >= 1e3) return `€ ${int.format(value / 1e3)}k`;
    return eur.format(value);
  }
  if (unit === 'pct') return `${int.format(value)} %`;
  return int.format(value);
}

const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2024-11' → 'november 2024' (the coverage line); anything else unchanged. */
export function formatMonth(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? monthYear.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : key;
}
