// A staged file: its mapped columns as all-text rows with the line (CSV) or row number (XLSX) of each, in a temp relation.
import { stat } from 'node:fs/promises';
import { RoerError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import type { TableSpec } from './types.ts';

export interface Stage {
  /** Temp view or table with `__line` and the mapped columns under their header names. */
  view: string;
  /** field → header name in `view`. */
  columns: Record<string, string>;
  /** Data records offered (staged rows plus rows refused while staging). */
  total: number;
  /** Rows in `view`. */
  staged: number;
}

let counter = 0;

/** Unique names for one import's temp objects, so a failed drop never collides with the next file. */
export function tempNames(): { stage: string; raw: string; lines: string; typed: string; pseudonyms: string } {
  const n = `${process.pid}_${++counter}`;
  return { stage: `roer_stage_${n}`, raw: `roer_raw_${n}`, lines: `roer_lines_${n}`, typed: `roer_typed_${n}`, pseudonyms: `roer_bsn_${n}` };
}

/**
 * Drops whichever of the temp objects exist (views first: they depend on the tables). After a failed statement the
 * transaction is aborted and the caller's rollback removes them anyway, so errors here are ignored.
 */
export async function dropTemps(store: Store, names: ReturnType<typeof tempNames>): Promise<void> {
  const wanted = Object.values(names);
  try {
    const existing = await store.all<{ name: string; kind: string }>(
      `SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE temporary
       UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary ORDER BY kind DESC`,
    );
    for (const o of existing) if (wanted.includes(o.name)) await store.run(`DROP ${o.kind} temp.main.${o.name}`);
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
