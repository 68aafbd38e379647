// The one SQL pass after staging: read each mapped cell once, normalise and parse it per its field type, and record per
// row which field failed and why — one vectorised CREATE TABLE AS straight from the file. A view adds the line numbers
// and the pseudonyms. Invalid rows go to quarantine; the writers read only valid rows.
import { empty, ident, join, sql, type Sql } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { bsnNumberSql, bsnValidSql, buildPseudonymTable, normaliseBsnSql } from './bsn.ts';
import { fieldsOf, type FieldDef } from './fields.ts';
import { mappedHeaders, maskedRaw } from './header.ts';
import { reasonSql, sqlType, stripAmountSql, valueSql } from './parse.ts';
import { lineSql, type Stage, type tempNames } from './stage.ts';
import type { TableSpec } from './types.ts';
import { columnSql } from './upsert.ts';

/** Column of the typed view holding a field's value (the BSN field holds the pseudonym, so it is named client_id). */
export const typedColumn = (field: string) => (field === 'bsn' ? 'client_id' : field);

/**
 * Creates temp table `names.base` (one typed column per field, `__ok`, and for invalid rows `__bad`: JSON with the
 * reasons per field `e:<field>` and the cells `s:<header>`) and over it the view `names.typed` with `__line`, `__rid`, the fields (BSN → client_id) and
 * `extra` columns (SQL over the typed columns, without bound values: a view cannot hold them); then quarantines every
 * row that is not ok. Returns how many.
 */
