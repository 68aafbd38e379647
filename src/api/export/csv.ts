// CSV as Dutch Excel opens it: UTF-8 with BOM, ';' between fields, decimal comma, no thousands separators, dd-mm-jjjj.
import type { MetricResult, Unit } from '../../metrics/types.ts';
import { exportTable, isoDate, type Cell } from './table.ts';

/** Formats a number the Dutch way without grouping, keeping every digit. @example csvNumber(1234.5) === '1234,5' */
export function csvNumber(n: number): string {
  const text = Math.abs(n) < 1e21 && /e/i.test(String(n)) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : String(n);
  return text.replace('.', ',');
}

function field(v: Cell, unit: Unit): string {
  if (v === null) return '';
  if (unit === 'date' && isoDate(v)) return (v as string).split('-').reverse().join('-'); // 31-12-2024, as Excel NL reads it
  if (typeof v === 'number') return csvNumber(v);
  return /[;"\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The result as CSV text (starting with a BOM, lines ending in CRLF). */
export function toCsv(result: MetricResult): string {
  const t = exportTable(result);
  const header = t.header.map((h) => field(h, 'text')).join(';');
  const lines = t.rows.map((row) => row.map((v, i) => field(v, t.columns[i].unit)).join(';'));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
