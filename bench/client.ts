// The app a benchmark asks, in-process: open (no login), or secured and logged in as a temporary user of a role (made
// for the run and removed after it), so the access layer's cost (sessions, scoping, suppression, audit) is measured too.
import type { Hono } from 'hono';
import { addUser, removeUser } from '../src/access/users.ts';
import type { Role } from '../src/access/roles.ts';
import { createApp } from '../src/api/app.ts';
import { createSecureApp } from '../src/api/auth/index.ts';
import type { Store } from '../src/store/index.ts';
import { sql } from '../src/store/sql.ts';

export type Request = (path: string) => Promise<Response>;

/** The app to ask: open (no login), or secured and logged in as a temporary user of `role`; `done` cleans up. */
export async function client(
  store: Store,
  role: string | undefined,
): Promise<{ request: Request; label: string; done: () => Promise<void> }> {
  if (!role) {
    const app = createApp({ store, webDist: '/nonexistent' });
    return { request: (p) => Promise.resolve(app.request(p)), label: 'zonder toegangslaag', done: async () => {} };
  }
  const actor = { name: 'bench/metrics', role: 'system' as const };
  const user = { name: `bench-${process.pid}`, password: `bench-${crypto.randomUUID()}` };
  // Scoped to every municipality in the store: the same questions as without the access layer, now scoped and audited.
  const municipalities =
    role === 'admin'
      ? []
      : (await store.all<{ m: string }>(sql`SELECT DISTINCT municipality AS m FROM allocation ORDER BY 1`)).map((r) => r.m);
  await addUser(store, actor, { name: user.name, role: role as Role, municipalities, provider: null, team: null }, user.password);
  const app: Hono = createSecureApp({ store, webDist: '/nonexistent', tls: false }) as unknown as Hono;
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: user.name, password: user.password }),
  });
  if (res.status !== 200) throw new Error(`inloggen mislukt: HTTP ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    request: (p) => Promise.resolve(app.request(p, { headers: { cookie } })),
    label: `met toegangslaag, rol ${role} (tijdelijke gebruiker ${user.name})`,
    done: () => removeUser(store, actor, user.name),
  };
}
