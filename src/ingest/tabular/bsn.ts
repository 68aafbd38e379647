// Pseudonymisation at the door for staged rows: DuckDB cannot compute HMAC, so the distinct BSNs go through JS once
// and come back as (bsn, client_id) pairs in a temp table to join; a BSN that fails the 11-proof gets no pair.
import type { Param } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { isValidBsn, pseudonymise } from '../pseudonym.ts';

/** SQL that normalises a BSN cell: spaces, dots and hyphens removed; a leading zero a spreadsheet dropped restored. */
export function normaliseBsnSql(r: string): string {
  const digits = `regexp_replace(${r}, '[\\s.\\-]', '', 'g')`;
  // Fast path for the usual nine plain digits (the regexes cost more than the rest of the cell's handling).
  return `CASE WHEN length(${r}) = 9 AND try_cast(${r} AS UBIGINT) IS NOT NULL THEN ${r}
               WHEN regexp_full_match(${digits}, '\\d{8}') THEN '0' || ${digits} ELSE ${digits} END`;
}

/** Creates temp table `table` (bsn, client_id) for every valid BSN that `bsnSql` yields over `from`. */
export async function buildPseudonymTable(
  ctx: ImportContext, from: string, bsnSql: string, params: Record<string, Param>, table: string,
): Promise<void> {
  const rows = await ctx.store.all<{ bsn: string }>(
    `SELECT DISTINCT b AS bsn FROM (SELECT ${bsnSql} AS b FROM ${from}) WHERE b IS NOT NULL`, params);
  await ctx.store.run(`CREATE TEMP TABLE ${table} (bsn VARCHAR NOT NULL, client_id VARCHAR NOT NULL)`);
  const app = await ctx.store.connection.createAppender(table, 'main', 'temp');
  for (const { bsn } of rows) {
    if (!isValidBsn(bsn)) continue;
    app.appendVarchar(bsn);
    app.appendVarchar(pseudonymise(ctx.secret, bsn));
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
}
