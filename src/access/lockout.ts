// Login throttling: too many failed attempts on one account name from one address, or from one address in all, are
// refused for a while without even checking the password. Attempts live in the store, so a restart does not reset them.
// Why per (address, name) and not per account: a per-account lock lets anyone anywhere lock the administrator out.
import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Store } from '../store/index.ts';

export interface LockoutPolicy {
  /** Failed attempts on one name from one address (since that pair's last successful login) within the window that lock the pair. */
  perPair: number;
  /** Failed attempts from one address within the window that block it (any account names). */
  perAddress: number;
  /** The window and lock duration. */
  windowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { perPair: 5, perAddress: 20, windowMs: 15 * 60_000 };

// Unknown names are counted like known ones (else the lock-out would tell them apart), but never stored as typed: a
// password typed into the name field must not land in the table. A keyed hash, with a key that lives only in this process.
const UNKNOWN_KEY = randomBytes(32);

/**
 * The name an attempt is counted under: the account name when the account exists, else a keyed hash of what was typed.
 * @example attemptKey('beheerder', true) // 'beheerder'; attemptKey('hunter2', false) // '#3f9c…' (16 hex digits)
 */
export function attemptKey(name: string, known: boolean): string {
  return known ? name : `#${createHmac('sha256', UNKNOWN_KEY).update(name).digest('hex').slice(0, 16)}`;
}

/** Milliseconds until `key` may be tried again from `ip`; 0 when an attempt is allowed now. */
export async function lockedFor(
  store: Store,
  key: string,
  ip: string,
  now: number,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Promise<number> {
  const since = now - policy.windowMs;
  const pair = await store.all<{ at_ms: number }>(
    sql`SELECT at_ms FROM login_attempt WHERE user_name = ${key} AND ip = ${ip} AND NOT success AND at_ms > ${since}
       AND at_ms > coalesce((SELECT max(at_ms) FROM login_attempt WHERE user_name = ${key} AND ip = ${ip} AND success), 0)
     ORDER BY at_ms DESC LIMIT ${policy.perPair}`,
  );
  const address = await store.all<{ at_ms: number }>(
    sql`SELECT at_ms FROM login_attempt WHERE ip = ${ip} AND NOT success AND at_ms > ${since} ORDER BY at_ms DESC LIMIT ${policy.perAddress}`,
  );
  // Locked until the oldest of the last N failures leaves the window.
  const wait = (rows: { at_ms: number }[], n: number) => (rows.length >= n ? rows[n - 1].at_ms + policy.windowMs - now : 0);
  return Math.max(0, wait(pair, policy.perPair), wait(address, policy.perAddress));
}

/** Records one attempt and forgets attempts older than a day. */
export async function recordAttempt(store: Store, key: string, ip: string, success: boolean, now: number): Promise<void> {
  await store.run(sql`INSERT INTO login_attempt VALUES (${now}, ${key}, ${ip}, ${success})`);
  await store.run(sql`DELETE FROM login_attempt WHERE at_ms < ${now - 24 * 3600_000}`);
}

/** Forgets the failed attempts on an account (from every address): lifts its locks. Returns how many were forgotten. */
export async function forgetFailures(store: Store, name: string): Promise<number> {
  const row = await store.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM login_attempt WHERE user_name = ${name} AND NOT success`,
  );
  await store.run(sql`DELETE FROM login_attempt WHERE user_name = ${name} AND NOT success`);
  return Number(row?.n ?? 0);
}
