// Specification of the provider metrics: scorecard per provider, concentration and scale classes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { addAllocation, addCarePeriod, addInvoice, addPgb, derive, fixtureStore, insertRows } from './fixtures.ts';
import { computeMetric } from './index.ts';

const Y2018 = { from: '2018-01-01', to: '2018-12-31' };
let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await insertRows(store, 'provider', [
    { agb: '11111111', name: 'Groot BV' },
    { agb: '22222222', name: 'Klein' },
  ]);
  // Groot: c1 (31 days, planned), c2 (61 days, early by the client), € 250,000 in all.
  const a1 = await addAllocation(store, { client: 'c1', start: '2018-01-01', end: '2018-01-31' });
  await addCarePeriod(store, { no: a1, client: 'c1', start: '2018-01-01', end: '2018-01-31', reason: '31' });
  const a2 = await addAllocation(store, { client: 'c2', start: '2018-01-01', end: '2018-03-02' });
  await addCarePeriod(store, { no: a2, client: 'c2', start: '2018-01-01', end: '2018-03-02', reason: '32' });
  await addInvoice(store, { client: 'c1', allocation: a1, periodStart: '2018-01-01', euros: 150_000 });
  await addInvoice(store, { client: 'c2', allocation: a2, periodStart: '2018-01-01', euros: 100_000 });
  // Klein: c3, € 40,000, still in care.
  const a3 = await addAllocation(store, { client: 'c3', start: '2018-06-01', provider: '22222222' });
  await addInvoice(store, {
    client: 'c3',
    allocation: a3,
    periodStart: '2018-12-01',
    periodEnd: '2018-12-31',
    euros: 40_000,
    provider: '22222222',
  });
  await addPgb(store, { client: 'c4', periodStart: '2018-05-01', euros: 999 });
  await derive(store);
});

describe('providers', () => {
  it('gives a scorecard per provider, dearest first, without PGB', async () => {
    const r = await computeMetric(store, 'providers', { filters: Y2018, split: [] });
    expect(r.rows).toEqual([
      {
        provider: '11111111',
        name: 'Groot BV',
        cost: 250_000,
        clients: 2,
        cost_per_client: 125_000,
        median_days: 46,
        early_pct: 50,
      },
      {
        provider: '22222222',
        name: 'Klein',
        cost: 40_000,
        clients: 1,
        cost_per_client: 40_000,
        median_days: null,
        early_pct: null,
      },
    ]);
  });
});

describe('provider_concentration', () => {
  it('counts providers per scale class, the top-N share and those over the threshold', async () => {
    const r = await computeMetric(store, 'provider_concentration', { filters: Y2018, split: [], params: { top: 1 } });
    expect(r.rows).toEqual([
      { scale_class: '< € 50.000', providers: 1, cost: 40_000, cost_share_pct: 13.8 },
      { scale_class: '€ 50.000 – 200.000', providers: 0, cost: 0, cost_share_pct: 0 },
      { scale_class: '€ 200.000 – 1 mln', providers: 1, cost: 250_000, cost_share_pct: 86.2 },
      { scale_class: '€ 1 – 5 mln', providers: 0, cost: 0, cost_share_pct: 0 },
      { scale_class: '≥ € 5 mln', providers: 0, cost: 0, cost_share_pct: 0 },
    ]);
    expect(r.totals).toEqual({
      providers: 2,
      cost: 290_000,
      top_cost: 250_000,
      top_share_pct: 86.2,
      providers_over_threshold: 1,
    });
  });
});
