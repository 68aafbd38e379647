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

/** Drops the temp objects; errors are ignored because an aborted transaction is rolled back by the caller anyway. */
export async function dropTemps(store: Store, names: ReturnType<typeof tempNames>): Promise<void> {
  for (const [kind, name] of [['VIEW', names.stage], ['TABLE', names.typed], ['TABLE', names.pseudonyms], ['TABLE', names.lines], ['TABLE', names.raw], ['TABLE', names.stage]] as const) {
    try {
      await store.run(`DROP ${kind} IF EXISTS temp.main.${name}`);
    } catch {
      // wrong kind for this name, or the transaction is aborted: nothing to drop
    }
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
