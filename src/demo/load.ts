// Imports a generated demo folder through the same importers a user would use: the CSV exports with the folder's
// mapping.json, and the iJw messages under ijw/; like 'roer import', one audit entry per offered file. The region's
// measures register gets the regional plan's fifteen measures, Steenwijkerland's the example lever measures.
import { auditImports, cliActor, type Actor } from '../access/audit.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importPaths, type FileReport, type ImportProgress } from '../ingest/importer.ts';
import type { Secret } from '../ingest/pseudonym.ts';
import { loadMapping } from '../ingest/tabular/index.ts';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import type { Store } from '../store/index.ts';
import { importCbsPaths } from '../benchmark/import.ts';
import { CBS_DIR } from './cbsnational.ts';
import { CONTEXT_FILE } from './contextdeciles.ts';
import { PLAN_MEASURES } from '../forecast/regional-plan.fixture.ts';
import { seedMeasures } from '../forecast/register.ts';
import { EXAMPLE_MEASURES, EXAMPLE_MUNICIPALITY } from './measures.ts';

/** The files of a demo folder in the form importPaths takes them (the mapping itself is not data). */
export function demoPaths(dir: string): string[] {
  const csv = readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()
    .map((n) => join(dir, n));
  return existsSync(join(dir, 'ijw')) ? [...csv, join(dir, 'ijw')] : csv;
}

/**
 * Imports the demo folder `dir` into `store`, logging each file as imported by `actor` (default: the CLI's user).
 * @example await importDemo(store, 'data/demo', secret)
 */
export async function importDemo(
  store: Store,
  dir: string,
  secret: Secret,
  onProgress?: (p: ImportProgress) => void,
  actor: Actor = cliActor(),
): Promise<FileReport[]> {
  const mapping = await loadMapping(join(dir, 'mapping.json'));
  await loadMunicipalities(store);
  const reports = await importPaths(store, demoPaths(dir), { secret, mapping, ...(onProgress ? { onProgress } : {}) });
  await auditImports(store, actor, reports);
  // The fictitious national CBS set (labelled so in its titles): the benchmark has figures out of the box.
  if (existsSync(join(dir, CBS_DIR))) await importCbsPaths(store, [join(dir, CBS_DIR)]);
  // Fictitious context deciles (labelled so in their 'Bron' column): the context reference group works out of the box.
  if (existsSync(join(dir, CONTEXT_FILE))) await importCbsPaths(store, [join(dir, CONTEXT_FILE)]);
  // The regional plan's fifteen measures, so a new user sees a filled register (only into an empty one).
  await seedMeasures(store, actor, null, PLAN_MEASURES);
  // Example measures on the model's levers, each with an indicator (labelled "Voorbeeld"), so the scenario through the
  // baseline and the monitoring panel show something on the demo.
  await seedMeasures(store, actor, EXAMPLE_MUNICIPALITY, EXAMPLE_MEASURES);
  return reports;
}
