// Shared test harness for the importer tests: a store, a fixed secret, importing message texts, and a store snapshot.
import type { Store } from '../../src/store/index.ts';
import { importPaths, type FileReport, type ImportOptions } from '../../src/ingest/importer.ts';
import { writeFiles } from './ijw-messages.ts';
import { sql, raw } from '../../src/store/sql.ts';

export const SECRET = Buffer.alloc(32, 7);

/** Writes `files` to a fresh folder and imports that folder. */
export async function load(
  store: Store,
  files: Record<string, string | Buffer>,
  maxFileBytes?: number,
  options: Partial<ImportOptions> = {},
): Promise<FileReport[]> {
  const { dir } = writeFiles(files);
  return importPaths(store, [dir], { secret: SECRET, ...(maxFileBytes ? { maxFileBytes } : {}), ...options });
}

const TABLES = [
  'client',
  'provider',
  'product',
  'product_tariff',
  'referrer',
  'request',
  'allocation',
  'care_period',
  'invoice_line',
  'invoice_rejection',
  'message',
  'quarantine',
  'import_file',
];

/** Row counts of every table plus the sums that matter, to prove that an import changed nothing. */
export async function snapshot(store: Store): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const t of TABLES) out[t] = (await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(t)}`))!.n;
  const sums = await store.one<Record<string, number | null>>(sql`SELECT
    (SELECT sum(amount_cents) FROM invoice_line) AS invoiced, (SELECT sum(amount_cents) FROM invoice_rejection) AS rejected,
    (SELECT sum(coalesce(budget_cents, 0) + coalesce(volume, 0)) FROM allocation) AS allocated,
    (SELECT count(*) FILTER (WHERE resolved) FROM quarantine) AS resolved`);
  return { ...out, ...sums };
}
