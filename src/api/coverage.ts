// Which data a page covers: the last month with data, within the asker's scope. The one query behind both the coverage
// of a page (the last care month invoiced for: cost figures are (nearly) complete up to it) and the dimensions' last
// month (the last month with delivered care, as the peildatum in derive.ts: what "year to date" runs to).
import { empty, ident, join, type Sql, type Store, sql } from '../store/index.ts';

export interface Coverage {
  /** 'YYYY-MM' of the last care month with an invoice line; null when there are none in scope. */
  through: string | null;
}

/** Municipalities and providers a question may see (absent = all; an empty list = none). */
export interface Scope {
  municipality?: string[];
  provider?: string[];
}

/**
 * 'YYYY-MM' of the latest care-period `date` (its start or end) of the invoice lines, and with `pgb` of the PGB lines
 * too, within `scope` (a PGB line has no provider, so a provider scope leaves it out); null when there is none.
 */
export async function lastMonth(
  store: Store,
  at: { date: 'period_start' | 'period_end'; pgb?: boolean },
  scope: Scope = {},
): Promise<string | null> {
  const date = ident(at.date);
  const where: Sql[] = [];
  // An empty list matches nothing (IN (NULL)), never everything.
  const inList = (codes: string[]) => (codes.length ? join(codes) : sql`NULL`);
  if (scope.municipality) where.push(sql`municipality IN (${inList(scope.municipality)})`);
  if (scope.provider) where.push(sql`provider_agb IN (${inList(scope.provider)})`);
  const pgb = at.pgb ? sql` UNION ALL SELECT ${date}, municipality, NULL FROM pgb_cost` : empty;
  const row = await store.one<{ m: string | null }>(
    sql`SELECT strftime(max(d), '%Y-%m') AS m FROM (SELECT ${date} AS d, municipality, provider_agb FROM invoice_line${pgb})
      ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty}`,
  );
  return row?.m ?? null;
}

/** The coverage within these municipalities and providers (absent = all). */
export async function coverage(store: Store, scope: Scope): Promise<Coverage> {
  return { through: await lastMonth(store, { date: 'period_start' }, scope) };
}
