// The demo's example measures: labelled as examples, valid as the API would take them, on care types and referrers the
// demo has; on a small demo region Steenwijkerland's scenario runs them through its baseline (none left out), and the
// indicator of the practice-nurse measure has a value before and after its start. The story's practice nurse refers for
// the youth team from 2020 on, which changes the referrer of those allocations and nothing else.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../access/audit.ts';
import type { AuthEnv } from '../api/auth/middleware.ts';
import { type Client, loginAs, secureFixture } from '../api/auth/testing.ts';
import { metricsEngine } from '../api/engine.ts';
import { parseMeasure } from '../api/routes/forecast-measures.ts';
import { METRIC_COLUMNS } from '../contract/columns.ts';
import type { MonitorView } from '../forecast/monitor.ts';
import { OVERLAP_NOTE } from '../forecast/measures.ts';
import { PLAN_MEASURES } from '../forecast/regional-plan.fixture.ts';
import { listMeasures } from '../forecast/register.ts';
import type { Scenario } from '../forecast/scenario.ts';
import { Rng } from '../random.ts';
import { Store } from '../store/index.ts';
import { CARE_TYPES, REFERRER_TYPES } from './catalogue.ts';
import { day, iso } from './dates.ts';
import { generateDemo, setupRegion } from './generate.ts';
import { importDemo } from './load.ts';
import { EXAMPLE_MEASURES, EXAMPLE_MUNICIPALITY } from './measures.ts';
import type { Client as DemoClient } from './model.ts';
import { PRACTICE_NURSE_YEAR, storyEpisodes, storyReferrers, STORY_MUNICIPALITY } from './story.ts';
import { DATA_END, DATA_START } from './trajectories.ts';

// Big enough that Steenwijkerland has, in 2018, inflow into every care type the examples act on, and GP referrals.
const SCALE = 0.02;
const SEED = 42;

describe('the example measures', () => {
  it('are labelled as examples, start inside the demo period and act from the year they start', () => {
    expect(EXAMPLE_MEASURES.length).toBe(4);
    for (const m of EXAMPLE_MEASURES) {
      expect(m.name).toMatch(/^Voorbeeld: /);
      expect(m.description).toContain('Voorbeeldmaatregel van de demo (verzonnen).');
      expect(m.start! >= iso(DATA_START) && m.start! <= iso(DATA_END), m.name).toBe(true);
      for (const x of m.mechanisms) expect(x.bands.map((b) => b.from)).toEqual([Number(m.start!.slice(0, 4))]);
    }
    expect(EXAMPLE_MEASURES.flatMap((m) => m.mechanisms.map((x) => x.lever.kind))).toEqual([
      'inflow',
      'duration',
      'price',
      'shift',
    ]);
  });

  it('are valid as the API takes them, on the demo’s care types and referrer types, watched by existing columns', () => {
    for (const { indicator, ...m } of EXAMPLE_MEASURES) {
      expect(parseMeasure({ ...m, indicator, gemeente: EXAMPLE_MUNICIPALITY })).toEqual({
        ...m,
        indicator,
        municipality: EXAMPLE_MUNICIPALITY,
      });
      for (const { lever } of m.mechanisms) {
        const careTypes = lever.kind === 'shift' ? [lever.from, lever.to] : 'careType' in lever ? [lever.careType] : [];
        for (const t of careTypes.filter((c) => c !== undefined)) expect(CARE_TYPES).toContain(t);
        if (lever.kind === 'inflow' && lever.referrer) expect(REFERRER_TYPES).toContain(lever.referrer);
      }
      const columns = METRIC_COLUMNS[indicator!.metric as keyof typeof METRIC_COLUMNS] as Record<string, unknown>;
      expect(columns?.[indicator!.column], `${indicator!.metric}.${indicator!.column}`).toBeDefined();
    }
  });
});

describe("the story's practice nurse", () => {
  it('refers for the youth team from 2020: before, one of the two GP practices refers; after, the client’s team', () => {
    const setup = setupRegion(SEED);
    const m = setup.region.find((x) => x.code === STORY_MUNICIPALITY)!;
    const gps = storyReferrers(setup.referrers, STORY_MUNICIPALITY);
    let n = 0;
    const client = (): DemoClient => ({
      bsn: String(n++),
      birth: day(2008, 1, 1),
      sex: '1',
      municipality: STORY_MUNICIPALITY,
      district: '',
      postcode4: '',
      team: 'Jeugdteam Steenwijkerland Noord',
    });
    const episodes = storyEpisodes(m, { ...setup, scale: 1 }, new Rng('verhaal'), client, (_, start) => [
      { type: 'GGZ zwaar', start, end: start + 90, adult: false, stacked: false },
    ]);
    const nurse = day(PRACTICE_NURSE_YEAR, 1, 1);
    const referrers = (after: boolean) =>
      episodes.filter((e) => e.eps[0]!.start >= nurse === after).map((e) => e.eps[0]!.fixed!.referrer);
    expect(referrers(false).length).toBeGreaterThan(50);
    expect(referrers(true).length).toBeGreaterThan(50);
    for (const r of referrers(false)) expect(gps).toContainEqual(r);
    for (const r of referrers(true)) expect(r).toEqual({ type: '01', name: 'Jeugdteam Steenwijkerland Noord' });
  });
});

