// Specification of the scenario through a baseline per care type: lever measures count (a GP inflow cut acts on the
// GP share only), the naive sum runs on the same baseline, and a mechanism that cannot run is left out with a caveat.
import { describe, expect, it } from 'vitest';
import type { CareTypeBaseline } from './levers.ts';
import { measure } from './measures.fixture.ts';
import { OVERLAP_NOTE } from './measures.ts';
import { baselineLabel, baselinePlace, noBaselineNote, scenario, type ScenarioBaseline } from './scenario.ts';

// Ambulant: € 10,000 a year, 100 entrants, 60 % sent by the GP (02), 40 % by the municipality (01); verblijf € 30,000.
const TINY: CareTypeBaseline[] = [
  { careType: 'ambulant', costCents: 1_000_000, entrants: 100, referrerShares: { '02': 0.6, '01': 0.4 } },
  { careType: 'verblijf', costCents: 3_000_000, entrants: 10, referrerShares: { '04': 1 } },
];
const baseline: ScenarioBaseline = { place: 'gemeente Deventer', baseYear: 2019, indexPercent: 2, of: () => TINY };
const req = (draws: number, years = [2020]) => ({ years, seed: 1, draws, targetCents: null });
const gp = (id: string, low: number, high: number) => measure(id, { kind: 'inflow', referrer: '02' }, low, high);

