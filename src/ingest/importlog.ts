// The import log and the quarantine table: which files were read, with what result, and which records were rejected why.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join, sql, type Store } from '../store/index.ts';
import type { Problem } from '../errors.ts';

export type QuarantinedRecord = Problem & { raw?: string };

/** sha-256 of a file's bytes, streamed. */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** True when a file with these exact bytes was imported before (its records are in the store). */
export async function wasImported(store: Store, fileId: string): Promise<boolean> {
  return (await importedBefore(store, [fileId])).has(fileId);
}

/** Of `fileIds`, those imported before (one query per thousand ids). */
export async function importedBefore(store: Store, fileIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < fileIds.length; i += 1000) {
    const ids = fileIds.slice(i, i + 1000);
    const rows = await store.all<{ file_id: string }>(
      sql`SELECT file_id FROM import_file WHERE status = 'ingelezen' AND file_id IN (${join(ids)})`,
    );
    for (const r of rows) out.add(r.file_id);
  }
  return out;
}

export interface ImportLogEntry {
  fileId: string;
  fileName: string;
  kind: string;
  total: number;
  ok: number;
  quarantined: number;
  status: 'ingelezen' | 'geweigerd';
  note?: string;
}

/** Records (or, for a refused file that is offered again, replaces) the log entry of one file. */
export async function logImport(store: Store, e: ImportLogEntry): Promise<void> {
  await logImports(store, [e]);
}

/** Records the log entries of several files (distinct file ids): appended to a temporary table, then one statement. */
export async function logImports(store: Store, entries: ImportLogEntry[]): Promise<void> {
  if (entries.length === 1) {
    const [e] = entries;
    await store.run(
      sql`INSERT OR REPLACE INTO import_file VALUES (${e!.fileId}, ${e!.fileName}, ${e!.kind}, current_timestamp, ${e!.total}, ${e!.ok}, ${e!.quarantined}, ${e!.status}, ${e!.note ?? null})`,
    );
    return;
  }
  await store.run(sql`CREATE OR REPLACE TEMP TABLE import_file_new (file_id VARCHAR, file_name VARCHAR, kind VARCHAR,
    records_total INTEGER, records_ok INTEGER, records_quarantined INTEGER, status VARCHAR, note VARCHAR)`);
  const app = await store.appender('import_file_new', { temp: true });
  for (const e of entries) {
    app.appendVarchar(e.fileId);
    app.appendVarchar(e.fileName);
    app.appendVarchar(e.kind);
    app.appendInteger(e.total);
    app.appendInteger(e.ok);
    app.appendInteger(e.quarantined);
    app.appendVarchar(e.status);
    if (e.note === undefined) app.appendNull();
    else app.appendVarchar(e.note);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  await store.run(sql`INSERT OR REPLACE INTO import_file SELECT file_id, file_name, kind, current_timestamp, records_total, records_ok,
    records_quarantined, status, note FROM import_file_new`);
}

/**
 * Writes rejected records to quarantine. Earlier open entries of the same file name are marked resolved first,
 * so a fixed file that is imported again replaces its old complaints instead of adding to them.
 */
export async function writeQuarantine(
  store: Store,
  fileId: string,
  fileName: string,
  records: QuarantinedRecord[],
): Promise<void> {
  await writeQuarantines(store, [{ fileId, fileName, records }]);
}

/** writeQuarantine for several files at once; their names must differ (else the later would resolve the earlier). */
export async function writeQuarantines(
  store: Store,
  files: { fileId: string; fileName: string; records: QuarantinedRecord[] }[],
): Promise<void> {
  for (let i = 0; i < files.length; i += 1000) {
    const names = files.slice(i, i + 1000).map((f) => f.fileName);
    await store.run(sql`UPDATE quarantine SET resolved = true WHERE NOT resolved AND file_name IN (${join(names)})`);
  }
  if (!files.some((f) => f.records.length > 0)) return;
  const app = await store.appender('quarantine');
  const now = new Date();
  const ts = now.toISOString().replace('T', ' ').slice(0, 19);
  for (const { fileId, fileName, records } of files) {
    for (const r of records) {
      app.appendVarchar(fileId);
      app.appendVarchar(fileName);
      app.appendInteger(r.record);
      if (r.field === null) app.appendNull();
      else app.appendVarchar(r.field);
      app.appendVarchar(r.reason);
      if (r.raw === undefined) app.appendNull();
      else app.appendVarchar(r.raw);
      app.appendVarchar(ts);
      app.appendBoolean(false);
      app.endRow();
    }
  }
  app.flushSync();
  app.closeSync();
}
