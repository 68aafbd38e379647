// Specification of the scenario on a tiny store: the baseline is fitted on the scope's data with each care type's
// referrer shares, so a 10 % cut of GP inflow saves 10 % of the GP share of the projected cost, to the cent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore } from '../metrics/fixtures.ts';
import type { Store } from '../store/index.ts';
import { OVERLAP_NOTE } from './measures.ts';
import { measure } from './measures.fixture.ts';
import { addScenarioData } from './scenario.fixture.ts';
import { referrerShares, scenarioOnStore } from './scenario-store.ts';

let store: Store;
const REQ = { years: [2020], seed: 1, draws: 10, targetCents: null };
const gpCut = measure('POH-jeugd', { kind: 'inflow', referrer: '02' }, 1_000);

beforeAll(async () => {
  store = await fixtureStore();
  await addScenarioData(store);
});
afterAll(() => store.close());

describe('scenario on the store', () => {
  it('divides each care type’s inflow of the base year over the referrer types that opened the trajectories', async () => {
    expect(await referrerShares(store, 2019, ['0150'])).toEqual(
      new Map([
        ['ambulant', { '01': 0.4, '02': 0.6 }],
        ['verblijf', { '01': 1 }],
      ]),
    );
    expect((await referrerShares(store, 2019)).get('ambulant')).toEqual({ '01': 2 / 6, '02': 3 / 6, '05': 1 / 6 });
  });

  it('saves 10 % of the GP share (60 %) of Deventer’s projected ambulant cost: € 93.33', async () => {
    // 2020: 5/12 entrants a month, each one month in care → 5/12 in care × 366 days = 152.5 care-days at € 10.20 (+2 %)
    // = € 1,555.50 ambulant; verblijf 1/12 × 366 × € 102 = € 3,111. GP cut: 0.6 × 10 % × € 1,555.50 = € 93.33.
    const s = await scenarioOnStore(store, [gpCut], REQ, { municipalities: ['0150'], place: 'gemeente Deventer' });
    expect(s.baseline).toEqual({
      label: 'basislijn per zorgsoort, gemeente Deventer (basisjaar 2019, +2 % prijsindexatie per jaar)',
      baseYear: 2019,
      indexPercent: 2,
      years: [{ year: 2020, costCents: 155_550 + 311_100 }],
    });
    expect(s.years[0]).toMatchObject({ naive: { lowCents: 9_333, highCents: 9_333 }, p50Cents: 9_333 });
    expect(s.caveats).toEqual([OVERLAP_NOTE]);
  });

  it('keeps to the scope: a cut aimed at the specialist runs in the region but not in Deventer, where it is named', async () => {
    const specialist = measure('Specialist', { kind: 'inflow', careType: 'ambulant', referrer: '05' }, 1_000);
    const deventer = await scenarioOnStore(store, [specialist], REQ, { municipalities: ['0150'], place: 'gemeente Deventer' });
    expect(deventer.years[0]!.p50Cents).toBe(0);
    expect(deventer.caveats[1]).toBe(
      "Maatregel 'Specialist': verwijzer 05 (medisch specialist) komt in de instroom van 'ambulant' niet voor; die werking is niet doorgerekend.",
    );
    // Region: 6/12 a month at € 10.20 → € 1,866.60 ambulant; the specialist's sixth, cut 10 %: € 31.11.
    const region = await scenarioOnStore(store, [specialist], REQ, { place: 'Regio IJsselland' });
    expect(region.years[0]!.p50Cents).toBe(3_111);
    expect(region.baseline!.label).toContain('Regio IJsselland');
  });

  it('without data up to the base year names the measures left out; fixed amounts need no baseline at all', async () => {
    const early = await scenarioOnStore(
      store,
      [gpCut],
      { ...REQ, years: [2018] },
      { municipalities: ['0150'], place: 'gemeente Deventer' },
    );
    expect(early.baseline).toBeNull();
    expect(early.caveats[1]).toBe(
      "Er zijn geen trajecten tot en met 2017 in de gegevens van gemeente Deventer. Daarom tellen 'POH-jeugd' niet mee: hun werking op instroom, duur, prijs of verschuiving is niet doorgerekend.",
    );
    const none = await scenarioOnStore(store, [gpCut], REQ, { municipalities: [], place: 'de regio' });
    expect(none.caveats[1]).toContain('Er zijn nog geen gegevens van de regio');
  });
});
