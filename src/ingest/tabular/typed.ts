// The one SQL pipeline after staging: normalise each mapped cell, parse it per its field type, join the pseudonyms,
// and record per row which field failed and why. Invalid rows go to quarantine; the writers read only valid rows.
import { quoteIdent } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { buildPseudonymTable, normaliseBsnSql } from './bsn.ts';
import { FIELDS, type FieldDef } from './fields.ts';
import { maskedRaw } from './header.ts';
import { Params } from './params.ts';
import { reasonSql, sqlType, stripAmountSql, valueSql } from './parse.ts';
import type { Stage } from './stage.ts';
import type { TableSpec } from './types.ts';

/** Column of the typed table holding a field's value (the BSN field holds the pseudonym, so it is named client_id). */
export const typedColumn = (field: string) => (field === 'bsn' ? 'client_id' : field);

/**
 * Creates temp table `typed` with `__line`, one typed column per field of the kind, `__ok`, and `extra` columns
 * (SQL over the typed columns), then quarantines every row that is not ok. Returns the number of rows quarantined.
 */
export async function buildTyped(
  ctx: ImportContext, spec: TableSpec, stage: Stage, typed: string, pseudonyms: string, extra: Record<string, string> = {},
): Promise<number> {
  const p = new Params();
  const defs = FIELDS[spec.kind];
  const sourced = Object.keys(defs).filter((f) => f in stage.columns || f in spec.constants);
  const r = (f: string) => quoteIdent(`r:${f}`);
  // Two steps so each cell is trimmed once: `t:` holds the trimmed cell, `r:` the recoded/padded/stripped one.
  const trimmed = Object.entries(stage.columns).map(([f, c]) => `${trimSql(`s.${quoteIdent(c)}`)} AS ${quoteIdent(`t:${f}`)}`);
  const norm = sourced.map((f) => `${normSql(f, defs[f]!, spec, stage, p)} AS ${r(f)}`);
  const values = Object.entries(defs).map(([f, d]) => {
    const v = !sourced.includes(f) ? 'NULL' : f === 'bsn' ? 'b.client_id' : valueSql(d, r(f), spec, p);
    return `CAST(${v} AS ${sqlType(d)}) AS ${quoteIdent(typedColumn(f))}`;
  });
  // Only fields that can fail get an error column (a non-required text field never does).
  const checked = sourced.filter((f) => defs[f]!.required || defs[f]!.type !== 'text');
  const errors = checked.map((f) => {
    const d = defs[f]!;
    const invalid = d.type === 'text' ? 'NULL' : `CASE WHEN ${quoteIdent(typedColumn(f))} IS NULL THEN ${reasonSql(d, r(f), spec, p)} END`;
    return `CASE WHEN ${r(f)} IS NULL THEN ${d.required ? "'ontbreekt'" : 'NULL'} ELSE ${invalid} END AS ${quoteIdent(`e:${f}`)}`;
  });
  const join = sourced.includes('bsn') ? `LEFT JOIN ${pseudonyms} b ON b.bsn = n.${r('bsn')}` : '';
  if (sourced.includes('bsn')) {
    const bp = new Params();
    const from = `(SELECT ${trimSql(`s.${quoteIdent(stage.columns.bsn!)}`)} AS ${quoteIdent('t:bsn')} FROM ${stage.view} s) t`;
    await buildPseudonymTable(ctx, from, normSql('bsn', defs.bsn!, spec, stage, bp), bp.values, pseudonyms);
  }
  const errorCols = checked.map((f) => quoteIdent(`e:${f}`));
  const extras = Object.entries(extra).map(([name, sql]) => `${sql} AS ${quoteIdent(name)}`);
  await ctx.store.run(
    `CREATE TEMP TABLE ${typed} AS
     SELECT *, ${errorCols.length ? errorCols.map((c) => `${c} IS NULL`).join(' AND ') : 'true'} AS __ok ${extras.map((e) => `, ${e}`).join('')}
     FROM (SELECT * EXCLUDE (${sourced.map(r).join(', ')})${errors.map((e) => `, ${e}`).join('')}
           FROM (SELECT n.*, ${values.join(', ')}
                 FROM (SELECT t.__line, ${norm.join(', ')} FROM (SELECT s.__line, ${trimmed.join(', ')} FROM ${stage.view} s) t) n ${join}))`,
    p.values,
  );
  return quarantineInvalid(ctx, stage, typed, checked);
}

