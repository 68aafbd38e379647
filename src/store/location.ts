// Where the store lives: --db <file>, else $ROER_DB, else ./data/roer.duckdb. The pseudonym secret lives beside it.
import { dirname, join, resolve } from 'node:path';

export const DEFAULT_DB = './data/roer.duckdb';

export function dbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.ROER_DB ?? DEFAULT_DB);
}

/** The per-installation secret file for pseudonymisation (never inside the database). */
export function secretPath(db: string): string {
  return db === ':memory:' ? ':memory:' : join(dirname(resolve(db)), 'roer.secret');
}
