// Specification of utilisation: allocated vs invoiced allocations, clients and euros (budget or volume × tariff).
import { describe, expect, it } from 'vitest';
import { addAllocation, addInvoice, addTariff, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

describe('utilisation', () => {
  it('compares allocated with invoiced, pricing volume by the tariff of each year', async () => {
    const store = await fixtureStore();
    await addTariff(store, { code: 'AMB', year: 2018, cents: 100_00, unit: '04' });
    await addTariff(store, { code: 'VBL', year: 2018, cents: 3000_00, unit: '14' });
    await addTariff(store, { code: 'VBL', year: 2019, cents: 3100_00, unit: '14' });
    // c1: a budget of € 1,200 over 2018, € 300 invoiced.
    const a1 = await addAllocation(store, { client: 'c1', start: '2018-01-01', end: '2018-12-31', budgetCents: 1200_00 });
    await addInvoice(store, { client: 'c1', allocation: a1, periodStart: '2018-03-01', euros: 300 });
    // c2: 2 hours a week for 4 weeks at € 100 an hour = € 800, never invoiced.
    await addAllocation(store, { client: 'c2', start: '2018-01-01', end: '2018-01-28', volume: 2, unit: '04', frequency: '2' });
    // c3: residential care per month over the turn of the year: € 3,000 in 2018, € 3,100 in 2019, both invoiced.
    const a3 = await addAllocation(store, { client: 'c3', start: '2018-12-01', end: '2019-01-31', product: 'VBL', volume: 1,
      unit: '14', frequency: '4' });
    await addInvoice(store, { client: 'c3', allocation: a3, periodStart: '2018-12-01', euros: 3000, product: 'VBL' });
    await addInvoice(store, { client: 'c3', allocation: a3, periodStart: '2019-01-01', euros: 3100, product: 'VBL' });
    // c4: no budget and no tariff: counts for allocations and clients, not for euros.
    const a4 = await addAllocation(store, { client: 'c4', start: '2018-06-01', end: '2018-06-30', product: 'GGZZ', volume: 5 });
    await addInvoice(store, { client: 'c4', allocation: a4, periodStart: '2018-06-01', euros: 100, product: 'GGZZ' });
    await derive(store);

    const r = await computeMetric(store, 'utilisation', { filters: { from: '2018-01-01', to: '2018-12-31' }, split: [] });
    expect(r.totals).toEqual({
      allocations: 4, invoiced_allocations: 3, allocations_pct: 75, clients: 4, invoiced_clients: 3, clients_pct: 75,
      allocated: 5000, invoiced: 3400, euros_pct: 66, unpriced_allocations: 1,
    });
    expect(r.notes).toHaveLength(1);
    const byYear = await computeMetric(store, 'utilisation', { filters: {}, split: ['year'] });
    expect(byYear.rows[1]).toEqual({
      year: 2019, allocations: 1, invoiced_allocations: 1, allocations_pct: 100, clients: 1, invoiced_clients: 1,
      clients_pct: 100, allocated: 3100, invoiced: 3100, euros_pct: 100, unpriced_allocations: 0,
    });
  });
});
