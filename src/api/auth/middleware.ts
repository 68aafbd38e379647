// Per request: find the session from the cookie, demand a login for the API, and demand proof of origin (same-origin
// Origin/Sec-Fetch-Site plus the session's CSRF token) for every state-changing request.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSession, type SessionPolicy } from '../../access/sessions.ts';
import type { Store } from '../../store/index.ts';
import { ApiError } from '../errors.ts';
import type { ApiEnv } from '../route.ts';

/** Paths under /api/ that answer without a login. */
export const PUBLIC_PATHS = ['/api/health', '/api/login', '/api/session'];
export const SESSION_COOKIE = 'roer_sessie';
export const CSRF_HEADER = 'x-csrf-token';
/** Readable by the dashboard's script, which echoes it in the X-CSRF-Token header. */
export const CSRF_COOKIE = 'roer_csrf';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

export type AuthEnv = { Variables: ApiEnv['Variables'] & { csrfToken?: string; sessionToken?: string } };

/** Loads the user of a valid session cookie into `c.get('user')` (null when there is none). */
export function loadSession(store: Store, policy: SessionPolicy, now: () => number): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? getCookie(c, `__Host-${SESSION_COOKIE}`);
    const session = token ? await findSession(store, token, now(), policy) : undefined;
    c.set('user', session?.user ?? null);
    if (session) {
      c.set('csrfToken', session.csrfToken);
      c.set('sessionToken', token);
    }
    await next();
  };
}

/** 401 for every API path except the public ones when nobody is logged in. */
export function requireLogin(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!c.get('user') && !PUBLIC_PATHS.includes(c.req.path)) {
      throw new ApiError(401, 'U bent niet ingelogd, of uw sessie is verlopen. Log opnieuw in.');
    }
    await next();
  };
}

/** True when the browser says the request comes from our own pages (or gives no browser hints at all). */
function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    try {
      return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
    } catch {
      return false;
    }
  }
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * CSRF protection for POST/PUT/PATCH/DELETE: the request must come from our own origin and, with a session, carry the
 * session's token in the X-CSRF-Token header (a cross-site form cannot set headers; SameSite=Strict is a second wall).
 * Without a session (the login itself) the body must be JSON, which a cross-site form cannot send either.
 */
export function csrfProtection(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.includes(c.req.method)) return next();
    if (!sameOrigin(c)) throw new ApiError(403, 'Verzoek van een andere website geweigerd.');
    const expected = c.get('csrfToken');
    if (expected !== undefined && !sameToken(c.req.header(CSRF_HEADER), expected)) {
      throw new ApiError(403, 'Beveiligingstoken ontbreekt of klopt niet (X-CSRF-Token). Laad de pagina opnieuw.');
    }
    if (expected === undefined && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(400, 'Stuur het verzoek als JSON (Content-Type: application/json).');
    }
    await next();
  };
}
