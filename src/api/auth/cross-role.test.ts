// The cross-role test of issue 5: for every role and every metric in the real catalogue, try to read another
// municipality's, provider's or team's data through filters, splits, JSON bodies, exports and notes. Every attempt must
// be refused; every answer that is given must equal the administrator's answer restricted to the user's own scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { RIGHTS, type User } from '../../access/roles.ts';
import { scopeOf } from '../../access/scope.ts';
import { perturb } from '../../access/disclosure.ts';
import { suppress } from '../../access/suppress.ts';
import { allUsers, users } from '../../access/testing.ts';
import { hashPassword } from '../../access/password.ts';
import { addAllocation, addClient, addInvoice, derive, fixtureStore, PRODUCTS } from '../../metrics/fixtures.ts';
import { catalogue } from '../../metrics/index.ts';
import type { MetricResult } from '../../metrics/types.ts';
import { sql, type Store } from '../../store/index.ts';
import { createSecureApp } from './index.ts';
import type { AuthEnv } from './middleware.ts';
import { loginAs, PASSWORD, type Client } from './testing.ts';

const MUNICIPALITIES = ['0150', '1708', '0166'];
const KEY = Buffer.alloc(32, 5);
const PROVIDERS = ['11111111', '22222222', '33333333'];
const TEAM_OF: Record<string, string[]> = { '0150': ['T1', 'T2'], '1708': ['T3'], '0166': ['T4'] };
/** A value of `dim` outside the user's scope. */
const otherThan = (own: string[], dim: 'municipality' | 'provider' | 'team') =>
  ({ municipality: MUNICIPALITIES, provider: PROVIDERS, team: Object.values(TEAM_OF).flat() })[dim].find(
    (v) => !own.includes(v),
  )!;

let store: Store;
let app: Hono<AuthEnv>;
const clients = new Map<string, Client>();

beforeAll(async () => {
  store = await fixtureStore();
  await store.run(
    sql`INSERT INTO municipality VALUES ('0150','Deventer',NULL,NULL), ('1708','Steenwijkerland',NULL,NULL), ('0166','Kampen',NULL,NULL)`,
  );
  await store.run(sql`INSERT INTO provider VALUES ('11111111','Een'), ('22222222','Twee'), ('33333333','Drie')`);
  // 90 clients spread over municipalities, providers, teams and care types, in care 2016–2018, some of them expensive.
  for (let i = 0; i < 90; i++) {
    const municipality = MUNICIPALITIES[i % 3];
    const provider = PROVIDERS[Math.floor(i / 3) % 3];
    const team = TEAM_OF[municipality][Math.floor(i / 9) % TEAM_OF[municipality].length];
    const product = PRODUCTS[i % 4][0];
    const client = `c${String(i).padStart(3, '0')}`;
    await addClient(store, {
      id: client,
      municipality,
      birthMonth: `${2003 + (i % 12)}-0${1 + (i % 9)}-01`,
      sex: String(1 + (i % 2)),
    });
    const start = `${2016 + (i % 3)}-0${1 + (i % 6)}-01`;
    const no = await addAllocation(store, {
      client,
      municipality,
      provider,
      team,
      product,
      start,
      end: i % 4 === 0 ? null : '2018-12-31',
    });
    for (const year of [2016, 2017, 2018]) {
      if (`${year}` < start.slice(0, 4)) continue;
      await addInvoice(store, {
        client,
        municipality,
        provider,
        product,
        allocation: no,
        periodStart: `${year}-06-01`,
        periodEnd: `${year}-06-30`,
        euros: 1000 + i * 37 + (i % 10 === 0 ? 120_000 : 0),
      });
    }
  }
  await derive(store);
  const hash = await hashPassword(PASSWORD);
  for (const u of allUsers) {
    await store.run(
      sql`INSERT INTO user_account VALUES (${u.name}, ${u.role}, ${u.municipalities.join(',')}, ${u.provider}, ${u.team}, ${hash}, current_timestamp, current_timestamp)`,
    );
  }
  app = createSecureApp({ store, webDist: '/nonexistent', cellKey: KEY });
  for (const u of allUsers) clients.set(u.name, await loginAs(app, u.name));
  const admin = clients.get('anna')!;
  for (const m of catalogue) {
    for (const municipality of ['0150', '1708', null]) {
      const res = await admin.request('/api/notes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          metric: m.id,
          municipality,
          from: '2018-01-01',
          to: '2018-12-31',
          text: `notitie ${municipality}`,
        }),
      });
      if (res.status !== 201) throw new Error(`note: ${await res.text()}`);
    }
  }
});
afterAll(() => store.close());

