// DuckDB's read_csv reports problems in English, with the SQL and file path in them; users get a Dutch reason with the
// line instead. The byte scan (scan.ts) names most problems first; this catches whatever still reaches DuckDB.
import { RoerError } from '../../errors.ts';

/** DuckDB's error messages start with their class: "Invalid Input Error: …", "Conversion Error: …". */
export function isDuckDbError(e: unknown): e is Error {
  return e instanceof Error && !(e instanceof RoerError) && /^(?:[A-Z][A-Za-z]* )*Error: /.test(e.message);
}

const REASONS: [RegExp, string][] = [
  [
    /sniffing file|detect the CSV parsing dialect/i,
    'de opbouw van het bestand (scheidingsteken, aanhalingstekens) is niet te herkennen',
  ],
  [/unterminated quote/i, 'een veld met een aanhalingsteken is niet afgesloten'],
  [/Expected Number of Columns|too many columns|Too few columns/i, 'het aantal kolommen klopt niet met de kopregel'],
  [/unicode|UTF-?8/i, 'de tekst is geen geldige UTF-8'],
  [/maximum line size/i, 'een regel is te lang'],
];

/**
 * The Dutch RoerError for a DuckDB error met while reading the CSV file `fileName`; any other error is returned as is.
 * @example csvReadError(new Error('Invalid Input Error: CSV Error on Line: 7 …'), 'a.csv').message // 'a.csv: regel 7: …'
 */
export function csvReadError(e: unknown, fileName: string): unknown {
  if (!isDuckDbError(e)) return e;
  const line = /\bLine:\s*(\d+)/i.exec(e.message)?.[1];
  const reason = REASONS.find(([re]) => re.test(e.message))?.[1] ?? 'het bestand kon niet als CSV worden gelezen';
  return new RoerError(
    `${fileName}: ${line ? `regel ${line}: ` : ''}${reason}.`,
    'Controleer het scheidingsteken ("delimiter" in de kolomindeling) en of elk veld met aanhalingstekens goed is afgesloten.',
  );
}
