import type { Param, Store } from '../../store/index.ts';

// Builds and runs idempotent upserts: a row whose values equal the stored ones is left alone (its file_id too), so importing
// the same rows again changes nothing and the statement's changed-row count says how many records really changed.

export interface Upsert {
  table: string;
  /** target column → SQL over the typed table (may be an aggregate when `from` groups). */
  cols: Record<string, string>;
  key: string[];
  /** FROM … WHERE … [GROUP BY …]; must yield each key once. */
  from: string;
  /** Keep a stored value where the new one is NULL (dimension rows filled from several sources). */
  merge?: boolean;
  /** Columns that do not count as a change (the file that brought the row). */
  ignore?: string[];
  /** Extra condition for replacing a stored row, e.g. only a newer allocation replaces an older one. */
  guard?: string;
  /**
   * The table has no unique index on `key` (a bulk table: its index made loading ~6× slower): changed rows are updated
   * through a join, then new rows inserted through an anti-join — the same effect as ON CONFLICT, set-based.
   */
  plain?: boolean;
}

/**
 * Runs the upsert `u` (binding `params`) and returns how many rows it changed. A plain table is first probed on its key
 * columns alone: a file none of whose keys is stored yet (the usual case: a new period) is a plain bulk INSERT.
 */
export async function runUpsert(store: Store, u: Upsert, params?: Record<string, Param>): Promise<number> {
  let statements = [conflictUpsertSql(u)];
  if (u.plain) {
    const probe = `SELECT EXISTS (SELECT 1 FROM ${u.table}) AND EXISTS (SELECT 1 FROM (${selectNew(u)}) AS excluded JOIN ${u.table} ON ${keyMatch(u)}) AS hit`;
    const hit = (await store.connection.runAndReadAll(probe, params)).getRows()[0]![0] === true;
    statements = plainUpsertSql(u, hit);
  }
  let changed = 0;
  for (const sql of statements) changed += Number((await store.connection.run(sql, params)).rowsChanged);
  return changed;
}

/** SET list and change test, written over `excluded` (the new row) and the table (the stored row), as ON CONFLICT names them. */
function assignments(u: Upsert): { set: string[]; where: string } {
  const t = u.table;
  const rest = Object.keys(u.cols).filter((c) => !u.key.includes(c));
  const compared = rest.filter((c) => !(u.ignore ?? []).includes(c));
  const set = rest.map((c) => `${c} = ${u.merge ? `coalesce(excluded.${c}, ${t}.${c})` : `excluded.${c}`}`);
  const changed = compared.map((c) =>
    u.merge ? `(excluded.${c} IS NOT NULL AND excluded.${c} IS DISTINCT FROM ${t}.${c})` : `excluded.${c} IS DISTINCT FROM ${t}.${c}`);
  const where = [changed.length ? `(${changed.join(' OR ')})` : 'false', ...(u.guard ? [u.guard] : [])].join(' AND ');
  return { set, where };
}

const selectNew = (u: Upsert) => `SELECT ${Object.keys(u.cols).map((c) => `${u.cols[c]} AS ${c}`).join(', ')} ${u.from}`;

const keyMatch = (u: Upsert) => u.key.map((k) => `${u.table}.${k} = excluded.${k}`).join(' AND ');

/** Update the changed stored rows, then insert the new ones; `stored` false: no key is stored yet, so just insert. */
function plainUpsertSql(u: Upsert, stored: boolean): string[] {
  const t = u.table;
  const insert = `INSERT INTO ${t} (${Object.keys(u.cols).join(', ')}) ${selectNew(u)}`;
  if (!stored) return [insert];
  const { set, where } = assignments(u);
  const update = `UPDATE ${t} SET ${set.join(', ')} FROM (${selectNew(u)}) AS excluded WHERE ${keyMatch(u)} AND ${where}`;
  const fresh = `INSERT INTO ${t} (${Object.keys(u.cols).join(', ')})
    SELECT * FROM (${selectNew(u)}) AS excluded WHERE NOT EXISTS (SELECT 1 FROM ${t} WHERE ${keyMatch(u)})`;
  return set.length ? [update, fresh] : [fresh];
}

/** The INSERT … ON CONFLICT statement for `u`. */
function conflictUpsertSql(u: Upsert): string {
  const { set, where } = assignments(u);
  return `INSERT INTO ${u.table} (${Object.keys(u.cols).join(', ')})
    ${selectNew(u)}
    ON CONFLICT (${u.key.join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')} WHERE ${where}` : 'NOTHING'}`;
}
