// Hostile input, generated from a fixed seed: garbage query strings, JSON bodies, cookies and headers against the
// secured app with the real catalogue, as every role. Every answer must be a 2xx or a 4xx with a Dutch message in the
// API's error shape — never a 500, never a stack trace or an engine error text. Every parameter of every metric in the
// catalogue gets every kind of bad value, so a parameter added to the catalogue is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { hashPassword } from '../../access/password.ts';
import { allUsers, seeded, users } from '../../access/testing.ts';
import { addAllocation, addClient, addInvoice, derive, fixtureStore } from '../../metrics/fixtures.ts';
import { catalogue } from '../../metrics/index.ts';
import { sql, type Store } from '../../store/index.ts';
import { createSecureApp } from './index.ts';
import type { AuthEnv } from './middleware.ts';
import { loginAs, PASSWORD, type Client } from './testing.ts';

const NASTY = [
  '',
  ' ',
  ',',
  ',,,',
  '0150',
  '0150,1708',
  '1708',
  '9999',
  '11111111',
  '22222222',
  'T1',
  'T3',
  '2018-01-01',
  '2018-02-30',
  '2018-13-01',
  '0000-00-00',
  '99999-01-01',
  'care',
  'invoice',
  'year',
  'year,year',
  'municipality,provider',
  'team',
  "' OR 1=1 --",
  '"; DROP TABLE audit_log; --',
  '../../etc/passwd',
  '%00',
  '%ZZ',
  '\u0000',
  '\u202e',
  '\u200b',
  '😀',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '$' + '{7*7}', // a template-injection probe, spelled so no linter mistakes it for a template
  '\r\nSet-Cookie: x=y',
  '__proto__',
  'constructor',
  'toString',
  '1e309',
  '1e19',
  '1e17',
  '2147483648',
  '1e-300',
  '2,5',
  '-0',
  'NaN',
  '-1',
  '0',
  '9999999999999999999999',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  'x'.repeat(5000),
];
const KEYS = [
  'municipality',
  'provider',
  'team',
  'from',
  'to',
  'basis',
  'split',
  'care_type',
  'product_category',
  'product',
  'referrer_type',
  'referrer',
  'district',
  'age_band',
  'sex',
  'financing',
  'p.minimum',
  'p.',
  'p.__proto__',
  '__proto__',
  'constructor',
  '',
  'metric',
  'text',
  'limit',
  'action',
  'unknown',
  'split[]',
  'municipality[0]',
  // every parameter name of the catalogue, so a new one is fuzzed too
  ...new Set(catalogue.flatMap((m) => (m.params ?? []).map((p) => `p.${p.name}`))),
];

let store: Store;
let app: Hono<AuthEnv>;
const clients: Client[] = [];

beforeAll(async () => {
  store = await fixtureStore();
  await store.run(sql`INSERT INTO municipality VALUES ('0150','Deventer',NULL,NULL), ('1708','Steenwijkerland',NULL,NULL)`);
  for (let i = 0; i < 24; i++) {
    const municipality = i % 2 ? '1708' : '0150';
    const client = `c${i}`;
    await addClient(store, { id: client, municipality, birthMonth: '2008-01-01' });
    const no = await addAllocation(store, {
      client,
      municipality,
      provider: i % 3 ? '11111111' : '22222222',
      team: i % 2 ? 'T3' : 'T1',
      start: '2017-03-01',
      end: '2018-10-31',
    });
    await addInvoice(store, {
      client,
      municipality,
      allocation: no,
      provider: i % 3 ? '11111111' : '22222222',
      periodStart: '2018-01-01',
      periodEnd: '2018-01-31',
      euros: 500 + i,
    });
  }
  await derive(store);
  const hash = await hashPassword(PASSWORD);
  for (const u of allUsers) {
    await store.run(
      sql`INSERT INTO user_account VALUES (${u.name}, ${u.role}, ${u.municipalities.join(',')}, ${u.provider}, ${u.team}, ${hash}, current_timestamp, current_timestamp)`,
    );
  }
  app = createSecureApp({ store, webDist: '/nonexistent', lockout: { perPair: 1000, perAddress: 1000, windowMs: 60_000 } });
  for (const u of allUsers) clients.push(await loginAs(app, u.name));
});
afterAll(() => store.close());

