// Imports one CSV/XLSX file: pick its table spec(s), stage it, type and validate its rows in one SQL pass, refuse
// misread amounts, write the valid rows.
import { extname } from 'node:path';
import { RoerError } from '../../errors.ts';
import { sql } from '../../store/index.ts';
import type { ImportContext, ImportOutcome } from '../context.ts';
import { stageCsv } from './csv.ts';
import { csvReadError } from './csverror.ts';
import { matchTables } from './mapping.ts';
import { checkAmountNames, checkTariffs } from './plausible.ts';
import { dropTemps, tempNames, type Stage } from './stage.ts';
import { buildTyped, dropRepeats, quarantineDuplicates } from './typed.ts';
import type { Mapping, TableSpec } from './types.ts';
import { runUpsert } from './upsert.ts';
import { planFor } from './writers.ts';
import { stageXlsx } from './xlsx.ts';

/**
 * Imports the file `ctx.path` by the specs in `mapping` whose `files` pattern matches `ctx.fileName` (one file may feed
 * several tables: see matchTables). Runs inside the caller's transaction; the BSN only ever exists in temp tables,
 * which are dropped before returning.
 * @example await importTabular(ctx, await loadMapping('m.json')) // { kind: 'invoice_lines', total: 3, ok: 2, unchanged: 0 }
 */
export async function importTabular(ctx: ImportContext, mapping: Mapping): Promise<ImportOutcome> {
  const specs = matchTables(mapping, ctx.fileName);
  const ext = extname(ctx.fileName).toLowerCase();
  if (ext === '.xls') {
    throw new RoerError(
      `${ctx.fileName}: het oude Excel-formaat .xls wordt niet ondersteund.`,
      'Sla het bestand op als .xlsx of .csv.',
    );
  }
  const outcomes: ImportOutcome[] = [];
  for (const spec of specs) outcomes.push(await importAs(ctx, spec, ext, specs.length > 1));
  if (outcomes.length === 1) return outcomes[0]!;
  // One file read as several tables: its records once, the stored and unchanged records of every table summed.
  return {
    kind: outcomes.map((o) => o.kind).join('+'),
    total: outcomes[0]!.total,
    ok: outcomes.reduce((n, o) => n + o.ok, 0),
    unchanged: outcomes.reduce((n, o) => n + (o.unchanged ?? 0), 0),
    note: outcomes.map((o) => `${o.kind}: ${o.ok} opgeslagen, ${o.unchanged ?? 0} ongewijzigd`).join('; '),
  };
}

/** Imports the file as the table `spec` describes; `feedsOthers` when the file feeds other tables too. */
async function importAs(ctx: ImportContext, spec: TableSpec, ext: string, feedsOthers: boolean): Promise<ImportOutcome> {
  const names = tempNames();
  await keepOrder(ctx);
  let stage: Stage | undefined;
  try {
    stage = ext === '.xlsx' ? await stageXlsx(ctx, spec, names) : await stageCsv(ctx, spec, names);
    await checkAmountNames(ctx, spec, stage);
    const plan = planFor(spec, names.typed, ctx.fileId, stage.columns);
    const invalid = await buildTyped(ctx, spec, stage, names, plan.extra);
    const repeats = feedsOthers ? await dropRepeats(ctx, spec, stage, names) : 0;
    const duplicates = await quarantineDuplicates(ctx, spec, stage, names, plan.key);
    await checkTariffs(ctx, spec, stage, names.typed);
    const valid = stage.staged - invalid - repeats - duplicates;
    let ok = 0;
    await unordered(ctx, async () => {
      for (const write of plan.writes) {
        const changed = await runUpsert(ctx.store, write);
        if (write.main) ok += changed;
      }
    });
    ok = Math.min(ok, valid); // products: a row may change both its product and its tariffs
    return { kind: spec.kind, total: stage.total, ok, unchanged: valid - ok };
  } catch (e) {
    throw ext === '.xlsx' ? e : csvReadError(e, ctx.fileName);
  } finally {
    await dropTemps(ctx.store, names);
    await stage?.dispose();
  }
}

/**
 * Runs the writes with preserve_insertion_order off, so DuckDB inserts in parallel (the order of rows in a table means
 * nothing; the line numbers were fixed before). Settings are not transactional, so after a failure (the transaction is
 * aborted and refuses the reset) the next file sets the order back before it reads: see `keepOrder`.
 */
async function unordered(ctx: ImportContext, fn: () => Promise<void>): Promise<void> {
  if (!(await configurable(ctx))) return fn();
  await ctx.store.run(sql`SET preserve_insertion_order = false`);
  try {
    await fn();
  } finally {
    await ctx.store.run(sql`SET preserve_insertion_order = true`).catch(() => {});
  }
}

/** Reading a file must keep insertion order: a temp table's rowid is then the record's place in the file. */
async function keepOrder(ctx: ImportContext): Promise<void> {
  if (await configurable(ctx)) await ctx.store.run(sql`SET preserve_insertion_order = true`);
}

/** False on a connection whose configuration is locked (then DuckDB's default, insertion order kept, holds). */
async function configurable(ctx: ImportContext): Promise<boolean> {
  return (await ctx.store.one<{ v: boolean }>(sql`SELECT current_setting('lock_configuration') AS v`))?.v !== true;
}
