// Names for the codes a user sees (referrers, providers, municipalities, teams, products), read from the store, so the
// filter bar, the charts and the exports all say "Huisartsenpraktijk De Linde (huisarts)" where the data has "02:01598930".
import type { Dimension, MetricResult } from '../metrics/types.ts';
import { empty, join, type Sql, type Store, sql } from '../store/index.ts';
import type { Option } from './dimensions.ts';
import { REFERRER_TYPE_LABELS } from './labels.ts';
import { NO_REFERRER } from '../contract/dimensions.ts';

/** How the referrer '00:' (no referrer given) reads. */
export { NO_REFERRER };

/** A referrer as stored, with the name the imported AGB list gives its AGB code (`registered`). */
export interface ReferrerNames {
  referrer_id: string;
  type: string;
  agb: string | null;
  name: string | null;
  registered: string | null;
}

/**
 * The Dutch label of a referrer: its name (the AGB list's, else the one the export gave, else its AGB code) with its
 * type in brackets; the type alone when nothing else is known.
 * @example referrerLabel({ referrer_id: '02:01598930', type: '02', agb: '01598930', name: null,
 *   registered: 'Huisartsenpraktijk De Linde' }) === 'Huisartsenpraktijk De Linde (huisarts)'
 */
export function referrerLabel(r: ReferrerNames): string {
  if (r.type === '00' || r.referrer_id === '00:') return NO_REFERRER;
  const type = REFERRER_TYPE_LABELS[r.type] ?? r.type;
  const name = r.registered ?? r.name ?? (r.agb ? `AGB ${r.agb}` : null);
  return name ? `${name} (${type})` : type;
}

/** The referrers as filter options with their labels; with `within`, only those behind allocations of these municipalities. */
export async function referrerOptions(store: Store, within?: string[]): Promise<Option[]> {
  const scope = within
    ? sql`WHERE r.referrer_id IN (SELECT referrer_id FROM allocation WHERE municipality IN (${within.length ? join(within) : sql`NULL`}))`
    : empty;
  const rows = await store.all<ReferrerNames>(
    sql`SELECT r.referrer_id, r.type, r.agb, r.name, g.name AS registered
     FROM referrer r LEFT JOIN referrer_agb g ON g.agb = r.agb ${scope}`,
  );
  return rows
    .map((r) => ({ value: r.referrer_id, label: referrerLabel(r) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl') || a.value.localeCompare(b.value));
}

/** The dimensions whose codes have names in the store, each with the query giving (code, name). */
const NAMED: Partial<Record<Dimension, Sql>> = {
  municipality: sql`SELECT code, name FROM municipality`,
  provider: sql`SELECT agb AS code, name FROM provider WHERE name IS NOT NULL`,
  product: sql`SELECT code, description AS name FROM product WHERE description IS NOT NULL`,
  team: sql`SELECT team_id AS code, name FROM team WHERE name IS NOT NULL`,
};

/** Columns that hold a dimension's codes under another name (the referrers metric lists each referrer by its id). */
export const CODE_COLUMNS: Record<string, Dimension> = { referrer_id: 'referrer' };

/** The dimension whose codes a result column holds, if it has names. */
export function namedDimension(column: string): Dimension | undefined {
  const dim = (CODE_COLUMNS[column] ?? column) as Dimension;
  return dim in NAMED || dim === 'referrer' || dim === 'referrer_type' ? dim : undefined;
}

/**
 * The names of the codes in `result`'s code columns, per dimension (only codes the result holds: the result is scoped
 * already, so nothing is named that its reader may not see).
 */
export async function resultNames(
  store: Store,
  result: MetricResult,
): Promise<Partial<Record<Dimension, Record<string, string>>>> {
  const out: Partial<Record<Dimension, Record<string, string>>> = {};
  for (const column of result.columns) {
    const dim = namedDimension(column.name);
    if (!dim) continue;
    const codes = new Set(
      result.rows
        .map((r) => r[column.name])
        .filter((v) => v !== null && v !== undefined)
        .map(String),
    );
    if (codes.size === 0) continue;
    const all =
      dim === 'referrer'
        ? (await referrerOptions(store)).map((o) => [o.value, o.label] as const)
        : dim === 'referrer_type'
          ? Object.entries(REFERRER_TYPE_LABELS)
          : (await store.all<{ code: string; name: string }>(NAMED[dim]!)).map((r) => [r.code, r.name] as const);
    out[dim] = { ...out[dim], ...Object.fromEntries(all.filter(([code]) => codes.has(code))) };
  }
  return out;
}
