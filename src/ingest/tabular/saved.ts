// Saved column mappings: a mapping (docs/mapping.md) kept by name as a JSON file in one folder beside the database, so
// an upload in the browser can reuse it and `roer import --mapping <folder>/<name>.json` reads the very same file.
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RoerError } from '../../errors.ts';
import { loadMapping, parseMapping } from './mapping.ts';
import type { Mapping } from './types.ts';

/** A mapping's name: lower-case letters, digits and dashes, as it appears in the file name. */
const NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;

export interface SavedMapping {
  name: string;
  source: string;
  /** The table kinds and file patterns, so a user can pick the right one. */
  tables: { kind: string; files: string }[];
}

/** Throws a Dutch RoerError unless `name` can name a saved mapping. */
export function checkMappingName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name))
    throw new RoerError(
      'Een kolomindeling heeft een naam van kleine letters, cijfers en streepjes (hoogstens 60 tekens), bijv. "zaaksysteem-2024".',
    );
  return name;
}

const summary = (name: string, m: Mapping): SavedMapping => ({
  name,
  source: m.source,
  tables: m.tables.map((t) => ({ kind: t.kind, files: t.files })),
});

/** The saved mappings in `dir`, by name (an unreadable file is left out). */
export async function listMappings(dir: string): Promise<SavedMapping[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  } catch {
    return [];
  }
  const out: SavedMapping[] = [];
  for (const name of names.filter((n) => NAME.test(n)).sort()) {
    try {
      out.push(summary(name, await loadMapping(join(dir, `${name}.json`))));
    } catch {
      // a hand-edited file that no longer parses is not offered
    }
  }
  return out;
}

/** The saved mapping `name`; a Dutch RoerError when there is none. */
export async function readSavedMapping(dir: string, name: string): Promise<Mapping> {
  checkMappingName(name);
  if (!(await listMappings(dir)).some((m) => m.name === name))
    throw new RoerError(`Er is geen kolomindeling met de naam '${name}'.`);
  return loadMapping(join(dir, `${name}.json`));
}

/**
 * Checks `json` as a mapping (every problem in one Dutch RoerError) and saves it as `name`, replacing an earlier one.
 * Written to a temporary file first, so a reader never sees half a mapping.
 */
export async function saveMapping(dir: string, name: string, json: unknown): Promise<SavedMapping> {
  checkMappingName(name);
  const mapping = parseMapping(json, name);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  await writeFile(`${path}.tmp`, `${JSON.stringify(json, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
  return summary(name, mapping);
}