export async function buildTyped(
  ctx: ImportContext,
  spec: TableSpec,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
  extra: Record<string, Sql> = {},
): Promise<number> {
  const defs = fieldsOf(spec, stage.columns);
  const sourced = Object.keys(defs).filter((f) => f in stage.columns || f in spec.constants);
  const headers = mappedHeaders(stage.columns);
  const col = (prefix: string, name: string) => ident(`${prefix}:${name}`);
  // Each step is one projection over the previous one, so every cell is trimmed, normalised and parsed exactly once.
  const steps: Sql[][] = [
    Object.entries(stage.columns).map(([f, h]) => sql`${stage.clean ? col('s', h) : trimSql(col('s', h))} AS ${col('t', f)}`),
    sourced.map((f) => sql`${normSql(f, defs[f]!, spec, stage)} AS ${col('r', f)}`),
    sourced.filter((f) => defs[f]!.type === 'bsn').map((f) => sql`${bsnNumberSql(col('r', f))} AS ${col('a', f)}`),
    Object.entries(defs).map(
      ([f, d]) => sql`CAST(${!sourced.includes(f) ? sql`NULL` : fieldValueSql(f, d, spec)} AS ${sqlType(d)}) AS ${col('v', f)}`,
    ),
  ];
  // Only fields that can fail get an error column (a non-required text field never does).
  const checked = sourced.filter((f) => defs[f]!.required || defs[f]!.type !== 'text');
  steps.push(
    checked.map((f) => {
      const d = defs[f]!;
      const invalid =
        d.type === 'text' ? sql`NULL` : sql`CASE WHEN ${col('v', f)} IS NULL THEN ${reasonSql(d, col('r', f), spec)} END`;
      return sql`CASE WHEN ${col('r', f)} IS NULL THEN ${d.required ? sql`'ontbreekt'` : sql`NULL`} ELSE ${invalid} END AS ${col('e', f)}`;
    }),
  );
  const noErrors = checked.map((f) => sql`${col('e', f)} IS NULL`);
  steps.push([sql`${checked.length ? join(noErrors, ' AND ') : sql`true`} AS __ok`]);
  const source = sql`SELECT ${stage.lineColumn ? sql`__line, ` : empty}${join(headers.map((h) => sql`${ident(h)} AS ${col('s', h)}`))} FROM ${stage.from}`;
  const nested = steps.filter((s) => s.length > 0).reduce((from, s) => sql`SELECT *, ${join(s)} FROM (${from})`, source);
  const kept = [...checked.map((f) => col('e', f)), ...headers.map((h) => col('s', h))];
  const keep = [
    ...(stage.lineColumn ? [sql`__line`] : []),
    ...Object.keys(defs).map((f) => sql`${col('v', f)} AS ${ident(f === 'bsn' ? '__bsn' : f)}`),
    sql`__ok`,
    // An invalid row keeps its reasons and its cells as one JSON text, NULL (nearly free) for valid rows.
    sql`CASE WHEN NOT __ok THEN CAST(to_json(struct_pack(${join(kept.map((c) => sql`${c} := ${c}`))})) AS VARCHAR) END AS __bad`,
  ];
  await ctx.store.run(sql`CREATE TEMP TABLE ${ident(names.base)} AS SELECT ${join(keep)} FROM (${nested})`);

  const rows = (await ctx.store.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(names.base)}`))!.n;
  await stage.confirm(rows);
  await createView(ctx, stage, names, 'bsn' in defs, extra);
  return quarantineInvalid(ctx, stage, names.typed, checked);
}

/** The value of a field from its normalised cell `r:<field>` (BSNs from their number `a:<field>`, one step earlier). */
function fieldValueSql(field: string, def: FieldDef, spec: TableSpec): Sql {
  const r = ident(`r:${field}`),
    a = ident(`a:${field}`);
  if (def.type === 'bsn') return sql`CASE WHEN ${bsnValidSql(r, a)} THEN ${r} END`;
  return valueSql(def, r, spec);
}

/** The view the quarantine, the duplicate check and the writers read: lines, pseudonyms and the plan's extra columns. */
async function createView(
  ctx: ImportContext,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
  hasBsn: boolean,
  extra: Record<string, Sql>,
): Promise<void> {
  if (hasBsn) await buildPseudonymTable(ctx, names.base, '__bsn', names.pseudonyms);
  const { line, join: lineJoin } = stage.lineColumn
    ? { line: undefined, join: empty }
    : await lineSql(ctx.store, names.base, 'b', stage.lines);
  const extras = Object.entries(extra).map(([name, expr]) => sql`, ${expr} AS ${ident(name)}`);
  await ctx.store.run(
    sql`CREATE TEMP VIEW ${ident(names.typed)} AS SELECT *${join(extras, '')} FROM (
       SELECT ${line ? sql`${line} AS __line, ` : empty}b.rowid AS __rid, b.*${hasBsn ? sql` EXCLUDE (__bsn), p.client_id` : empty}
       FROM ${ident(names.base)} b ${hasBsn ? sql`LEFT JOIN ${ident(names.pseudonyms)} p ON p.bsn = b.__bsn` : empty} ${lineJoin})`,
  );
}

/** Trimmed cell, NULL when empty; trim() only runs on cells that need it (it costs as much as copying the file). */
const trimSql = (c: Sql) => sql`nullif(CASE WHEN prefix(${c}, ' ') OR suffix(${c}, ' ') THEN trim(${c}) ELSE ${c} END, '')`;

/** The normalised cell of `field`: trimmed, empty → NULL, recoded by `values`, zero-padded, amount signs stripped. */
function normSql(field: string, def: FieldDef, spec: TableSpec, stage: Stage): Sql {
  let x = field in stage.columns ? ident(`t:${field}`) : sql`${spec.constants[field]!}`;
  const recode = spec.values[field];
  if (recode && Object.keys(recode).length > 0) {
    const whens = Object.entries(recode).map(([from, to]) => sql`WHEN ${from} THEN ${to}`);
    x = sql`CASE ${x} ${join(whens, ' ')} ELSE ${x} END`;
  }
  if (def.pad)
    x = sql`CASE WHEN length(${x}) < ${def.pad} AND regexp_full_match(${x}, '\\d+') THEN lpad(${x}, ${def.pad}, '0') ELSE ${x} END`;
  if (def.type === 'amount') x = stripAmountSql(x);
  if (def.type === 'bsn') x = normaliseBsnSql(x);
  return x;
}

/** Cells of a row as the quarantine keeps them: the mapped columns only, BSN masked. */
const rawOf = (stage: Stage, row: Record<string, unknown>, prefix: string) =>
  maskedRaw(
    mappedHeaders(stage.columns).map((h) => [h, row[`${prefix}${h}`] as string | null]),
    stage.columns.bsn,
  );

async function quarantineInvalid(ctx: ImportContext, stage: Stage, typed: string, checked: string[]): Promise<number> {
  const bad = await ctx.store.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(typed)} WHERE NOT __ok`);
  if (bad!.n === 0) return 0;
  const rows = (
    await ctx.store.all<{ __line: number; __bad: string }>(
      sql`SELECT __line, __bad FROM ${ident(typed)} WHERE NOT __ok ORDER BY __line`,
    )
  ).map((r): Record<string, unknown> => ({ __line: r.__line, ...(JSON.parse(r.__bad) as Record<string, string | null>) }));
  const label = (f: string) => stage.columns[f] ?? `(constante ${f})`;
  for (const row of rows) {
    const errs = checked.filter((f) => row[`e:${f}`] !== null).map((f) => ({ field: label(f), reason: String(row[`e:${f}`]) }));
    const more = errs
      .slice(1)
      .map((e) => `; ook ${e.field}: ${e.reason}`)
      .join('');
    ctx.quarantine({
      record: Number(row.__line),
      field: errs[0]!.field,
      reason: errs[0]!.reason + more,
      raw: rawOf(stage, row, 's:'),
    });
  }
  return rows.length;
}

