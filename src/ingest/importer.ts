// Imports files and folders into the store: expands folders, skips files imported before, orders the rest so that
// dependencies come first, validates XML in batches (native xmllint or a wasm worker, beside the parsing) and imports
// the files. A tabular file or a large message is imported in ONE transaction with its quarantine and its log entry;
// small messages of one kind are imported in batches, one transaction each, with exactly the result of importing them
// one by one (see ijw/batches.ts). Refused files are logged as 'geweigerd' and leave no data behind; a batch that fails
// as a whole is imported again file by file, so that only the failing file is refused.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { RefusedFile, RoerError, type Problem } from '../errors.ts';
import { refreshDerived, type Store } from '../store/index.ts';
import type { ImportContext, ImportOutcome } from './context.ts';
import {
  fileDigest,
  importedBefore,
  logImport,
  logImports,
  writeQuarantine,
  writeQuarantines,
  type QuarantinedRecord,
} from './importlog.ts';
import {
  Batcher,
  DEFAULT_MAX_BYTES,
  IJW_ORDER,
  SMALL_FILE_BYTES,
  SchemaValidator,
  importMessages,
  parseMessage,
  sniffMessage,
  validationRefusal,
  type IjwKind,
  type ParsedMessage,
} from './ijw/index.ts';
import type { Secret } from './pseudonym.ts';
import { importTabular, type Kind, type Mapping } from './tabular/index.ts';
import { isDuckDbError } from './tabular/csverror.ts';
import { matchTables } from './tabular/mapping.ts';
import { assertWithin } from './within.ts';

/** Tabular kinds in dependency order: reference tables before the facts that use them. */
const TABULAR_ORDER: Kind[] = [
  'products',
  'providers',
  'clients',
  'population',
  'referrers',
  'allocations',
  'invoice_lines',
  'budgets',
  'pgb_costs',
  'cost_lines',
];
const TABULAR_EXT = new Set(['.csv', '.txt', '.xlsx']);

