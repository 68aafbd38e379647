// The measures register and its scenario over HTTP in the secured app, tried as an attacker would: another
// municipality's register is refused (403, audited), another place's measure is unknown by its id, junk is a Dutch 400
// naming the field, a huge number of draws is capped, and a save needs the CSRF token and the right to write notes.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_MEASURES, mln } from '../../forecast/regional-plan.fixture.ts';
import { seedMeasures } from '../../forecast/register.ts';
import { OVERLAP_NOTE } from '../../forecast/measures.ts';
import { sql, type Store } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { type Client, loginAs, secureFixture } from '../auth/testing.ts';
import { engineOf, metricsEngine } from '../engine.ts';
import { costFixture } from '../fixture.ts';
import { fixtureStore } from '../../metrics/fixtures.ts';
import { addScenarioData } from '../../forecast/scenario.fixture.ts';
import type { Scenario } from '../../forecast/scenario.ts';

let store: Store;
let app: Hono<AuthEnv>;
/** anna: administrator; bert: analyst of 0150 (Deventer); els: reader of 0150; dirk: provider. */
const who: Record<string, Client> = {};
const JSON_TYPE = { 'content-type': 'application/json' };
const post = (c: Client, path: string, body: unknown, headers: Record<string, string> = JSON_TYPE) =>
  c.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string; param: string } }).error;

const fixed = (low: number, high: number) => [{ lever: { kind: 'fixed' }, bands: [{ from: 2020, low, high }] }];

beforeAll(async () => {
  ({ store, app } = await secureFixture({ engine: metricsEngine }));
  for (const name of ['anna', 'bert', 'els', 'dirk']) who[name] = await loginAs(app, name);
  await seedMeasures(store, { name: 'demo', role: 'system' }, null, PLAN_MEASURES);
});
afterAll(() => store.close());

