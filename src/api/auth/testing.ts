// Test support for the secured app: a fixture store with one account per role and helpers to log in and call the API
// as that user (cookie and CSRF token handled like the dashboard does).
import type { Hono } from 'hono';
import { hashPassword } from '../../access/password.ts';
import { allUsers, fakeCatalogue } from '../../access/testing.ts';
import { sql, type Store } from '../../store/index.ts';
import { engineOf } from '../engine.ts';
import { fixtureStore } from '../fixture.ts';
import { CSRF_HEADER, createSecureApp, type SecureAppOptions } from './index.ts';
import type { AuthEnv } from './middleware.ts';

export const PASSWORD = 'test-wachtwoord-123';
let hash: Promise<string> | undefined;

/** `base`: a store of the test's own instead of the API's fixture store (the accounts are added to it). */
export async function secureFixture(
  options: Partial<SecureAppOptions> = {},
  base?: Store,
): Promise<{ store: Store; app: Hono<AuthEnv> }> {
  const store = base ?? (await fixtureStore());
  // One scrypt hash shared by all test accounts (hashing seven times per test would dominate the run time).
  hash ??= hashPassword(PASSWORD);
  for (const u of allUsers) {
    await store.run(
      sql`INSERT INTO user_account VALUES (${u.name}, ${u.role}, ${u.municipalities.join(',')}, ${u.provider}, ${u.team}, ${await hash}, current_timestamp, current_timestamp)`,
    );
  }
  const app = createSecureApp({ store, engine: engineOf(fakeCatalogue), webDist: '/nonexistent', ...options });
  return { store, app };
}

export interface Client {
  request(path: string, init?: RequestInit): Promise<Response>;
  cookie: string;
  csrf: string;
}

/** Logs in as `name` and returns a client that sends the session cookie and, on non-GET requests, the CSRF token. */
export async function loginAs(app: Hono<AuthEnv>, name: string, password = PASSWORD): Promise<Client> {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((h) => h.includes('roer_sessie='))!
    .split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      if (init.method && init.method !== 'GET' && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, csrfToken);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
  };
}