export interface ImportOptions {
  secret: Secret;
  mapping?: Mapping;
  /** Largest XML file accepted, in bytes (default 512 MB). */
  maxFileBytes?: number;
  /** The iJw XSD folder (default: see xsdDir()). */
  xsdDir?: string;
  /** Small messages per batch (default 500; 1 imports every message alone, as a reference for tests). */
  batchFiles?: number;
  /** Rebuild the derived tables after the run when anything changed (default true). A caller that imports in several
   *  runs, like bench/import, may rebuild once at the end instead. */
  refreshDerived?: boolean;
  /** Read large iJw files with the lean tokenizer first (default true); false compares against saxes alone. */
  scanLargeFiles?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Only records of these municipalities may be written (an analyst's upload): a file that changes another
   * municipality's records, or a region-wide table, is refused whole (see within.ts).
   */
  municipalities?: readonly string[];
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
  /** The first problems of the quarantined records, or of a message refused for its schema errors (at most 10). */
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

/** A message file on its way into a batch: its place in the plan, and (small files) its parsed content. */
interface Job {
  at: number;
  file: Planned & { ijw: IjwKind };
  parsed?: ParsedMessage;
  size: number;
  keys: Iterable<string>;
}

/**
 * Imports every file under `paths` and returns one report per file, in import order.
 * @example const reports = await importPaths(store, ['data/berichten'], { secret });
 */
export async function importPaths(store: Store, paths: string[], opts: ImportOptions): Promise<FileReport[]> {
  const files = await expand(paths);
  const reports: FileReport[] = [];
  const plan: Planned[] = [];
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_BYTES;
  // Hashing and sniffing thousands of small files: a few at a time keeps the disk and the thread pool busy.
  const ids = await mapLimited(files, fileDigest);
  // A file is fresh unless its bytes were imported before or came up earlier in this run.
  const seen = await importedBefore(store, ids);
  const fresh = ids.map((id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const kinds = await mapLimited(files, async (path, i) => {
    if (!fresh[i]) return undefined;
    try {
      return await classify(path, opts.mapping, maxBytes);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  });
  for (const [i, path] of files.entries()) {
    const fileName = basename(path);
    const fileId = ids[i]!;
    const base = { path, fileName, total: 0, ok: 0, unchanged: 0, quarantined: 0, problems: [] };
    const kind = kinds[i];
    if (kind === undefined) reports.push({ ...base, kind: '', status: 'overgeslagen', note: 'al eerder ingelezen' });
    else if (kind instanceof Error) reports.push(await refuse(store, { ...base, kind: '' }, fileId, kind));
    else plan.push({ path, fileName, fileId, ...kind });
  }
  plan.sort((a, b) => a.rank - b.rank || a.path.localeCompare(b.path));

  const validator = new SchemaValidator(opts.xsdDir);
  const validations = validator.validate(plan.filter((p) => p.ijw));

  const done: FileReport[] = new Array(plan.length);
  let records = 0;
  let changed = false;
  const progress = (at: number, n = 0) =>
    opts.onProgress?.({ filesDone: at, filesTotal: plan.length, records: records + n, file: plan[at]?.fileName ?? '' });
  const baseOf = (f: Planned) => ({
    path: f.path,
    fileName: f.fileName,
    kind: f.kind,
    total: 0,
    ok: 0,
    unchanged: 0,
    quarantined: 0,
    problems: [],
  });
  const report = (at: number, o: ImportOutcome, quarantined: QuarantinedRecord[]) => {
    records += o.total;
    changed ||= o.ok > 0;
    done[at] = {
      ...baseOf(plan[at]!),
      kind: o.kind,
      status: 'ingelezen',
      total: o.total,
      ok: o.ok,
      unchanged: o.unchanged ?? Math.max(0, o.total - o.ok - quarantined.length),
      quarantined: quarantined.length,
      problems: quarantined.slice(0, 10).map(({ raw: _r, ...p }) => p),
      ...(o.note ? { note: o.note } : {}),
    };
  };

  /** Imports message files of one kind in one transaction; when that fails, each alone (then only the culprit is refused). */
  const importBatch = async (jobs: Job[]): Promise<void> => {
    const kind = jobs[0]!.file.ijw;
    try {
      const outcomes = await store.transaction(async () => {
        const out = await importMessages(
          store,
          opts.secret,
          kind,
          jobs.map((j) => ({ ...j.file, validation: validations.get(j.file.path)!, ...(j.parsed ? { parsed: j.parsed } : {}) })),
          { maxBytes, scanLargeFiles: opts.scanLargeFiles, onRecords: (k, n) => progress(jobs[k]!.at, n) },
        );
        if (opts.municipalities)
          await assertWithin(
            store,
            jobs.map((j, k) => ({ fileId: j.file.fileId, fileName: j.file.fileName, kind: out[k]!.kind })),
            opts.municipalities,
          );
        await writeQuarantines(
          store,
          jobs.map((j, k) => ({ fileId: j.file.fileId, fileName: j.file.fileName, records: out[k]!.quarantined })),
        );
        await logImports(
          store,
          jobs.map((j, k) => ({
            fileId: j.file.fileId,
            fileName: j.file.fileName,
            kind: out[k]!.kind,
            total: out[k]!.total,
            ok: out[k]!.ok,
            quarantined: out[k]!.quarantined.length,
            status: 'ingelezen',
            ...(out[k]!.note ? { note: out[k]!.note } : {}),
          })),
        );
        return out;
      });
      for (const [k, o] of outcomes.entries()) report(jobs[k]!.at, o, o.quarantined);
    } catch (e) {
      if (jobs.length === 1) done[jobs[0]!.at] = await refuse(store, baseOf(jobs[0]!.file), jobs[0]!.file.fileId, e);
      else for (const j of jobs) await importBatch([j]);
    }
  };

  /** Imports a taken batch: files refused by their validation (or while parsing) are logged, the rest imported together. */
  const importJobs = async (jobs: Job[], refused: [number, unknown][]): Promise<void> => {
    for (const [at, e] of refused) done[at] = await refuse(store, baseOf(plan[at]!), plan[at]!.fileId, e);
    const ok: Job[] = [];
    for (const j of jobs) {
      const refusal = validationRefusal(await validations.get(j.file.path)!, j.file.fileName);
      if (refusal) done[j.at] = await refuse(store, baseOf(j.file), j.file.fileId, refusal);
      else ok.push(j);
    }
    if (ok.length > 0) await importBatch(ok);
  };

  // While a batch is written (DuckDB works on its own threads), the next one is parsed. Nothing touches the store
  // outside `inflight`: refusals found while parsing wait for their batch.
  let inflight: Promise<void> = Promise.resolve();
  let refusedEarly: [number, unknown][] = [];
  const flush = async (batcher: Batcher<Job>): Promise<void> => {
    const jobs = batcher.take();
    const refused = refusedEarly;
    refusedEarly = [];
    await inflight;
    inflight = importJobs(jobs, refused);
    inflight.catch(() => undefined); // awaited (and thrown) by the next flush
  };
  const settle = async (batcher: Batcher<Job>): Promise<void> => {
    await flush(batcher);
    await inflight;
  };

  const batcher = new Batcher<Job>(opts.batchFiles ? { files: opts.batchFiles, bytes: Infinity } : undefined);
  for (const [at, f] of plan.entries()) {
    progress(at);
    const pending = batcher.current[0]?.file.ijw;
    if (!f.ijw || f.size > SMALL_FILE_BYTES) await settle(batcher);
    else if (pending !== undefined && pending !== f.ijw) await flush(batcher);
    if (f.ijw && f.size <= SMALL_FILE_BYTES) {
      const file = { ...f, ijw: f.ijw };
      let parsed: ParsedMessage;
      try {
        parsed = await parseMessage(f.path, f.ijw, opts.secret, maxBytes);
      } catch (e) {
        refusedEarly.push([at, e]);
        continue;
      }
      const job: Job = { at, file, parsed, size: f.size, keys: [...parsed.keys, `bestand|${f.fileName}`] };
      if (batcher.blocks(job)) await flush(batcher);
      batcher.add(job);
    } else if (f.ijw) {
      await importBatch([{ at, file: { ...f, ijw: f.ijw }, size: f.size, keys: [] }]);
    } else {
      try {
        const { o, q } = await importTabularFile(store, f, opts);
        report(at, o, q);
      } catch (e) {
        done[at] = await refuse(store, baseOf(f), f.fileId, e);
      }
    }
  }
  await settle(batcher);
  opts.onProgress?.({ filesDone: plan.length, filesTotal: plan.length, records, file: '' });
  if (changed && opts.refreshDerived !== false) await refreshDerived(store);
  return [...reports, ...done];
}

/** Imports one case-system export in one transaction with its quarantine and log entry; throws when it is refused. */
async function importTabularFile(
  store: Store,
  f: Planned,
  opts: ImportOptions,
): Promise<{ o: ImportOutcome; q: QuarantinedRecord[] }> {
  const q: QuarantinedRecord[] = [];
  const ctx: ImportContext = {
    store,
    secret: opts.secret,
    fileId: f.fileId,
    path: f.path,
    fileName: f.fileName,
    quarantine: (p) => q.push({ ...p, file: f.fileName }),
  };
  const o = await store.transaction(async () => {
    const outcome = await importTabular(ctx, opts.mapping!);
    if (opts.municipalities)
      await assertWithin(store, [{ fileId: f.fileId, fileName: f.fileName, kind: outcome.kind }], opts.municipalities);
    await writeQuarantine(store, f.fileId, f.fileName, q);
    await logImport(store, {
      fileId: f.fileId,
      fileName: f.fileName,
      kind: outcome.kind,
      total: outcome.total,
      ok: outcome.ok,
      quarantined: q.length,
      status: 'ingelezen',
      ...(outcome.note ? { note: outcome.note } : {}),
    });
    return outcome;
  });
  return { o, q };
}

/** `fn` over `items`, at most 16 at a time; results in order. */
async function mapLimited<T, R>(items: T[], fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, items.length) }, worker));
  return out;
}

/**
 * Logs a refused file (outside any file transaction) and returns its report, with the lines that caused the refusal
 * when it names them. Unexpected errors are refusals too.
 */
async function refuse(store: Store, base: Omit<FileReport, 'status'>, fileId: string, e: unknown): Promise<FileReport> {
  if (isDuckDbError(e)) console.error(`[roer import] ${base.fileName}:`, e); // for the operator; the user gets Dutch
  const note =
    e instanceof RoerError
      ? e.message + (e.hint ? ` ${e.hint}` : '')
      : isDuckDbError(e)
        ? 'onverwachte databasefout tijdens het inlezen; de details staan in het logboek van de server.'
        : `onverwachte fout tijdens het inlezen: ${e instanceof Error ? e.message : String(e)}`;
  await logImport(store, {
    fileId,
    fileName: base.fileName,
    kind: base.kind || 'onbekend',
    total: 0,
    ok: 0,
    quarantined: 0,
    status: 'geweigerd',
    note,
  });
  return { ...base, status: 'geweigerd', note, ...(e instanceof RefusedFile ? { problems: e.problems.slice(0, 10) } : {}) };
}

/** What a file is and where it goes in the order; a RoerError when it cannot be imported at all. */
async function classify(
  path: string,
  mapping: Mapping | undefined,
  maxBytes: number,
): Promise<Omit<Planned, 'path' | 'fileName' | 'fileId'>> {
  const size = (await stat(path)).size;
  const ext = extname(path).toLowerCase();
  if (ext === '.xml') {
    const ijw = await sniffMessage(path, maxBytes);
    return { size, kind: ijw, ijw, rank: 100 + IJW_ORDER.indexOf(ijw) };
  }
  if (TABULAR_EXT.has(ext)) {
    if (!mapping)
      throw new RoerError('Voor CSV- en XLSX-bestanden is een kolomindeling nodig.', 'Geef die op met --mapping <bestand.json>.');
    const specs = matchTables(mapping, basename(path));
    return { size, kind: specs.map((s) => s.kind).join('+'), rank: Math.min(...specs.map((s) => TABULAR_ORDER.indexOf(s.kind))) };
  }
  throw new RoerError(
    `Onbekend bestandstype '${ext || basename(path)}': Roer leest iJw-berichten (.xml) en exports (.csv, .xlsx).`,
  );
}

/** All files under the given paths (folders recursively, hidden files skipped), each once, sorted. */
export async function expand(paths: string[]): Promise<string[]> {
  const out = new Set<string>();
  const walk = async (p: string): Promise<void> => {
    let s: Awaited<ReturnType<typeof stat>>;
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
