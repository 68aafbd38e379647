// /api/login, /api/logout, /api/session; for the administrator the audit log (/api/audit, /api/audit/export.csv) and
// lifting a login lock while the server runs (/api/users/:name/unlock).
import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { audit, readAudit, type Actor, type AuditEntry, type AuditRow } from '../../access/audit.ts';
import { AccessError } from '../../access/errors.ts';
import { login } from '../../access/login.ts';
import type { LockoutPolicy } from '../../access/lockout.ts';
import { RIGHTS, type User } from '../../access/roles.ts';
import { assertRight } from '../../access/scope.ts';
import { endSession, type SessionPolicy } from '../../access/sessions.ts';
import { findUser, unlockUser } from '../../access/users.ts';
import type { Column } from '../../metrics/types.ts';
import type { Store } from '../../store/index.ts';
import { ApiError } from '../errors.ts';
import { toCsv } from '../export/csv.ts';
import { exportFileName } from '../export/table.ts';
import { json } from '../json.ts';
import { parseDate } from '../request.ts';
import { jsonBody } from '../route.ts';
import { clientIp, overTls, type TransportSettings } from './http.ts';
import { CSRF_COOKIE, SESSION_COOKIE, type AuthEnv } from './middleware.ts';

export interface AuthRouteSettings extends TransportSettings {
  store: Store;
  session: SessionPolicy;
  lockout?: LockoutPolicy;
  now: () => number;
}

/** What the dashboard learns about the logged-in user (never the hash). */
export function publicUser(u: User) {
  return {
    name: u.name,
    role: u.role,
    roleLabel: RIGHTS[u.role].label,
    municipalities: u.municipalities,
    provider: u.provider,
    team: u.team,
    rights: RIGHTS[u.role],
  };
}

function cookieName(c: Context, t: TransportSettings): string {
  // The __Host- prefix makes the browser refuse the cookie unless Secure, host-only and Path=/.
  return overTls(c, t) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/**
 * The CSRF token also goes into a cookie the dashboard's script can read (not HttpOnly) and echo in X-CSRF-Token.
 * The server compares the header with the token stored in the session, so a cookie planted by someone else is useless.
 */
function setCsrfCookie(c: Context, t: TransportSettings, token: string): void {
  setCookie(c, CSRF_COOKIE, token, { sameSite: 'Strict', secure: overTls(c, t), path: '/' });
}

function parseLogin(body: unknown): { name: string; password: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'Stuur een JSON-object met name en password.');
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b))
    if (k !== 'name' && k !== 'password') throw new ApiError(400, `Onbekend veld '${k}' (toegestaan: name, password)`, k);
  if (typeof b.name !== 'string' || b.name.length < 1 || b.name.length > 64)
    throw new ApiError(400, "'name' moet een gebruikersnaam zijn (1–64 tekens)", 'name');
  if (typeof b.password !== 'string' || b.password.length < 1 || b.password.length > 200)
    throw new ApiError(400, "'password' moet een wachtwoord zijn (1–200 tekens)", 'password');
  return { name: b.name.trim().toLowerCase(), password: b.password };
}

const AUDIT_COLUMNS: Column[] = [
  { name: 'id', label: 'Nr', unit: 'count' },
  { name: 'logged_at', label: 'Tijdstip (UTC)', unit: 'text' },
  { name: 'actor', label: 'Gebruiker', unit: 'text' },
  { name: 'role', label: 'Rol', unit: 'text' },
  { name: 'action', label: 'Handeling', unit: 'text' },
  { name: 'target', label: 'Onderwerp', unit: 'text' },
  { name: 'detail', label: 'Details', unit: 'text' },
  { name: 'row_count', label: 'Rijen', unit: 'count' },
  { name: 'outcome', label: 'Uitkomst', unit: 'text' },
  { name: 'ip', label: 'Adres', unit: 'text' },
  { name: 'hash', label: 'Controlegetal', unit: 'text' },
];

function auditQuery(c: Context) {
  const q = new URL(c.req.url).searchParams;
  for (const k of q.keys())
    if (!['from', 'to', 'actor', 'action', 'limit'].includes(k))
      throw new ApiError(400, `Onbekende filter '${k}' (toegestaan: from, to, actor, action, limit)`, k);
  const limit = q.get('limit');
  if (limit !== null && !/^\d{1,6}$/.test(limit)) throw new ApiError(400, "'limit' moet een geheel getal zijn", 'limit');
  const date = (k: 'from' | 'to') => (q.get(k) === null ? undefined : parseDate(k, q.get(k)));
  return {
    from: date('from'),
    to: date('to'),
    actor: q.get('actor') ?? undefined,
    action: q.get('action') ?? undefined,
    limit: limit ? Number(limit) : undefined,
  };
}

