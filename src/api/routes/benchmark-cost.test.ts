// /api/benchmark?maat=kosten-per-inwoner and maat=kosten-per-client: CBS's cost per inhabitant or per youth with youth
// care beside the municipality's own (the per_youth metric through the guard): within the user's scope, small numbers
// hidden from readers, refused outside the scope.
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCbsPaths } from '../../benchmark/import.ts';
import { addAllocation, addClient, addInvoice, derive, fixtureStore, insertRows } from '../../metrics/fixtures.ts';
import { sql, type Store } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';
import { metricsEngine } from '../engine.ts';

const CBS = new URL('../../../test/fixtures/cbs/', import.meta.url).pathname;

let store: Store;
let app: Hono<AuthEnv>;
beforeAll(async () => {
  const base = await fixtureStore();
  await base.run(
    sql`INSERT INTO municipality VALUES ('0150', 'Deventer', 'Overijssel', 'IJsselland'), ('1708', 'Steenwijkerland', 'Overijssel', 'IJsselland')`,
  );
  // Deventer: 12 children, each € 1,000 in 2019 and € 1,500 in 2020; Steenwijkerland: 3 children, € 2,000 in 2019.
  for (const [municipality, n, euros] of [
    ['0150', 12, [1_000, 1_500]],
    ['1708', 3, [2_000]],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const client = `${municipality}-${i}`;
      await addClient(base, { id: client, municipality, birthMonth: '2010-03-01' });
      const no = await addAllocation(base, { client, municipality, start: '2019-01-01', end: '2020-12-31' });
      for (const [k, amount] of euros.entries())
        await addInvoice(base, { client, municipality, allocation: no, periodStart: `${2019 + k}-05-01`, euros: amount });
    }
  }
  // Deventer's invoices end in May 2020, but eleven allocations run on into 2021 without cost yet (the demo's case of
  // own data ending before CBS's periods): 2021 has clients, € 0 cost and no population.
  for (let i = 0; i < 11; i++) {
    const client = `0150-late-${i}`;
    await addClient(base, { id: client, municipality: '0150', birthMonth: '2012-03-01' });
    await addAllocation(base, { client, municipality: '0150', start: '2021-01-01', end: '2021-12-31' });
  }
  // Inhabitants: Deventer 20,000 in 2019 and 25,000 in 2020; Steenwijkerland 10,000 in 2019.
  const bands = (municipality: string, year: number, total: number) =>
    [
      ['0-3', 1_000],
      ['4-11', 2_000],
      ['12-17', 1_500],
      ['18-22', 1_000],
      ['totaal', total],
    ].map(([age_band, inhabitants]) => ({ municipality, year, age_band, inhabitants }));
  await insertRows(base, 'population', [
    ...bands('0150', 2019, 20_000),
    ...bands('0150', 2020, 25_000),
    ...bands('1708', 2019, 10_000),
  ]);
  await derive(base);
  await importCbsPaths(base, [join(CBS, '83454NED'), join(CBS, '03759ned'), join(CBS, '85097NED')]);
  ({ store, app } = await secureFixture({ engine: metricsEngine }, base));
}, 60_000);
afterAll(() => store.close());

const ask = async (name: string, query: string, maat = 'kosten-per-inwoner') =>
  (await (await loginAs(app, name)).request(`/api/benchmark?maat=${maat}&${query}`)).json();
type Line = {
  who: string;
  label: string;
  points: { period: string; value: number | null; index: number | null; reason: string | null }[];
};

