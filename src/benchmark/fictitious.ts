// Tells the demo's invented national set apart from CBS's own figures: its table titles carry a fixed phrase, which the
// import log keeps beside every CBS download, so a figure can say it is not CBS's.
import { sql, type Store } from '../store/index.ts';

/** Said in every title of the demo's generated tables: nobody may mistake these figures for CBS's. */
export const FICTITIOUS = 'fictief, gegenereerd door Roer';

/** True when any figure of `table` was imported from a download whose title calls it fictitious. */
export async function fictitiousCbs(store: Store, table: string): Promise<boolean> {
  const hit = await store.one(sql`SELECT 1 AS x FROM cbs_observation o JOIN import_file f ON f.file_id = o.file_id
     WHERE o.table_id = ${table} AND f.note LIKE ${`%${FICTITIOUS}%`} LIMIT 1`);
  return hit !== undefined && hit !== null;
}
