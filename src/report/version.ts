// The data a report rests on: a digest over the import log (which files, their record counts and times), so two
// reports on the same data state the same version and a report on changed data a different one.
import { createHash } from 'node:crypto';
import { sql, type Store } from '../store/index.ts';
import type { DataVersion } from './model.ts';

interface LogRow {
  file_id: string;
  kind: string;
  imported_at: string;
  records_ok: number;
  records_quarantined: number;
  status: string;
}

/**
 * The import log's version; `through` is the caller's coverage month (scoped to the asker, so it is passed in).
 * @example await dataVersion(store, '2018-12') // { digest: '3f2a…', importedAt: '2019-02-01T10:00:00', files: 12, through: '2018-12' }
 */
export async function dataVersion(store: Store, through: string | null): Promise<DataVersion> {
  const rows = await store.all<LogRow>(
    sql`SELECT file_id, kind, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, records_ok::INTEGER AS records_ok,
        records_quarantined::INTEGER AS records_quarantined, status FROM import_file ORDER BY file_id`,
  );
  const hash = createHash('sha256');
  for (const r of rows) {
    hash.update([r.file_id, r.kind, r.imported_at, r.records_ok, r.records_quarantined, r.status].join('\u0000'));
    hash.update('\n');
  }
  const imported = rows.filter((r) => r.status === 'ingelezen');
  const importedAt = imported.reduce<string | null>(
    (last, r) => (last === null || r.imported_at > last ? r.imported_at : last),
    null,
  );
  return { digest: hash.digest('hex').slice(0, 12), importedAt, files: imported.length, through };
}
