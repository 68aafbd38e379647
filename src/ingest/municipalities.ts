// The municipality dimension: all Dutch municipalities with province and youth-care region (CBS classification),
// loaded once from the reference list so that every code in the data has a name and a region.
import { existsSync } from 'node:fs';
import { RoerError } from '../errors.ts';
import { municipalityList } from '../reference.ts';
import { sql, type Store } from '../store/index.ts';

/**
 * Adds the municipalities of `csv` (gemeentecode;gemeentenaam;provincie;jeugdzorgregio, comma-separated) that the store
 * does not have yet; existing rows are left as they are. Returns the number added; a missing list is a clear error, since
 * without it codes have no name or region.
 */
export async function loadMunicipalities(store: Store, csv = municipalityList()): Promise<number> {
  if (!existsSync(csv))
    throw new RoerError(
      `Gemeentelijst niet gevonden: ${csv}`,
      'Zet ROER_GEMEENTEN op een bestaand bestand, of laat de variabele weg om de meegeleverde lijst te gebruiken.',
    );
  const before = (await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM municipality`))!.n;
  await store.run(
    sql`INSERT OR IGNORE INTO municipality
       SELECT lpad(trim(gemeentecode), 4, '0'), trim(gemeentenaam), trim(provincie), trim(jeugdzorgregio)
         FROM read_csv(${csv}, header = true, all_varchar = true, delim = ',')`,
  );
  return (await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM municipality`))!.n - before;
}
