// Context deciles a user imports (income decile, child-poverty decile per municipality and year): the file as a user
// has it — a CSV with CBS code, name, year and one or more decile columns — parsed into typed records at the boundary.
// A row that cannot be read goes to quarantine with its line, field and reason in Dutch; the rest is read.
import type { Problem } from '../errors.ts';
import { readCsv } from './cbs/csv.ts';

/** The context measures a decile can be about, by the key the API and the store use. */
export const DECILE_KINDS = {
  inkomen: { label: 'inkomensdeciel', headers: ['inkomensdeciel', 'decielinkomen', 'inkomen'] },
  kinderarmoede: { label: 'kinderarmoededeciel', headers: ['kinderarmoededeciel', 'decielkinderarmoede', 'kinderarmoede'] },
} as const;
export type DecileKind = keyof typeof DECILE_KINDS;
export const DECILE_KIND_KEYS = Object.keys(DECILE_KINDS) as DecileKind[];

/** A decile: a whole number from 1 (the lowest tenth of municipalities) to 10. Made only by `parseDecile`. */
export type Decile = number & { readonly __decile: unique symbol };

/** One municipality's deciles in one year, as read from one line of the file. */
export interface DecileRecord {
  line: number;
  municipality: string;
  year: number;
  deciles: Partial<Record<DecileKind, Decile>>;
  /** The file's 'bron' column, when it has one. */
  source: string | null;
}

const COLUMNS = {
  code: ['gemeentecode', 'cbscode', 'code', 'gmcode', 'regios'],
  name: ['gemeentenaam', 'naam', 'gemeente'],
  year: ['jaar', 'peiljaar', 'perioden'],
  source: ['bron'],
} as const;

/** A header cell as compared: lower case, without spaces, dashes, underscores or dots. */
const norm = (h: string) => h.toLowerCase().replace(/[\s_\-.]/g, '');

/** The decile kinds a header names; empty when the file is no decile file. */
export function decileColumns(header: readonly string[]): Map<DecileKind, number> {
  const out = new Map<DecileKind, number>();
  for (const kind of DECILE_KIND_KEYS) {
    const at = header.findIndex((h) => (DECILE_KINDS[kind].headers as readonly string[]).includes(norm(h)));
    if (at >= 0) out.set(kind, at);
  }
  return out;
}

/** True when CSV text starts with a header naming a municipality code, a year and at least one decile column. */
export function isDecileCsv(text: string): boolean {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n'));
  const { header } = readCsv(firstLine);
  return columnOf(header, 'code') >= 0 && columnOf(header, 'year') >= 0 && decileColumns(header).size > 0;
}

function columnOf(header: readonly string[], what: keyof typeof COLUMNS): number {
  return header.findIndex((h) => (COLUMNS[what] as readonly string[]).includes(norm(h)));
}

/**
 * A decile cell: '' (or a CBS sign for a missing figure: '.', 'x', '..', '-') is no decile; a whole number 1–10 is one.
 * @example parseDecile(' 7 ') // → { ok: true, value: 7 }; parseDecile('11') // → { ok: false, reason: … }
 */
export function parseDecile(cell: string): { ok: true; value: Decile | null } | { ok: false; reason: string } {
  const t = cell.trim();
  if (t === '' || ['.', 'x', '..', '-'].includes(t)) return { ok: true, value: null };
  if (!/^\d{1,2}$/.test(t) || Number(t) < 1 || Number(t) > 10)
    return { ok: false, reason: `'${t}' is geen deciel (een heel getal van 1 tot en met 10)` };
  return { ok: true, value: Number(t) as Decile };
}

/** A CBS municipality code as users write it ('GM0150', '0150', '150', 'GM0150    ') → '0150'; null otherwise. */
export function parseMunicipalityCode(cell: string): string | null {
  const m = /^(?:GM)?(\d{1,4})$/i.exec(cell.trim());
  return m ? m[1]!.padStart(4, '0') : null;
}

