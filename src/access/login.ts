// One login attempt from start to end: throttle, verify through an identity provider, record, audit, start a session.
import type { Store } from '../store/index.ts';
import { audit } from './audit.ts';
import { auditFailedLogin, flushLoginFloods } from './flood.ts';
import { localPasswords, type PasswordProvider } from './identity.ts';
import { attemptKey, DEFAULT_LOCKOUT, lockedFor, recordAttempt, type LockoutPolicy } from './lockout.ts';
import { DEFAULT_SESSION_POLICY, pruneSessions, startSession, type SessionPolicy } from './sessions.ts';
import type { User } from './roles.ts';
import { findUser } from './users.ts';

export type LoginOutcome =
  | { ok: true; user: User; token: string; csrfToken: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterMs: number };

export interface LoginOptions {
  provider?: PasswordProvider;
  lockout?: LockoutPolicy;
  session?: SessionPolicy;
  now?: number;
}

// What is recorded as the attempted name: only names of existing accounts, so a password typed into the name field
// never lands in the log or the attempts table.
const UNKNOWN = '(onbekende naam)';

/**
 * Tries to log in. @example const r = await login(store, 'piet', pw, '10.0.0.1'); if (r.ok) setCookie(r.token)
 */
export async function login(
  store: Store,
  name: string,
  password: string,
  ip: string,
  options: LoginOptions = {},
): Promise<LoginOutcome> {
  const now = options.now ?? Date.now();
  const known = name.length <= 64 && (await findUser(store, name)) !== undefined;
  const who = known ? name : UNKNOWN;
  // Throttled per (address, typed name), unknown names exactly like known ones: the answers never tell them apart.
  const key = attemptKey(name, known);
  const wait = await lockedFor(store, key, ip, now, options.lockout ?? DEFAULT_LOCKOUT);
  if (wait > 0) {
    await auditFailedLogin(store, who, ip, 'geblokkeerd', now);
    return { ok: false, reason: 'locked', retryAfterMs: wait };
  }
  const user = await (options.provider ?? localPasswords).verify(store, name, password);
  await recordAttempt(store, key, ip, user !== null, now);
  if (!user) {
    await auditFailedLogin(store, who, ip, 'onjuiste gegevens', now);
    return { ok: false, reason: 'invalid' };
  }
  await flushLoginFloods(store, now);
  await pruneSessions(store, now, options.session ?? DEFAULT_SESSION_POLICY);
  const { token, csrfToken } = await startSession(store, user.name, now);
  await audit(store, { name: user.name, role: user.role, ip }, { action: 'login' }, new Date(now));
  return { ok: true, user, token, csrfToken };
}
