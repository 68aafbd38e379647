// A metric result as a plain table for files: Dutch headers, the rows, a totals row, and text cells neutralised
// against spreadsheet formula injection. CSV and XLSX both write exactly this table.
import type { Column, MetricResult, Value } from '../../metrics/types.ts';

export type Cell = string | number | null;

export interface ExportTable {
  columns: Column[];
  header: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell inert in a spreadsheet: text starting with = + - @ tab or CR gets a leading apostrophe.
 * Numbers stay numbers (a negative amount is not a formula).
 * @example neutralise('=SUM(A1)') === "'=SUM(A1)"; neutralise(-5) === -5
 */
export function neutralise(v: Cell): Cell {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

/**
 * The table of a result; when it is split and has totals, they follow as a last row labelled 'Totaal'.
 * `text` makes text cells safe for the target: CSV needs the apostrophe, XLSX writes text cells as text and needs none.
 */
export function exportTable(result: MetricResult, text: (v: Cell) => Cell = neutralise): ExportTable {
  const { columns } = result;
  const cell = (row: Record<string, Value>, c: Column): Cell => text(row[c.name] ?? null);
  const rows = result.rows.map((r) => columns.map((c) => cell(r, c)));
  // Without a split the one row is the total already; with one, the first column is a dimension and names the row.
  if (result.totals && result.split.length > 0 && columns.length > 0) {
    const totals = columns.map((c) => cell(result.totals!, c));
    if (totals[0] === null) totals[0] = 'Totaal';
    rows.push(totals);
  }
  return { columns, header: columns.map((c) => text(c.label) as string), rows };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as a spreadsheet date, or null for anything else. @example isoDate('2024-12-31') → 2024-12-31T00:00Z */
export function isoDate(v: Cell): Date | null {
  const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

/** A file name for an export: the metric id and today's date. @example 'roer-costs-2026-11-25.csv' */
export function exportFileName(metric: string, ext: 'csv' | 'xlsx', today = new Date()): string {
  const d = today.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return `roer-${metric.replace(/[^a-z0-9_-]/gi, '')}-${d}.${ext}`;
}
