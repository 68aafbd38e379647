// Which data a page covers: the last month of care that invoices were read in for, within the asker's scope. Invoices
// arrive after the care month, so this is the month up to which cost figures are (nearly) complete.
import { empty, join, type Sql, type Store, sql } from '../store/index.ts';

export interface Coverage {
  /** 'YYYY-MM' of the last care month with an invoice line; null when there are none in scope. */
  through: string | null;
}

/** The coverage within these municipalities and providers (absent = all). */
export async function coverage(store: Store, scope: { municipality?: string[]; provider?: string[] }): Promise<Coverage> {
  const where: Sql[] = [];
  // An empty list matches nothing (IN (NULL)), never everything.
  const inList = (codes: string[]) => (codes.length ? join(codes) : sql`NULL`);
  if (scope.municipality) where.push(sql`municipality IN (${inList(scope.municipality)})`);
  if (scope.provider) where.push(sql`provider_agb IN (${inList(scope.provider)})`);
  const row = await store.one<{ through: string | null }>(
    sql`SELECT strftime(max(period_start), '%Y-%m') AS through FROM invoice_line ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty}`,
  );
  return { through: row?.through ?? null };
}
