// Specification of the care-intensive client metrics on a hand-made year of costs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { addAllocation, addInvoice, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  // x1 entered in 2016 and costs € 150,000 in 2018 (verblijf € 100,000 at one provider, ambulant € 50,000 at another).
  await addAllocation(store, { client: 'x1', start: '2016-01-01', end: '2016-03-31' });
  await addInvoice(store, { client: 'x1', periodStart: '2018-01-01', euros: 100_000, product: 'VBL', provider: '22222222' });
  await addInvoice(store, { client: 'x1', periodStart: '2018-02-01', euros: 50_000 });
  for (const [c, e] of [
    ['x2', 120_000],
    ['x3', 80_000],
    ['x4', 60_000],
    ['x5', 50_000],
  ] as const) {
    await addInvoice(store, { client: c, periodStart: '2018-05-01', euros: e });
  }
  for (let i = 0; i < 10; i++) await addInvoice(store, { client: `s${i}`, periodStart: '2018-05-01', euros: 1_000 });
  await derive(store);
});

describe('care-intensive clients', () => {
  it('counts clients over € 50k and € 100k (strictly over) and the top-N share', async () => {
    const r = await computeMetric(store, 'intensive_clients', { filters: {}, split: [], params: { top: 3 } });
    expect(r.rows).toEqual([
      {
        year: 2018,
        cost: 470_000,
        clients: 15,
        clients_over_low: 4,
        cost_over_low: 410_000,
        clients_over_high: 2,
        cost_over_high: 270_000,
        top_cost: 350_000,
        top_share_pct: 74.5,
      },
    ]);
  });

  it('gives the entry year of the clients over the threshold', async () => {
    const r = await computeMetric(store, 'intensive_entry', { filters: {}, split: [] });
    expect(r.rows).toEqual([
      { year: 2018, entry_year: 2016, clients: 1, cost: 150_000 },
      { year: 2018, entry_year: 2018, clients: 3, cost: 260_000 },
    ]);
  });

  it('lists the clients pseudonymously, dearest first, only for roles allowed client rows', async () => {
    const r = await computeMetric(store, 'intensive_client_list', { filters: {}, split: [], params: { threshold: 100_000 } });
    expect(r.rows).toEqual([
      {
        client_id: 'x1',
        year: 2018,
        entry_year: 2016,
        care_types: 'ambulant, verblijf',
        providers: 2,
        municipalities: '0150',
        cost: 150_000,
      },
      {
        client_id: 'x2',
        year: 2018,
        entry_year: 2018,
        care_types: 'ambulant',
        providers: 1,
        municipalities: '0150',
        cost: 120_000,
      },
    ]);
    const { getMetric } = await import('./index.ts');
    expect(getMetric('intensive_client_list')?.clientRows).toBe(true);
  });
});
