// Which data a page covers: the last month of care that invoices were read in for, within the asker's scope. Invoices
// arrive after the care month, so this is the month up to which cost figures are (nearly) complete.
import type { Store } from '../store/index.ts';

export interface Coverage {
  /** 'YYYY-MM' of the last care month with an invoice line; null when there are none in scope. */
  through: string | null;
}

/** The coverage within these municipalities and providers (absent = all). */
export async function coverage(store: Store, scope: { municipality?: string[]; provider?: string[] }): Promise<Coverage> {
  const where: string[] = [];
  const params: string[] = [];
  if (scope.municipality) {
    where.push(`municipality IN (${scope.municipality.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...scope.municipality);
  }
  if (scope.provider) {
    where.push(`provider_agb IN (${scope.provider.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...scope.provider);
  }
  const row = await store.one<{ through: string | null }>(
    `SELECT strftime(max(period_start), '%Y-%m') AS through FROM invoice_line ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return { through: row?.through ?? null };
}
