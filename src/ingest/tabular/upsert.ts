// Builds idempotent upserts: a row whose values equal the stored ones is left alone (its file_id too), so importing
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
}

/** The INSERT … ON CONFLICT statement for `u`. */
export function upsertSql(u: Upsert): string {
  const names = Object.keys(u.cols);
  const t = u.table;
  const rest = names.filter((c) => !u.key.includes(c));
  const compared = rest.filter((c) => !(u.ignore ?? []).includes(c));
  const set = rest.map((c) => `${c} = ${u.merge ? `coalesce(excluded.${c}, ${t}.${c})` : `excluded.${c}`}`);
  const changed = compared.map((c) =>
    u.merge ? `(excluded.${c} IS NOT NULL AND excluded.${c} IS DISTINCT FROM ${t}.${c})` : `excluded.${c} IS DISTINCT FROM ${t}.${c}`);
  const where = [changed.length ? `(${changed.join(' OR ')})` : 'false', ...(u.guard ? [u.guard] : [])].join(' AND ');
  return `INSERT INTO ${t} (${names.join(', ')})
    SELECT ${names.map((c) => `${u.cols[c]} AS ${c}`).join(', ')} ${u.from}
    ON CONFLICT (${u.key.join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')} WHERE ${where}` : 'NOTHING'}`;
}
