// Forward-only schema migrations: the numbered .sql files in ./migrations, each applied once, in order, in a transaction.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.ts';
import { raw, sql } from './sql.ts';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations shipped with this version of Roer, in order. */
export function migrations(): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(dir + f, 'utf8') }));
}

/** Brings the store's schema to the newest version; returns the versions it applied. */
export async function migrate(store: Store): Promise<number[]> {
  await store.run(
    sql`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)`,
  );
  const done = new Set((await store.all<{ version: number }>(sql`SELECT version FROM schema_version`)).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations()) {
    if (done.has(m.version)) continue;
    await store.transaction(async () => {
      await store.run(raw(m.sql)); // a migration file is SQL shipped with the code
      await store.run(sql`INSERT INTO schema_version VALUES (${m.version}, ${m.name}, current_timestamp)`);
    });
    applied.push(m.version);
  }
  return applied;
}

/** The schema version of an opened store. */
export async function schemaVersion(store: Store): Promise<number> {
  const row = await store.one<{ v: number | null }>(sql`SELECT max(version) AS v FROM schema_version`);
  return row?.v ?? 0;
}
