// Importing a context decile file (`roer benchmark import deciles.csv`) with the import log's rules: the same bytes
// again are skipped; the rows, the quarantined lines and the log entry land in one transaction, so a failure halfway
// leaves the store as it was; a later file replaces the deciles it gives for a municipality and year.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Problem } from '../errors.ts';
import { fileDigest, logImport, wasImported, writeQuarantine } from '../ingest/importlog.ts';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import { sql, type Store } from '../store/index.ts';
import { type DecileRecord, parseDecileCsv } from './deciles.ts';
import type { CbsImportReport } from './import.ts';
import { readMergers, todayCode } from './mergers.ts';

/** Imports one decile file; its report has the shape of a CBS table's (table: 'decielen'). */
export async function importDecileFile(store: Store, path: string): Promise<CbsImportReport> {
  const fileName = basename(path);
  const base = { fileName, table: 'decielen', total: 0, ok: 0, unchanged: 0, quarantined: 0, problems: [] };
  const fileId = await fileDigest(path);
  if (await wasImported(store, fileId)) return { ...base, status: 'overgeslagen', note: 'al eerder ingelezen' };
  // The codes are checked against the municipality list: load it into a fresh store first (adds only what is missing).
  await loadMunicipalities(store);
  const known = new Set((await store.all<{ code: string }>(sql`SELECT code FROM municipality`)).map((r) => r.code));
  const mergers = readMergers();
  const mergedInto = new Map(mergers.map((m) => [m.from, todayCode(m.from, mergers)]));
  const parsed = parseDecileCsv(readFileSync(path, 'utf8'), fileName, known, mergedInto);
  const total = parsed.records.length + parsed.problems.length;
  const note = parsed.ignored.length ? `kolommen niet gelezen: ${parsed.ignored.join(', ')}` : undefined;
  const counts = await storeDeciles(store, { fileId, fileName, total, note }, parsed.records, parsed.problems);
  return {
    ...base,
    status: 'ingelezen',
    total,
    ...counts,
    quarantined: parsed.problems.length,
    problems: parsed.problems.slice(0, 10),
    note,
  };
}

/**
 * Writes the deciles, the quarantined lines and the log entry in one transaction: all of it lands, or none. Counts a
 * decile the store already has with the same value as unchanged.
 */
export async function storeDeciles(
  store: Store,
  file: { fileId: string; fileName: string; total: number; note?: string },
  records: readonly DecileRecord[],
  problems: Problem[],
): Promise<{ ok: number; unchanged: number }> {
  return store.transaction(async () => {
    // Appended to a temporary table and merged in one statement: a national file of 342 municipalities × years stays
    // well under a second (row by row it took seconds).
    await store.run(sql`CREATE OR REPLACE TEMP TABLE municipality_context_new AS SELECT * FROM municipality_context LIMIT 0`);
    const app = await store.appender('municipality_context_new', { temp: true });
    for (const r of records)
      for (const [kind, decile] of Object.entries(r.deciles)) {
        app.appendVarchar(r.municipality);
        app.appendInteger(r.year);
        app.appendVarchar(kind);
        app.appendInteger(decile);
        if (r.source === null) app.appendNull();
        else app.appendVarchar(r.source);
        app.appendVarchar(file.fileId);
        app.endRow();
      }
    app.flushSync();
    app.closeSync();
    const total = (await store.one<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM municipality_context_new`))!.n;
    // Only what differs from the store is written; the rest keeps the import that wrote it.
    const ok = await store.run(sql`INSERT OR REPLACE INTO municipality_context
      SELECT n.* FROM municipality_context_new n LEFT JOIN municipality_context o USING (municipality, year, kind)
       WHERE o.decile IS DISTINCT FROM n.decile OR o.source IS DISTINCT FROM n.source`);
    await store.run(sql`DROP TABLE municipality_context_new`);
    const unchanged = total - ok;
    await writeQuarantine(store, file.fileId, file.fileName, problems);
    await logImport(store, {
      fileId: file.fileId,
      fileName: file.fileName,
      kind: 'decielen',
      total: file.total,
      ok: records.length,
      quarantined: problems.length,
      status: 'ingelezen',
      note: file.note,
    });
    return { ok, unchanged };
  });
}
