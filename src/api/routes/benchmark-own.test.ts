// /api/benchmark/eigen on the tiny own-data store beside the CBS fixture: exact for an analyst of the municipality,
// refused outside the scope, and for a reader nothing of the (all small) own counts comes out, whichever periods,
// municipalities and parameters are tried.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownCbsFixtureStore } from '../../../test/fixtures/cbs/owncbs.ts';
import type { OwnCbsView } from '../../benchmark/owncbs.ts';
import { type Store, sql } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';

let store: Store;
let app: Hono<AuthEnv>;
beforeAll(async () => {
  ({ store, app } = await secureFixture({}, await ownCbsFixtureStore()));
}, 120_000);
afterAll(() => store.close());

const ask = async (name: string, query: string) => (await loginAs(app, name)).request(`/api/benchmark/eigen?${query}`);

describe('/api/benchmark/eigen', () => {
  it('gives an analyst of Steenwijkerland the exact own figures beside CBS, audited', async () => {
    const res = await ask('bea', 'gemeente=1708&jaar=2020');
    expect(res.status).toBe(200);
    const body = (await res.json()) as OwnCbsView;
    expect(body.rows[0]).toMatchObject({ period: '2020-H1', measure: 'totaal', own: 3, cbs: 905, difference: -902 });
    expect(body.protection).toBeNull();
    expect(body.definition).toMatch(/^Eigen cijfer volgens de CBS-definitie/);
    const row = await store.one<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'benchmark_own_read' AND actor = 'bea' AND target = '1708'`,
    );
    expect(row?.n).toBe(1);
  });

  it('refuses another municipality, and accounts pinned to a provider or a team, with the refusal audited', async () => {
    expect((await ask('bert', 'gemeente=1708&jaar=2020')).status).toBe(403);
    expect((await ask('dirk', 'gemeente=1708&jaar=2020')).status).toBe(403);
    expect((await ask('cor', 'gemeente=0150&jaar=2020')).status).toBe(403);
    expect((await ask('els', 'gemeente=1708&jaar=2020')).status).toBe(403);
    const row = await store.one<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'benchmark_own_read' AND outcome = 'geweigerd'`,
    );
    expect(row?.n).toBe(4);
    expect((await app.request('/api/benchmark/eigen?gemeente=1708&jaar=2020')).status).toBe(401);
  });

  it('lets no small own count reach a reader, directly or through the difference, the percentage or another period', async () => {
    const leaks: unknown[] = [];
    for (const year of [2019, 2020, 2021])
      for (const gemeente of ['1708', '0150']) {
        const res = await ask('frits', `gemeente=${gemeente}&jaar=${year}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as OwnCbsView;
        expect(body.protection).toContain('<10');
        for (const r of body.rows) {
          // Every own count of the store is under 10: each is hidden (or a true 0, as for Deventer, which has no own
          // data), and so is all that follows from it.
          if (r.own === 0 && (r.ownExtended ?? 0) === 0) continue;
          for (const v of [r.own, r.ownExtended, r.difference, r.differencePct, r.ownPercent])
            if (v !== null) leaks.push([year, gemeente, r.period, r.measure, v]);
          if (r.own === null) expect(r.hidden).toBe(true);
        }
        for (const e of body.explanations) if (e.count !== null) leaks.push([year, gemeente, e.kind, e.count]);
      }
    expect(leaks).toEqual([]);
  });

  it('refuses junk in every parameter with a 400 naming it', async () => {
    const cases: [string, string][] = [
      ['gemeente=17&jaar=2020', 'gemeente'],
      ['gemeente=9999&jaar=2020', 'gemeente'],
      ['gemeente=1708', 'jaar'],
      ['gemeente=1708&jaar=20', 'jaar'],
      ['gemeente=1708&jaar=2010', 'jaar'],
      ['gemeente=1708&jaar=2020&jaar=2021', 'jaar'],
      ['gemeente=1708&jaar=2020&gemeente=0150', 'gemeente'],
      ['gemeente=1708&jaar=2020&periode=2020-H1', 'periode'],
    ];
    for (const [query, param] of cases) {
      const res = await ask('anna', query);
      expect([query, res.status, (await res.json()).error.param]).toEqual([query, 400, param]);
    }
  });
});
