// The financial framework and the baseline over HTTP in the secured app: the regional plan's framework (issue 17) with
// exact figures, the non-invoice cost lines as separate parts, unknown as null with its reason, and tried as an
// attacker would: another municipality is refused (403, audited), the region is narrowed to the own municipalities.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaselineView } from '../../forecast/baseline-view.ts';
import type { FrameworkViewYear } from '../../forecast/framework-view.ts';
import { mln, PLAN_FRAMEWORK } from '../../forecast/regional-plan.fixture.ts';
import { refreshDerived, sql, type Store } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture, type Client } from '../auth/testing.ts';

let store: Store;
let app: Hono<AuthEnv>;
/** anna: administrator; bert: analyst of 0150; els: reader of 0150; dirk: provider. */
const who: Record<string, Client> = {};

const budget = (year: number, municipality: string, kind: string, cents: number) =>
  store.run(sql`INSERT INTO budget VALUES (${year}, ${municipality}, '', '', ${kind}, ${cents}, 'f')`);
const costLine = (year: number, municipality: string, kind: string, cents: number) =>
  store.run(sql`INSERT INTO cost_line VALUES (${year}, ${municipality}, ${kind}, '', ${cents}, 'f')`);
const get = async <T = FrameworkViewYear[]>(c: Client, path: string) => {
  const res = await c.request(path);
  return { status: res.status, body: (await res.json()) as T };
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string; param: string } }).error;

beforeAll(async () => {
  ({ store, app } = await secureFixture());
  // 1708 carries the regional plan: 2019 budget 104.5 + burap 10.2, then carried and cut by 5, 5 and 4.7; 2022 without
  // a state contribution. Beside it in 2019: the access team (2.5) and the Veilig Thuis subsidy (1.0), € mln.
  for (const y of PLAN_FRAMEWORK) {
    if (y.budgetCents !== null) await budget(y.year, '1708', 'begroting', y.budgetCents);
    if (y.burapCents) await budget(y.year, '1708', 'burap', y.burapCents);
    if (y.targetCents) await budget(y.year, '1708', 'taakstelling', -y.targetCents);
    if (y.contributionCents !== null) await budget(y.year, '1708', 'rijksbijdrage', y.contributionCents);
  }
  await costLine(2019, '1708', 'toegang', mln(2.5));
  await costLine(2019, '1708', 'subsidie', mln(1));
  // 0150: 2018 budget € 3.000 (no contribution); invoices € 2.500,50 (fixture) + prevention € 500 = € 3.000,50.
  await budget(2018, '0150', 'begroting', 300_000);
  await costLine(2018, '0150', 'preventie', 50_000);
  await refreshDerived(store);
  for (const name of ['anna', 'bert', 'els', 'dirk']) who[name] = await loginAs(app, name);
});
afterAll(() => store.close());