const LEAK =
  /\bat [\w.<>]+ \(|\n\s+at |Error:|TypeError|RangeError|Binder|Parser Error|Conversion Error|duckdb|undefined|\[object Object\]|SELECT /i;

/** Answers by status: the fuzzing must reach the computations (200) and the scope checks (403), not only the parser. */
const seen: Record<number, number> = {};
async function expectSafe(res: Response, what: string): Promise<void> {
  seen[res.status] = (seen[res.status] ?? 0) + 1;
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  const body = await res.json().catch(() => null);
  expect(body?.error?.message, what).toEqual(expect.any(String));
  expect(body.error.message.length, what).toBeGreaterThan(5);
  expect(body.error.message, what).not.toMatch(LEAK);
}

describe('hostile API parameters (seeded)', () => {
  it('answers 600 generated metric, export and note requests with 2xx or a Dutch 4xx', async () => {
    const rnd = seeded(5);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const ids = [...catalogue.map((m) => m.id), 'onbekend', '..', '%2e%2e', 'costs%00'];
    for (let i = 0; i < 600; i++) {
      const client = pick(clients);
      const pairs = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
        const raw = rnd() < 0.2;
        const k = pick(KEYS);
        const v = pick(NASTY);
        return raw ? `${k}=${v.replace(/[#&\s]/g, '')}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
      }).join('&');
      const id = pick(ids);
      const kind = Math.floor(rnd() * 5);
      const path = [
        `/api/metrics/${id}?${pairs}`,
        `/api/metrics/${id}/export.csv?${pairs}`,
        `/api/metrics/${id}/export.xlsx?${pairs}`,
        `/api/notes?${pairs}`,
        `/api/audit?${pairs}`,
      ][kind];
      let res: Response;
      try {
        res = await client.request(path);
      } catch {
        continue; // a URL the Request constructor itself refuses never reaches the server
      }
      await expectSafe(res, path);
    }
    expect(seen[200]).toBeGreaterThan(10);
    expect(seen[403]).toBeGreaterThan(0);
  });

  it('answers 300 generated JSON bodies (metric questions, notes, logins) with 2xx or a Dutch 4xx', async () => {
    const rnd = seeded(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const value = (depth = 0): unknown => {
      const r = rnd();
      if (r < 0.3) return pick(NASTY);
      if (r < 0.4) return Number(pick(['0', '-1', '1e308', '3.5', '10']));
      if (r < 0.5) return pick([null, true, false]);
      if (r < 0.7 && depth < 3) return Array.from({ length: Math.floor(rnd() * 3) }, () => value(depth + 1));
      if (depth < 3)
        return Object.fromEntries(
          Array.from({ length: Math.floor(rnd() * 3) }, () => [
            pick([...KEYS, 'filters', 'split', 'params', 'name', 'password']),
            value(depth + 1),
          ]),
        );
      return pick(NASTY);
    };
    for (let i = 0; i < 300; i++) {
      const client = pick(clients);
      const target = pick([`/api/metrics/${pick(catalogue).id}`, '/api/notes', '/api/login']);
      const body =
        rnd() < 0.15
          ? pick(['{', '{"filters":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"admin":true}}'])
          : JSON.stringify(value());
      const res = await client.request(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await expectSafe(res, `${target} ${body.slice(0, 200)}`);
    }
  });

  it('refuses garbage cookies, CSRF tokens and origins without erring', async () => {
    const rnd = seeded(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    for (let i = 0; i < 150; i++) {
      const headers: Record<string, string> = {
        'content-type': pick(['application/json', 'text/plain', 'application/json; charset=x', '']),
      };
      const safe = (s: string) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 300);
      if (rnd() < 0.8) headers.cookie = `roer_sessie=${safe(pick([...NASTY, clients[0].cookie.split('=')[1]]))}`;
      if (rnd() < 0.5) headers['x-csrf-token'] = safe(pick([...NASTY, clients[0].csrf]));
      if (rnd() < 0.5)
        headers.origin = safe(pick(['null', 'http://localhost', 'https://evil.example', 'http://', '%', ...NASTY]));
      const res = await app.request(pick(['/api/metrics', '/api/notes', '/api/logout', '/api/session', '/api/audit']), {
        method: pick(['GET', 'POST', 'PUT', 'DELETE']),
        headers,
        body: undefined,
      });
      await expectSafe(res, JSON.stringify(headers).slice(0, 300));
    }
  });
});

/** Bad values of every kind: huge, negative, fractional, NaN-like, impossible dates, overlong text. */
const BAD_PARAM_VALUES = [
  '1e19',
  '1e300',
  '1e17',
  '2147483648',
  '9007199254740993',
  '9'.repeat(400),
  '-1',
  '-1e19',
  '-0.5',
  '0.5',
  '2,5',
  '1e-300',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  'null',
  'undefined',
  ' ',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '0000-00-00',
  '99999-01-01',
  '2024-99-99',
  'x'.repeat(5000),
  '1'.repeat(300),
  '<script>alert(1)</script>',
  "'; --",
];

describe('every parameter of every metric in the catalogue', () => {
  const params = catalogue.flatMap((m) => (m.params ?? []).map((p) => ({ metric: m.id, name: p.name })));

  it('has parameters to test', () => {
    expect(params.length).toBeGreaterThanOrEqual(10);
  });

  it('answers each bad value in the query string, a JSON body and an export with a 200 or a Dutch 400 naming it', async () => {
    const admin = clients[allUsers.indexOf(users.admin)];
    const reader = clients[allUsers.indexOf(users.readerRegion)];
    const statuses = new Set<number>();
    for (const { metric, name } of params) {
      for (const v of BAD_PARAM_VALUES) {
        const q = `p.${name}=${encodeURIComponent(v)}`;
        const asked: [Client, string, RequestInit?][] = [
          [admin, `/api/metrics/${metric}?${q}`],
          [admin, `/api/metrics/${metric}/export.csv?${q}`],
          [reader, `/api/metrics/${metric}?${q}`],
          [
            admin,
            `/api/metrics/${metric}`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ params: { [name]: Number.isNaN(Number(v)) ? v : Number(v) } }),
            },
          ],
        ];
        for (const [client, path, init] of asked) {
          const res = await client.request(path, init);
          const what = `${init?.method ?? 'GET'} ${path.slice(0, 120)} ${String(init?.body ?? '').slice(0, 80)}`;
          statuses.add(res.status);
          if (res.status === 403 && client === reader) continue; // a metric with client rows: refused to readers first
          expect([200, 400], what).toContain(res.status);
          if (res.status === 400) {
            const body = (await res.clone().json()) as { error: { param: string } };
            expect(body.error.param, what).toBe(`p.${name}`);
          }
          await expectSafe(res, what);
        }
      }
    }
    expect([...statuses].sort()).toEqual([200, 400, 403]);
  });

  it('refuses the values of the security report with these Dutch messages', async () => {
    const admin = clients[allUsers.indexOf(users.admin)];
    const ask = async (path: string) => {
      const res = await admin.request(path);
      const error = ((await res.json()) as { error?: { message: string; param: string } }).error;
      return [res.status, error && { param: error.param, message: error.message }];
    };
    expect(await ask('/api/metrics/provider_concentration?p.top=1e19')).toEqual([
      400,
      { param: 'p.top', message: "'p.top' moet een geheel getal van 1 tot en met 1.000 zijn" },
    ]);
    expect(await ask('/api/metrics/intensive_clients?p.low=1e300')).toEqual([
      400,
      { param: 'p.low', message: "'p.low' moet een getal van 0 tot en met 1.000.000.000 zijn" },
    ]);
    expect(await ask('/api/metrics/intensive_entry?p.threshold=1e17')).toEqual([
      400,
      { param: 'p.threshold', message: "'p.threshold' moet een getal van 0 tot en met 1.000.000.000 zijn" },
    ]);
    expect(await ask('/api/metrics/budget?p.lag_months=2147483648')).toEqual([
      400,
      { param: 'p.lag_months', message: "'p.lag_months' moet een geheel getal van 0 tot en met 120 zijn" },
    ]);
    expect(await ask('/api/metrics/budget?p.lag_months=2.5')).toEqual([
      400,
      { param: 'p.lag_months', message: "'p.lag_months' moet een geheel getal van 0 tot en met 120 zijn" },
    ]);
    expect(await ask('/api/metrics/budget?p.peildatum=2024-02-30')).toEqual([
      400,
      { param: 'p.peildatum', message: "'p.peildatum' is geen geldige datum (jjjj-mm-dd)" },
    ]);
    expect(await ask(`/api/metrics/budget?p.peildatum=${'x'.repeat(201)}`)).toEqual([
      400,
      { param: 'p.peildatum', message: "'p.peildatum' is te lang (hoogstens 200 tekens)" },
    ]);
    expect(await ask('/api/audit?from=2024-99-99')).toEqual([
      400,
      { param: 'from', message: "'from' is geen geldige datum (jjjj-mm-dd)" },
    ]);
    expect(await ask('/api/audit?to=2023-02-29')).toEqual([
      400,
      { param: 'to', message: "'to' is geen geldige datum (jjjj-mm-dd)" },
    ]);
    expect((await ask('/api/metrics/budget?p.lag_months=120&p.peildatum=2024-02-29'))[0]).toBe(200);
  });
});
