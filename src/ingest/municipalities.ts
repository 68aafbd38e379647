// The municipality dimension: all Dutch municipalities with province and youth-care region (CBS classification),
// loaded once from the reference list so that every code in the data has a name and a region.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/index.ts';

/** The reference list beside the project (`../shared/reference/gemeenten-2026.csv`), or $ROER_GEMEENTEN. */
export function municipalityList(env: NodeJS.ProcessEnv = process.env): string {
  return env.ROER_GEMEENTEN ?? fileURLToPath(new URL('../../../shared/reference/gemeenten-2026.csv', import.meta.url));
}

/**
 * Adds the municipalities of `csv` (gemeentecode;gemeentenaam;provincie;jeugdzorgregio, comma-separated) that the store
 * does not have yet; existing rows are left as they are. Returns the number added (0 when the list is absent).
 */
export async function loadMunicipalities(store: Store, csv = municipalityList()): Promise<number> {
  if (!existsSync(csv)) return 0;
  const before = (await store.one<{ n: number }>('SELECT count(*) AS n FROM municipality'))!.n;
  await store.run(
    `INSERT OR IGNORE INTO municipality
       SELECT lpad(trim(gemeentecode), 4, '0'), trim(gemeentenaam), trim(provincie), trim(jeugdzorgregio)
         FROM read_csv(?, header = true, all_varchar = true, delim = ',')`,
    [csv],
  );
  return (await store.one<{ n: number }>('SELECT count(*) AS n FROM municipality'))!.n - before;
}
