// The import log and the quarantine table: which files were read, with what result, and which records were rejected why.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Store } from '../store/index.ts';
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
  const row = await store.one("SELECT 1 AS x FROM import_file WHERE file_id = ? AND status = 'ingelezen'", [fileId]);
  return row !== undefined;
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
  await store.run(
    `INSERT OR REPLACE INTO import_file VALUES (?, ?, ?, current_timestamp, ?, ?, ?, ?, ?)`,
    [e.fileId, e.fileName, e.kind, e.total, e.ok, e.quarantined, e.status, e.note ?? null],
  );
}

/**
 * Writes rejected records to quarantine. Earlier open entries of the same file name are marked resolved first,
 * so a fixed file that is imported again replaces its old complaints instead of adding to them.
 */
export async function writeQuarantine(store: Store, fileId: string, fileName: string, records: QuarantinedRecord[]): Promise<void> {
  await store.run('UPDATE quarantine SET resolved = true WHERE file_name = ? AND NOT resolved', [fileName]);
  if (records.length === 0) return;
  const app = await store.appender('quarantine');
  const now = new Date();
  const ts = now.toISOString().replace('T', ' ').slice(0, 19);
  for (const r of records) {
    app.appendVarchar(fileId);
    app.appendVarchar(fileName);
    app.appendInteger(r.record);
    if (r.field === null) app.appendNull(); else app.appendVarchar(r.field);
    app.appendVarchar(r.reason);
    if (r.raw === undefined) app.appendNull(); else app.appendVarchar(r.raw);
    app.appendVarchar(ts);
    app.appendBoolean(false);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
}