const get = async (u: User, path: string) => {
  const res = await clients.get(u.name)!.request(path);
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
};

/** Scope as query-string filters, e.g. municipality=0150&team=T1. */
const scopeQuery = (u: User) =>
  Object.entries(scopeOf(u))
    .map(([d, v]) => `${d}=${v!.join(',')}`)
    .join('&');

describe.each(catalogue.map((m) => [m.id, m] as const))('metric %s', (_id, metric) => {
  it.each(allUsers.map((u) => [`${u.role} ${u.name}`, u] as const))('%s cannot see outside the own scope', async (_n, user) => {
    const scope = scopeOf(user);
    const mine = await get(user, `/api/metrics/${metric.id}`);
    if (metric.clientRows && !RIGHTS[user.role].clientRows) {
      expect(mine.status).toBe(403);
      expect((await get(user, `/api/metrics/${metric.id}/export.csv`)).status).toBe(403);
      if (RIGHTS[user.role].readNotes) expect((await get(user, `/api/notes?metric=${metric.id}`)).status).toBe(403);
      return;
    }
    expect([200, 400, 403], JSON.stringify(mine.body)).toContain(mine.status);

    // 1. The answer equals the administrator's answer restricted to the scope (suppressed and perturbed where the role requires).
    if (mine.status === 200) {
      const admin = await get(users.admin, `/api/metrics/${metric.id}?${scopeQuery(user)}`);
      expect(admin.status).toBe(200);
      const expected: MetricResult = RIGHTS[user.role].suppressed ? perturb(suppress(admin.body), KEY, 10) : admin.body;
      expect(mine.body.rows).toEqual(expected.rows);
      expect(mine.body.totals).toEqual(expected.totals);
      for (const [d, allowed] of Object.entries(scope)) expect(mine.body.filters[d]).toEqual(allowed);
    }

    // 2. Filters, JSON bodies, exports and splits that reach outside the scope are refused.
    for (const dim of Object.keys(scope) as ('municipality' | 'provider' | 'team')[]) {
      const own = scope[dim]![0];
      const other = otherThan(scope[dim]!, dim);
      for (const value of [other, `${own},${other}`]) {
        for (const path of [
          `/api/metrics/${metric.id}?${dim}=${value}`,
          `/api/metrics/${metric.id}/export.csv?${dim}=${value}`,
          `/api/metrics/${metric.id}/export.xlsx?${dim}=${value}`,
        ]) {
          const r = await get(user, path);
          expect(r.status, path).toBe(403);
          expect(r.body.error.param).toBe(dim);
        }
        const posted = await clients.get(user.name)!.request(`/api/metrics/${metric.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ filters: { [dim]: value.split(',') } }),
        });
        expect(posted.status, await posted.clone().text()).toBe(403);
      }
    }
    for (const dim of ['municipality', 'provider', 'team'] as const) {
      if (!metric.splits.includes(dim)) continue;
      const r = await get(user, `/api/metrics/${metric.id}?split=${dim}`);
      if (r.status !== 200) {
        expect([400, 403]).toContain(r.status);
        continue;
      }
      if (scope[dim]) for (const row of r.body.rows) expect(scope[dim]).toContain(row[dim]);
    }

    // 3. Exports carry the same scoped table: no code of another municipality appears in the file.
    const csv = await get(
      user,
      `/api/metrics/${metric.id}/export.csv?split=${metric.splits.includes('municipality') ? 'municipality' : ''}`,
    );
    if (csv.status === 200 && scope.municipality) {
      for (const m of MUNICIPALITIES.filter((x) => !scope.municipality!.includes(x)))
        expect(csv.body).not.toMatch(new RegExp(`(^|;|\\n)${m}(;|\\r)`));
    }

    // 4. Notes: only the own municipalities, never another one's; providers read none; only analysts/admins write.
    const notes = await get(user, `/api/notes?metric=${metric.id}`);
    if (!RIGHTS[user.role].readNotes) {
      expect(notes.status).toBe(403);
    } else {
      expect(notes.status).toBe(200);
      const seen = notes.body.notes.map((n: { municipality: string | null }) => n.municipality);
      if (scope.municipality) {
        expect(seen).toEqual(scope.municipality.filter((m) => ['0150', '1708'].includes(m)));
        expect(
          (await get(user, `/api/notes?metric=${metric.id}&municipality=${otherThan(scope.municipality, 'municipality')}`))
            .status,
        ).toBe(403);
      } else {
        expect(seen.slice(0, 3)).toEqual(['0150', '1708', null]);
      }
    }
    const write = await clients.get(user.name)!.request('/api/notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metric: metric.id, municipality: '0166', from: '2018-01-01', to: '2018-12-31', text: 'poging' }),
    });
    expect(write.status).toBe(user.role === 'admin' ? 201 : 403);
  });
});

describe('status and dimension lists', () => {
  it.each(allUsers.map((u) => [`${u.role} ${u.name}`, u] as const))(
    '%s sees only the own values, and the import status only as admin',
    async (_n, user) => {
      const status = await get(user, '/api/status');
      expect(status.status).toBe(RIGHTS[user.role].importStatus ? 200 : 403);
      const dims = await get(user, '/api/dimensions');
      expect(dims.status).toBe(200);
      for (const [d, allowed] of Object.entries(scopeOf(user))) {
        for (const o of dims.body[d]) expect(allowed).toContain(o.value);
      }
    },
  );

  it('shows the import status (every file name, the whole quarantine) to the administrator only', async () => {
    expect((await get(users.admin, '/api/status')).status).toBe(200);
    const analyst = await get(users.analyst, '/api/status');
    expect(analyst).toEqual({
      status: 403,
      body: { error: { message: 'Met de rol analist mag u de importstatus inzien niet.', param: null } },
    });
    for (const u of allUsers.filter((x) => x.role !== 'admin')) expect((await get(u, '/api/status')).status).toBe(403);
  });

  it("lists a one-municipality analyst only the own municipality's teams and districts", async () => {
    await store.run(sql`INSERT INTO team VALUES ('0150:Jeugdteam Deventer Noord', '0150', 'Jeugdteam Deventer Noord'),
      ('1708:Jeugdteam Steenwijkerland', '1708', 'Jeugdteam Steenwijkerland'), ('0166:Jeugdteam Kampen Zuid', '0166', 'Jeugdteam Kampen Zuid')`);
    await store.run(
      sql`UPDATE client SET district = CASE municipality WHEN '0150' THEN 'Deventer Centrum' WHEN '1708' THEN 'Steenwijk Noord' ELSE 'Kampen Zuid' END`,
    );
    const values = async (u: User) => {
      const { body } = await get(u, '/api/dimensions');
      return ['municipality', 'team', 'district'].map((d) => body[d].map((o: { value: string }) => o.value));
    };
    expect(await values(users.analyst)).toEqual([['0150'], ['0150:Jeugdteam Deventer Noord'], ['Deventer Centrum']]);
    expect(await values(users.analyst2)).toEqual([
      ['0150', '1708'],
      ['0150:Jeugdteam Deventer Noord', '1708:Jeugdteam Steenwijkerland'],
      ['Deventer Centrum', 'Steenwijk Noord'],
    ]);
    expect(await values(users.admin)).toEqual([
      ['0150', '0166', '1708'],
      ['0150:Jeugdteam Deventer Noord', '0166:Jeugdteam Kampen Zuid', '1708:Jeugdteam Steenwijkerland'],
      ['Deventer Centrum', 'Kampen Zuid', 'Steenwijk Noord'],
    ]);
  });

  it("keeps a team lead without --gemeente to the team's municipality: notes, teams and districts", async () => {
    const lead: User = {
      name: 'gijs',
      role: 'team_lead',
      municipalities: [],
      provider: null,
      team: '0150:Jeugdteam Deventer Noord',
    };
    const stray: User = { name: 'henk', role: 'team_lead', municipalities: [], provider: null, team: 'T9' };
    const hash = await hashPassword(PASSWORD);
    for (const u of [lead, stray]) {
      await store.run(
        sql`INSERT INTO user_account VALUES (${u.name}, 'team_lead', '', NULL, ${u.team}, ${hash}, current_timestamp, current_timestamp)`,
      );
      clients.set(u.name, await loginAs(app, u.name));
    }
    const metric = catalogue.find((m) => !m.clientRows)!;
    const notes = await get(lead, `/api/notes?metric=${metric.id}`);
    expect(notes.body.notes.map((n: { municipality: string | null }) => n.municipality)).toEqual(['0150']);
    expect((await get(lead, `/api/notes?metric=${metric.id}&municipality=1708`)).status).toBe(403);
    // A team id from before team ids carried their municipality: no notes at all rather than every municipality's.
    expect((await get(stray, `/api/notes?metric=${metric.id}`)).status).toBe(403);
    const { body } = await get(lead, '/api/dimensions');
    expect([body.municipality, body.team, body.district].map((l: { value: string }[]) => l.map((o) => o.value))).toEqual([
      ['0150'],
      ['0150:Jeugdteam Deventer Noord'],
      ['Deventer Centrum'],
    ]);
  });
});
