// The routes behind the benchmark page on the CBS fixture tables: the choices it offers, the normalised comparison of two
// municipalities (the council paper's populations: Steenwijkerland 44,0 % of Deventer), and saved reference groups —
// read within the own municipalities, written by those who may write notes, with the CSRF token, audited.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cbsFixtureStore } from '../../../test/fixtures/cbs/store.ts';
import { formatShare } from '../../benchmark/compare.ts';
import { type Store, sql } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';

let store: Store;
let app: Hono<AuthEnv>;
beforeAll(async () => {
  ({ store, app } = await secureFixture({}, await cbsFixtureStore()));
});
afterAll(() => store.close());

const get = async (name: string, path: string) => (await loginAs(app, name)).request(path);
const post = async (name: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  (await loginAs(app, name)).request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const audited = async (action: string, actor: string) =>
  (
    await store.one<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = ${action} AND actor = ${actor}`,
    )
  )?.n;

describe('/api/benchmark/keuzes', () => {
  it("lists measures, size classes, regions, every municipality, CBS's periods and the tables read in", async () => {
    const res = await get('els', '/api/benchmark/keuzes');
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c.measures.map((m: { key: string }) => m.key)).toEqual([
      'jeugdhulp',
      'zonder-verblijf',
      'met-verblijf',
      'kosten-per-inwoner',
      'kosten-per-client',
    ]);
    expect(c.measures.find((m: { key: string }) => m.key === 'kosten-per-inwoner').tables).toEqual(['83454NED', '03759ned']);
    expect(c.measures.find((m: { key: string }) => m.key === 'kosten-per-client').tables).toEqual(['83454NED', '85097NED']);
    // CBS publishes the shares per half-year and year, the costs (83454NED) per year only.
    expect(c.measures.map((m: { key: string; periods: string[] }) => [m.key, m.periods])).toEqual([
      ['jeugdhulp', ['halfjaar', 'jaar']],
      ['zonder-verblijf', ['halfjaar', 'jaar']],
      ['met-verblijf', ['halfjaar', 'jaar']],
      ['kosten-per-inwoner', ['jaar']],
      ['kosten-per-client', ['jaar']],
    ]);
    expect(c.sizeClasses).toHaveLength(6);
    expect(c.regions).toContain('IJsselland');
    expect(c.municipalities.find((m: { code: string }) => m.code === '1708')).toEqual({
      code: '1708',
      name: 'Steenwijkerland',
      region: 'IJsselland',
    });
    expect(c.periods.halfjaar).toContain('2020-H1');
    // The fixture tables are no demo set: none is flagged fictitious.
    expect(c.sources.map((s: { table: string; fictitious: boolean }) => [s.table, s.fictitious])).toEqual([
      ['03759ned', false],
      ['83454NED', false],
      ['85097NED', false],
    ]);
    // No decile file read in: the kinds to choose from, no years yet.
    expect(c.deciles).toEqual({
      kinds: [
        { key: 'inkomen', label: 'inkomensdeciel' },
        { key: 'kinderarmoede', label: 'kinderarmoededeciel' },
      ],
      years: [],
    });
    expect(await audited('benchmark_read', 'els')).toBe(1);
  });
});

describe('/api/benchmark/vergelijking', () => {
  it('gives each figure of A as a percentage of B beside the population ratio, "n.v.t." with the reason where missing', async () => {
    const res = await get('bert', '/api/benchmark/vergelijking?a=1708&b=0150&periode=2020');
    expect(res.status).toBe(200);
    const c = await res.json();
    expect([c.a.name, c.a.population, c.b.name, c.b.population, formatShare(c.population)]).toEqual([
      'Steenwijkerland',
      43_931,
      'Deventer',
      99_941,
      '44,0 %',
    ]);
    const cost = c.rows.find((r: { label: string }) => r.label.startsWith('Lasten'));
    // Steenwijkerland's 2020 cost cell is empty in the fixture; Deventer has none for 2020 at all.
    expect([cost.a, cost.b, formatShare(cost.share), cost.share.reason]).toEqual([
      null,
      null,
      'n.v.t.',
      'Steenwijkerland heeft geen cijfer (leeg)',
    ]);
  });

  it('compares 2019 cost as the council paper did: 10,490 of 20,943 is 50,1 %', async () => {
    const c = await (await get('bert', '/api/benchmark/vergelijking?a=1708&b=0150&periode=2019')).json();
    const cost = c.rows.find((r: { label: string }) => r.label.startsWith('Lasten'));
    expect([cost.a, cost.b, formatShare(cost.share)]).toEqual([10_490, 20_943, '50,1 %']);
  });

  it('refuses junk with a 400 naming the parameter', async () => {
    for (const [query, param] of [
      ['a=17&b=0150&periode=2020', 'a'],
      ['a=1708&b=9999&periode=2020', 'b'],
      ['a=1708&b=1708&periode=2020', 'b'],
      ['a=1708&b=0150&periode=2020-H3', 'periode'],
      ['a=1708&b=0150&periode=2020&x=1', 'x'],
    ]) {
      const res = await get('anna', `/api/benchmark/vergelijking?${query}`);
      expect([query, res.status, (await res.json()).error.param]).toEqual([query, 400, param]);
    }
  });
});

describe('/api/benchmark/groepen', () => {
  const buren = { gemeente: '0150', name: 'Buren', group: { kind: 'buren', municipalities: ['1708', '0193'] } };

  it('saves, lists and deletes a group of an own municipality, audited', async () => {
    const saved = await post('bert', '/api/benchmark/groepen', buren);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ name: 'Buren', group: buren.group });
    const list = await (await get('bert', '/api/benchmark/groepen?gemeente=0150')).json();
    expect(list).toEqual([{ name: 'Buren', group: buren.group }]);
    const deleted = await post('bert', '/api/benchmark/groepen/delete', { gemeente: '0150', name: 'Buren' });
    expect(deleted.status).toBe(200);
    expect(await (await get('bert', '/api/benchmark/groepen?gemeente=0150')).json()).toEqual([]);
    expect((await post('bert', '/api/benchmark/groepen/delete', { gemeente: '0150', name: 'Buren' })).status).toBe(404);
    expect([await audited('reference_group_save', 'bert'), await audited('reference_group_delete', 'bert')]).toEqual([1, 2]);
  });

  it("refuses another municipality's groups, a reader's save, and a POST without the CSRF token", async () => {
    expect((await get('bert', '/api/benchmark/groepen?gemeente=1708')).status).toBe(403);
    expect((await post('bert', '/api/benchmark/groepen', { ...buren, gemeente: '1708' })).status).toBe(403);
    expect((await post('els', '/api/benchmark/groepen', buren)).status).toBe(403);
    expect((await post('bert', '/api/benchmark/groepen', buren, { 'x-csrf-token': 'vals' })).status).toBe(403);
    expect(await (await get('anna', '/api/benchmark/groepen?gemeente=0150')).json()).toEqual([]);
  });

  it('names what is wrong in a group: an unknown neighbour, a kind, a decile, a size class, a name', async () => {
    const cases: [unknown, string][] = [
      [{ ...buren, group: { kind: 'buren', municipalities: ['9999'] } }, 'group.municipalities'],
      [{ ...buren, group: { kind: 'provincie' } }, 'group.kind'],
      [{ ...buren, group: { kind: 'regio', region: 'Atlantis' } }, 'group.region'],
      [{ ...buren, group: { kind: 'context', year: 2023, deciles: { inkomen: 11 } } }, 'group.deciles.inkomen'],
      [{ ...buren, group: { kind: 'context', year: 2023, deciles: { welvaart: 3 } } }, 'group.deciles.welvaart'],
      [{ ...buren, group: { kind: 'context', year: 2023, deciles: { inkomen: 5 }, sizeClass: 'groot' } }, 'group.sizeClass'],
      [{ ...buren, name: ' ' }, 'name'],
      [{ ...buren, gemeente: '150' }, 'gemeente'],
    ];
    for (const [body, param] of cases) {
      const res = await post('anna', '/api/benchmark/groepen', body);
      expect([res.status, (await res.json()).error.param]).toEqual([400, param]);
    }
  });
});
