// The rows of one CBS file as plain objects: an OData v3 JSON answer ({"odata.metadata": …, "value": [...]}), the bare
// array cbsodata saves, or a CSV with a header line. Each row keeps its record number for messages.
import { RefusedFile } from '../../errors.ts';
import { readCsv } from './csv.ts';
import type { NamedText } from './files.ts';

export interface SourceRow {
  /** 1-based record in `value` (JSON) or line (CSV). */
  record: number;
  fields: Record<string, unknown>;
}

/** The rows of a JSON or CSV file; a file that is neither is refused with its reason. */
export function readRows(file: NamedText): { rows: SourceRow[]; odataMetadata: string | null; columns: string[] } {
  if (file.name.toLowerCase().endsWith('.csv')) {
    const { header, rows } = readCsv(file.text);
    return {
      columns: header,
      odataMetadata: null,
      rows: rows.map((r) => ({ record: r.line, fields: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? null])) })),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch (e) {
    throw refuse(file.name, `geen geldige JSON (${(e as Error).message})`);
  }
  const wrapped = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  const value = wrapped ? (parsed as Record<string, unknown>).value : parsed;
  if (!Array.isArray(value)) throw refuse(file.name, 'verwacht een OData-antwoord met "value" (een lijst records)');
  const rows: SourceRow[] = [];
  const columns = new Set<string>();
  for (const [i, v] of value.entries()) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw refuse(file.name, 'is geen object', i + 1);
    for (const k of Object.keys(v)) columns.add(k);
    rows.push({ record: i + 1, fields: v as Record<string, unknown> });
  }
  const meta = wrapped ? (parsed as Record<string, unknown>)['odata.metadata'] : null;
  return { rows, columns: [...columns], odataMetadata: typeof meta === 'string' ? meta : null };
}

/** A file refused as a whole, with the place of its (first) problem. */
export function refuse(file: string, reason: string, record = 0, field: string | null = null): RefusedFile {
  const p = { file, record, field, reason };
  return new RefusedFile(`${file}: ${record ? `record ${record}${field ? `, veld ${field}` : ''}: ` : ''}${reason}`, [p]);
}
