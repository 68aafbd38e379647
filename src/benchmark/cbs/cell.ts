// One CBS cell into a value or the reason it has none. CBS writes missing figures as symbols (verklaring van tekens):
// '.' unknown, 'x' secret, '..' not yet available, '-' nil; the typed JSON gives null. None of them ever becomes 0.
import type { Cell, MissingReason } from './types.ts';

const SYMBOLS: Record<string, MissingReason> = {
  '.': 'onbekend',
  x: 'geheim',
  X: 'geheim',
  '..': 'nog niet beschikbaar',
  '-': 'nihil',
  '': 'leeg',
};

/** A footnote marker standing alone in a cell: '*', '1)', 'a)'. */
const FOOTNOTE = /^(\*|\d{1,2}\)|[a-z]\))$/;
/** A plain number as CBS writes it in JSON and CSV (a dot for decimals), optionally followed by a footnote marker. */
const NUMBER = /^(-?\d+(?:\.\d+)?)(?:\s*(?:\*|\d{1,2}\)))?$/;

/**
 * Parses a cell of the TypedDataSet (number or null) or of a CSV download (text, space-padded); a text it does not know
 * is a Dutch reason, so the caller can report the record.
 * @example parseCell('       .') // → { ok: true, cell: { value: null, missing: 'onbekend' } }
 */
export function parseCell(raw: unknown): { ok: true; cell: Cell } | { ok: false; reason: string } {
  if (raw === null || raw === undefined) return { ok: true, cell: { value: null, missing: 'leeg' } };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: `'${raw}' is geen eindig getal` };
    return { ok: true, cell: { value: raw, missing: null } };
  }
  if (typeof raw !== 'string') return { ok: false, reason: `${JSON.stringify(raw)} is geen getal en geen CBS-teken` };
  const text = raw.trim();
  const symbol = SYMBOLS[text];
  if (symbol) return { ok: true, cell: { value: null, missing: symbol } };
  if (FOOTNOTE.test(text)) return { ok: true, cell: { value: null, missing: 'voetnoot' } };
  const n = NUMBER.exec(text);
  if (n) return { ok: true, cell: { value: Number(n[1]), missing: null } };
  return { ok: false, reason: `'${text}' is geen getal en geen CBS-teken (., x, .., -)` };
}
