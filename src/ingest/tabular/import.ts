// Imports one CSV/XLSX file: pick its table spec, stage its rows, then validate and store them in SQL.
import { RoerError } from '../../errors.ts';
import type { ImportContext, ImportOutcome } from '../context.ts';
import type { Mapping } from './types.ts';

/** Imports the file `ctx.path` by the spec in `mapping` whose `files` glob matches `ctx.fileName`. */
export async function importTabular(ctx: ImportContext, mapping: Mapping): Promise<ImportOutcome> {
  void ctx; void mapping;
  throw new RoerError('nog niet klaar');
}
