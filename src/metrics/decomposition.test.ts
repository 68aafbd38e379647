// Specification of the growth decomposition: the published LVB table as aggregate input, and exact addition on the store.
import { describe, expect, it } from 'vitest';
import { decompositionRows } from './decomposition.ts';
import { addAllocation, addInvoice, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

// LVB, one municipality (docs/published-figures.md): exact inputs chosen within the published roundings (€ 0.75 m, 131 youths, …).
const LVB = [
  { period: 2015, costCents: 747_000_00, clients: 131, careDays: 25_340 },
  { period: 2016, costCents: 2_380_000_00, clients: 186, careDays: 50_000 },
  { period: 2017, costCents: 3_090_000_00, clients: 232, careDays: 76_270 },
  { period: 2018, costCents: 3_790_000_00, clients: 244, careDays: 71_140 },
];

describe('decomposition of the published LVB table', () => {
  const rows = decompositionRows(LVB);

  it('reproduces the published cost per youth, care-days per youth and cost per care-day', () => {
    expect(
      rows.map((r) => [
        r.year,
        Math.round(Number(r.cost_per_client) / 100) * 100,
        Math.round(Number(r.care_days_per_client)),
        Math.round(Number(r.cost_per_care_day)),
      ]),
    ).toEqual([
      [2015, 5_700, 193, 29],
      [2016, 12_800, 269, 48],
      [2017, 13_300, 329, 41],
      [2018, 15_500, 292, 53],
    ]);
  });

  it('states 2018: clients +5.2 %, cost per care-day +31.5 %, fewer care-days per youth', () => {
    expect(rows[3]).toMatchObject({
      clients_change_pct: 5.2,
      cost_per_care_day_change_pct: 31.5,
      care_days_per_client_change_pct: -11.3,
    });
  });

  it('adds the effects up exactly to the change in cost, with no mix effect for a single care type', () => {
    for (const r of rows.slice(1)) {
      const sum = Math.round(
        (Number(r.effect_volume) +
          Number(r.effect_intensity) +
          Number(r.effect_price) +
          Number(r.effect_mix) +
          Number(r.effect_other)) *
          100,
      );
      expect(sum).toBe(Math.round(Number(r.cost_change) * 100));
      expect(r.effect_mix).toBe(0);
    }
    // By hand: L = (379e6 − 309e6) / ln(379e6 / 309e6) cents; volume L·ln(244/232), intensity L·ln(291.557/328.75),
    // price L·ln(53.275/40.514): 17,288,185.29 / −41,157,993.02 / 93,869,807.73 cents, rounded to add up to 70,000,000.
    expect(rows[3]).toMatchObject({
      cost_change: 700_000,
      effect_volume: 172_881.85,
      effect_intensity: -411_579.93,
      effect_price: 938_698.08,
    });
  });
});

describe('decomposition on the store', () => {
  it('attributes a doubled tariff to price and a new care type to mix, adding up to the cent', async () => {
    const store = await fixtureStore();
    // 2017: c1 ambulant all of January at € 310 (31 days). 2018: c1 ambulant January at € 620, c2 verblijf 10 days € 1,000.
    await addAllocation(store, { client: 'c1', start: '2017-01-01', end: '2017-01-31' });
    await addAllocation(store, { client: 'c1', start: '2018-01-01', end: '2018-01-31' });
    await addAllocation(store, { client: 'c2', start: '2018-03-01', end: '2018-03-10', product: 'VBL' });
    await addInvoice(store, { client: 'c1', periodStart: '2017-01-01', euros: 310 });
    await addInvoice(store, { client: 'c1', periodStart: '2018-01-01', euros: 620 });
    await addInvoice(store, { client: 'c2', periodStart: '2018-03-01', euros: 1000, product: 'VBL' });
    await derive(store);
    const r = await computeMetric(store, 'decomposition', { filters: {}, split: [] });
    // ambulant: V 31000 → 62000 cents, C 1 → 1 of total 1 → 2 (volume and mix cancel), days 31 → 31, price ×2.
    const w = (62000 - 31000) / Math.log(2);
    expect(r.rows[1]).toMatchObject({
      year: 2018,
      cost: 1620,
      clients: 2,
      cost_change: 1310,
      effect_volume: Math.round(w * Math.log(2)) / 100,
      effect_intensity: 0,
      effect_price: Math.round(w * Math.log(2)) / 100,
      effect_mix: Math.round(1000_00 - w * Math.log(2)) / 100,
      effect_other: 0,
    });
  });
});