describe('/api/benchmark, cost per inhabitant', () => {
  it('adds the own figure as the last line, indexed on the base year, beside CBS lines on every period', async () => {
    const body = await ask('bert', 'gemeente=0150&basis=2019');
    expect([body.unit, body.label]).toEqual(['eur', 'Lasten jeugdhulp per inwoner (€)']);
    expect(body.lines.map((l: Line) => l.who)).toEqual(['gemeente', 'groep', 'regio', 'nederland', 'eigen']);
    const own = body.lines[4] as Line;
    // € 12,000 / 20,000 = € 0.60; € 18,000 / 25,000 = € 0.72: index 120.
    expect([own.label, own.points.map((p) => [p.period, p.value, p.index])]).toEqual([
      'eigen gegevens',
      [
        ['2019', 0.6, 100],
        ['2020', 0.72, 120],
        ['2021', null, null],
      ],
    ]);
    // 2021: allocations run on, but after the last invoiced month (2020-05) there is no own cost: missing, never € 0.
    expect(own.points[2]!.reason).toBe('geen eigen gegevens over deze periode');
    // CBS's Deventer: € 20,943,000 in 2019 but no population of 2019 in the fixture, and no 2020 cell: no figures, with
    // the reason.
    const cbs = (body.lines[0] as Line).points;
    expect(cbs.map((p) => [p.period, p.value, p.reason])).toEqual([
      ['2019', null, 'het CBS-cijfer of het inwonertal ontbreekt'],
      ['2020', null, 'het CBS-cijfer of het inwonertal ontbreekt'],
      ['2021', null, 'geen CBS-cijfer voor deze periode'],
    ]);
  });

  it('hides the own figure of a municipality with fewer than 10 clients from a reader', async () => {
    const body = await ask('frits', 'gemeente=1708&basis=2019');
    const own = body.lines.find((l: Line) => l.who === 'eigen') as Line;
    // 2019: three children, hidden; 2020 (the allocations run on, invoices end in 2019-05): no own data at all.
    expect(own.points.map((p) => [p.period, p.value, p.index, p.reason])).toEqual([
      ['2019', null, null, 'afgeschermd: te weinig cliënten'],
      ['2020', null, null, 'geen eigen gegevens over deze periode'],
    ]);
  });

  it("gives no own figure outside the user's municipalities, and says why; CBS's figures stay public", async () => {
    const body = await ask('bert', 'gemeente=1708&basis=2019');
    const own = body.lines.find((l: Line) => l.who === 'eigen') as Line;
    expect(own.points.map((p) => [p.period, p.value])).toEqual([
      ['2019', null],
      ['2020', null],
    ]);
    expect(own.points[0]!.reason).toMatch(/^geen eigen cijfer: /);
    // CBS's Steenwijkerland: 2019 and a 2020 cell CBS left empty.
    expect(body.lines[0].points.map((p: { period: string }) => p.period)).toEqual(['2019', '2020']);
  });
});

describe('/api/benchmark, cost per youth with youth care', () => {
  it("gives CBS's lasten over CBS's youths in care, a missing cell missing, and the own cost over the own clients", async () => {
    const body = await ask('bert', 'gemeente=1708&basis=2019', 'kosten-per-client');
    expect([body.unit, body.label]).toEqual(['eur', 'Lasten jeugdhulp per jongere met jeugdhulp (€)']);
    // CBS's Steenwijkerland: lasten 2019 (€ 10,490,000) but no year figure of youths in care for 2019; lasten 2020 empty
    // (null in the download), never 0.
    expect((body.lines[0] as Line).points.map((p) => [p.period, p.value, p.reason])).toEqual([
      ['2019', null, 'geen aantal jongeren met jeugdhulp (CBS 85097NED) ingelezen voor dit jaar'],
      ['2020', null, 'CBS geeft geen lastencijfer (leeg)'],
    ]);
    // Deventer, within bert's scope: € 12,000 / 12 children = € 1,000; € 18,000 / 12 = € 1,500: index 150.
    const own = (await ask('bert', 'gemeente=0150&basis=2019', 'kosten-per-client')).lines.find(
      (l: Line) => l.who === 'eigen',
    ) as Line;
    expect(own.points.map((p) => [p.period, p.value, p.index, p.reason])).toEqual([
      ['2019', 1000, 100, null],
      ['2020', 1500, 150, null],
      // Eleven youths in care in 2021 but no invoice after 2020-05: no own figure, never € 0 per youth.
      ['2021', null, null, 'geen eigen gegevens over deze periode'],
    ]);
  });

  it("computes a reader's own figure from the protected cost and clients the reader gets, and hides small numbers", async () => {
    const reader = await loginAs(app, 'els');
    const metric = await (await reader.request('/api/metrics/per_youth?municipality=0150&split=year')).json();
    const body = await (await reader.request('/api/benchmark?maat=kosten-per-client&gemeente=0150&basis=2019')).json();
    const own = body.lines.find((l: Line) => l.who === 'eigen') as Line;
    expect(own.points.map((p) => p.period)).toEqual(['2019', '2020', '2021']);
    expect(own.points.slice(0, 2).map((p) => p.value)).toEqual(
      metric.rows.slice(0, 2).map((r: { cost: number; clients: number }) => Math.round((r.cost / r.clients) * 100) / 100),
    );
    // Steenwijkerland's three children: hidden for a reader of the region in 2019; 2020 lies after its last invoice.
    const small = (await ask('frits', 'gemeente=1708&basis=2019', 'kosten-per-client')).lines.find(
      (l: Line) => l.who === 'eigen',
    ) as Line;
    expect(small.points.map((p) => [p.period, p.value, p.reason])).toEqual([
      ['2019', null, 'afgeschermd: te weinig cliënten'],
      ['2020', null, 'geen eigen gegevens over deze periode'],
    ]);
  });
});
