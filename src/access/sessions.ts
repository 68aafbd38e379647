// Login sessions in the store: a random token in the cookie, only its SHA-256 in the table, a CSRF token per session,
// and two expiries (idle and absolute). Time is passed in, so expiry is tested without waiting.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Store } from '../store/index.ts';
import { findUser } from './users.ts';
import type { User } from './roles.ts';

export interface SessionPolicy {
  /** Ends a session after this long without requests (default 30 minutes). */
  idleMs: number;
  /** Ends a session this long after login, active or not (default 10 hours: one working day). */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 10 * 3600_000 };

export interface Session {
  user: User;
  csrfToken: string;
  createdMs: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
// Only refresh last-seen once a minute: a dashboard page fires many requests, each would otherwise write.
const TOUCH_EVERY_MS = 60_000;

/** Starts a session; returns the cookie token (shown to the browser only) and the CSRF token. */
export async function startSession(store: Store, userName: string, now: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await store.run(sql`INSERT INTO user_session VALUES (${digest(token)}, ${userName}, ${csrfToken}, ${now}, ${now})`);
  return { token, csrfToken };
}

/**
 * The live session for a cookie token, or undefined (unknown, expired, or its user removed). Expired sessions are
 * deleted when met; a live one has its idle clock reset.
 */
export async function findSession(
  store: Store,
  token: string,
  now: number,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const key = digest(token);
  const row = await store.one<{ user_name: string; csrf_token: string; created_ms: number; last_seen_ms: number }>(
    sql`SELECT user_name, csrf_token, created_ms, last_seen_ms FROM user_session WHERE token_hash = ${key}`,
  );
  if (!row) return undefined;
  const user = await findUser(store, row.user_name);
  if (!user || now - row.last_seen_ms > policy.idleMs || now - row.created_ms > policy.absoluteMs || now < row.created_ms) {
    await store.run(sql`DELETE FROM user_session WHERE token_hash = ${key}`);
    return undefined;
  }
  if (now - row.last_seen_ms >= TOUCH_EVERY_MS)
    await store.run(sql`UPDATE user_session SET last_seen_ms = ${now} WHERE token_hash = ${key}`);
  return { user, csrfToken: row.csrf_token, createdMs: row.created_ms };
}

/** Ends a session (logout). */
export async function endSession(store: Store, token: string): Promise<void> {
  await store.run(sql`DELETE FROM user_session WHERE token_hash = ${digest(token)}`);
}

/** Removes sessions that can no longer be used (called now and then, e.g. at login). */
export async function pruneSessions(store: Store, now: number, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<void> {
  await store.run(
    sql`DELETE FROM user_session WHERE last_seen_ms < ${now - policy.idleMs} OR created_ms < ${now - policy.absoluteMs}`,
  );
}
