// The one SQL pass after staging: read each mapped cell once, normalise and parse it per its field type, and record per
// row which field failed and why — one vectorised CREATE TABLE AS straight from the file. A view adds the line numbers
// and the pseudonyms. Invalid rows go to quarantine; the writers read only valid rows.
import { ident, raw, sql } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { bsnNumberSql, bsnValidSql, buildPseudonymTable, normaliseBsnSql } from './bsn.ts';
import { fieldsOf, type FieldDef } from './fields.ts';
import { mappedHeaders, maskedRaw } from './header.ts';
import { Params, statement } from './params.ts';
import { reasonSql, sqlType, stripAmountSql, valueSql } from './parse.ts';
import { lineSql, type Stage, type tempNames } from './stage.ts';
import type { TableSpec } from './types.ts';

/** Column of the typed view holding a field's value (the BSN field holds the pseudonym, so it is named client_id). */
export const typedColumn = (field: string) => (field === 'bsn' ? 'client_id' : field);

const q = (name: string) => ident(name).text;

/**
 * Creates temp table `names.base` (one typed column per field, `__ok`, and for invalid rows `__bad`: JSON with the
 * reasons per field `e:<field>` and the cells `s:<header>`) and over it the view `names.typed` with `__line`, `__rid`, the fields (BSN → client_id) and
 * `extra` columns (SQL over the typed columns); then quarantines every row that is not ok. Returns how many.
 */
