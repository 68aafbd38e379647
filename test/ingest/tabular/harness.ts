// Test support for the tabular importer: a fresh in-memory store, a context that collects quarantine entries, and
// files written into a temp directory.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../../../src/store/index.ts';
import type { ImportContext, ImportOutcome } from '../../../src/ingest/context.ts';
import type { Problem } from '../../../src/errors.ts';
import { importTabular } from '../../../src/ingest/tabular/index.ts';
import { parseMapping } from '../../../src/ingest/tabular/mapping.ts';

export const SECRET = Buffer.alloc(32, 7);
export type Entry = Omit<Problem, 'file'> & { raw?: string };

export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'roer-tab-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Imports `path` with `mapping` (raw JSON) inside one transaction, as the orchestration does. */
export async function importFile(store: Store, path: string, mapping: unknown, fileId = basename(path)) {
  const quarantined: Entry[] = [];
  const ctx: ImportContext = {
    store,
    secret: SECRET,
    fileId,
    path,
    fileName: basename(path),
    quarantine: (p) => {
      quarantined.push(p);
    },
  };
  const outcome: ImportOutcome = await store.transaction(() => importTabular(ctx, parseMapping(mapping)));
  return { outcome, quarantined };
}

export const openStore = () => Store.open(':memory:');

/** Path of a fixture file beside this harness. */
export const fixture = (name: string) => join(dirname(fileURLToPath(import.meta.url)), name);

/** The fixtures' mapping (mapping.json) as parsed JSON. */
export const fixtureMapping = (): unknown => JSON.parse(readFileSync(fixture('mapping.json'), 'utf8'));
