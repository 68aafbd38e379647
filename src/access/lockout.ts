// Login throttling: after too many failed attempts for one account, or from one address, further attempts are refused
// for a while without even checking the password. Attempts live in the store, so a restart does not reset the count.
import type { Store } from '../store/index.ts';

export interface LockoutPolicy {
  /** Failed attempts on one account (since its last successful login) within the window that lock it. */
  perAccount: number;
  /** Failed attempts from one address within the window that block it (any account names). */
  perAddress: number;
  /** The window and lock duration. */
  windowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Milliseconds until the account (null: an unknown name) or address may try again; 0 when an attempt is allowed now. */
export async function lockedFor(store: Store, userName: string | null, ip: string, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): Promise<number> {
  const since = now - policy.windowMs;
  const account = userName === null ? [] : await store.all<{ at_ms: number }>(
    `SELECT at_ms FROM login_attempt WHERE user_name = ? AND NOT success AND at_ms > ?
       AND at_ms > coalesce((SELECT max(at_ms) FROM login_attempt WHERE user_name = ? AND success), 0)
     ORDER BY at_ms DESC LIMIT ?`,
    [userName, since, userName, policy.perAccount],
  );
  const address = await store.all<{ at_ms: number }>(
    'SELECT at_ms FROM login_attempt WHERE ip = ? AND NOT success AND at_ms > ? ORDER BY at_ms DESC LIMIT ?',
    [ip, since, policy.perAddress],
  );
  // Locked until the oldest of the last N failures leaves the window.
  const wait = (rows: { at_ms: number }[], n: number) => (rows.length >= n ? rows[n - 1].at_ms + policy.windowMs - now : 0);
  return Math.max(0, wait(account, policy.perAccount), wait(address, policy.perAddress));
}

/** Records one attempt and forgets attempts older than a day. */
export async function recordAttempt(store: Store, userName: string, ip: string, success: boolean, now: number): Promise<void> {
  await store.run('INSERT INTO login_attempt VALUES (?, ?, ?, ?)', [now, userName, ip, success]);
  await store.run('DELETE FROM login_attempt WHERE at_ms < ?', [now - 24 * 3600_000]);
}
