// The first administrator: created on first start so a fresh installation can be logged into, password shown once.
import { sql, type Store } from '../store/index.ts';
import type { Actor } from './audit.ts';
import { addUser } from './users.ts';

export const FIRST_ADMIN = 'beheerder';
const SYSTEM: Actor = { name: 'roer start', role: 'system' };

/**
 * Creates the user 'beheerder' (role admin) when the store has no administrator yet and returns its new random
 * password, to be printed once; returns null when an administrator exists (the password is never shown again).
 * @example const pw = await ensureAdmin(store); if (pw) console.log(`Gebruiker beheerder, wachtwoord ${pw}`)
 */
export async function ensureAdmin(store: Store, password?: string): Promise<string | null> {
  const row = await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM user_account WHERE role = 'admin'`);
  if (row && row.n > 0) return null;
  return addUser(store, SYSTEM, { name: FIRST_ADMIN, role: 'admin', municipalities: [], provider: null, team: null }, password);
}
