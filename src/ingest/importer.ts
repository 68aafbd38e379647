// Imports files and folders into the store: expands folders, skips files imported before, orders the rest so that
// dependencies come first, validates XML in batches (in a worker, beside the parsing) and imports each file in ONE
// transaction with its quarantine and its log entry. Refused files are logged as 'geweigerd' and leave no data behind.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { RoerError, type Problem } from '../errors.ts';
import { refreshDerived, type Store } from '../store/index.ts';
import type { ImportContext, ImportOutcome } from './context.ts';
import { fileDigest, logImport, wasImported, writeQuarantine, type QuarantinedRecord } from './importlog.ts';
import { DEFAULT_MAX_BYTES, IJW_ORDER, SchemaValidator, importIjw, sniffMessage, type IjwKind } from './ijw/index.ts';
import type { Secret } from './pseudonym.ts';
import { importTabular, type Kind, type Mapping } from './tabular/index.ts';
import { matchTable } from './tabular/mapping.ts';

/** Tabular kinds in dependency order: reference tables before the facts that use them. */
const TABULAR_ORDER: Kind[] = ['products', 'providers', 'clients', 'population', 'allocations', 'invoice_lines', 'budgets', 'pgb_costs'];
const TABULAR_EXT = new Set(['.csv', '.txt', '.xlsx']);

export interface ImportOptions {
  secret: Secret;
  mapping?: Mapping;
  /** Largest XML file accepted, in bytes (default 512 MB). */
  maxFileBytes?: number;
  /** The iJw XSD folder (default: see xsdDir()). */
  xsdDir?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  /** Records read so far in this run. */
  records: number;
  file: string;
}

export interface FileReport {
  path: string;
  fileName: string;
  kind: string;
  status: 'ingelezen' | 'overgeslagen' | 'geweigerd';
  total: number;
  ok: number;
  unchanged: number;
  quarantined: number;
  /** The first problems of the quarantined records (at most 10). */
  problems: Problem[];
  /** Dutch note: why a file was skipped or refused, or what was special about it. */
  note?: string;
}

interface Planned {
  path: string;
  fileName: string;
  fileId: string;
  size: number;
  kind: string;
  rank: number;
  ijw?: IjwKind;
}

/**
 * Imports every file under `paths` and returns one report per file, in import order.
 * @example const reports = await importPaths(store, ['data/berichten'], { secret });
 */
