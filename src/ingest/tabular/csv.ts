// Stages a CSV file: byte scan (encoding, line numbers, field counts) and DuckDB's read_csv of the mapped columns, read
// once by the typed pipeline; the number of rows DuckDB read is verified against the scan, which gives the line numbers.
import { open } from 'node:fs/promises';
import { RoerError } from '../../errors.ts';
import { ident, join, sql } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { asUtf8 } from './encoding.ts';
import { mappedHeaders, maskedRaw, resolveColumns } from './header.ts';
import { quickScanCsv, scanCsv, type CsvScan } from './scan.ts';
import { checkFileSize, lineSql, type Stage, type tempNames } from './stage.ts';
import type { TableSpec } from './types.ts';

/**
 * Prepares `ctx.path` for reading: checks size, encoding and shape, resolves the header. Nothing is copied: the typed
 * pipeline reads the file once through `stage.from`. Records with the wrong number of fields are quarantined in `confirm`.
 */
export async function stageCsv(ctx: ImportContext, spec: TableSpec, names: ReturnType<typeof tempNames>): Promise<Stage> {
  await checkFileSize(ctx, spec);
  const file = await asUtf8(ctx.path, spec.encoding);
  try {
    if (await startsWithZipMagic(ctx.path)) {
      throw new RoerError(`${ctx.fileName}: dit is geen CSV-bestand maar een zip/XLSX-bestand.`, 'Geef het de extensie .xlsx.');
    }
    // Irregular files (quotes, blank lines) get the full scan before DuckDB, so its Dutch errors come first.
    const quick = await quickScanCsv(file.path, ctx.fileName, spec.delimiter);
    let scan = quick.regular ? undefined : await scanCsv(file.path, spec.delimiter, ctx.fileName);
    const read = sql`read_csv(${file.path}, header = true, all_varchar = true, delim = ${spec.delimiter}, quote = '"', escape = '"',
                           ignore_errors = true, auto_detect = true, sample_size = 20480)`;
    const header = (await ctx.store.all<{ column_name: string }>(sql`DESCRIBE SELECT * FROM ${read}`)).map((r) => r.column_name);
    const columns = resolveColumns(spec, header, ctx.fileName);
    const cols = mappedHeaders(columns).map((h) => ident(h));
    const from = sql`(SELECT ${join(cols)} FROM ${read})`;
    const stage: Stage = {
      from,
      lineColumn: false,
      columns,
      total: quick.records,
      staged: quick.records,
      // Without quotes an empty cell is NULL already; without spaces beside delimiters nothing needs trimming.
      clean: quick.regular && !quick.padded,
      async confirm(rows) {
        if (scan === undefined && rows > 0 && rows === quick.records)
          scan = { columns: header.length, good: rows, lines: null, bad: [] };
        scan ??= await scanCsv(file.path, spec.delimiter, ctx.fileName);
        if (rows !== scan.good) {
          throw new RoerError(
            `${ctx.fileName}: de regels konden niet betrouwbaar worden genummerd (${rows} rijen gelezen, ${scan.good} verwacht).`,
            'Controleer aanhalingstekens in het bestand: een veld met een losse " kan regels samenvoegen.',
          );
        }
        if (scan.lines !== null) stage.lines = await lineTable(ctx, scan.lines, names.lines);
        await quarantineBadRecords(ctx, spec, scan, file.path, header, columns);
        stage.total = scan.good + scan.bad.length;
        stage.staged = scan.good;
      },
      async raw() {
        await ctx.store.run(sql`CREATE TEMP TABLE ${ident(names.raw)} AS SELECT * FROM ${from}`);
        const lined = await lineSql(ctx.store, names.raw, 'r', stage.lines);
        await ctx.store.run(
          sql`CREATE TEMP VIEW ${ident(names.stage)} AS SELECT ${lined.line} AS __line, ${join(cols.map((c) => sql`r.${c}`))} FROM ${ident(names.raw)} r ${lined.join}`,
        );
        return names.stage;
      },
      dispose: () => file.dispose(),
    };
    return stage;
  } catch (e) {
    await file.dispose();
    throw e;
  }
}

/** Temp table (idx, line): the line on which good record idx starts. */
async function lineTable(ctx: ImportContext, lines: Int32Array, table: string): Promise<string> {
  await ctx.store.run(sql`CREATE TEMP TABLE ${ident(table)} (idx BIGINT, line INTEGER)`);
  const app = await ctx.store.appender(table, { temp: true });
  lines.forEach((line, idx) => {
    app.appendBigInt(BigInt(idx));
    app.appendInteger(line);
    app.endRow();
  });
  app.flushSync();
  app.closeSync();
  return table;
}

async function quarantineBadRecords(
  ctx: ImportContext,
  spec: TableSpec,
  scan: CsvScan,
  path: string,
  header: string[],
  columns: Record<string, string>,
): Promise<void> {
  if (scan.bad.length === 0) return;
  const fh = await open(path);
  try {
    for (const bad of scan.bad) {
      const len = Math.min(bad.end - bad.start, 64 * 1024);
      const buf = Buffer.alloc(len);
      await fh.read(buf, 0, len, bad.start);
      const cells = splitRecord(buf.toString('utf8').replace(/\r$/, ''), spec.delimiter);
      const mapped = mappedHeaders(columns).map((c): [string, string | null] => [c, cells[header.indexOf(c)] ?? null]);
      ctx.quarantine({
        record: bad.line,
        field: null,
        reason:
          bad.fields < scan.columns
            ? `te weinig kolommen (${bad.fields} van de ${scan.columns}); is de regel afgebroken?`
            : `te veel kolommen (${bad.fields} in plaats van ${scan.columns})`,
        raw: maskedRaw(mapped, columns.bsn),
      });
    }
  } finally {
    await fh.close();
  }
}

async function startsWithZipMagic(path: string): Promise<boolean> {
  const fh = await open(path);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await fh.close();
  }
}

/** Splits one record into cells (quotes removed, "" unescaped); only used for the few refused records. */
function splitRecord(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cur = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}
