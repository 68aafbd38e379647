// One pass over a CSV file's bytes before DuckDB reads it: checks UTF-8 (naming the line), finds the physical line on
// which each record starts (quoted fields may span lines), and the records with too few or too many fields.
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { RoerError } from '../../errors.ts';
import { lineOfInvalidUtf8 } from '../utf8.ts';

export interface CsvScan {
  /** Number of fields in the header. */
  columns: number;
  /** Data records with exactly `columns` fields, in file order (what DuckDB stages). */
  good: number;
  /** Start line of each good record, or null when record k simply starts on line k + 2 (the common case). */
  lines: Int32Array | null;
  /** Records with the wrong number of fields: their start line, field count and byte range. */
  bad: { line: number; fields: number; start: number; end: number }[];
}

const QUOTE = 34,
  LF = 10,
  CR = 13,
  SPACE = 32,
  TAB = 9;

/**
 * Scans `path` (UTF-8, BOM allowed). Quotes toggle a quoted state, so `""` inside a quoted field needs no special case.
 * @throws RoerError on invalid UTF-8 (with its line), on a file that ends inside a quoted field, or on an empty file.
 */
export async function scanCsv(path: string, delimiter: string, fileName: string): Promise<CsvScan> {
  const delim = Buffer.from(delimiter, 'utf8')[0]!;
  let columns = -1,
    good = 0,
    lines: number[] | null = null;
  const bad: CsvScan['bad'] = [];
  let inQuote = false,
    afterQuote = false,
    fields = 1,
    nonEmpty = false,
    line = 1,
    recLine = 1,
    recStart = 0,
    offset = 0;
  let carry: Buffer = Buffer.alloc(0);

  const endRecord = (end: number) => {
    if (!nonEmpty) return; // blank lines are skipped, as DuckDB does
    if (columns < 0) columns = fields;
    else if (fields === columns) {
      if (lines === null && recLine !== good + 2) lines = Array.from({ length: good }, (_, i) => i + 2);
      if (lines !== null) lines.push(recLine);
      good++;
    } else bad.push({ line: recLine, fields, start: recStart, end });
  };

  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let chunk = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
    if (offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
      offset = 3;
    }
    const cut = completeUtf8Length(chunk);
    carry = Buffer.from(chunk.subarray(cut));
    const buf = chunk.subarray(0, cut);
    if (!isUtf8(buf)) throw invalidUtf8(buf, line, fileName);
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i]!;
      // After the quote that closes a field only a delimiter, line end or a doubled quote may follow: DuckDB cannot
      // read `"Zorg" BV`, and would say so only in English and without a line.
      if (afterQuote && b !== QUOTE && b !== delim && b !== LF && b !== CR && b !== SPACE && b !== TAB) {
        throw new RoerError(
          `${fileName}: regel ${line}: na het afsluitende aanhalingsteken van een veld staat nog tekst.`,
          'Zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erbinnen ("Zorg ""Noord"" BV").',
        );
      }
      if (b !== SPACE && b !== TAB) afterQuote = false;
      if (b === QUOTE) {
        inQuote = !inQuote;
        afterQuote = !inQuote;
        nonEmpty = true;
      } else if (b === LF) {
        line++;
        if (!inQuote) {
          endRecord(offset + i);
          fields = 1;
          nonEmpty = false;
          recLine = line;
          recStart = offset + i + 1;
        }
      } else if (inQuote) continue;
      else if (b === delim) {
        fields++;
        nonEmpty = true;
      } else if (b !== CR) nonEmpty = true;
    }
    offset += buf.length;
  }
  if (carry.length) throw invalidUtf8(carry, line, fileName);
  if (inQuote) {
    throw new RoerError(
      `${fileName}: het bestand eindigt binnen een veld tussen aanhalingstekens (begonnen op regel ${recLine}); is het afgebroken?`,
    );
  }
  endRecord(offset);
  if (columns < 0) throw new RoerError(`${fileName}: het bestand is leeg.`);
  if (good === 0 && bad.length === 0) throw new RoerError(`${fileName}: het bestand bevat alleen een kopregel, geen gegevens.`);
  return { columns, good, lines: lines === null ? null : Int32Array.from(lines), bad };
}

/**
 * The cheap first look (native searches only, no per-byte JS): checks UTF-8 and counts lines. `regular` means no
 * quote character and no blank line, so record k can only start on line k + 2; whether every record has the right
 * number of fields is then proved by DuckDB staging exactly `records` rows. Otherwise the full scan runs.
 * `padded` is false when no cell can start or end with a space (no space beside a delimiter or line break), so the
 * cells need no trimming.
 */
export async function quickScanCsv(
  path: string,
  fileName: string,
  delimiter = ';',
): Promise<{ records: number; regular: boolean; padded: boolean }> {
  let newlines = 0,
    regular = true,
    last = -1,
    first = true,
    line = 1,
    padded = false;
  const spaced = [` ${delimiter}`, `${delimiter} `, ' \n', '\n ', ' \r'].map((p) => Buffer.from(p));
  const width = Math.max(...spaced.map((p) => p.length)) - 1;
  let tail: Buffer = Buffer.alloc(0);
  let carry: Buffer = Buffer.alloc(0);
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let chunk = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    const cut = completeUtf8Length(chunk);
    carry = Buffer.from(chunk.subarray(cut));
    const buf = chunk.subarray(0, cut);
    if (!isUtf8(buf)) throw invalidUtf8(buf, line, fileName);
    if (
      regular &&
      (buf.indexOf(QUOTE) >= 0 ||
        buf.indexOf('\n\n') >= 0 ||
        buf.indexOf('\n\r\n') >= 0 ||
        (first && (buf[0] === LF || buf[0] === CR)) ||
        (last === LF && (buf[0] === LF || buf[0] === CR)))
    )
      regular = false;
    if (!padded) {
      // A pattern may straddle two chunks: the end of the previous one is searched together with this one's start.
      const seam = Buffer.concat([tail, buf.subarray(0, width)]);
      padded = (first && buf[0] === SPACE) || spaced.some((p) => buf.includes(p) || seam.includes(p));
      tail = Buffer.from(buf.subarray(Math.max(0, buf.length - width)));
    }
    for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) newlines++;
    line = newlines + 1;
    if (buf.length > 0) last = buf[buf.length - 1]!;
    first = false;
  }
  if (carry.length) throw invalidUtf8(carry, line, fileName);
  const lines = newlines + (last === LF || last === -1 ? 0 : 1);
  return { records: Math.max(0, lines - 1), regular, padded: padded || last === SPACE };
}

/** Length of `chunk` without an incomplete multi-byte sequence at its end (held back for the next chunk). */
function completeUtf8Length(chunk: Buffer): number {
  const end = chunk.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = chunk[end - k]!;
    if ((b & 0xc0) === 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > k ? end - k : end;
    if ((b & 0x80) === 0) return end;
  }
  return end;
}

function invalidUtf8(buf: Buffer, lineAtStart: number, fileName: string): RoerError {
  return new RoerError(
    `${fileName}: regel ${lineOfInvalidUtf8(buf, lineAtStart)} is geen geldige UTF-8-tekst; het bestand heeft een andere tekenset.`,
    'Geef in de mapping de tekenset op, bijv. "encoding": "windows-1252".',
  );
}