/** Trimmed cell, NULL when empty; trim() only runs on cells that need it (it costs as much as copying the file). */
const trimSql = (c: string) => `nullif(CASE WHEN prefix(${c}, ' ') OR suffix(${c}, ' ') THEN trim(${c}) ELSE ${c} END, '')`;

/** The normalised cell of `field`: trimmed, empty → NULL, recoded by `values`, zero-padded, amount signs stripped. */
function normSql(field: string, def: FieldDef, spec: TableSpec, stage: Stage, p: Params): string {
  let x = field in stage.columns ? `t.${quoteIdent(`t:${field}`)}` : p.add(spec.constants[field]!);
  const recode = spec.values[field];
  if (recode && Object.keys(recode).length > 0) {
    x = `CASE ${x} ${Object.entries(recode).map(([from, to]) => `WHEN ${p.add(from)} THEN ${p.add(to)}`).join(' ')} ELSE ${x} END`;
  }
  if (def.pad) x = `CASE WHEN length(${x}) < ${def.pad} AND regexp_full_match(${x}, '\\d+') THEN lpad(${x}, ${def.pad}, '0') ELSE ${x} END`;
  if (def.type === 'amount') x = stripAmountSql(x);
  if (def.type === 'bsn') x = normaliseBsnSql(x);
  return x;
}

async function quarantineInvalid(ctx: ImportContext, stage: Stage, typed: string, checked: string[]): Promise<number> {
  const bad = await ctx.store.one<{ n: number }>(`SELECT count(*) AS n FROM ${typed} WHERE NOT __ok`);
  if (bad!.n === 0) return 0; // the common case: skip joining the whole file back to its staged text
  const fileCols = Object.entries(stage.columns);
  const rows = await ctx.store.all(
    `SELECT t.__line, ${checked.map((f) => `t.${quoteIdent(`e:${f}`)}`).join(', ')}
            ${fileCols.map(([f, c]) => `, s.${quoteIdent(c)} AS ${quoteIdent(`c:${f}`)}`).join('')}
     FROM ${typed} t JOIN ${stage.view} s ON s.__line = t.__line WHERE NOT t.__ok ORDER BY t.__line`,
  );
  const label = (f: string) => stage.columns[f] ?? `(constante ${f})`;
  for (const row of rows) {
    const errs = checked.filter((f) => row[`e:${f}`] !== null).map((f) => ({ field: label(f), reason: String(row[`e:${f}`]) }));
    const more = errs.slice(1).map((e) => `; ook ${e.field}: ${e.reason}`).join('');
    ctx.quarantine({
      record: Number(row.__line),
      field: errs[0]!.field,
      reason: errs[0]!.reason + more,
      raw: maskedRaw(fileCols.map(([f, c]) => [c, row[`c:${f}`] as string | null]), stage.columns.bsn),
    });
  }
  return rows.length;
}

/**
 * Within one file the last row with a key wins; earlier rows with the same key are quarantined (never silently
 * dropped) and marked not ok. Returns how many.
 */
export async function quarantineDuplicates(ctx: ImportContext, stage: Stage, typed: string, key: string[]): Promise<number> {
  const any = await ctx.store.one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${typed} WHERE __ok GROUP BY ${key.join(', ')} HAVING count(*) > 1)`);
  if (any!.n === 0) return 0; // a cheap hash aggregate first; the window below only runs when there are duplicates
  const dups = `SELECT __line, keep FROM (SELECT __line, max(__line) OVER (PARTITION BY ${key.join(', ')}) AS keep FROM ${typed} WHERE __ok) WHERE __line <> keep`;
  const fileCols = Object.entries(stage.columns);
  const rows = await ctx.store.all(
    `SELECT d.__line, d.keep ${fileCols.map(([f, c]) => `, s.${quoteIdent(c)} AS ${quoteIdent(`c:${f}`)}`).join('')}
     FROM (${dups}) d JOIN ${stage.view} s ON s.__line = d.__line ORDER BY d.__line`,
  );
  if (rows.length === 0) return 0;
  for (const row of rows) {
    ctx.quarantine({
      record: Number(row.__line),
      field: null,
      reason: `dubbel: regel ${row.keep} heeft dezelfde sleutel en vervangt deze regel`,
      raw: maskedRaw(fileCols.map(([f, c]) => [c, row[`c:${f}`] as string | null]), stage.columns.bsn),
    });
  }
  await ctx.store.run(`UPDATE ${typed} SET __ok = false WHERE __line IN (SELECT __line FROM (${dups}))`);
  return rows.length;
}
