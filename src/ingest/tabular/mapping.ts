// Reads and validates a column-mapping JSON file into a typed Mapping; every error names its JSON path, in Dutch.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { RoerError } from '../../errors.ts';
import { FIELDS, requiredFields } from './fields.ts';
import {
  KINDS,
  type AmountStyle,
  type DateFormat,
  type DecimalStyle,
  type Encoding,
  type Kind,
  type Mapping,
  type TableSpec,
} from './types.ts';

const TABLE_KEYS = [
  'kind',
  'files',
  'sheet',
  'delimiter',
  'encoding',
  'dateFormat',
  'decimal',
  'columns',
  'constants',
  'values',
  'maxFileBytes',
  'amounts',
  'tariffs',
  'tariffColumns',
];
const ENCODINGS: Encoding[] = ['utf-8', 'windows-1252', 'latin1'];
const DATE_FORMATS: DateFormat[] = ['dd-mm-jjjj', 'jjjj-mm-dd', 'auto'];
const DECIMALS: DecimalStyle[] = [',', '.', 'auto'];
const AMOUNTS: AmountStyle[] = ['euros', 'cents'];
/** 2 GiB: larger exports are refused unless the mapping raises `maxFileBytes`. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

/**
 * Reads the mapping at `path`; throws one RoerError listing every problem with its JSON path.
 * @example await loadMapping('mapping/zaaksysteem.json') // { source: 'Demo-zaaksysteem', tables: [...] }
 */
