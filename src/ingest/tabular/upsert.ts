// Builds and runs idempotent upserts: a row whose values equal the stored ones is left alone (its file_id too), so importing
// the same rows again changes nothing and the statement's changed-row count says how many records really changed.
import { raw, sql, type Param, type Store } from '../../store/index.ts';
import { statement } from './params.ts';

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
   * The table has no unique index on `key` (a bulk table: its index made loading ~6× slower): new and changed rows are
   * found with one join, then inserted and updated — the same effect as ON CONFLICT, set-based.
   */
  plain?: boolean;
}

/**
 * Runs the upsert `u` (binding `params`) and returns how many rows it changed. A plain table is first probed on its key
 * columns alone: a file none of whose keys is stored yet (the usual case: a new period) is a plain bulk INSERT; else one
 * join sets apart the new and the changed rows (a re-import of the same file finds none and writes nothing).
 */
export async function runUpsert(store: Store, u: Upsert, params: Record<string, Param> = {}): Promise<number> {
  const bound = (text: string) => statement(text, params);
  if (!u.plain) return store.run(bound(conflictUpsertSql(u)));
  const cols = Object.keys(u.cols).join(', ');
  const probe = `SELECT EXISTS (SELECT 1 FROM ${u.table}) AND EXISTS (SELECT 1 FROM (${selectNew(u)}) AS excluded JOIN ${u.table} ON ${keyMatch(u)}) AS hit`;
  if ((await store.one<{ hit: boolean }>(bound(probe)))?.hit !== true) {
    return store.run(bound(`INSERT INTO ${u.table} (${cols}) ${selectNew(u)}`));
  }
  const delta = raw(`roer_delta_${process.pid}_${++deltas}`);
  const { set, where } = assignments(u);
  const table = raw(u.table);
  try {
    await store.run(
      bound(`CREATE TEMP TABLE ${delta.text} AS SELECT excluded.*, ${u.table}.rowid AS __tid FROM (${selectNew(u)}) AS excluded
       LEFT JOIN ${u.table} ON ${keyMatch(u)} WHERE ${u.table}.rowid IS NULL OR (${where})`),
    );
    const updated =
      set.length === 0
        ? 0
        : await store.run(
            sql`UPDATE ${table} SET ${raw(set.join(', '))} FROM ${delta} AS excluded WHERE ${table}.rowid = excluded.__tid`,
          );
    const inserted = await store.run(
      sql`INSERT INTO ${table} (${raw(cols)}) SELECT ${raw(cols)} FROM ${delta} WHERE __tid IS NULL`,
    );
    return updated + inserted;
  } finally {
    await store.run(sql`DROP TABLE IF EXISTS temp.main.${delta}`).catch(() => {}); // aborted: the rollback drops it
  }
}

let deltas = 0;

/** SET list and change test, written over `excluded` (the new row) and the table (the stored row), as ON CONFLICT names them. */
function assignments(u: Upsert): { set: string[]; where: string } {
  const t = u.table;
  const rest = Object.keys(u.cols).filter((c) => !u.key.includes(c));
  const compared = rest.filter((c) => !(u.ignore ?? []).includes(c));
  const set = rest.map((c) => `${c} = ${u.merge ? `coalesce(excluded.${c}, ${t}.${c})` : `excluded.${c}`}`);
  const changed = compared.map((c) =>
    u.merge
      ? `(excluded.${c} IS NOT NULL AND excluded.${c} IS DISTINCT FROM ${t}.${c})`
      : `excluded.${c} IS DISTINCT FROM ${t}.${c}`,
  );
  const where = [changed.length ? `(${changed.join(' OR ')})` : 'false', ...(u.guard ? [u.guard] : [])].join(' AND ');
  return { set, where };
}

const selectNew = (u: Upsert) =>
  `SELECT ${Object.keys(u.cols)
    .map((c) => `${u.cols[c]} AS ${c}`)
    .join(', ')} ${u.from}`;

const keyMatch = (u: Upsert) => u.key.map((k) => `${u.table}.${k} = excluded.${k}`).join(' AND ');

/** The INSERT … ON CONFLICT statement for `u`. */
function conflictUpsertSql(u: Upsert): string {
  const { set, where } = assignments(u);
  return `INSERT INTO ${u.table} (${Object.keys(u.cols).join(', ')})
    ${selectNew(u)}
    ON CONFLICT (${u.key.join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')} WHERE ${where}` : 'NOTHING'}`;
}
