import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.ts';
import { loginAs, PASSWORD, secureFixture } from './testing.ts';

let store: Store | undefined;
afterEach(() => store?.close());

async function setup(options = {}) {
  const f = await secureFixture(options);
  store = f.store;
  return f.app;
}
const json = { 'content-type': 'application/json' };

describe('security headers', () => {
  it('sends a CSP without inline scripts, no framing, no sniffing and no referrer on pages and API', async () => {
    const app = await setup();
    for (const path of ['/', '/api/health', '/api/metrics']) {
      const h = (await app.request(path)).headers;
      expect(h.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
          "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('Cache-Control: no-store on every API answer', () => {
  it('walks every path of the OpenAPI document, the login routes and the audit log, answered or refused', async () => {
    const app = await setup();
    const admin = await loginAs(app, 'anna');
    const doc = (await (await admin.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const asked: [string, string, number][] = [];
    const ask = async (method: string, path: string, send: (p: string, i: RequestInit) => Promise<Response>) => {
      const init: RequestInit = method === 'post' ? { method: 'POST', headers: json, body: '{}' } : {};
      const res = await send(path, init);
      asked.push([method, path, res.status]);
      expect(res.headers.get('cache-control'), `${method} ${path} (${res.status})`).toBe('no-store');
    };
    // The document lists the login routes too; logging out is asked last, below, so the walk keeps its session.
    const paths = Object.entries(doc.paths)
      .filter(([path]) => path !== '/api/logout')
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => [m, path.replace('{id}', 'costs')] as const));
    expect(paths.length).toBeGreaterThan(20);
    for (const [method, path] of paths) {
      await ask(method, path, admin.request); // answered (200/201) or refused for a bad question (400)
      await ask(method, path, (p, i) => Promise.resolve(app.request(p, i))); // without a login: 401
    }
    const login = (password: string) => (p: string, i: RequestInit) =>
      Promise.resolve(app.request(p, { ...i, method: 'POST', headers: json, body: JSON.stringify({ name: 'anna', password }) }));
    await ask('post', '/api/login', login(PASSWORD));
    await ask('post', '/api/login', login('fout-wachtwoord-123'));
    for (const path of ['/api/session', '/api/audit', '/api/audit/export.csv', '/api/audit?from=2024-99-99', '/api/onbekend'])
      await ask('get', path, admin.request);
    await ask('get', '/api/session', (p, i) => Promise.resolve(app.request(p, i)));
    await ask('post', '/api/logout', admin.request);
    expect(new Set(asked.map(([, , status]) => status))).toEqual(new Set([200, 400, 401, 404]));
  });
});

describe('login', () => {
  it('keeps the API closed without a login, except health, login and session', async () => {
    const app = await setup();
    for (const path of [
      '/api/metrics',
      '/api/metrics/costs',
      '/api/dimensions',
      '/api/status',
      '/api/notes',
      '/api/audit',
      '/api/openapi.json',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({
        error: { message: 'U bent niet ingelogd, of uw sessie is verlopen. Log opnieuw in.', param: null },
      });
    }
    expect((await app.request('/api/health')).status).toBe(200);
    expect(await (await app.request('/api/session')).json()).toEqual({ user: null });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie; Secure with a __Host- name behind TLS', async () => {
    const app = await setup();
    const body = JSON.stringify({ name: 'bert', password: PASSWORD });
    const plain = await app.request('/api/login', { method: 'POST', headers: json, body });
    expect(plain.status).toBe(200);
    const [session, csrf] = plain.headers.getSetCookie();
    expect(session).toMatch(/^roer_sessie=[A-Za-z0-9_-]{43}; Max-Age=36000; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(csrf).toBe(`roer_csrf=${(await plain.json()).csrfToken}; Path=/; SameSite=Strict`);
    // Without --proxy the header is the client's own word: it must not change the cookie.
    const forged = await app.request('/api/login', { method: 'POST', headers: { ...json, 'x-forwarded-proto': 'https' }, body });
    expect(forged.headers.getSetCookie()[0]).toMatch(/^roer_sessie=/);
    const proxyApp = await setup({ trustProxy: true });
    const proxied = await proxyApp.request('/api/login', {
      method: 'POST',
      headers: { ...json, 'x-forwarded-proto': 'https' },
      body,
    });
    expect(proxied.headers.getSetCookie()[0]).toMatch(
      /^__Host-roer_sessie=[A-Za-z0-9_-]{43}; Max-Age=36000; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const tlsApp = await setup({ tls: true });
    expect((await tlsApp.request('/api/login', { method: 'POST', headers: json, body })).headers.getSetCookie()).toEqual([
      expect.stringContaining('; Secure;'),
      expect.stringContaining('; Secure;'),
    ]);
  });

  it('returns the user, their rights and a CSRF token, never the password hash', async () => {
    const app = await setup();
    const res = await app.request('/api/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Bert ', password: PASSWORD }),
    });
    const body = await res.json();
    expect(body.user).toMatchObject({
      name: 'bert',
      role: 'analyst',
      roleLabel: 'analist',
      municipalities: ['0150'],
      provider: null,
      team: null,
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('answers a wrong password with 401 and locks the account with 429 after 5 failures', async () => {
    const app = await setup({ now: () => Date.UTC(2026, 0, 5, 9) });
    const attempt = (password: string) =>
      app.request('/api/login', { method: 'POST', headers: json, body: JSON.stringify({ name: 'bert', password }) });
    for (let i = 0; i < 5; i++) {
      const res = await attempt('fout-wachtwoord');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { message: 'Onbekende gebruikersnaam of onjuist wachtwoord.', param: null } });
    }
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect((await locked.json()).error.message).toBe('Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.');
  });

  it('ends the session at logout', async () => {
    const app = await setup();
    const bert = await loginAs(app, 'bert');
    expect((await bert.request('/api/metrics')).status).toBe(200);
    expect((await bert.request('/api/logout', { method: 'POST' })).status).toBe(200);
    expect((await bert.request('/api/metrics')).status).toBe(401);
  });

  it('ends an idle session after 30 minutes', async () => {
    let clock = Date.UTC(2026, 0, 5, 9);
    const app = await setup({ now: () => clock });
    const bert = await loginAs(app, 'bert');
    clock += 29 * 60_000;
    expect((await bert.request('/api/metrics')).status).toBe(200);
    clock += 31 * 60_000;
    expect((await bert.request('/api/metrics')).status).toBe(401);
  });
});

describe('login throttling, as an attacker tries it', () => {
  const T = Date.UTC(2026, 0, 5, 9);
  const attempt = (app: Awaited<ReturnType<typeof setup>>, name: string, password: string, forwardedFor?: string) =>
    app.request('/api/login', {
      method: 'POST',
      headers: { ...json, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ name, password }),
    });

  it('5 wrong passwords for the administrator from address A do not stop the right password from address B', async () => {
    const app = await setup({ trustProxy: true, now: () => T });
    for (let i = 0; i < 5; i++) expect((await attempt(app, 'anna', 'fout-wachtwoord', '203.0.113.66')).status).toBe(401);
    expect((await attempt(app, 'anna', PASSWORD, '203.0.113.66')).status).toBe(429);
    expect((await attempt(app, 'anna', PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('takes the right-most X-Forwarded-For hop: a forged first hop does not change the throttled address', async () => {
    const app = await setup({ trustProxy: true, now: () => T });
    for (let i = 0; i < 5; i++)
      expect((await attempt(app, 'anna', 'fout-wachtwoord', `10.0.0.${i}, 203.0.113.66`)).status).toBe(401);
    expect((await attempt(app, 'anna', PASSWORD, '198.51.100.7, 203.0.113.66')).status).toBe(429);
    const anna = await loginAs(app, 'anna'); // no header: the socket's address ('onbekend' in-process)
    const { entries } = await (await anna.request('/api/audit?action=login_failed')).json();
    expect(entries.map((e: { ip: string }) => e.ip)).toEqual(Array(5).fill('203.0.113.66')); // the 6th is counted (flood.ts)
  });

  it("ignores X-Forwarded-For without --proxy: every hop is the client's own word", async () => {
    const app = await setup({ now: () => T });
    for (let i = 0; i < 5; i++) await attempt(app, 'anna', 'fout-wachtwoord', `203.0.113.${i}`);
    expect((await attempt(app, 'anna', PASSWORD, '198.51.100.7')).status).toBe(429);
  });

  it('answers a known and an unknown name the same way: same status, message and Retry-After, locked at the same attempt', async () => {
    const app = await setup({ now: () => T });
    const answers = async (name: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await attempt(app, name, 'fout-wachtwoord');
        seen.push(`${res.status} ${res.headers.get('retry-after')} ${await res.text()}`);
      }
      return seen;
    };
    const known = await answers('anna');
    expect(known.slice(4)).toEqual([
      '401 null {"error":{"message":"Onbekende gebruikersnaam of onjuist wachtwoord.","param":null}}',
      '429 900 {"error":{"message":"Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.","param":null}}',
    ]);
    expect(await answers('niemand')).toEqual(known);
  });

  it('lets the administrator lift a lock while the server runs; nobody else may', async () => {
    const app = await setup({ now: () => T });
    for (let i = 0; i < 5; i++) await attempt(app, 'bert', 'fout-wachtwoord');
    expect((await attempt(app, 'bert', PASSWORD)).status).toBe(429);
    const els = await loginAs(app, 'els');
    const refused = await els.request('/api/users/bert/unlock', { method: 'POST' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe('Met de rol lezer mag u inlogblokkades opheffen niet.');
    const anna = await loginAs(app, 'anna');
    expect(
      (await anna.request('/api/users/bert/unlock', { method: 'POST', headers: { 'x-csrf-token': 'x'.repeat(43) } })).status,
    ).toBe(403);
    expect((await anna.request('/api/users/niemand/unlock', { method: 'POST' })).status).toBe(404);
    const ok = await anna.request('/api/users/bert/unlock', { method: 'POST' });
    expect(await ok.json()).toEqual({ name: 'bert', failures: 5 });
    expect((await attempt(app, 'bert', PASSWORD)).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the session token, with a wrong one, or from another site', async () => {
    const app = await setup();
    const bert = await loginAs(app, 'bert');
    const note = JSON.stringify({
      metric: 'costs',
      municipality: '0150',
      from: '2018-01-01',
      to: '2018-12-31',
      text: 'Crisisplaatsen gesloten',
    });
    const post = (headers: Record<string, string>) =>
      bert.request('/api/notes', { method: 'POST', headers: { ...json, ...headers }, body: note });
    const missing = await app.request('/api/notes', { method: 'POST', headers: { ...json, cookie: bert.cookie }, body: note });
    expect(missing.status).toBe(403);
    expect((await missing.json()).error.message).toBe(
      'Beveiligingstoken ontbreekt of klopt niet (X-CSRF-Token). Laad de pagina opnieuw.',
    );
    expect((await post({ 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: 'http://localhost' })).status).toBe(201);
    expect((await post({})).status).toBe(201);
  });

  it('refuses a login posted as a form (what a cross-site page could send)', async () => {
    const app = await setup();
    const res = await app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `name=bert&password=${PASSWORD}`,
    });
    expect(res.status).toBe(400);
  });
});

describe('audit log over HTTP', () => {
  it('is readable and exportable as CSV by the administrator only', async () => {
    const app = await setup();
    const anna = await loginAs(app, 'anna');
    const bert = await loginAs(app, 'bert');
    await bert.request('/api/metrics/costs?split=care_type');
    expect((await bert.request('/api/audit')).status).toBe(403);
    expect((await bert.request('/api/audit/export.csv')).status).toBe(403);
    const { entries } = await (await anna.request('/api/audit?action=view')).json();
    expect(entries.map((e: { actor: string; target: string; row_count: number }) => [e.actor, e.target, e.row_count])).toEqual([
      ['bert', 'costs', 3],
    ]);
    const csv = await (await anna.request('/api/audit/export.csv?action=view')).text();
    expect(csv.split('\r\n')[0]).toBe(
      'Nr;Tijdstip (UTC);Gebruiker;Rol;Handeling;Onderwerp;Details;Rijen;Uitkomst;Adres;Controlegetal',
    );
    expect(csv).toContain(
      ';bert;analyst;view;costs;"{""filters"":{""municipality"":[""0150""]},""split"":[""care_type""],""params"":{},""scope"":{""municipality"":[""0150""]}}";3;ok;onbekend;',
    );
    const log = await (await anna.request('/api/audit?action=audit_export')).json();
    // Newest first: anna's export, and bert's refused one (refusals are logged too).
    expect(log.entries.map((e: { actor: string; outcome: string }) => [e.actor, e.outcome])).toEqual([
      ['anna', 'ok'],
      ['bert', 'geweigerd'],
    ]);
  });

  it('records reads of notes, filter lists and the import status, and refused reads of the audit log, status and notes', async () => {
    const app = await setup();
    const bert = await loginAs(app, 'bert');
    expect((await bert.request('/api/status')).status).toBe(403);
    expect((await bert.request('/api/audit')).status).toBe(403);
    expect((await bert.request('/api/audit/export.csv')).status).toBe(403);
    expect((await bert.request('/api/notes?municipality=1708')).status).toBe(403);
    expect((await bert.request('/api/notes?metric=costs')).status).toBe(200);
    expect((await bert.request('/api/dimensions')).status).toBe(200);
    const anna = await loginAs(app, 'anna');
    expect((await anna.request('/api/status')).status).toBe(200);
    const { entries } = await (await anna.request('/api/audit')).json();
    const seen = entries
      .reverse()
      .map(
        (e: {
          actor: string;
          action: string;
          target: string | null;
          detail: string | null;
          row_count: number | null;
          outcome: string;
        }) => [
          e.actor,
          e.action,
          e.target,
          e.outcome,
          e.row_count,
          e.detail === null ? null : (JSON.parse(e.detail).reason ?? null),
        ],
      );
    expect(seen).toEqual([
      ['bert', 'login', null, 'ok', null, null],
      ['bert', 'status_read', null, 'geweigerd', null, 'Met de rol analist mag u de importstatus inzien niet.'],
      ['bert', 'audit_read', null, 'geweigerd', null, 'Alleen de beheerder mag het auditlog inzien.'],
      ['bert', 'audit_export', null, 'geweigerd', null, 'Alleen de beheerder mag het auditlog inzien.'],
      ['bert', 'notes_read', null, 'geweigerd', null, 'U heeft geen toegang tot gemeente 1708.'],
      ['bert', 'notes_read', 'costs', 'ok', 0, null],
      ['bert', 'dimensions_read', null, 'ok', null, null],
      ['anna', 'login', null, 'ok', null, null],
      ['anna', 'status_read', null, 'ok', null, null],
    ]);
  });
});