export async function loadMapping(path: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new RoerError(`Het mappingbestand ${path} kan niet worden gelezen.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RoerError(`Het mappingbestand ${basename(path)} is geen geldige JSON: ${(e as Error).message}`);
  }
  return parseMapping(json, basename(path));
}

/** Validates parsed JSON as a mapping (see docs/mapping.md). */
export function parseMapping(json: unknown, name = 'mapping'): Mapping {
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.push(`${path}: ${msg}`);
  const tables: TableSpec[] = [];
  let source = '';
  if (!isObject(json)) err('(hoofdniveau)', 'moet een object zijn met "source" en "tables"');
  else {
    for (const k of Object.keys(json)) if (k !== 'source' && k !== 'tables') err(k, 'onbekende sleutel');
    if (typeof json.source === 'string') source = json.source;
    else if (json.source !== undefined) err('source', 'moet tekst zijn');
    if (!Array.isArray(json.tables) || json.tables.length === 0) err('tables', 'moet een lijst met minstens één tabel zijn');
    else
      json.tables.forEach((t, i) => {
        const spec = parseTable(t, `tables[${i}]`, err);
        if (spec) tables.push(spec);
      });
  }
  if (errors.length > 0) {
    throw new RoerError(`De mapping ${name} is ongeldig:\n  ${errors.join('\n  ')}`, 'Zie docs/mapping.md voor het formaat.');
  }
  return { source, tables };
}

function parseTable(t: unknown, at: string, err: (path: string, msg: string) => void): TableSpec | undefined {
  if (!isObject(t)) {
    err(at, 'moet een object zijn');
    return undefined;
  }
  for (const k of Object.keys(t)) if (!TABLE_KEYS.includes(k)) err(`${at}.${k}`, 'onbekende sleutel');
  if (!KINDS.includes(t.kind as Kind)) {
    err(`${at}.kind`, `onbekende soort ${JSON.stringify(t.kind)} (kies uit ${KINDS.join(', ')})`);
    return undefined;
  }
  const kind = t.kind as Kind;
  const fields = FIELDS[kind];
  const str = (key: string, ok: (v: string) => boolean, expect: string): string | undefined => {
    const v = t[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !ok(v)) {
      err(`${at}.${key}`, `ongeldige waarde ${JSON.stringify(v)} (verwacht ${expect})`);
      return undefined;
    }
    return v;
  };
  const files = str('files', (v) => v.trim() !== '', 'een bestandspatroon zoals "toewijzingen*.csv"');
  if (t.files === undefined) err(`${at}.files`, 'ontbreekt (bestandspatroon, bijv. "toewijzingen*.csv")');
  const stringMap = (key: string, required: boolean): Record<string, string> => {
    const v = t[key];
    if (v === undefined) {
      if (required) err(`${at}.${key}`, 'ontbreekt');
      return {};
    }
    if (!isObject(v)) {
      err(`${at}.${key}`, 'moet een object zijn');
      return {};
    }
    const out: Record<string, string> = {};
    for (const [f, c] of Object.entries(v)) {
      if (!(f in fields)) err(`${at}.${key}.${f}`, `onbekend veld voor soort "${kind}"`);
      else if (typeof c !== 'string' || c.trim() === '') err(`${at}.${key}.${f}`, 'moet niet-lege tekst zijn');
      else out[f] = c;
    }
    return out;
  };
  const columns = stringMap('columns', true);
  const constants = stringMap('constants', false);
  if (constants.bsn !== undefined) err(`${at}.constants.bsn`, 'een BSN kan geen constante zijn');
  for (const f of Object.keys(constants))
    if (f in columns) err(`${at}.constants.${f}`, 'staat ook in columns: kies één van beide');
  for (const f of requiredFields(kind)) {
    if (!(f in columns) && !(f in constants))
      err(`${at}.columns.${f}`, 'verplicht veld ontbreekt (geef een kolom of een constante)');
  }
  const values: Record<string, Record<string, string>> = {};
  if (t.values !== undefined) {
    if (!isObject(t.values)) err(`${at}.values`, 'moet een object zijn');
    else
      for (const [f, m] of Object.entries(t.values)) {
        if (!(f in fields)) err(`${at}.values.${f}`, `onbekend veld voor soort "${kind}"`);
        else if (!isObject(m) || Object.values(m).some((x) => typeof x !== 'string'))
          err(`${at}.values.${f}`, 'moet een object van tekst naar code zijn');
        else values[f] = m as Record<string, string>;
      }
  }
  const maxFileBytes = t.maxFileBytes;
  if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && (maxFileBytes as number) > 0)) {
    err(`${at}.maxFileBytes`, 'moet een positief geheel getal (bytes) zijn');
  }
  const spec: TableSpec = {
    kind,
    files: files ?? '',
    delimiter: str('delimiter', (v) => v.length === 1 && v !== '"' && v !== '\n' && v !== '\r', 'één teken, bijv. ";"') ?? ';',
    encoding: (str('encoding', (v) => ENCODINGS.includes(v as Encoding), ENCODINGS.join(' / ')) ?? 'utf-8') as Encoding,
    dateFormat: (str('dateFormat', (v) => DATE_FORMATS.includes(v as DateFormat), DATE_FORMATS.join(' / ')) ??
      'auto') as DateFormat,
    decimal: (str('decimal', (v) => DECIMALS.includes(v as DecimalStyle), '"," / "." / "auto"') ?? 'auto') as DecimalStyle,
    amounts: (str('amounts', (v) => AMOUNTS.includes(v as AmountStyle), '"euros" / "cents"') ?? 'euros') as AmountStyle,
    columns,
    constants,
    values,
    maxFileBytes: typeof maxFileBytes === 'number' ? maxFileBytes : DEFAULT_MAX_FILE_BYTES,
  };
  const sheet = str('sheet', (v) => v !== '', 'de naam van een werkblad');
  if (sheet !== undefined) spec.sheet = sheet;
  parseWide(t, at, spec, err);
  return spec;
}

/** The wide product list (`tariffs` or `tariffColumns`, one tariff column per year) into `spec`, checked. */
function parseWide(t: Record<string, unknown>, at: string, spec: TableSpec, err: (path: string, msg: string) => void): void {
  if (t.tariffs === undefined && t.tariffColumns === undefined) return;
  const key = t.tariffs !== undefined ? 'tariffs' : 'tariffColumns';
  if (spec.kind !== 'products') {
    err(`${at}.${key}`, 'alleen voor soort "products"');
    return;
  }
  if (t.tariffs !== undefined && t.tariffColumns !== undefined)
    err(`${at}.tariffColumns`, 'kies "tariffs" of "tariffColumns", niet beide');
  for (const f of ['year', 'tariff']) {
    for (const where of ['columns', 'constants'] as const) {
      if (f in spec[where])
        err(`${at}.${where}.${f}`, `kan niet samen met "${key}" (kies de lange vorm met year en tariff, of de brede vorm)`);
    }
  }
  if (t.tariffs !== undefined) {
    const v = t.tariffs;
    if (!isObject(v) || Object.keys(v).length === 0) {
      err(`${at}.tariffs`, 'moet een object van jaartal naar kolomnaam zijn, bijv. { "2024": "Tarief 2024" }');
      return;
    }
    const out: Record<string, string> = {};
    for (const [year, col] of Object.entries(v)) {
      if (!/^(19|20)\d\d$/.test(year)) err(`${at}.tariffs.${year}`, 'geen jaartal (vier cijfers)');
      else if (typeof col !== 'string' || col.trim() === '') err(`${at}.tariffs.${year}`, 'moet niet-lege tekst zijn');
      else out[year] = col;
    }
    spec.tariffs = out;
  } else {
    const v = t.tariffColumns;
    let groups = -1;
    try {
      if (typeof v === 'string' && v !== '') groups = new RegExp(`${v}|`).exec('')!.length - 1;
    } catch {
      /* reported below */
    }
    if (groups < 1)
      err(
        `${at}.tariffColumns`,
        `ongeldige waarde ${JSON.stringify(v)} (verwacht een patroon met het jaartal tussen haakjes, bijv. "Tarief (\\\\d{4})")`,
      );
    else spec.tariffColumns = v as string;
  }
}

/** The first table spec whose `files` glob matches `fileName`; a RoerError naming the patterns when none does. */
export function matchTable(mapping: Mapping, fileName: string): TableSpec {
  return matchTables(mapping, fileName)[0]!;
}

/**
 * The first table spec whose `files` glob matches `fileName`, with every later spec that lists the same pattern: one
 * export may feed several tables (a product list with its providers), each spec reading its own columns. A different
 * pattern that also matches does not count (the first matching pattern wins). A RoerError naming the patterns when none does.
 */
export function matchTables(mapping: Mapping, fileName: string): TableSpec[] {
  const first = mapping.tables.find((t) => globToRegExp(t.files).test(fileName));
  if (first) return mapping.tables.filter((t) => t.files.toLowerCase() === first.files.toLowerCase());
  throw new RoerError(
    `Geen tabel in de mapping past bij het bestand "${fileName}" (patronen: ${mapping.tables.map((t) => t.files).join(', ')}).`,
    'Pas de bestandsnaam aan of voeg een patroon toe aan "files" in de mapping.',
  );
}

/** `*` any run of characters, `?` one character; the whole base name, case-insensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
