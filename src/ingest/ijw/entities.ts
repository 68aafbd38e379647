// Reference rows that iJw records imply: providers (by AGB), products (code, category), clients (pseudonym, birth
// date and month, sex, municipality) and referrers. Existing rows keep what users or other sources gave them (e.g. care_type).
// Over a batch of files these statements give what importing the files one by one in index order gives.
import { birthMonthSql, ident, sql, type Sql, type Store } from '../../store/index.ts';
import { mergedFiles, STAGE_FILE } from './module.ts';
import type { Column } from './stage.ts';

/** Staging columns for the client facts a message carries. */
export const CLIENT_COLUMNS: Column[] = [
  { name: 'birth_date', type: 'VARCHAR' },
  { name: 'sex', type: 'VARCHAR' },
];

/** The header column that names the provider or the municipality: the sender or the receiver of the message. */
export type Party = 'sender' | 'receiver';

/** Adds the provider (name unknown) of every merged file when its AGB code is new. */
export async function ensureProviders(store: Store, stage: string, party: Party): Promise<void> {
  await store.run(
    sql`INSERT OR IGNORE INTO provider (agb, name) SELECT DISTINCT ${ident(party)}, NULL FROM (${mergedFiles(stage)})`,
  );
}

/** Adds products seen in the stage when missing, never overwriting: the first file with a code gives its category. */
export async function ensureProducts(store: Store, stage: string): Promise<void> {
  await store.run(
    sql`INSERT OR IGNORE INTO product (code, category)
     SELECT product_code, category FROM (SELECT file_idx, product_code, min(product_category) AS category
       FROM ${ident(stage)} WHERE product_code IS NOT NULL GROUP BY file_idx, product_code)
     QUALIFY row_number() OVER (PARTITION BY product_code ORDER BY file_idx) = 1`,
  );
}

/**
 * Adds the stage's clients, living in the `party` of each message. With `replace` (JW301: the allocating municipality
 * speaks) an existing client gets the latest file's municipality and its latest known birth date and sex; otherwise
 * the first file that names a new client decides, and existing clients are left as they are.
 */
export async function upsertClients(
  store: Store,
  stage: string,
  party: Party,
  replace: boolean,
  withFacts = true,
): Promise<void> {
  const facts = withFacts
    ? sql`CAST(any_value(s.birth_date) AS DATE) AS bd, any_value(s.sex) AS sex`
    : sql`CAST(NULL AS DATE) AS bd, CAST(NULL AS VARCHAR) AS sex`;
  const perFile = sql`SELECT s.file_idx, s.client_id, ${facts}, any_value(f.${ident(party)}) AS muni FROM ${ident(stage)} s
    JOIN ${ident(STAGE_FILE)} f USING (file_idx) WHERE s.client_id IS NOT NULL GROUP BY s.file_idx, s.client_id`;
  if (replace) {
    await store.run(
      sql`INSERT INTO client (client_id, birth_date, birth_month, sex, municipality)
       SELECT client_id, bd, ${birthMonthSql(ident('bd'))}, sex, muni FROM (
         SELECT client_id, arg_max(bd, file_idx) FILTER (WHERE bd IS NOT NULL) AS bd,
           arg_max(sex, file_idx) FILTER (WHERE sex IS NOT NULL) AS sex, arg_max(muni, file_idx) AS muni
         FROM (${perFile}) GROUP BY client_id)
       ON CONFLICT (client_id) DO UPDATE SET birth_date = coalesce(excluded.birth_date, client.birth_date),
         birth_month = coalesce(excluded.birth_month, client.birth_month),
         sex = coalesce(excluded.sex, client.sex), municipality = excluded.municipality`,
    );
  } else {
    await store.run(
      sql`INSERT OR IGNORE INTO client (client_id, birth_date, birth_month, sex, municipality)
       SELECT client_id, bd, ${birthMonthSql(ident('bd'))}, sex, muni FROM (${perFile}) QUALIFY row_number() OVER (PARTITION BY client_id ORDER BY file_idx) = 1`,
    );
  }
}

/** The referrer id of Roer's schema: type || ':' || (AGB or ''). '00:' is "unknown". */
export const referrerIdSql = (type: Sql, agb: Sql) => sql`(${type} || ':' || coalesce(${agb}, ''))`;

/** Adds the referrers of a JW315 stage (columns referrer_type, referrer_agb); the name is never stored. */
export async function ensureReferrers(store: Store, stage: string): Promise<void> {
  await store.run(
    sql`INSERT OR IGNORE INTO referrer (referrer_id, type, agb, name)
     SELECT ${referrerIdSql(sql`referrer_type`, sql`referrer_agb`)} AS id, referrer_type, referrer_agb, NULL
       FROM ${ident(stage)} WHERE referrer_type IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY id ORDER BY file_idx, rec_no) = 1`,
  );
}

/** Makes sure the "unknown referrer" row exists (when the stage has records to merge). */
export async function ensureUnknownReferrer(store: Store, stage: string): Promise<void> {
  await store.run(sql`INSERT OR IGNORE INTO referrer (referrer_id, type, agb, name)
    SELECT '00:', '00', NULL, NULL WHERE EXISTS (SELECT 1 FROM ${ident(stage)})`);
}
