// Stages an XLSX sheet: zip-bomb guard first, then exceljs' streaming reader, rows appended with their row numbers
// into an all-text temp table of the mapped columns — the same shape the CSV path stages, for the same SQL pipeline.
import ExcelJS from 'exceljs';
import { RoerError } from '../../errors.ts';
import { ident, join, sql, type Store } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { cellText } from './cells.ts';
import { fieldsOf } from './fields.ts';
import { mappedHeaders, resolveColumns } from './header.ts';
import { checkFileSize, type Stage, type tempNames } from './stage.ts';
import type { TableSpec } from './types.ts';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipguard.ts';

/** Stages the sheet `spec.sheet` (default: the first) of `ctx.path` as `names.stage`. */
export async function stageXlsx(
  ctx: ImportContext,
  spec: TableSpec,
  names: ReturnType<typeof tempNames>,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Stage> {
  await checkFileSize(ctx, spec);
  await checkZip(ctx.path, ctx.fileName, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(ctx.path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      seen.push(name);
      if (spec.sheet !== undefined && name.toLowerCase() !== spec.sheet.toLowerCase()) {
        // Read a skipped sheet to its end: exceljs deletes a buffered sheet's temp file once the loop moves on, and a
        // sheet left unread would then open a file that is gone (an uncaught ENOENT).
        for await (const _ of sheet as unknown as AsyncIterable<unknown>);
        continue;
      }
      return await stageSheet(ctx, spec, names, sheet);
    }
  } catch (e) {
    if (e instanceof RoerError) throw e;
    throw new RoerError(`${ctx.fileName}: het XLSX-bestand kan niet worden gelezen: ${(e as Error).message}`);
  }
  if (seen.length === 0) throw new RoerError(`${ctx.fileName}: het XLSX-bestand bevat geen werkbladen.`);
  throw new RoerError(
    `${ctx.fileName}: het werkblad "${spec.sheet}" ontbreekt (werkbladen: ${seen.map((s) => `"${s}"`).join(', ')}).`,
  );
}

async function stageSheet(
  ctx: ImportContext,
  spec: TableSpec,
  names: ReturnType<typeof tempNames>,
  sheet: AsyncIterable<ExcelJS.Row>,
): Promise<Stage> {
  let columns: Record<string, string> | undefined;
  let picks: { index: number; type: ReturnType<typeof fieldType> }[] = [];
  let app: Awaited<ReturnType<Store['appender']>> | undefined;
  let total = 0;
  let headerError: unknown;
  const fieldType = (col: string) => {
    const field = Object.keys(columns!).find((f) => columns![f] === col);
    return field ? fieldsOf(spec, columns!)[field]!.type : undefined;
  };
  for await (const row of sheet) {
    const values = row.values as unknown[];
    const texts = (idx: number[], types: ReturnType<typeof fieldType>[]) =>
      idx.map((i, k) => cellText(values[i], types[k], spec.dateFormat, spec.decimal).trim());
    if (columns === undefined) {
      const header = values
        .map((v, i) => ({ i, h: cellText(v, undefined, spec.dateFormat, spec.decimal).trim() }))
        .filter((x) => x.h !== '');
      if (header.length === 0) continue;
      // Exports often put a title above the header: the header is the first of the first ten rows that has the columns.
      try {
        columns = resolveColumns(
          spec,
          header.map((x) => x.h),
          ctx.fileName,
        );
      } catch (e) {
        headerError ??= e;
        if (row.number < 10) continue;
        throw headerError;
      }
      const staged = mappedHeaders(columns);
      picks = staged.map((c) => ({ index: header.find((x) => x.h === c)!.i, type: fieldType(c) }));
      await ctx.store.run(
        sql`CREATE TEMP TABLE ${ident(names.stage)} (__line INTEGER, ${join(staged.map((c) => sql`${ident(c)} VARCHAR`))})`,
      );
      app = await ctx.store.appender(names.stage, { temp: true });
      continue;
    }
    const cells = texts(
      picks.map((p) => p.index),
      picks.map((p) => p.type),
    );
    if (cells.every((c) => c === '') && values.every((v) => v === null || v === undefined || v === '')) continue;
    app!.appendInteger(row.number);
    for (const c of cells) {
      if (c === '') app!.appendNull();
      else app!.appendVarchar(c);
    }
    app!.endRow();
    total++;
  }
  if (columns === undefined) throw headerError ?? new RoerError(`${ctx.fileName}: het werkblad is leeg.`);
  app!.flushSync();
  app!.closeSync();
  if (total === 0) throw new RoerError(`${ctx.fileName}: het werkblad bevat alleen een kopregel, geen gegevens.`);
  const table = names.stage;
  return {
    from: ident(table),
    lineColumn: true,
    columns,
    total,
    staged: total,
    clean: true, // cells trimmed, '' appended as NULL
    confirm: async () => {},
    raw: async () => table,
    dispose: async () => {},
  };
}