/**
 * For a file that feeds several tables: rows that repeat another row's every field of this table are the same record
 * seen again (a provider on each of its product lines), not a conflict. All but the last are marked not ok, without
 * quarantine. Returns how many.
 */
export async function dropRepeats(
  ctx: ImportContext,
  spec: TableSpec,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
): Promise<number> {
  const all = join(Object.keys(fieldsOf(spec, stage.columns)).map((f) => ident(typedColumn(f))));
  const repeats = sql`SELECT __rid FROM (SELECT __rid, __line, max(__line) OVER (PARTITION BY ${all}) AS keep FROM ${ident(names.typed)} WHERE __ok) WHERE __line <> keep`;
  return ctx.store.run(sql`UPDATE ${ident(names.base)} SET __ok = false WHERE rowid IN (${repeats})`);
}

/**
 * Within one file the last row with a key wins; earlier rows with the same key are quarantined (never silently
 * dropped) and marked not ok. `key`: typed column names, or expressions over them. Returns how many.
 */
export async function quarantineDuplicates(
  ctx: ImportContext,
  spec: TableSpec,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
  key: (string | Sql)[],
): Promise<number> {
  const typed = names.typed;
  // Keys of plain fields are counted in the base table, without the view's joins.
  const plain = key.every((k) => typeof k === 'string' && k in fieldsOf(spec, stage.columns) && k !== 'bsn');
  const keyed = join(key.map(columnSql));
  // A cheap aggregate on one 64-bit hash of the key first: equal keys have equal hashes, so no repeated hash proves
  // there are no duplicates; only then (or on a collision) the window below runs.
  const any = await ctx.store.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${ident(plain ? names.base : typed)} WHERE __ok GROUP BY hash(${keyed}) HAVING count(*) > 1)`,
  );
  if (any!.n === 0) return 0;
  const dups = sql`SELECT __line, __rid, keep FROM (SELECT __line, __rid, max(__line) OVER (PARTITION BY ${keyed}) AS keep FROM ${ident(typed)} WHERE __ok) WHERE __line <> keep`;
  const rawTable = await stage.raw(); // valid rows keep no copy of their cells: read them again, only now
  const headers = mappedHeaders(stage.columns);
  const cells = join(headers.map((h) => sql`s.${ident(h)} AS ${ident(`c:${h}`)}`));
  const rows = await ctx.store.all(
    sql`SELECT d.__line, d.keep, ${cells}
     FROM (${dups}) d JOIN ${ident(rawTable)} s ON s.__line = d.__line ORDER BY d.__line`,
  );
  if (rows.length === 0) return 0;
  for (const row of rows) {
    ctx.quarantine({
      record: Number(row.__line),
      field: null,
      reason: `dubbel: regel ${row.keep} heeft dezelfde sleutel en vervangt deze regel`,
      raw: rawOf(stage, row, 'c:'),
    });
  }
  await ctx.store.run(sql`UPDATE ${ident(names.base)} SET __ok = false WHERE rowid IN (SELECT __rid FROM (${dups}))`);
  return rows.length;
}
