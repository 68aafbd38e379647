// Turns an Excel cell value into the text the SQL pipeline expects, so XLSX and CSV share one parser: real dates and
// date serial numbers become dates in the table's dateFormat, numbers in amount columns keep their exact decimals.
import type { FieldType } from './fields.ts';
import type { DateFormat, DecimalStyle } from './types.ts';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** exceljs cell value → text ('' for empty). `type` is the field type of the column, if it is mapped. */
export function cellText(value: unknown, type: FieldType | undefined, dateFormat: DateFormat, decimal: DecimalStyle): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value, dateFormat);
  if (typeof value === 'number') {
    if (type === 'date' && value >= 1 && value < 2_958_466)
      return formatDate(new Date(EXCEL_EPOCH + Math.floor(value) * DAY), dateFormat);
    if (type === 'amount') {
      // Floating-point noise (12.340000000000002) is rounded away; real extra decimals stay and are refused later.
      const text = String(Number(value.toPrecision(15)));
      return decimal === '.' ? text : text.replace('.', ',');
    }
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result, type, dateFormat, decimal);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(value);
}

function formatDate(d: Date, format: DateFormat): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return format === 'dd-mm-jjjj' ? `${day}-${m}-${y}` : `${y}-${m}-${day}`;
}
