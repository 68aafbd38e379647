// A staged file: where its mapped columns can be read as text (DuckDB's read_csv, or a temp table for XLSX), and how
// each row's line (CSV) or row number (XLSX) is found.
import { stat } from 'node:fs/promises';
import { RoerError } from '../../errors.ts';
import { empty, ident, literal, sql, type Sql, type Store } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import type { TableSpec } from './types.ts';

export interface Stage {
  /** FROM item yielding the mapped columns as text under their header names, in file order (its values bound). */
  from: Sql;
  /** true: `from` carries each row's `__line` (XLSX row numbers); false: the line follows from file order (CSV). */
  lineColumn: boolean;
  /** True when no cell needs trimming and an empty cell is NULL already (the typed pass then skips that step). */
  clean: boolean;
  /** field → header name in `from`. */
  columns: Record<string, string>;
  /** Data records offered (staged rows plus rows refused while staging); final once `confirm` has run. */
  total: number;
  /** Rows `from` yields; final once `confirm` has run. */
  staged: number;
  /** Temp table (idx, line) when record k does not start on line k + 2 (quoted line breaks, blank lines). */
  lines?: string;
  /**
   * Called with the number of rows DuckDB read: checks it against the byte scan (running the full scan when needed),
   * quarantines records with the wrong number of fields and sets `total`, `staged` and `lines`.
   */
  confirm(rows: number): Promise<void>;
  /** A temp relation of `__line` + the mapped columns as text, made on demand (only to quarantine valid rows). */
  raw(): Promise<string>;
  /** Removes a transcoded copy of the file, if one was made. */
  dispose(): Promise<void>;
}

/**
 * SQL for the line of row `alias` of temp table `table` filled in file order (CTAS keeps insertion order, so rowid is
 * file order; inside a transaction rowids start at an offset): record k starts on line k + 2 unless `lines` says where.
 * The offset is read once and written into the SQL as a number (a scalar subquery would cost a join on every read).
 */
export async function lineSql(
  store: Store,
  table: string,
  alias: string,
  lines: string | undefined,
): Promise<{ line: Sql; join: Sql }> {
  const first =
    (await store.one<{ m: string | null }>(sql`SELECT CAST(min(rowid) AS VARCHAR) AS m FROM ${ident(table)}`))?.m ?? '0';
  if (!/^\d+$/.test(first)) throw new Error(`unexpected rowid ${first}`);
  // A literal, not a parameter: the line is part of a view, which DuckDB cannot prepare with parameters.
  const idx = sql`(${ident(alias)}.rowid - ${literal(BigInt(first))})`;
  if (lines === undefined) return { line: sql`CAST(${idx} + 2 AS INTEGER)`, join: empty };
  const l = ident(`${alias}__l`);
  return { line: sql`${l}.line`, join: sql`JOIN ${ident(lines)} ${l} ON ${l}.idx = ${idx}` };
}

let counter = 0;

/** Unique names for one import's temp objects, so a failed drop never collides with the next file. */
export function tempNames(): { stage: string; raw: string; lines: string; base: string; typed: string; pseudonyms: string } {
  const n = `${process.pid}_${++counter}`;
  return {
    stage: `roer_stage_${n}`,
    raw: `roer_raw_${n}`,
    lines: `roer_lines_${n}`,
    base: `roer_base_${n}`,
    typed: `roer_typed_${n}`,
    pseudonyms: `roer_bsn_${n}`,
  };
}

/**
 * Drops whichever of the temp objects exist (views first: they depend on the tables). After a failed statement the
 * transaction is aborted and the caller's rollback removes them anyway, so errors here are ignored.
 */
export async function dropTemps(store: Store, names: ReturnType<typeof tempNames>): Promise<void> {
  const wanted = Object.values(names);
  try {
    const existing = await store.all<{ name: string; kind: string }>(
      sql`SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE temporary
       UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary ORDER BY kind DESC`,
    );
    for (const o of existing) {
      if (wanted.includes(o.name))
        await store.run(sql`DROP ${o.kind === 'VIEW' ? sql`VIEW` : sql`TABLE`} ${ident('temp', 'main', o.name)}`);
    }
  } catch {
    // aborted transaction: the rollback drops them
  }
}

/** Refuses an empty file or one over the spec's size limit before anything reads it. */
export async function checkFileSize(ctx: ImportContext, spec: TableSpec): Promise<void> {
  const { size } = await stat(ctx.path);
  if (size === 0) throw new RoerError(`${ctx.fileName}: het bestand is leeg.`);
  if (size > spec.maxFileBytes) {
    throw new RoerError(
      `${ctx.fileName}: het bestand is te groot (${formatSize(size)}; grens ${formatSize(spec.maxFileBytes)}).`,
      'Verhoog zo nodig "maxFileBytes" in de mapping.',
    );
  }
}

const formatSize = (n: number) => (n < 1e6 ? `${n} bytes` : `${Math.round(n / 1e6).toLocaleString('nl-NL')} MB`);