/** Runs `f`; a refusal (403) is audited as `refused` with its reason before it becomes the API's error. */
async function guarded<T>(store: Store, actor: Actor, refused: AuditEntry, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof AccessError) {
      if (e.status === 403)
        await audit(store, actor, { ...refused, detail: { ...refused.detail, reason: e.message }, outcome: 'geweigerd' });
    }
    throw e;
  }
}

export function registerAuthRoutes(app: Hono<AuthEnv>, s: AuthRouteSettings): void {
  const { store } = s;

  app.post('/api/login', async (c) => {
    const { name, password } = parseLogin(await jsonBody(c));
    const r = await login(store, name, password, clientIp(c, s), { lockout: s.lockout, session: s.session, now: s.now() });
    if (!r.ok && r.reason === 'locked') {
      const minutes = Math.ceil(r.retryAfterMs / 60_000);
      c.header('Retry-After', String(Math.ceil(r.retryAfterMs / 1000)));
      return c.json(
        {
          error: {
            message: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
            param: null,
          },
        },
        429,
      );
    }
    if (!r.ok) return c.json({ error: { message: 'Onbekende gebruikersnaam of onjuist wachtwoord.', param: null } }, 401);
    const old = c.get('sessionToken');
    if (old) await endSession(store, old); // a new login never reuses a session (no fixation)
    setCookie(c, cookieName(c, s), r.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: overTls(c, s),
      path: '/',
      maxAge: Math.floor(s.session.absoluteMs / 1000),
    });
    setCsrfCookie(c, s, r.csrfToken);
    return json(c, { user: publicUser(r.user), csrfToken: r.csrfToken });
  });

  app.post('/api/logout', async (c) => {
    const user = c.get('user');
    const token = c.get('sessionToken');
    if (token) await endSession(store, token);
    if (user) await audit(store, { name: user.name, role: user.role, ip: clientIp(c, s) }, { action: 'logout' });
    deleteCookie(c, cookieName(c, s), { path: '/', secure: overTls(c, s) });
    deleteCookie(c, CSRF_COOKIE, { path: '/', secure: overTls(c, s) });
    return json(c, { ok: true });
  });

  app.get('/api/session', (c) => {
    const user = c.get('user');
    if (user) setCsrfCookie(c, s, c.get('csrfToken')!);
    return json(c, user ? { user: publicUser(user), csrfToken: c.get('csrfToken') } : { user: null });
  });

  const actorOf = (c: Context<AuthEnv>): Actor => {
    const user = c.get('user')!;
    return { name: user.name, role: user.role, ip: clientIp(c, s) };
  };

  app.get('/api/audit', async (c) => {
    const user = c.get('user')!;
    const q = auditQuery(c);
    const entries = await guarded(store, actorOf(c), { action: 'audit_read', detail: q }, () => readAudit(store, user, q));
    await audit(store, actorOf(c), { action: 'audit_read', detail: q, rowCount: entries.length });
    return json(c, { entries });
  });

  app.get('/api/audit/export.csv', async (c) => {
    const user = c.get('user')!;
    const q = auditQuery(c);
    const entries: AuditRow[] = await guarded(store, actorOf(c), { action: 'audit_export', detail: q }, () =>
      readAudit(store, user, { ...q, limit: q.limit ?? 100_000 }),
    );
    await audit(store, actorOf(c), { action: 'audit_export', detail: q, rowCount: entries.length });
    const csv = toCsv({
      metric: 'audit',
      title: 'Auditlog',
      columns: AUDIT_COLUMNS,
      rows: entries as never,
      filters: {},
      split: [],
    });
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName('auditlog', 'csv')}"`,
    });
  });

  // The server holds the database file, so `roer user unlock` cannot run beside it: this is the unlock path while serving.
  app.post('/api/users/:name/unlock', async (c) => {
    const user = c.get('user')!;
    const name = c.req.param('name');
    await guarded(store, actorOf(c), { action: 'user_unlock', target: name }, async () =>
      assertRight(user, 'administer', 'inlogblokkades opheffen'),
    );
    if (!(await findUser(store, name))) throw new ApiError(404, `Gebruiker ${name} bestaat niet.`, 'name');
    const failures = await unlockUser(store, actorOf(c), name);
    return json(c, { name, failures });
  });
}
