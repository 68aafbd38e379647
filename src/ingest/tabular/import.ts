// Imports one CSV/XLSX file: pick its table spec, stage its rows, type and validate them in SQL, write the valid rows.
import { extname } from 'node:path';
import { RoerError } from '../../errors.ts';
import type { ImportContext, ImportOutcome } from '../context.ts';
import { stageCsv } from './csv.ts';
import { matchTable } from './mapping.ts';
import { dropTemps, tempNames } from './stage.ts';
import { buildTyped, quarantineDuplicates } from './typed.ts';
import type { Mapping } from './types.ts';
import { upsertSql } from './upsert.ts';
import { planFor } from './writers.ts';
import { stageXlsx } from './xlsx.ts';

/**
 * Imports the file `ctx.path` by the spec in `mapping` whose `files` glob matches `ctx.fileName`. Runs inside the
 * caller's transaction; the BSN only ever exists in temp tables, which are dropped before returning.
 * @example await importTabular(ctx, await loadMapping('m.json')) // { kind: 'invoice_lines', total: 3, ok: 2, unchanged: 0 }
 */
export async function importTabular(ctx: ImportContext, mapping: Mapping): Promise<ImportOutcome> {
  const spec = matchTable(mapping, ctx.fileName);
  const ext = extname(ctx.fileName).toLowerCase();
  if (ext === '.xls') {
    throw new RoerError(`${ctx.fileName}: het oude Excel-formaat .xls wordt niet ondersteund.`, 'Sla het bestand op als .xlsx of .csv.');
  }
  const names = tempNames();
  try {
    const stage = ext === '.xlsx' ? await stageXlsx(ctx, spec, names) : await stageCsv(ctx, spec, names);
    const plan = planFor(spec, names.typed, '$file');
    const invalid = await buildTyped(ctx, spec, stage, names.typed, names.pseudonyms, plan.extra);
    const duplicates = await quarantineDuplicates(ctx, stage, names.typed, plan.key);
    const valid = stage.staged - invalid - duplicates;
    let ok = 0;
    for (const write of plan.writes) {
      const sql = upsertSql(write);
      const result = await ctx.store.connection.run(sql, sql.includes('$file') ? { file: ctx.fileId } : undefined);
      if (write.main) ok += Number(result.rowsChanged);
    }
    ok = Math.min(ok, valid); // products: a row may change both its product and its tariff
    return { kind: spec.kind, total: stage.total, ok, unchanged: valid - ok };
  } finally {
    await dropTemps(ctx.store, names);
  }
}