export interface ParsedDeciles {
  records: DecileRecord[];
  problems: Problem[];
  kinds: DecileKind[];
  /** Header cells the file has beyond the ones read (kept out of the store, named in the report). */
  ignored: string[];
}

/**
 * Parses a decile file. `known`: the municipality codes of the reference list (a code outside it is quarantined);
 * `mergedInto`: old codes and the municipality they merged into, to say so in the reason.
 * @example parseDecileCsv('gemeentecode;jaar;inkomensdeciel\nGM0150;2023;4\n', 'd.csv', new Set(['0150'])).records[0]
 *          // → { line: 2, municipality: '0150', year: 2023, deciles: { inkomen: 4 }, source: null }
 */
export function parseDecileCsv(
  text: string,
  fileName: string,
  known: ReadonlySet<string>,
  mergedInto: ReadonlyMap<string, string> = new Map(),
): ParsedDeciles {
  const { header, rows } = readCsv(text);
  const at = { code: columnOf(header, 'code'), name: columnOf(header, 'name'), year: columnOf(header, 'year') };
  const sourceAt = columnOf(header, 'source');
  const deciles = decileColumns(header);
  const used = new Set([at.code, at.name, at.year, sourceAt, ...deciles.values()]);
  const problems: Problem[] = [];
  const records: DecileRecord[] = [];
  const seen = new Map<string, number>();
  const problem = (record: number, field: string | null, reason: string) =>
    problems.push({ file: fileName, record, field, reason });
  if (at.code < 0 || at.year < 0 || deciles.size === 0) {
    problem(
      1,
      null,
      'de kopregel mist ' +
        [at.code < 0 ? 'een kolom gemeentecode' : '', at.year < 0 ? 'een kolom jaar' : '', deciles.size ? '' : 'een decielkolom']
          .filter(Boolean)
          .join(', ') +
        ` (decielkolommen: ${DECILE_KIND_KEYS.map((k) => DECILE_KINDS[k].label).join(', ')})`,
    );
    return { records, problems, kinds: [], ignored: [] };
  }
  for (const { line, cells } of rows) {
    const cell = (i: number) => cells[i] ?? '';
    const code = parseMunicipalityCode(cell(at.code));
    if (code === null) {
      problem(line, header[at.code]!, `'${cell(at.code).trim()}' is geen CBS-gemeentecode (bijv. GM0150 of 0150)`);
      continue;
    }
    if (!known.has(code)) {
      const today = mergedInto.get(code);
      problem(
        line,
        header[at.code]!,
        today
          ? `gemeente ${code} bestaat niet meer (opgegaan in ${today}); geef de decielen van ${today}`
          : `gemeente ${code} komt niet voor in de gemeentelijst`,
      );
      continue;
    }
    const yearText = cell(at.year).trim().replace(/JJ00$/, '');
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1990 || Number(yearText) > 2100) {
      problem(line, header[at.year]!, `'${cell(at.year).trim()}' is geen jaar (bijv. 2023)`);
      continue;
    }
    const year = Number(yearText);
    const read: Partial<Record<DecileKind, Decile>> = {};
    let bad = false;
    for (const [kind, i] of deciles) {
      const d = parseDecile(cell(i));
      if (!d.ok) {
        problem(line, header[i]!, d.reason);
        bad = true;
        break;
      }
      if (d.value !== null) read[kind] = d.value;
    }
    if (bad) continue;
    if (Object.keys(read).length === 0) {
      problem(line, null, 'geen enkel deciel ingevuld');
      continue;
    }
    const before = seen.get(`${code}|${year}`);
    if (before !== undefined) {
      problem(line, header[at.code]!, `gemeente ${code} in ${year} staat al op regel ${before}`);
      continue;
    }
    seen.set(`${code}|${year}`, line);
    const source = sourceAt >= 0 ? cell(sourceAt).trim() || null : null;
    records.push({ line, municipality: code, year, deciles: read, source });
  }
  const ignored = header.filter((h, i) => !used.has(i) && h !== '');
  return { records, problems, kinds: [...deciles.keys()], ignored };
}
