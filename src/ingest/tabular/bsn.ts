// Pseudonymisation at the door for staged rows: the 11-proof runs in SQL over every row (so a bad BSN is quarantined
// in the same pass as other bad cells); DuckDB cannot compute HMAC, so only the DISTINCT valid BSNs go through JS once
// and come back as (bsn, client_id) pairs in a temp table to join.
import type { ImportContext } from '../context.ts';
import { isValidBsn, pseudonymise } from '../pseudonym.ts';
import { ident, join, sql, type Sql } from '../../store/index.ts';

/** SQL that normalises a BSN cell: spaces, dots and hyphens removed; a leading zero a spreadsheet dropped restored. */
export function normaliseBsnSql(r: Sql): Sql {
  const digits = sql`regexp_replace(${r}, '[\\s.\\-]', '', 'g')`;
  // Fast path for the usual nine plain digits (the regexes cost more than the rest of the cell's handling).
  return sql`CASE WHEN length(${r}) = 9 AND try_cast(${r} AS UBIGINT) IS NOT NULL THEN ${r}
               WHEN regexp_full_match(${digits}, '\\d{8}') THEN '0' || ${digits} ELSE ${digits} END`;
}

/** The BSN cell `r` as an integer when it is nine digits, else NULL (the input of `bsnValidSql`). */
export const bsnNumberSql = (r: Sql) => sql`CASE WHEN regexp_full_match(${r}, '[0-9]{9}') THEN CAST(${r} AS BIGINT) END`;

/**
 * SQL twin of `isValidBsn` (bsn.test.ts proves they agree): nine digits, not all zero, 9·d1 + … + 2·d8 − d9 ≡ 0 mod 11.
 * The digits are taken arithmetically from `n`, the integer of `bsnNumberSql` (computed one step earlier in the import).
 */
export function bsnValidSql(r: Sql, n = sql`(${bsnNumberSql(r)})`): Sql {
  const digit = (i: number) => sql`((${n} // ${10 ** (9 - i)}) % 10)`;
  const terms = Array.from({ length: 8 }, (_, k) => sql`${9 - k} * ${digit(k + 1)}`);
  return sql`coalesce((${join([...terms, sql`-${digit(9)}`], ' + ')}) % 11 = 0 AND ${r} <> '000000000', false)`;
}

/** Creates temp table `table` (bsn, client_id) for every distinct valid BSN in column `bsn` of `from`. */
export async function buildPseudonymTable(ctx: ImportContext, from: string, bsn: string, table: string): Promise<void> {
  const rows = await ctx.store.all<{ bsn: string }>(
    sql`SELECT DISTINCT ${ident(bsn)} AS bsn FROM ${ident(from)} WHERE ${ident(bsn)} IS NOT NULL`,
  );
  await ctx.store.run(sql`CREATE TEMP TABLE ${ident(table)} (bsn VARCHAR NOT NULL, client_id VARCHAR NOT NULL)`);
  const app = await ctx.store.appender(table, { temp: true });
  for (const { bsn: value } of rows) {
    if (!isValidBsn(value)) continue;
    app.appendVarchar(value);
    app.appendVarchar(pseudonymise(ctx.secret, value));
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
}