describe('scenario through the baseline per care type', () => {
  it('counts a 10 % cut of GP inflow on the 60 % GP share: € 600.00 exactly, in the naive sum and every quantile', () => {
    const s = scenario([gp('poh', 1_000, 1_000)], req(10), baseline);
    expect(s.years).toEqual([
      {
        year: 2020,
        naive: { lowCents: 60_000, highCents: 60_000 },
        meanCents: 60_000,
        p10Cents: 60_000,
        p50Cents: 60_000,
        p90Cents: 60_000,
        probabilityOfTarget: null,
      },
    ]);
    expect(s.perMeasure).toEqual([{ id: 'poh', name: 'poh', years: [{ year: 2020, lowCents: 60_000, highCents: 60_000 }] }]);
    expect(s.baseline).toEqual({
      label: 'basislijn per zorgsoort, gemeente Deventer (basisjaar 2019, +2 % prijsindexatie per jaar)',
      baseYear: 2019,
      indexPercent: 2,
      years: [{ year: 2020, costCents: 4_000_000 }],
    });
    expect(s.caveats).toEqual([OVERLAP_NOTE]);
  });

  it('combines two GP cuts of 10 % to 19 % of the share (€ 1,140) where the naive sum says € 1,200', () => {
    const [y] = scenario([gp('a', 1_000, 1_000), gp('b', 1_000, 1_000)], req(10), baseline).years;
    expect(y).toMatchObject({ naive: { lowCents: 120_000, highCents: 120_000 }, p50Cents: 114_000 });
  });

  it('draws on the seed: a GP cut uniform on 0–20 % saves uniform € 0–1,200 (mean 600, P10 120, P90 1,080)', () => {
    // Standard error of the mean with 10,000 draws ≈ € 3.50; a cut on all inflow (not the share) would give mean € 1,000.
    const [y] = scenario([gp('a', 0, 2_000)], req(10_000), baseline).years;
    expect(Math.abs(y!.meanCents - 60_000)).toBeLessThan(1_500);
    expect(Math.abs(y!.p10Cents - 12_000)).toBeLessThan(1_500);
    expect(Math.abs(y!.p90Cents - 108_000)).toBeLessThan(1_500);
    expect(y!.naive).toEqual({ lowCents: 0, highCents: 120_000 });
    expect(scenario([gp('a', 0, 2_000)], req(10_000), baseline).years).toEqual([y]);
  });

  it('runs duration, price and shift levers and fixed amounts through the same baseline', () => {
    const measures = [
      measure('duur', { kind: 'duration', careType: 'verblijf' }, 1_000, 1_000), // € 3,000
      measure('prijs', { kind: 'price' }, 500, 500), // 5 % of € 40,000 = € 2,000 on its own
      measure('vast', { kind: 'fixed' }, 12_345, 12_345),
    ];
    const s = scenario(measures, req(10), baseline);
    expect(s.perMeasure.map((m) => m.years[0]!.lowCents)).toEqual([300_000, 200_000, 12_345]);
    // Together: ambulant × 0.95 + verblijf × 0.9 × 0.95 → € 9,500 + € 25,650; saved € 4,850 + € 123.45.
    expect(s.years[0]!.p50Cents).toBe(4_000_000 - 950_000 - 2_565_000 + 12_345);
  });

  it('leaves out what does not occur in the data and says which (care type, referrer, shift into no inflow)', () => {
    const measures = [
      measure('crisisbed', { kind: 'price', careType: 'crisis' }, 1_000, 1_000),
      measure('specialist', { kind: 'inflow', careType: 'ambulant', referrer: '05' }, 1_000, 1_000),
      measure('naar huis', { kind: 'shift', from: 'verblijf', to: 'pleegzorg' }, 1_000, 1_000),
      gp('poh', 1_000, 1_000),
    ];
    const s = scenario(measures, req(10), baseline);
    expect(s.caveats).toEqual([
      OVERLAP_NOTE,
      "Maatregel 'crisisbed': zorgsoort 'crisis' komt in de gegevens niet voor; die werking is niet doorgerekend.",
      "Maatregel 'specialist': verwijzer 05 (medisch specialist) komt in de instroom van 'ambulant' niet voor; die werking is niet doorgerekend.",
      "Maatregel 'naar huis': zorgsoort 'pleegzorg' komt in de gegevens niet voor; die werking is niet doorgerekend.",
    ]);
    expect(s.years[0]!.naive).toEqual({ lowCents: 60_000, highCents: 60_000 });
  });

  it('without a baseline counts fixed amounts only and names the lever measures left out, with the reason', () => {
    const reason = 'Er zijn geen trajecten tot en met 2019 in de gegevens van gemeente Deventer.';
    const s = scenario([gp('poh', 1_000, 1_000), measure('vast', { kind: 'fixed' }, 500, 500)], req(10), undefined, reason);
    expect(s.baseline).toBeNull();
    expect(s.years[0]!.naive).toEqual({ lowCents: 500, highCents: 500 });
    expect(s.caveats).toEqual([OVERLAP_NOTE, noBaselineNote(['poh'], reason)]);
    expect(s.caveats[1]).toBe(
      "Er zijn geen trajecten tot en met 2019 in de gegevens van gemeente Deventer. Daarom tellen 'poh' niet mee: hun werking op instroom, duur, prijs of verschuiving is niet doorgerekend.",
    );
    // Fixed amounts only: no baseline is needed, none is named, no caveat beyond the overlap.
    expect(scenario([measure('vast', { kind: 'fixed' }, 500, 500)], req(10), baseline)).toMatchObject({
      baseline: null,
      caveats: [OVERLAP_NOTE],
    });
  });

  it('names the place of the baseline', () => {
    expect(baselinePlace('Deventer', '0150')).toBe('gemeente Deventer');
    expect(baselinePlace('Deventer', null, ['0150'])).toBe('gemeente Deventer');
    expect(baselinePlace('Deventer en Olst-Wijhe', null, ['0150', '1773'])).toBe('gemeenten Deventer en Olst-Wijhe');
    expect(baselinePlace('Regio IJsselland', null)).toBe('Regio IJsselland');
    expect(baselineLabel({ place: 'Regio IJsselland', baseYear: 2021, indexPercent: 2.5 })).toBe(
      'basislijn per zorgsoort, Regio IJsselland (basisjaar 2021, +2,5 % prijsindexatie per jaar)',
    );
  });
});
