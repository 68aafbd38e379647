// XLSX through exceljs: one sheet with the table (numbers as numbers, Dutch headers) and one with what was asked.
import ExcelJS from 'exceljs';
import type { MetricResult, Unit } from '../../metrics/types.ts';
import { exportTable, isoDate, neutralise } from './table.ts';

const NUMBER_FORMATS: Partial<Record<Unit, string>> = {
  eur: '#,##0.00', date: 'dd-mm-yyyy', count: '#,##0', pct: '0.0', days: '#,##0', months: '0.0', ratio: '0.000',
};

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Roer';
}

/** The result as an XLSX workbook. */
export async function toXlsx(result: MetricResult): Promise<Buffer> {
  const t = exportTable(result);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Roer';
  const sheet = wb.addWorksheet(sheetName(result.title));
  sheet.addRow(t.header).font = { bold: true };
  // Date columns become real spreadsheet dates, so they sort and filter as dates.
  for (const row of t.rows) sheet.addRow(row.map((v, i) => (t.columns[i].unit === 'date' ? (isoDate(v) ?? v) : v)));
  t.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.min(40, Math.max(10, c.label.length + 2));
    const fmt = NUMBER_FORMATS[c.unit];
    if (fmt) col.numFmt = fmt;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const about = wb.addWorksheet('Toelichting');
  about.addRow(['Analyse', neutralise(result.title)]);
  about.addRow(['Filters', neutralise(JSON.stringify(result.filters))]);
  about.addRow(['Uitsplitsing', result.split.join(', ') || '—']);
  for (const note of result.notes ?? []) about.addRow(['Opmerking', neutralise(note)]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).width = 80;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
