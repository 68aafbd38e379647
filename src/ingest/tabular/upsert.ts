// Builds and runs idempotent upserts: a row whose values equal the stored ones is left alone (its file_id too), so importing
// the same rows again changes nothing and the statement's changed-row count says how many records really changed.
import { ident, join, sql, type Sql, type Store } from '../../store/index.ts';

export interface Upsert {
  table: string;
  /** target column → a typed column's name, or SQL over the typed table (may be an aggregate when `from` groups). */
  cols: Record<string, string | Sql>;
  key: string[];
  /** FROM … WHERE … [GROUP BY …]; must yield each key once. */
  from: Sql;
  /** Keep a stored value where the new one is NULL (dimension rows filled from several sources). */
  merge?: boolean;
  /** Columns that do not count as a change (the file that brought the row). */
  ignore?: string[];
  /** Extra condition for replacing a stored row, e.g. only a newer allocation replaces an older one. */
  guard?: Sql;
  /**
   * The table has no unique index on `key` (a bulk table: its index made loading ~6× slower): new and changed rows are
   * found with one join, then inserted and updated — the same effect as ON CONFLICT, set-based.
   */
  plain?: boolean;
}

/**
 * Runs the upsert `u` and returns how many rows it changed. A plain table is first probed on its key columns alone: a
 * file none of whose keys is stored yet (the usual case: a new period) is a plain bulk INSERT; else one join sets apart
 * the new and the changed rows (a re-import of the same file finds none and writes nothing).
 */
export async function runUpsert(store: Store, u: Upsert): Promise<number> {
  if (!u.plain) return store.run(conflictUpsertSql(u));
  const table = ident(u.table);
  const cols = join(Object.keys(u.cols).map((c) => ident(c)));
  const probe = sql`SELECT EXISTS (SELECT 1 FROM ${table}) AND EXISTS (SELECT 1 FROM (${selectNew(u)}) AS excluded JOIN ${table} ON ${keyMatch(u)}) AS hit`;
  if ((await store.one<{ hit: boolean }>(probe))?.hit !== true) {
    return store.run(sql`INSERT INTO ${table} (${cols}) ${selectNew(u)}`);
  }
  const delta = ident(`roer_delta_${process.pid}_${++deltas}`);
  const { set, where } = assignments(u);
  try {
    await store.run(
      sql`CREATE TEMP TABLE ${delta} AS SELECT excluded.*, ${table}.rowid AS __tid FROM (${selectNew(u)}) AS excluded
       LEFT JOIN ${table} ON ${keyMatch(u)} WHERE ${table}.rowid IS NULL OR (${where})`,
    );
    const updated =
      set.length === 0
        ? 0
        : await store.run(sql`UPDATE ${table} SET ${join(set)} FROM ${delta} AS excluded WHERE ${table}.rowid = excluded.__tid`);
    const inserted = await store.run(sql`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${delta} WHERE __tid IS NULL`);
    return updated + inserted;
  } finally {
    await store.run(sql`DROP TABLE IF EXISTS temp.main.${delta}`).catch(() => {}); // aborted: the rollback drops it
  }
}

let deltas = 0;

/** A typed column's name (quoted), or an SQL expression as it is: how plans name what they read. */
export const columnSql = (v: string | Sql): Sql => (typeof v === 'string' ? ident(v) : v);

/** SET list and change test, written over `excluded` (the new row) and the table (the stored row), as ON CONFLICT names them. */
function assignments(u: Upsert): { set: Sql[]; where: Sql } {
  const t = ident(u.table);
  const rest = Object.keys(u.cols).filter((c) => !u.key.includes(c));
  const compared = rest.filter((c) => !(u.ignore ?? []).includes(c));
  const set = rest.map((name) => {
    const c = ident(name);
    return sql`${c} = ${u.merge ? sql`coalesce(excluded.${c}, ${t}.${c})` : sql`excluded.${c}`}`;
  });
  const changed = compared.map((name) => {
    const c = ident(name);
    return u.merge
      ? sql`(excluded.${c} IS NOT NULL AND excluded.${c} IS DISTINCT FROM ${t}.${c})`
      : sql`excluded.${c} IS DISTINCT FROM ${t}.${c}`;
  });
  const where = join([changed.length ? sql`(${join(changed, ' OR ')})` : sql`false`, ...(u.guard ? [u.guard] : [])], ' AND ');
  return { set, where };
}

const selectNew = (u: Upsert) =>
  sql`SELECT ${join(Object.entries(u.cols).map(([c, v]) => sql`${columnSql(v)} AS ${ident(c)}`))} ${u.from}`;

const keyMatch = (u: Upsert) =>
  join(
    u.key.map((k) => sql`${ident(u.table)}.${ident(k)} = excluded.${ident(k)}`),
    ' AND ',
  );

/** The INSERT … ON CONFLICT statement for `u`. */
function conflictUpsertSql(u: Upsert): Sql {
  const { set, where } = assignments(u);
  return sql`INSERT INTO ${ident(u.table)} (${join(Object.keys(u.cols).map((c) => ident(c)))})
    ${selectNew(u)}
    ON CONFLICT (${join(u.key.map((k) => ident(k)))}) DO ${set.length ? sql`UPDATE SET ${join(set)} WHERE ${where}` : sql`NOTHING`}`;
}