describe('/api/measures', () => {
  it('lets an analyst keep the register of their own municipality: create, update, list, delete, all audited', async () => {
    const res = await post(who.bert!, '/api/measures', {
      gemeente: '0150',
      name: 'Praktijkondersteuner jeugd',
      investmentCents: 5_000_000,
      mechanisms: fixed(100_000, 300_000),
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { id: string; status: string; author: string };
    expect(saved).toMatchObject({ municipality: '0150', status: 'idee', author: 'bert', owner: null });
    const updated = await post(who.bert!, '/api/measures', {
      id: saved.id,
      gemeente: '0150',
      name: 'POH-jeugd',
      status: 'lopend',
    });
    expect(await updated.json()).toMatchObject({ id: saved.id, name: 'POH-jeugd', status: 'lopend', mechanisms: [] });
    const list = await (await who.els!.request('/api/measures?gemeente=0150')).json();
    expect((list as { name: string }[]).map((m) => m.name)).toEqual(['POH-jeugd']);
    expect((await post(who.bert!, `/api/measures/${saved.id}/delete`, { gemeente: '0150' })).status).toBe(200);
    expect(await (await who.bert!.request('/api/measures?gemeente=0150')).json()).toEqual([]);
    const log = await store.all(
      sql`SELECT actor, action, target FROM audit_log WHERE action IN ('measure_save', 'measure_delete') AND actor = 'bert' ORDER BY id`,
    );
    expect(log).toEqual([
      { actor: 'bert', action: 'measure_save', target: saved.id },
      { actor: 'bert', action: 'measure_save', target: saved.id },
      { actor: 'bert', action: 'measure_delete', target: saved.id },
    ]);
  });

  it('refuses another municipality’s register (403, audited) and does not know its measures by id', async () => {
    expect((await who.bert!.request('/api/measures?gemeente=1708')).status).toBe(403);
    expect((await post(who.bert!, '/api/measures', { gemeente: '1708', name: 'x' })).status).toBe(403);
    const theirs = (await (await post(who.anna!, '/api/measures', { gemeente: '1708', name: 'Van Steenwijkerland' })).json()) as {
      id: string;
    };
    // Bert names the id under his own municipality: unknown there, so nothing of 1708 changes or goes.
    expect((await post(who.bert!, '/api/measures', { id: theirs.id, gemeente: '0150', name: 'Gekaapt' })).status).toBe(404);
    expect((await post(who.bert!, `/api/measures/${theirs.id}/delete`, { gemeente: '0150' })).status).toBe(404);
    const still = (await (await who.anna!.request('/api/measures?gemeente=1708')).json()) as { name: string }[];
    expect(still.map((m) => m.name)).toEqual(['Van Steenwijkerland']);
    const refused = await store.all(
      sql`SELECT action, target FROM audit_log WHERE actor = 'bert' AND outcome = 'geweigerd' ORDER BY id`,
    );
    expect(refused).toEqual([
      { action: 'measures_read', target: '1708' },
      { action: 'measure_save', target: '1708' },
      { action: 'measure_delete', target: theirs.id },
    ]);
  });

  it('lets a reader read but not edit, a provider not even read, a municipal analyst not edit the region', async () => {
    expect((await who.els!.request('/api/measures')).status).toBe(200);
    expect((await post(who.els!, '/api/measures', { gemeente: '0150', name: 'x' })).status).toBe(403);
    expect((await who.dirk!.request('/api/measures')).status).toBe(403);
    const res = await post(who.bert!, '/api/measures', { name: 'Regionaal' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe(
      'Alleen wie niet aan een gemeente gebonden is, mag de maatregelen van de regio bewerken.',
    );
  });

  it.each([
    [{ gemeente: '0150' }, 'name', "'name' ontbreekt"],
    [
      { gemeente: "0150' OR 1=1", name: 'x' },
      'gemeente',
      "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708), of leeg voor de regio",
    ],
    [
      { gemeente: '0150', name: 'x', status: 'klaar' },
      'status',
      "'status' moet een van idee, in voorbereiding, lopend, afgerond, gestopt zijn",
    ],
    [{ gemeente: '0150', name: 'x', start: '2020-13-45' }, 'start', "'start' moet een datum zijn (jjjj-mm-dd)"],
    [
      { gemeente: '0150', name: 'x', investmentCents: -1 },
      'investmentCents',
      "'investmentCents' moet een geheel getal van 0 tot en met 100000000000 zijn",
    ],
    [
      { gemeente: '0150', name: 'x', mechanisms: fixed(5, 2) },
      'mechanisms[0].bands[0]',
      "In 'mechanisms[0].bands[0]' is laag (5) groter dan hoog (2)",
    ],
    [
      { gemeente: '0150', name: 'x', mechanisms: [{ lever: { kind: 'inflow' }, bands: [{ from: 2020, low: 0, high: 20_000 }] }] },
      'mechanisms[0].bands[0].high',
      "'mechanisms[0].bands[0].high' moet een geheel getal van 0 tot en met 10000 zijn",
    ],
    [
      { gemeente: '0150', name: 'x', mechanisms: [{ lever: { kind: 'magic' }, bands: [] }] },
      'mechanisms[0].lever',
      "'mechanisms[0].lever.kind' moet een van inflow, duration, price, shift, fixed zijn",
    ],
    [
      { gemeente: '0150', name: 'x', author: 'anna' },
      'author',
      "Onbekende parameter 'author' (toegestaan: id, gemeente, name, description, owner, start, preparationMonths, investmentCents, status, indicator, mechanisms)",
    ],
    [{ gemeente: '0150', name: 'x'.repeat(2_001) }, 'name', "'name' is te lang: hoogstens 2000 tekens"],
  ])('refuses junk %j with a Dutch 400 naming %s', async (body, param, message) => {
    const res = await post(who.bert!, '/api/measures', body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ param, message });
  });

  it('refuses a save without the CSRF token', async () => {
    const res = await post(
      who.bert!,
      '/api/measures',
      { gemeente: '0150', name: 'x' },
      { ...JSON_TYPE, 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(res.status).toBe(403);
  });
});

describe('GET /api/forecast/scenario', () => {
  it('gives the regional plan per year: naive sum, P10/P50/P90 with the same seed the same, target probability, overlap caveat', async () => {
    const url = '/api/forecast/scenario?van=2020&tot=2021&seed=2019&trekkingen=2000&doel=5000000';
    const res = await who.els!.request(url);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      years: { year: number; naive: unknown; p10Cents: number; p90Cents: number; probabilityOfTarget: number }[];
      caveats: string[];
      draws: number;
      measures: number;
      investmentCents: number;
    };
    expect(body).toMatchObject({ draws: 2000, measures: 15, investmentCents: mln(3.2), caveats: [OVERLAP_NOTE] });
    expect(body.years.map((y) => [y.year, y.naive, y.probabilityOfTarget])).toEqual([
      [2020, { lowCents: mln(10), highCents: mln(48) }, 1],
      [2021, { lowCents: mln(10), highCents: mln(63) }, 1],
    ]);
    expect(body.years[1]!.p10Cents).toBeGreaterThan(mln(10));
    expect(body.years[1]!.p90Cents).toBeLessThan(mln(63));
    expect(await (await who.els!.request(url)).json()).toEqual(body);
  });

  it('caps a huge number of draws and refuses junk with a Dutch 400 naming the parameter', async () => {
    const capped = (await (
      await who.anna!.request('/api/forecast/scenario?van=2021&tot=2021&trekkingen=999999999999')
    ).json()) as {
      draws: number;
    };
    expect(capped.draws).toBe(20_000);
    for (const [qs, param] of [
      ['trekkingen=-5', 'trekkingen'],
      ['trekkingen=1e9', 'trekkingen'],
      ['van=twintig', 'van'],
      ['van=2020&tot=2050', 'tot'],
      ['doel=veel', 'doel'],
      ['gemeente=%3Cscript%3E', 'gemeente'],
      ['zaad=1', 'zaad'],
    ]) {
      const res = await who.anna!.request(`/api/forecast/scenario?${qs}`);
      expect([qs, res.status]).toEqual([qs, 400]);
      expect((await errorOf(res)).param).toBe(param);
    }
  });

  it('refuses another municipality’s scenario (403)', async () => {
    expect((await who.bert!.request('/api/forecast/scenario?gemeente=1708')).status).toBe(403);
    expect((await who.bert!.request('/api/forecast/scenario?gemeente=0150')).status).toBe(200);
  });
});

describe('GET /api/forecast/scenario with measures on levers', () => {
  // The scenario store: Deventer's ambulant inflow of 2019 is 60 % GP; Steenwijkerland has one specialist referral.
  let small: { store: Store; app: Hono<AuthEnv> };
  beforeAll(async () => {
    const base = await fixtureStore();
    await addScenarioData(base);
    small = await secureFixture({ engine: metricsEngine }, base);
    const anna = await loginAs(small.app, 'anna');
    const gp = { lever: { kind: 'inflow', referrer: '02' }, bands: [{ from: 2020, low: 1_000, high: 1_000 }] };
    expect((await post(anna, '/api/measures', { gemeente: null, name: 'POH-jeugd', mechanisms: [gp] })).status).toBe(200);
  });
  afterAll(() => small.store.close());

  it('runs them through the baseline of the asker’s scope and names it: Deventer for its analyst, the region for all', async () => {
    const url = '/api/forecast/scenario?van=2020&tot=2020&trekkingen=10';
    const bert = (await (await (await loginAs(small.app, 'bert')).request(url)).json()) as Scenario;
    expect(bert.baseline?.label).toBe(
      'basislijn per zorgsoort, gemeente Deventer (basisjaar 2019, +2 % prijsindexatie per jaar)',
    );
    // 10 % of the GP's 60 % of Deventer's € 1,555.50 ambulant (scenario-store.test.ts).
    expect(bert.years[0]).toMatchObject({ naive: { lowCents: 9_333, highCents: 9_333 }, p50Cents: 9_333 });
    expect(bert.perMeasure).toEqual([
      { id: expect.any(String), name: 'POH-jeugd', years: [{ year: 2020, lowCents: 9_333, highCents: 9_333 }] },
    ]);
    const anna = (await (await (await loginAs(small.app, 'anna')).request(url)).json()) as Scenario;
    expect(anna.baseline?.label).toBe('basislijn per zorgsoort, Regio IJsselland (basisjaar 2019, +2 % prijsindexatie per jaar)');
    // Region: 3 of the 6 entrants by a GP; 6/12 a month × 366 days × € 10.20 = € 1,866.60, cut 10 % on half.
    expect(anna.years[0]!.p50Cents).toBe(9_333);
    expect(anna.caveats).toEqual([OVERLAP_NOTE]);
  });
});

describe('GET /api/measures/<id>/monitor', () => {
  // The fixture's test metric: cost of 0150 is € 1.000 in 2017 and € 2.500,50 in 2018.
  let small: { store: Store; app: Hono<AuthEnv> };
  let bert: Client;
  beforeAll(async () => {
    small = await secureFixture({ engine: engineOf([costFixture]) });
    bert = await loginAs(small.app, 'bert');
  });
  afterAll(() => small.store.close());

  it('gives the indicator before and after the start over windows of the same length, asked with the user’s rights', async () => {
    const saved = (await (
      await post(bert, '/api/measures', {
        gemeente: '0150',
        name: 'Minder dure zorg',
        start: '2018-01-01',
        indicator: { metric: 'fixture_cost', column: 'cost' },
      })
    ).json()) as { id: string };
    const res = await bert.request(`/api/measures/${saved.id}/monitor?gemeente=0150&tot=2018-12-31`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: saved.id,
      indicator: { metric: 'fixture_cost', column: 'cost' },
      start: '2018-01-01',
      label: 'Kosten (€)',
      unit: 'eur',
      days: 365,
      before: { from: '2017-01-01', to: '2017-12-31', value: 1000 },
      after: { from: '2018-01-01', to: '2018-12-31', value: 2500.5 },
      change: 1500.5,
    });
    expect((await bert.request(`/api/measures/${saved.id}/monitor?gemeente=1708&tot=2018-12-31`)).status).toBe(403);
    expect((await bert.request(`/api/measures/${saved.id}/monitor?gemeente=0150&tot=gisteren`)).status).toBe(400);
    expect((await bert.request('/api/measures/onbekend/monitor?gemeente=0150')).status).toBe(404);
  });
});
