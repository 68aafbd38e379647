// `roer benchmark import`: reads downloaded CBS tables into the store with the import log's rules. A table download
// (its data file plus the metadata beside it) is one import: the same bytes again are skipped, and each table is written
// in one transaction with its quarantined records and its log entry, so a failure leaves the store as it was.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RoerError, RefusedFile, type Problem } from '../errors.ts';
import type { FileReport } from '../ingest/importer.ts';
import { fileDigest, logImport, wasImported, writeQuarantine } from '../ingest/importlog.ts';
import type { Store } from '../store/index.ts';
import { dataFileOf, metadataFilesOf, readTableFiles } from './cbs/files.ts';
import { parseCbsTable } from './cbs/parse.ts';
import type { CbsTable } from './cbs/types.ts';
import { writeCbsTable } from './store.ts';

/** What happened to one CBS data file: an import's file report (same statuses and counts), naming the CBS table. */
export interface CbsImportReport extends Omit<FileReport, 'path' | 'kind'> {
  /** '85097NED/TypedDataSet.json': the table folder and the data file. */
  fileName: string;
  /** The CBS table id, once known. */
  table: string | null;
}

/** The table downloads under `paths`: a table folder, a data file, or a folder of table folders. */
export function tableDownloads(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    try {
      out.push(dataFileOf(p));
    } catch (e) {
      const subs = statSync(p).isDirectory() ? readdirSync(p).sort() : [];
      const found = subs.map((s) => join(p, s)).filter((s) => statSync(s).isDirectory() && hasData(s));
      if (!found.length) throw e;
      out.push(...found.map(dataFileOf));
    }
  }
  return [...new Set(out)];
}

function hasData(dir: string): boolean {
  try {
    dataFileOf(dir);
    return true;
  } catch {
    return false;
  }
}

/** The identity of a download: sha-256 over the names and digests of its data file and metadata files. */
export async function downloadDigest(dataFile: string): Promise<string> {
  const hash = createHash('sha256');
  for (const f of [dataFile, ...metadataFilesOf(dataFile)]) hash.update(`${basename(f)}\0${await fileDigest(f)}\n`);
  return hash.digest('hex');
}

/** Imports each table download; one report per download, in the order given. */
export async function importCbsPaths(store: Store, paths: string[]): Promise<CbsImportReport[]> {
  const reports: CbsImportReport[] = [];
  for (const dataFile of tableDownloads(paths)) reports.push(await importDownload(store, dataFile));
  return reports;
}

async function importDownload(store: Store, dataFile: string): Promise<CbsImportReport> {
  const fileName = `${basename(dirname(dataFile))}/${basename(dataFile)}`;
  const base = { fileName, table: null, total: 0, ok: 0, unchanged: 0, quarantined: 0, problems: [] };
  const fileId = await downloadDigest(dataFile);
  if (await wasImported(store, fileId)) return { ...base, status: 'overgeslagen', note: 'al eerder ingelezen' };
  let parsed: ReturnType<typeof parseCbsTable>;
  try {
    parsed = parseCbsTable(readTableFiles(dataFile));
  } catch (e) {
    if (!(e instanceof RoerError)) throw e;
    const note = e.message + (e.hint ? ` ${e.hint}` : '');
    await logImport(store, { fileId, fileName, kind: 'cbs', total: 0, ok: 0, quarantined: 0, status: 'geweigerd', note });
    return { ...base, status: 'geweigerd', note, problems: e instanceof RefusedFile ? e.problems.slice(0, 10) : [] };
  }
  const counts = await storeDownload(store, { fileId, fileName }, parsed.table, parsed.problems);
  return {
    ...base,
    table: parsed.table.id,
    status: 'ingelezen',
    total: parsed.table.observations.length,
    ...counts,
    quarantined: parsed.problems.length,
    problems: parsed.problems.slice(0, 10),
  };
}

/** Writes a parsed table, its quarantined records and its log entry in one transaction: all of it lands, or none. */
export async function storeDownload(
  store: Store,
  file: { fileId: string; fileName: string },
  table: CbsTable,
  problems: Problem[],
): Promise<{ ok: number; unchanged: number }> {
  return store.transaction(async () => {
    const counts = await writeCbsTable(store, table, file.fileId);
    await writeQuarantine(store, file.fileId, file.fileName, problems);
    await logImport(store, {
      ...file,
      kind: `cbs ${table.id}`,
      total: table.observations.length,
      ok: counts.ok,
      quarantined: problems.length,
      status: 'ingelezen',
      // The table's title, so a figure can say where it came from (the demo's set calls itself fictitious there).
      note: table.title ?? undefined,
    });
    return counts;
  });
}