describe('GET /api/forecast/framework', () => {
  it("gives the plan's framework year by year: year cost, net cost, and 2022's net cost unknown (never 0)", async () => {
    const { status, body } = await get(who.anna!, '/api/forecast/framework?gemeente=1708');
    expect(status).toBe(200);
    expect(
      body.map((y) => [y.year, y.budgetSource, y.budgetCents, y.yearCostCents, y.contributionCents, y.netCostCents]),
    ).toEqual([
      [2019, 'begroting', mln(104.5), mln(114.7), mln(12), mln(102.7)],
      [2020, 'doorgeschoven', mln(114.7), mln(109.7), mln(9.5), mln(100.2)],
      [2021, 'doorgeschoven', mln(109.7), mln(104.7), mln(9.5), mln(95.2)],
      [2022, 'doorgeschoven', mln(104.7), mln(100), null, null],
    ]);
    expect(body[3]!.netAtMostCents).toBe(mln(100));
    expect(body[3]!.unknown).toContain(
      'Rijksbijdrage 2022 is niet bekend; de nettokosten zijn daarom onbekend (niet als 0 gerekend).',
    );
  });

  it('shows the non-invoice cost lines as separate parts and the gap of the realised cost to the path', async () => {
    const { body } = await get(who.anna!, '/api/forecast/framework?gemeente=1708&van=2019&tot=2020');
    expect(body[0]).toMatchObject({
      year: 2019,
      invoicedCents: 0,
      costLines: { toegang: mln(2.5), subsidie: mln(1) },
      costLinesCents: mln(3.5),
      realisedCents: mln(3.5),
      gapCents: mln(3.5) - mln(114.7),
    });
    expect(body[1]).toMatchObject({ year: 2020, yearCostCents: mln(109.7), realisedCents: null, gapCents: null });
    expect(body[1]!.unknown).toContain('Over 2020 zijn nog geen kosten gerealiseerd; de afstand tot het pad is onbekend.');
  });

  it('adds invoices (with PGB) and cost lines: 0150 in 2018 is € 2.500,50 + € 500 against a budget of € 3.000', async () => {
    const { body } = await get(who.bert!, '/api/forecast/framework?gemeente=0150');
    expect(body).toEqual([
      expect.objectContaining({
        year: 2018,
        yearCostCents: 300_000,
        contributionCents: null,
        netCostCents: null,
        invoicedCents: 250_050,
        costLines: { preventie: 50_000 },
        realisedCents: 300_050,
        gapCents: 50,
      }),
    ]);
  });

  it("refuses another municipality's framework (403, audited) and narrows the region to the own municipality", async () => {
    const res = await who.bert!.request('/api/forecast/framework?gemeente=1708');
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe('U heeft geen toegang tot gemeente 1708; uw account is beperkt tot 0150.');
    expect(
      await store.all(sql`SELECT actor, target, outcome FROM audit_log WHERE action = 'forecast_framework' AND actor = 'bert'`),
    ).toContainEqual({ actor: 'bert', target: '1708', outcome: 'geweigerd' });
    const region = await get(who.bert!, '/api/forecast/framework');
    expect(region.body.map((y) => [y.year, y.yearCostCents])).toEqual([[2018, 300_000]]);
    expect((await who.dirk!.request('/api/forecast/framework')).status).toBe(403);
  });

  it('sums the region for a user without a limit; a municipality without budget rows for a year makes it unknown', async () => {
    const { body } = await get(who.anna!, '/api/forecast/framework?van=2018&tot=2019');
    // 1708 has no 2018 budget and 0150 no 2019 budget: neither year is the other municipality's figure alone.
    expect(body.map((y) => [y.year, y.yearCostCents, y.netCostCents, y.realisedCents])).toEqual([
      [2018, null, null, null],
      [2019, null, null, null],
    ]);
    expect(body[0]!.unknown).toContain(
      'Voor 2018 zijn geen begroting en rijksbijdrage ingelezen van 1708; het totaal is daarom onbekend ' +
        '(geen som van alleen de andere gemeenten).',
    );
    // The region's access team in 2019 is 1708's line only: 0150 imported none, so the part is unknown, never € 0.
    expect(body[1]!.costLines).toEqual({ toegang: null, subsidie: null, preventie: null });
    expect(body[1]!.unknown).toContain(
      'Kostenregel toegang (eigen personeel) 2019 niet ingelezen voor 0150; dat deel is onbekend (niet als 0 gerekend).',
    );
  });

  it.each([
    ['gemeente=abc', 'gemeente'],
    ['van=twintig', 'van'],
    ['van=2021&tot=2019', 'tot'],
    ['jaar=2019', 'jaar'],
    ['van=2019&van=2020', 'van'],
  ])('?%s → 400 naming %s', async (qs, param) => {
    const res = await who.anna!.request(`/api/forecast/framework?${qs}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).param).toBe(param);
  });
});

describe('GET /api/forecast/baseline', () => {
  it.each([
    ['', 'basisjaar'],
    ['basisjaar=2018&jaren=2', 'jaren'],
    ['basisjaar=2018&jaren=6', 'jaren'],
    ['basisjaar=2018&indexatie=11', 'indexatie'],
    ['basisjaar=2018&indexatie=-1', 'indexatie'],
  ])('?%s → 400 naming %s', async (qs, param) => {
    const res = await who.anna!.request(`/api/forecast/baseline?${qs}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).param).toBe(param);
  });

  it('answers the years asked with the index given; another municipality and a reader are refused', async () => {
    const { status, body } = await get<BaselineView>(
      who.bert!,
      '/api/forecast/baseline?gemeente=0150&basisjaar=2018&jaren=4&indexatie=2,5',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ baseYear: 2018, indexPercent: 2.5 });
    expect(body.total.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022]);
    expect((await who.bert!.request('/api/forecast/baseline?gemeente=1708&basisjaar=2018')).status).toBe(403);
    expect((await who.els!.request('/api/forecast/baseline?gemeente=0150&basisjaar=2018')).status).toBe(403);
  });
});
