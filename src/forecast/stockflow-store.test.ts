// Specification of fitting the stock-flow baseline on a tiny store.
import { describe, expect, it } from 'vitest';
import { addAllocation, addClient, addInvoice, derive, fixtureStore, insertRows } from '../metrics/fixtures.ts';
import { monthlyInflow } from './stockflow.ts';
import { fitStockFlow, wholeMonths } from './stockflow-store.ts';

describe('stock-flow fit from the store', () => {
  it('counts durations in whole average months, at least one', () => {
    expect([1, 15, 16, 30, 61, 365].map(wholeMonths)).toEqual([1, 1, 1, 1, 2, 12]);
  });

  it('fits inflow, survival with running trajectories censored, the running stock and the price per care-day', async () => {
    const store = await fixtureStore();
    // Three ambulant trajectories: ended after 2 months (2021), ended after 1 month (2020), and one running past 2021.
    await addAllocation(store, { client: 'a', start: '2021-03-01', end: '2021-04-30' });
    await addAllocation(store, { client: 'b', start: '2020-06-01', end: '2020-06-30' });
    await addAllocation(store, { client: 'c', start: '2021-10-01', end: '2022-06-30' });
    // 2021 care-days: a 61 + c 92 = 153; 2021 cost € 1,530 → € 10 a care-day.
    await addInvoice(store, { client: 'a', periodStart: '2021-03-01', periodEnd: '2021-04-30', euros: 1_000 });
    await addInvoice(store, { client: 'c', periodStart: '2021-10-01', periodEnd: '2021-12-31', euros: 530 });
    await addInvoice(store, { client: 'c', periodStart: '2022-01-01', periodEnd: '2022-06-30', euros: 1 });
    await derive(store);
    const [fit, ...rest] = await fitStockFlow(store, 2021, [2022], 0.02);
    expect(rest).toEqual([]);
    expect(fit!.careType).toBe('ambulant');
    expect(fit!.input).toEqual({
      baseYear: 2021,
      years: [2022],
      inflowPerMonth: { '': 2 / 12 },
      // Durations 1 (ended), 2 (ended), 3 (c: 92 days until 31 December, running): S = 2/3 after 1, 1/3 after 2.
      survival: [
        { time: 1, atRisk: 3, ended: 1, survival: 1 - 1 / 3 },
        { time: 2, atRisk: 2, ended: 1, survival: (1 - 1 / 3) * (1 - 1 / 2) },
      ],
      running: [{ elapsedMonths: 3, count: 1 }],
      costPerCareDayCents: 1_000,
      priceIndex: 0.02,
    });
    store.close();
  });

  it('splits the inflow by age band at the start and scales it with the region’s population', async () => {
    const store = await fixtureStore();
    await addClient(store, { id: 'a', birthDate: '2010-01-01' }); // 11 on 1 March 2021: 4-11
    await addClient(store, { id: 'c', birthDate: '2005-06-01' }); // 16 on 1 October 2021: 12-17
    await addAllocation(store, { client: 'a', start: '2021-03-01', end: '2021-04-30' });
    await addAllocation(store, { client: 'c', start: '2021-10-01', end: '2022-06-30' });
    await addAllocation(store, { client: 'x', start: '2021-05-01', end: '2021-05-31' }); // no birth date: 'onbekend'
    const pop = (municipality: string, year: number, age_band: string, inhabitants: number) => ({
      municipality,
      year,
      age_band,
      inhabitants,
    });
    await insertRows(store, 'population', [
      pop('0150', 2021, '4-11', 60),
      pop('0193', 2021, '4-11', 40),
      pop('0150', 2021, '12-17', 200),
      pop('0150', 2021, 'totaal', 999),
      pop('0150', 2022, '4-11', 150),
      pop('0150', 2022, '12-17', 100),
    ]);
    await derive(store);
    const [fit] = await fitStockFlow(store, 2021, [2022], 0, { byAgeBand: true });
    expect(fit!.input.inflowPerMonth).toEqual({ '4-11': 1 / 12, '12-17': 1 / 12, onbekend: 1 / 12 });
    expect(fit!.input.population).toEqual({ 2021: { '4-11': 100, '12-17': 200 }, 2022: { '4-11': 150, '12-17': 100 } });
    // 2022: 4-11 × 1.5, 12-17 × 0.5, unknown age flat → (1.5 + 0.5 + 1) / 12 a month.
    expect(monthlyInflow(fit!.input, 2022)).toBeCloseTo(3 / 12, 15);
    store.close();
  });
});
