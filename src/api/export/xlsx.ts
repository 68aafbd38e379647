// XLSX through exceljs: one sheet with the table (numbers as numbers with a format per unit, an autofilter and a frozen
// header) and one sheet "Toelichting" that explains in Dutch what was asked.
import ExcelJS from 'exceljs';
import type { MetricResult, Unit } from '../../metrics/types.ts';
import { aboutLines, type ExportContext } from './about.ts';
import { exportTable, isoDate, type Cell } from './table.ts';

/** Format codes in Excel's own (US) notation; Excel NL shows them with its separators: € 1.234,50 and 11,7 %. */
export const NUMBER_FORMATS: Partial<Record<Unit, string>> = {
  eur: '"€" #,##0.00',
  pct: '0.0 %',
  count: '#,##0',
  days: '#,##0',
  date: 'dd-mm-yyyy',
  months: '0.0',
  ratio: '0.000',
};

const MAX_SHEET_NAME = 31;
const ABOUT_SHEET = 'Toelichting';

/**
 * An Excel sheet name: none of []:*?/\, at most 31 characters, cut at a word boundary (a single over-long word is cut).
 * @example sheetName('Kosten per aanbieder en productcategorie') === 'Kosten per aanbieder en'
 */
export function sheetName(title: string): string {
  const clean = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= MAX_SHEET_NAME) return clean || 'Roer';
  const cut = clean.slice(0, MAX_SHEET_NAME + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : clean.slice(0, MAX_SHEET_NAME)).replace(/[\s,;.–-]+$/, '');
}

/** A name not in `taken`: ' (2)', ' (3)' … appended, shortening the name so the whole stays within 31 characters. */
function unique(name: string, taken: string[]): string {
  const lower = taken.map((t) => t.toLowerCase()); // Excel compares sheet names case-insensitively
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!lower.includes(candidate.toLowerCase())) return candidate;
  }
}

/** Percentages are fractions in a spreadsheet; 15 significant digits undo the binary noise of dividing (11.7 → 0.117). */
function cellValue(v: Cell, unit: Unit): Cell | Date {
  if (unit === 'date') return isoDate(v) ?? v;
  if (unit === 'pct' && typeof v === 'number') return Number((v / 100).toPrecision(15));
  return v;
}

/** How wide a cell shows, in characters, roughly as Excel NL displays it under its format. */
function shownLength(v: Cell, unit: Unit): number {
  if (v === null) return 0;
  if (typeof v === 'string') return unit === 'date' ? 10 : v.length;
  const digits = unit === 'eur' ? 2 : unit === 'ratio' ? 3 : unit === 'pct' || unit === 'months' ? 1 : 0;
  const text = v.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return text.length + (unit === 'eur' || unit === 'pct' ? 2 : 0); // '€ ' before, ' %' after
}

/** The result as an XLSX workbook. */
export async function toXlsx(result: MetricResult, ctx: ExportContext = {}): Promise<Buffer> {
  // Text goes in as text cells: exceljs only writes a formula for a { formula } value, so '=…' stays inert text.
  const t = exportTable(result, (v) => v);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Roer';
  const sheet = wb.addWorksheet(unique(sheetName(result.title), [ABOUT_SHEET]));
  sheet.addRow(t.header).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row.map((v, i) => cellValue(v, t.columns[i].unit)));
  t.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    const widest = Math.max(t.header[i].length, ...t.rows.map((r) => shownLength(r[i], c.unit)));
    col.width = Math.min(60, Math.max(8, widest + 2));
    const fmt = NUMBER_FORMATS[c.unit];
    if (fmt) col.numFmt = fmt;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (t.columns.length > 0) {
    // The totals row stays out of the filter range, so sorting never moves it among the rows.
    const hasTotals = t.rows.length > result.rows.length;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + result.rows.length, column: t.columns.length } };
    if (hasTotals) sheet.getRow(sheet.rowCount).font = { bold: true };
  }

  const about = wb.addWorksheet(ABOUT_SHEET);
  for (const line of aboutLines(result, ctx)) about.addRow(line);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
