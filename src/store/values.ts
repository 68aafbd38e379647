// Converts DuckDB result values to plain JSON-safe JS values, deliberately: BIGINT becomes a number only when exact.
import { RoerError } from '../errors.ts';

export type Cell = string | number | boolean | null | Cell[];
export type Row = Record<string, Cell>;

/** Converts one value as returned by `getRowObjectsJS()`. DATE → 'YYYY-MM-DD', TIMESTAMP → 'YYYY-MM-DDTHH:MM:SS'. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RoerError(`Getal ${v} is te groot om exact te tonen`);
    }
    return Number(v);
  }
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (Array.isArray(v)) return v.map(toCell);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function toRow(o: Record<string, unknown>): Row {
  const out: Row = {};
  for (const k in o) out[k] = toCell(o[k]);
  return out;
}