export async function buildTyped(
  ctx: ImportContext,
  spec: TableSpec,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
  extra: Record<string, string> = {},
): Promise<number> {
  const p = new Params();
  const defs = fieldsOf(spec, stage.columns);
  const sourced = Object.keys(defs).filter((f) => f in stage.columns || f in spec.constants);
  const headers = mappedHeaders(stage.columns);
  const col = (prefix: string, name: string) => q(`${prefix}:${name}`);
  // Each step is one projection over the previous one, so every cell is trimmed, normalised and parsed exactly once.
  const steps: string[][] = [
    Object.entries(stage.columns).map(([f, h]) => `${stage.clean ? col('s', h) : trimSql(col('s', h))} AS ${col('t', f)}`),
    sourced.map((f) => `${normSql(f, defs[f]!, spec, stage, p)} AS ${col('r', f)}`),
    sourced.filter((f) => defs[f]!.type === 'bsn').map((f) => `${bsnNumberSql(col('r', f))} AS ${col('a', f)}`),
    Object.entries(defs).map(
      ([f, d]) => `CAST(${!sourced.includes(f) ? 'NULL' : fieldValueSql(f, d, spec, p)} AS ${sqlType(d)}) AS ${col('v', f)}`,
    ),
  ];
  // Only fields that can fail get an error column (a non-required text field never does).
  const checked = sourced.filter((f) => defs[f]!.required || defs[f]!.type !== 'text');
  steps.push(
    checked.map((f) => {
      const d = defs[f]!;
      const invalid =
        d.type === 'text' ? 'NULL' : `CASE WHEN ${col('v', f)} IS NULL THEN ${reasonSql(d, col('r', f), spec, p)} END`;
      return `CASE WHEN ${col('r', f)} IS NULL THEN ${d.required ? "'ontbreekt'" : 'NULL'} ELSE ${invalid} END AS ${col('e', f)}`;
    }),
  );
  steps.push([`${checked.length ? checked.map((f) => `${col('e', f)} IS NULL`).join(' AND ') : 'true'} AS __ok`]);
  const source = `SELECT ${stage.lineColumn ? '__line, ' : ''}${headers.map((h) => `${q(h)} AS ${col('s', h)}`).join(', ')} FROM ${stage.from}`;
  const nested = steps.filter((s) => s.length > 0).reduce((from, s) => `SELECT *, ${s.join(', ')} FROM (${from})`, source);
  const keep = [
    ...(stage.lineColumn ? ['__line'] : []),
    ...Object.keys(defs).map((f) => `${col('v', f)} AS ${q(f === 'bsn' ? '__bsn' : f)}`),
    '__ok',
    // An invalid row keeps its reasons and its cells as one JSON text, NULL (nearly free) for valid rows.
    `CASE WHEN NOT __ok THEN CAST(to_json(struct_pack(${[...checked.map((f) => col('e', f)), ...headers.map((h) => col('s', h))].map((c) => `${c} := ${c}`).join(', ')})) AS VARCHAR) END AS __bad`,
  ];
  await ctx.store.run(
    statement(`CREATE TEMP TABLE ${names.base} AS SELECT ${keep.join(', ')} FROM (${nested})`, stage.params, p.values),
  );

  const rows = (await ctx.store.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(names.base)}`))!.n;
  await stage.confirm(rows);
  await createView(ctx, stage, names, 'bsn' in defs, extra);
  return quarantineInvalid(ctx, stage, names.typed, checked);
}

/** The value of a field from its normalised cell `r:<field>` (BSNs from their number `a:<field>`, one step earlier). */
function fieldValueSql(field: string, def: FieldDef, spec: TableSpec, p: Params): string {
  const r = q(`r:${field}`),
    a = q(`a:${field}`);
  if (def.type === 'bsn') return `CASE WHEN ${bsnValidSql(r, a)} THEN ${r} END`;
  return valueSql(def, r, spec, p);
}

/** The view the quarantine, the duplicate check and the writers read: lines, pseudonyms and the plan's extra columns. */
async function createView(
  ctx: ImportContext,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
  hasBsn: boolean,
  extra: Record<string, string>,
): Promise<void> {
  if (hasBsn) await buildPseudonymTable(ctx, names.base, '__bsn', names.pseudonyms);
  const { line, join } = stage.lineColumn ? { line: '', join: '' } : await lineSql(ctx.store, names.base, 'b', stage.lines);
  const extras = Object.entries(extra)
    .map(([name, sql]) => `, ${sql} AS ${q(name)}`)
    .join('');
  await ctx.store.run(
    sql`CREATE TEMP VIEW ${raw(names.typed)} AS SELECT *${raw(extras)} FROM (
       SELECT ${raw(line ? `${line} AS __line, ` : '')}b.rowid AS __rid, b.*${raw(hasBsn ? ' EXCLUDE (__bsn), p.client_id' : '')}
       FROM ${raw(names.base)} b ${raw(hasBsn ? `LEFT JOIN ${names.pseudonyms} p ON p.bsn = b.__bsn` : '')} ${raw(join)})`,
  );
}

/** Trimmed cell, NULL when empty; trim() only runs on cells that need it (it costs as much as copying the file). */
const trimSql = (c: string) => `nullif(CASE WHEN prefix(${c}, ' ') OR suffix(${c}, ' ') THEN trim(${c}) ELSE ${c} END, '')`;

/** The normalised cell of `field`: trimmed, empty → NULL, recoded by `values`, zero-padded, amount signs stripped. */
function normSql(field: string, def: FieldDef, spec: TableSpec, stage: Stage, p: Params): string {
  let x = field in stage.columns ? q(`t:${field}`) : p.add(spec.constants[field]!);
  const recode = spec.values[field];
  if (recode && Object.keys(recode).length > 0) {
    x = `CASE ${x} ${Object.entries(recode)
      .map(([from, to]) => `WHEN ${p.add(from)} THEN ${p.add(to)}`)
      .join(' ')} ELSE ${x} END`;
  }
  if (def.pad)
    x = `CASE WHEN length(${x}) < ${def.pad} AND regexp_full_match(${x}, '\\d+') THEN lpad(${x}, ${def.pad}, '0') ELSE ${x} END`;
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
  const bad = await ctx.store.one<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(typed)} WHERE NOT __ok`);
  if (bad!.n === 0) return 0;
  const rows = (
    await ctx.store.all<{ __line: number; __bad: string }>(
      sql`SELECT __line, __bad FROM ${raw(typed)} WHERE NOT __ok ORDER BY __line`,
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
  const all = Object.keys(fieldsOf(spec, stage.columns))
    .map((f) => q(typedColumn(f)))
    .join(', ');
  const repeats = `SELECT __rid FROM (SELECT __rid, __line, max(__line) OVER (PARTITION BY ${all}) AS keep FROM ${names.typed} WHERE __ok) WHERE __line <> keep`;
  return ctx.store.run(sql`UPDATE ${raw(names.base)} SET __ok = false WHERE rowid IN (${raw(repeats)})`);
}

/**
 * Within one file the last row with a key wins; earlier rows with the same key are quarantined (never silently
 * dropped) and marked not ok. Returns how many.
 */
export async function quarantineDuplicates(
  ctx: ImportContext,
  spec: TableSpec,
  stage: Stage,
  names: ReturnType<typeof tempNames>,
  key: string[],
): Promise<number> {
  const typed = names.typed;
  // Keys of plain fields are counted in the base table, without the view's joins.
  const plain = key.every((k) => k in fieldsOf(spec, stage.columns) && k !== 'bsn');
  // A cheap aggregate on one 64-bit hash of the key first: equal keys have equal hashes, so no repeated hash proves
  // there are no duplicates; only then (or on a collision) the window below runs.
  const any = await ctx.store.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${raw(plain ? names.base : typed)} WHERE __ok GROUP BY hash(${raw(key.join(', '))}) HAVING count(*) > 1)`,
  );
  if (any!.n === 0) return 0;
  const dups = `SELECT __line, __rid, keep FROM (SELECT __line, __rid, max(__line) OVER (PARTITION BY ${key.join(', ')}) AS keep FROM ${typed} WHERE __ok) WHERE __line <> keep`;
  const rawTable = await stage.raw(); // valid rows keep no copy of their cells: read them again, only now
  const headers = mappedHeaders(stage.columns);
  const rows = await ctx.store.all(
    sql`SELECT d.__line, d.keep ${raw(headers.map((h) => `, s.${q(h)} AS ${q(`c:${h}`)}`).join(''))}
     FROM (${raw(dups)}) d JOIN ${raw(rawTable)} s ON s.__line = d.__line ORDER BY d.__line`,
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
  await ctx.store.run(sql`UPDATE ${raw(names.base)} SET __ok = false WHERE rowid IN (SELECT __rid FROM (${raw(dups)}))`);
  return rows.length;
}
