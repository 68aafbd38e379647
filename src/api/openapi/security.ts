// How the API is secured, as OpenAPI: the session cookie set by POST /api/login and the CSRF token every
// state-changing request echoes in a header — taken from the middleware's own names, so the document cannot drift.
import { CSRF_COOKIE, CSRF_HEADER, PUBLIC_PATHS, SESSION_COOKIE } from '../auth/middleware.ts';

/** components.securitySchemes */
export const SECURITY_SCHEMES = {
  sessieCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      `Sessiecookie, gezet door POST /api/login (HttpOnly, SameSite=Strict). Over HTTPS heet hij __Host-${SESSION_COOKIE}. ` +
      'Een sessie verloopt na een tijd zonder gebruik en na een vaste maximale duur; daarna antwoordt de API met 401.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      `Beveiligingstoken tegen cross-site verzoeken, verplicht bij elke POST met een sessie (kop ${CSRF_HEADER}). ` +
      `Het token staat in het antwoord van POST /api/login en GET /api/session, en in de leesbare cookie ${CSRF_COOKIE}. ` +
      'Het verzoek moet bovendien van dezelfde origin komen (Origin of Sec-Fetch-Site).',
  },
} as const;

type Requirement = Record<string, string[]>;

/** The document's default: a session cookie. */
export const GLOBAL_SECURITY: Requirement[] = [{ sessieCookie: [] }];

/** Answers with and without a login (GET /api/session says who is logged in, or that nobody is). */
const OPTIONAL_LOGIN = ['/api/session'];

/**
 * The security requirement of one operation (OpenAPI path): none for the public paths (health, login), login optional
 * for the session, otherwise the session cookie — plus the CSRF token for every method that changes state.
 */
export function securityOf(method: string, path: string): Requirement[] {
  if (OPTIONAL_LOGIN.includes(path)) return [{}, { sessieCookie: [] }];
  if (PUBLIC_PATHS.includes(path)) return [];
  return method === 'get' ? [{ sessieCookie: [] }] : [{ sessieCookie: [], csrfToken: [] }];
}
