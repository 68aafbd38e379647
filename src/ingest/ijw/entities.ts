// Reference rows that iJw records imply: providers (by AGB), products (code, category), clients (pseudonym, birth
// month, sex, municipality) and referrers. Existing rows keep what users or other sources gave them (e.g. care_type).
import { quoteIdent, type Store } from '../../store/index.ts';
import type { Column } from './stage.ts';

/** Staging columns for the client facts a message carries. */
export const CLIENT_COLUMNS: Column[] = [
  { name: 'birth_month', type: 'VARCHAR' },
  { name: 'sex', type: 'VARCHAR' },
];

/** Adds a provider (name unknown) when its AGB code is new. */
export async function ensureProvider(store: Store, agb: string): Promise<void> {
  await store.run('INSERT OR IGNORE INTO provider (agb, name) VALUES (?, NULL)', [agb]);
}

/** Adds products seen in the stage (columns product_code, product_category) when missing; never overwrites. */
export async function ensureProducts(store: Store, stage: string): Promise<void> {
  await store.run(
    `INSERT OR IGNORE INTO product (code, category)
     SELECT product_code, min(product_category) FROM ${quoteIdent(stage)} WHERE product_code IS NOT NULL GROUP BY product_code`,
  );
}

/**
 * Adds the stage's clients. With `replace` (JW301: the allocating municipality speaks) an existing client gets the new
 * birth month, sex and municipality; otherwise existing clients are left as they are.
 */
export async function upsertClients(store: Store, stage: string, municipality: string, replace: boolean, withFacts = true): Promise<void> {
  const facts = withFacts ? 'CAST(any_value(birth_month) AS DATE), any_value(sex)' : 'NULL, NULL';
  const select = `SELECT client_id, ${facts}, ? FROM ${quoteIdent(stage)} WHERE client_id IS NOT NULL GROUP BY client_id`;
  if (replace) {
    await store.run(
      `INSERT INTO client (client_id, birth_month, sex, municipality) ${select}
       ON CONFLICT (client_id) DO UPDATE SET birth_month = coalesce(excluded.birth_month, client.birth_month),
         sex = coalesce(excluded.sex, client.sex), municipality = excluded.municipality`,
      [municipality],
    );
  } else {
    await store.run(`INSERT OR IGNORE INTO client (client_id, birth_month, sex, municipality) ${select}`, [municipality]);
  }
}

/** The referrer id of Roer's schema: type || ':' || (AGB or ''). '00:' is "unknown". */
export const referrerIdSql = (type: string, agb: string) => `(${type} || ':' || coalesce(${agb}, ''))`;

/** Adds the referrers of a JW315 stage (columns referrer_type, referrer_agb); the name is never stored. */
export async function ensureReferrers(store: Store, stage: string): Promise<void> {
  await store.run(
    `INSERT OR IGNORE INTO referrer (referrer_id, type, agb, name)
     SELECT DISTINCT ${referrerIdSql('referrer_type', 'referrer_agb')}, referrer_type, referrer_agb, NULL
       FROM ${quoteIdent(stage)} WHERE referrer_type IS NOT NULL`,
  );
}

/** Makes sure the "unknown referrer" row exists. */
export async function ensureUnknownReferrer(store: Store): Promise<void> {
  await store.run("INSERT OR IGNORE INTO referrer (referrer_id, type, agb, name) VALUES ('00:', '00', NULL, NULL)");
}
