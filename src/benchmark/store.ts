// Writes a parsed CBS table into the store (cbs_measure, cbs_category, cbs_observation; migration 007) in the caller's transaction.
// A newer download of a table replaces the figures it contains (CBS revises provisional figures); a row that is already
// there with the same value and status is counted as unchanged and not touched.
import { sql, type Store } from '../store/index.ts';
import type { CbsObservation, CbsTable } from './cbs/types.ts';

/** The table's other dimensions as one stable text: 'Geslacht=T001038;Leeftijd=10000' ('' when there are none). */
export function dimsKey(dims: Record<string, string>): string {
  return Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join(';');
}

const statusOf = (o: CbsObservation) => o.missing ?? 'waarde';

/** Stores the table's measures and observations; returns how many observations were new or changed. */
export async function writeCbsTable(store: Store, table: CbsTable, fileId: string): Promise<{ ok: number; unchanged: number }> {
  for (const m of table.measures)
    await store.run(
      sql`INSERT OR REPLACE INTO cbs_measure VALUES (${table.id}, ${m.key}, ${m.title}, ${m.path}, ${m.unit}, ${m.decimals})`,
    );
  for (const [dimension, list] of table.categories)
    for (const [key, title] of list)
      await store.run(sql`INSERT OR REPLACE INTO cbs_category VALUES (${table.id}, ${dimension}, ${key}, ${title})`);
  await store.run(sql`CREATE OR REPLACE TEMP TABLE cbs_observation_new AS SELECT * FROM cbs_observation LIMIT 0`);
  const app = await store.appender('cbs_observation_new', { temp: true });
  const text = (s: string | null) => (s === null ? app.appendNull() : app.appendVarchar(s));
  for (const o of table.observations) {
    text(table.id);
    text(o.measure.key);
    text(o.measure.title);
    text(o.region);
    text(o.regionTitle);
    text(o.period.key);
    text(o.period.kind);
    text(o.period.cbs);
    text(o.period.status);
    text(dimsKey(o.dims));
    if (o.value === null) app.appendNull();
    else app.appendDouble(o.value);
    text(statusOf(o));
    text(fileId);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  // The rows that differ from what the store has (or are new); the rest stays as it is, with its original file_id. A
  // download without RegioS or Perioden keeps the titles and statuses an earlier one gave.
  await store.run(sql`CREATE OR REPLACE TEMP TABLE cbs_observation_changed AS
    SELECT n.table_id, n.measure_key, n.measure_title, n.region, coalesce(n.region_title, o.region_title) AS region_title,
           n.period, n.period_kind, n.cbs_period, coalesce(n.period_status, o.period_status) AS period_status, n.dims,
           n.value, n.status, n.file_id
      FROM cbs_observation_new n LEFT JOIN cbs_observation o USING (table_id, measure_key, region, cbs_period, dims)
     WHERE o.table_id IS NULL OR o.value IS DISTINCT FROM n.value OR o.status <> n.status OR o.measure_title <> n.measure_title`);
  const ok = (await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM cbs_observation_changed`))!.n;
  await store.run(sql`INSERT OR REPLACE INTO cbs_observation SELECT * FROM cbs_observation_changed`);
  await store.run(sql`DROP TABLE cbs_observation_new`);
  await store.run(sql`DROP TABLE cbs_observation_changed`);
  return { ok, unchanged: table.observations.length - ok };
}
