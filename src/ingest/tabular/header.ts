// Matches the mapping's column names to a file's header, and refuses a file whose header lacks mapped columns.
import { RoerError } from '../../errors.ts';
import type { TableSpec } from './types.ts';
import { isValidBsn } from '../pseudonym.ts';
import { tariffField } from './fields.ts';

/**
 * field → the header name as it appears in the file. Exact match first, then ignoring case and surrounding spaces
 * (exports differ in "Bedrag " vs "bedrag"). A repeated header name maps to its first occurrence.
 */
export function resolveColumns(spec: TableSpec, header: string[], fileName: string): Record<string, string> {
  const loose = (s: string) => s.trim().toLowerCase();
  const out: Record<string, string> = {};
  const missing: string[] = [];
  const wanted = {
    ...spec.columns,
    ...Object.fromEntries(Object.entries(spec.tariffs ?? {}).map(([y, c]) => [tariffField(y), c])),
  };
  for (const [field, col] of Object.entries(wanted)) {
    const found = header.find((h) => h === col) ?? header.find((h) => loose(h) === loose(col));
    if (found === undefined) missing.push(`"${col}" (${field})`);
    else out[field] = found;
  }
  if (missing.length > 0) {
    throw new RoerError(
      `${fileName}: de kopregel mist ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${missing.join(', ')}.`,
      `Kolommen in het bestand: ${header.map((h) => `"${h}"`).join(', ')}. Pas de mapping of het bestand aan.`,
    );
  }
  if (spec.tariffColumns !== undefined) Object.assign(out, tariffColumns(spec.tariffColumns, header, fileName));
  return out;
}

/** A wide product list's tariff columns found by the pattern `tariffColumns` (its first group is the year). */
function tariffColumns(pattern: string, header: string[], fileName: string): Record<string, string> {
  const re = new RegExp(`^(?:${pattern})$`, 'i');
  const out: Record<string, string> = {};
  for (const h of header) {
    const year = re.exec(h.trim())?.[1];
    if (year === undefined) continue;
    if (!/^(19|20)\d\d$/.test(year)) {
      throw new RoerError(
        `${fileName}: de kolom "${h}" past bij "tariffColumns", maar "${year}" is geen jaartal.`,
        'Pas het patroon in de mapping aan.',
      );
    }
    out[tariffField(year)] ??= h;
  }
  if (Object.keys(out).length === 0) {
    throw new RoerError(
      `${fileName}: geen kolom in de kopregel past bij "tariffColumns" (${pattern}).`,
      `Kolommen in het bestand: ${header.map((h) => `"${h}"`).join(', ')}. Pas de mapping of het bestand aan.`,
    );
  }
  return out;
}

/** The header names `columns` (field → header name) reads, each once: several fields may read one column. */
export const mappedHeaders = (columns: Record<string, string>): string[] => [...new Set(Object.values(columns))];

/**
 * The quarantine's copy of a record: only the mapped columns (so no names or addresses), with the BSN masked — also
 * where a broken line shifted the BSN into another column (any other value that is a valid BSN is masked too).
 */
export function maskedRaw(values: [column: string, value: string | null][], bsnColumn: string | undefined): string {
  const o: Record<string, string | null> = {};
  for (const [c, v] of values) {
    o[c] =
      c === bsnColumn && v !== null && v !== '' ? '*********' : v === null ? v : v.replace(/(?<!\d)\d{8,9}(?!\d)/g, maskNumber);
  }
  return JSON.stringify(o);
}

/** Masks a run of digits that is a valid BSN (8 digits: a BSN that lost its leading zero); other codes stay readable. */
function maskNumber(digits: string): string {
  return isValidBsn(digits.padStart(9, '0')) ? '*'.repeat(digits.length) : digits;
}
