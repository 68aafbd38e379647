// Reads and validates a column-mapping JSON file into a typed Mapping; every error names its JSON path, in Dutch.
import { readFile } from 'node:fs/promises';
import { RoerError } from '../../errors.ts';
import type { Mapping } from './types.ts';

/** Reads the mapping at `path`. */
export async function loadMapping(path: string): Promise<Mapping> {
  const text = await readFile(path, 'utf8');
  void text;
  throw new RoerError('nog niet klaar');
}
