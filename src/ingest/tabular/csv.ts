// Stages a CSV file: byte scan (encoding, line numbers, field counts), then DuckDB's read_csv of the mapped columns
// into a temp table, with each row's physical line number attached and verified against the scan.
import { open } from 'node:fs/promises';
import { RoerError } from '../../errors.ts';
import { quoteIdent } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { asUtf8 } from './encoding.ts';
import { maskedRaw, resolveColumns } from './header.ts';
import { quickScanCsv, scanCsv, type CsvScan } from './scan.ts';
import { checkFileSize, type Stage, type tempNames } from './stage.ts';
import type { TableSpec } from './types.ts';

/** Stages `ctx.path` as `names.stage`; records with the wrong number of fields are quarantined here. */
export async function stageCsv(ctx: ImportContext, spec: TableSpec, names: ReturnType<typeof tempNames>): Promise<Stage> {
  await checkFileSize(ctx, spec);
  const file = await asUtf8(ctx.path, spec.encoding);
  try {
    if (await startsWithZipMagic(ctx.path)) {
      throw new RoerError(`${ctx.fileName}: dit is geen CSV-bestand maar een zip/XLSX-bestand.`, 'Geef het de extensie .xlsx.');
    }
    // Irregular files (quotes, blank lines) get the full scan before DuckDB, so its Dutch errors come first.
    const quick = await quickScanCsv(file.path, ctx.fileName);
    let scan = quick.regular ? undefined : await scanCsv(file.path, spec.delimiter, ctx.fileName);
    const read = `read_csv($path, header = true, all_varchar = true, delim = $delim, quote = '"', escape = '"',
                           ignore_errors = true, auto_detect = true, sample_size = 20480)`;
    const binds = { path: file.path, delim: spec.delimiter };
    const header = (await ctx.store.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${read}`, binds)).map((r) => r.column_name);
    const columns = resolveColumns(spec, header, ctx.fileName);
    const cols = [...new Set(Object.values(columns))].map(quoteIdent);
    await ctx.store.run(`CREATE TEMP TABLE ${names.raw} AS SELECT ${cols.join(', ')} FROM ${read}`, binds);
    const staged = (await ctx.store.one<{ n: number }>(`SELECT count(*) AS n FROM ${names.raw}`))!.n;
    if (scan === undefined && staged > 0 && staged === quick.records) scan = { columns: header.length, good: staged, lines: null, bad: [] };
    scan ??= await scanCsv(file.path, spec.delimiter, ctx.fileName);
    if (staged !== scan.good) {
      throw new RoerError(
        `${ctx.fileName}: de regels konden niet betrouwbaar worden genummerd (${staged} rijen gelezen, ${scan.good} verwacht).`,
        'Controleer aanhalingstekens in het bestand: een veld met een losse " kan regels samenvoegen.',
      );
    }
    await attachLines(ctx, scan, names, cols);
    await quarantineBadRecords(ctx, spec, scan, file.path, header, columns);
    return { view: names.stage, columns, total: scan.good + scan.bad.length, staged: scan.good };
  } finally {
    await file.dispose();
  }
}

/** Row k of the raw table (rowid order = file order; inside a transaction rowids start at an offset) gets the line the scan found for good record k. */
async function attachLines(ctx: ImportContext, scan: CsvScan, names: ReturnType<typeof tempNames>, cols: string[]): Promise<void> {
  if (scan.lines === null) {
    await ctx.store.run(
      `CREATE TEMP VIEW ${names.stage} AS SELECT CAST(rowid - (SELECT min(rowid) FROM ${names.raw}) + 2 AS INTEGER) AS __line, ${cols.join(', ')} FROM ${names.raw}`,
    );
    return;
  }
  await ctx.store.run(`CREATE TEMP TABLE ${names.lines} (idx BIGINT, line INTEGER)`);
  const app = await ctx.store.connection.createAppender(names.lines, 'main', 'temp');
  scan.lines.forEach((line, idx) => { app.appendBigInt(BigInt(idx)); app.appendInteger(line); app.endRow(); });
  app.flushSync();
  app.closeSync();
  await ctx.store.run(
    `CREATE TEMP VIEW ${names.stage} AS SELECT l.line AS __line, ${cols.map((c) => `r.${c}`).join(', ')}
     FROM ${names.raw} r JOIN ${names.lines} l ON l.idx = r.rowid - (SELECT min(rowid) FROM ${names.raw})`,
  );
}

async function quarantineBadRecords(
  ctx: ImportContext, spec: TableSpec, scan: CsvScan, path: string, header: string[], columns: Record<string, string>,
): Promise<void> {
  if (scan.bad.length === 0) return;
  const fh = await open(path);
  try {
    for (const bad of scan.bad) {
      const len = Math.min(bad.end - bad.start, 64 * 1024);
      const buf = Buffer.alloc(len);
      await fh.read(buf, 0, len, bad.start);
      const cells = splitRecord(buf.toString('utf8').replace(/\r$/, ''), spec.delimiter);
      const mapped = [...new Set(Object.values(columns))].map((c): [string, string | null] => [c, cells[header.indexOf(c)] ?? null]);
      ctx.quarantine({
        record: bad.line,
        field: null,
        reason: bad.fields < scan.columns
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
  let cur = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { cells.push(cur); cur = ''; } else cur += c;
  }
  cells.push(cur);
  return cells;
}