export async function importPaths(store: Store, paths: string[], opts: ImportOptions): Promise<FileReport[]> {
  const files = await expand(paths);
  const reports: FileReport[] = [];
  const plan: Planned[] = [];
  const seen = new Set<string>();
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_BYTES;
  for (const path of files) {
    const fileName = basename(path);
    const fileId = await fileDigest(path);
    const base = { path, fileName, total: 0, ok: 0, unchanged: 0, quarantined: 0, problems: [] };
    if (seen.has(fileId) || (await wasImported(store, fileId))) {
      reports.push({ ...base, kind: '', status: 'overgeslagen', note: 'al eerder ingelezen' });
      continue;
    }
    seen.add(fileId);
    try {
      plan.push({ path, fileName, fileId, ...(await classify(path, opts.mapping, maxBytes)) });
    } catch (e) {
      reports.push(await refuse(store, { ...base, kind: '' }, fileId, e));
    }
  }
  plan.sort((a, b) => a.rank - b.rank || a.path.localeCompare(b.path));

  const validator = new SchemaValidator(opts.xsdDir);
  const validations = validator.validate(plan.filter((p) => p.ijw));
  for (const v of validations.values()) v.catch(() => undefined);

  let records = 0;
  let changed = false;
  for (const [i, f] of plan.entries()) {
    opts.onProgress?.({ filesDone: i, filesTotal: plan.length, records, file: f.fileName });
    const quarantined: QuarantinedRecord[] = [];
    const ctx: ImportContext = {
      store, secret: opts.secret, fileId: f.fileId, path: f.path, fileName: f.fileName,
      quarantine: (p) => quarantined.push({ ...p, file: f.fileName }),
    };
    const base = { path: f.path, fileName: f.fileName, kind: f.kind, total: 0, ok: 0, unchanged: 0, quarantined: 0, problems: [] };
    try {
      const o: ImportOutcome = await store.transaction(async () => {
        const outcome = f.ijw
          ? await importIjw(ctx, { kind: f.ijw, validation: validations.get(f.path)!, maxBytes, onRecords: (n) => opts.onProgress?.({ filesDone: i, filesTotal: plan.length, records: records + n, file: f.fileName }) })
          : await importTabular(ctx, opts.mapping!);
        await writeQuarantine(store, f.fileId, f.fileName, quarantined);
        await logImport(store, { fileId: f.fileId, fileName: f.fileName, kind: outcome.kind, total: outcome.total, ok: outcome.ok,
          quarantined: quarantined.length, status: 'ingelezen', ...(outcome.note ? { note: outcome.note } : {}) });
        return outcome;
      });
      records += o.total;
      changed ||= o.ok > 0;
      reports.push({ ...base, kind: o.kind, status: 'ingelezen', total: o.total, ok: o.ok, unchanged: o.unchanged ?? Math.max(0, o.total - o.ok - quarantined.length),
        quarantined: quarantined.length, problems: quarantined.slice(0, 10).map(({ raw: _r, ...p }) => p), ...(o.note ? { note: o.note } : {}) });
    } catch (e) {
      reports.push(await refuse(store, base, f.fileId, e));
    }
  }
  opts.onProgress?.({ filesDone: plan.length, filesTotal: plan.length, records, file: '' });
  if (changed) await refreshDerived(store);
  return reports;
}

/** Logs a refused file (outside any file transaction) and returns its report. Unexpected errors are refusals too. */
async function refuse(store: Store, base: Omit<FileReport, 'status'>, fileId: string, e: unknown): Promise<FileReport> {
  const note = e instanceof RoerError
    ? e.message + (e.hint ? ` ${e.hint}` : '')
    : `onverwachte fout tijdens het inlezen: ${e instanceof Error ? e.message : String(e)}`;
  await logImport(store, { fileId, fileName: base.fileName, kind: base.kind || 'onbekend', total: 0, ok: 0, quarantined: 0, status: 'geweigerd', note });
  return { ...base, status: 'geweigerd', note };
}

/** What a file is and where it goes in the order; a RoerError when it cannot be imported at all. */
async function classify(path: string, mapping: Mapping | undefined, maxBytes: number): Promise<Omit<Planned, 'path' | 'fileName' | 'fileId'>> {
  const size = (await stat(path)).size;
  const ext = extname(path).toLowerCase();
  if (ext === '.xml') {
    const ijw = await sniffMessage(path, maxBytes);
    return { size, kind: ijw, ijw, rank: 100 + IJW_ORDER.indexOf(ijw) };
  }
  if (TABULAR_EXT.has(ext)) {
    if (!mapping) throw new RoerError('Voor CSV- en XLSX-bestanden is een kolomindeling nodig.', 'Geef die op met --mapping <bestand.json>.');
    const spec = matchTable(mapping, basename(path));
    return { size, kind: spec.kind, rank: TABULAR_ORDER.indexOf(spec.kind) };
  }
  throw new RoerError(`Onbekend bestandstype '${ext || basename(path)}': Roer leest iJw-berichten (.xml) en exports (.csv, .xlsx).`);
}

/** All files under the given paths (folders recursively, hidden files skipped), each once, sorted. */
export async function expand(paths: string[]): Promise<string[]> {
  const out = new Set<string>();
  const walk = async (p: string): Promise<void> => {
    let s;
    try {
      s = await stat(p);
    } catch {
      throw new RoerError(`Het bestand of de map ${p} bestaat niet.`);
    }
    if (s.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true });
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (!e.name.startsWith('.')) await walk(join(p, e.name));
      }
    } else if (s.isFile()) out.add(resolve(p));
  };
  for (const p of paths) await walk(resolve(p));
  return [...out];
}
