// Specification of utilisation: allocated vs invoiced allocations, clients and euros (budget or volume × tariff), over
// the allocation's own period, euros only over allocations with a known amount, a signal above 100 %.
import { describe, expect, it } from 'vitest';
import { addAllocation, addCarePeriod, addInvoice, addTariff, derive, fixtureStore } from './fixtures.ts';
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
    // c2: 2 hours a week for 4 ISO weeks (Mon 1 – Sun 28 January) at € 100 an hour = € 800, never invoiced and no start
    // of care: allocated but never started (the others started: an invoice or a JW305 start).
    await addAllocation(store, { client: 'c2', start: '2018-01-01', end: '2018-01-28', volume: 2, unit: '04', frequency: '2' });
    // c3: residential care per month over the turn of the year: € 3,000 in 2018, € 3,100 in 2019, both invoiced.
    const a3 = await addAllocation(store, {
      client: 'c3',
      start: '2018-12-01',
      end: '2019-01-31',
      product: 'VBL',
      volume: 1,
      unit: '14',
      frequency: '4',
    });
    await addInvoice(store, { client: 'c3', allocation: a3, periodStart: '2018-12-01', euros: 3000, product: 'VBL' });
    await addInvoice(store, { client: 'c3', allocation: a3, periodStart: '2019-01-01', euros: 3100, product: 'VBL' });
    // c4: no budget and no tariff: counts for allocations and clients, not for euros (neither allocated nor invoiced).
    const a4 = await addAllocation(store, { client: 'c4', start: '2018-06-01', end: '2018-06-30', product: 'GGZZ', volume: 5 });
    await addInvoice(store, { client: 'c4', allocation: a4, periodStart: '2018-06-01', euros: 100, product: 'GGZZ' });
    // c5: allocated 1 Dec 2018 – 31 Mar 2019 (121 days, budget € 121), care starts only on 10 January: the allocation
    // still counts in 2018 with its 31 December days (€ 31) and in 2019 with 90 days (€ 90).
    const a5 = await addAllocation(store, { client: 'c5', start: '2018-12-01', end: '2019-03-31', budgetCents: 121_00 });
    await addCarePeriod(store, { no: a5, client: 'c5', start: '2019-01-10' });
    // c6: 1 hour a day for 3 days in 2019 (the 2018 tariff still in force: € 300), € 450 invoiced: more than allocated.
    // Its invoice runs to 31 March 2019, the peildatum: the utilisation ends there.
    const a6 = await addAllocation(store, {
      client: 'c6',
      start: '2019-02-01',
      end: '2019-02-03',
      volume: 1,
      unit: '04',
      frequency: '1',
    });
    await addInvoice(store, { client: 'c6', allocation: a6, periodStart: '2019-02-01', periodEnd: '2019-03-31', euros: 450 });
    // c7: allocated from April 2019, after the peildatum: not in the utilisation (nothing can have been invoiced yet).
    await addAllocation(store, { client: 'c7', start: '2019-04-01', end: '2019-12-31', budgetCents: 900_00 });
    await derive(store);

    // 2018: allocated € 1,200 + 800 + 3,000 + 31 = € 5,031 on 4 of the 5 allocations; invoiced on them € 300 + 3,000.
    const r = await computeMetric(store, 'utilisation', { filters: { from: '2018-01-01', to: '2018-12-31' }, split: [] });
    expect(r.totals).toEqual({
      allocations: 5,
      invoiced_allocations: 3,
      allocations_pct: 60,
      clients: 5,
      invoiced_clients: 3,
      clients_pct: 60,
      allocated: 5031,
      invoiced_priced: 3300,
      euros_pct: 65.6,
      priced_pct: 80,
      unpriced_allocations: 1,
      invoiced: 3400,
      not_started: 1,
      signal: null,
    });
    expect(r.notes).toEqual([
      "Uitnutting in euro's over 80 % van de toewijzingen met een bekend bedrag: 1 toewijzingen " +
        "hebben geen budget en geen tarief en tellen niet mee in de uitnutting in euro's.",
    ]);
    // 2019: allocated € 3,100 + 90 + 300 = € 3,490, invoiced € 3,100 + 450 = € 3,550: 101.7 %, with the signal.
    const byYear = await computeMetric(store, 'utilisation', { filters: {}, split: ['year'] });
    expect(byYear.rows[1]).toEqual({
      year: 2019,
      allocations: 3,
      invoiced_allocations: 2,
      allocations_pct: 66.7,
      clients: 3,
      invoiced_clients: 2,
      clients_pct: 66.7,
      allocated: 3490,
      invoiced_priced: 3550,
      euros_pct: 101.7,
      priced_pct: 100,
      unpriced_allocations: 0,
      invoiced: 3550,
      not_started: 0,
      signal: 'Meer gedeclareerd dan toegewezen',
    });
    expect(byYear.rows).toHaveLength(2);
    expect(byYear.notes?.at(-1)).toMatch(/^Let op: waar de uitnutting in euro's boven 100 % ligt/);
  });
});