describe('the example measures on a small demo region', () => {
  let dir: string;
  let store: Store;
  let app: Hono<AuthEnv>;
  /** bea: analyst of Deventer and Steenwijkerland. */
  let bea: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roer-demo-measures-'));
    generateDemo({ seed: SEED, scale: SCALE, outDir: dir, ijwStart: day(2099, 1, 1) });
    const base = await Store.open(':memory:');
    await importDemo(base, dir, randomBytes(32));
    ({ store, app } = await secureFixture({ engine: metricsEngine }, base));
    bea = await loginAs(app, 'bea');
  }, 600_000);
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sits in Steenwijkerland’s register with its indicators, beside the regional plan in the region’s', async () => {
    const saved = await listMeasures(store, EXAMPLE_MUNICIPALITY);
    expect(saved.map(({ name, indicator, mechanisms, start }) => ({ name, indicator, mechanisms, start }))).toEqual(
      EXAMPLE_MEASURES.map(({ name, indicator, mechanisms, start }) => ({ name, indicator, mechanisms, start })),
    );
    expect(saved.every((m) => m.author === cliActor().name)).toBe(true);
    expect((await listMeasures(store, null)).map((m) => m.name)).toEqual(PLAN_MEASURES.map((m) => m.name));
  });

  it('runs them through Steenwijkerland’s baseline: nothing left out, P10 ≤ P50 ≤ P90, savings once they start', async () => {
    const res = await bea.request(`/api/forecast/scenario?gemeente=${EXAMPLE_MUNICIPALITY}&van=2019&tot=2022&trekkingen=2000`);
    expect(res.status).toBe(200);
    const s = (await res.json()) as Scenario;
    expect(s.caveats).toEqual([OVERLAP_NOTE]);
    expect(s.baseline?.label).toBe(
      'basislijn per zorgsoort, gemeente Steenwijkerland (basisjaar 2018, +2 % prijsindexatie per jaar)',
    );
    for (const y of s.years) {
      expect(y.p10Cents).toBeLessThanOrEqual(y.p50Cents);
      expect(y.p50Cents).toBeLessThanOrEqual(y.p90Cents);
    }
    // Nothing starts before 2020; in 2022 all four act, each on its own more than nothing.
    expect(s.years.map((y) => [y.year, y.p90Cents > 0])).toEqual([
      [2019, false],
      [2020, true],
      [2021, true],
      [2022, true],
    ]);
    expect(s.years.at(-1)!.p10Cents).toBeGreaterThan(0);
    for (const m of s.perMeasure) expect(m.years.find((y) => y.year === 2022)!.lowCents, m.name).toBeGreaterThan(0);
    // Overlap: the expected savings lie inside the naive sum's band.
    const last = s.years.at(-1)!;
    expect(last.p50Cents).toBeGreaterThan(last.naive.lowCents);
    expect(last.p50Cents).toBeLessThan(last.naive.highCents);
  });

  it('follows the practice-nurse measure by its indicator over the five years after its start and as many days before', async () => {
    const measure = (await listMeasures(store, EXAMPLE_MUNICIPALITY)).find((m) => m.mechanisms[0]!.lever.kind === 'inflow')!;
    const res = await bea.request(`/api/measures/${measure.id}/monitor?gemeente=${EXAMPLE_MUNICIPALITY}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as MonitorView;
    expect(view).toMatchObject({
      start: '2020-01-01',
      label: 'Aandeel specialistische GGZ (%)',
      unit: 'pct',
      days: 1827,
      // 1,827 days back from 2019-12-31 reach one day into 2014 (2020 is a leap year, 2015–2019 hold one).
      before: { from: '2014-12-31', to: '2019-12-31' },
      after: { from: '2020-01-01', to: '2024-12-31' },
    });
    expect(typeof view.before!.value).toBe('number');
    expect(typeof view.after!.value).toBe('number');
    expect(view.change).toBeCloseTo(view.after!.value! - view.before!.value!, 10);
  });
});
