// Specification of 'costs' on a hand-computed fixture with the edge cases: year-spanning care, a corrected invoice,
// a client who moved, stacked allocations, care ending on 31 December, and PGB.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { addAllocation, addCarePeriod, addInvoice, addPgb, derive, fixtureStore } from './fixtures.ts';
import { HttpError } from '../errors.ts';
import { computeMetric } from './index.ts';

const Y2018 = { from: '2018-01-01', to: '2018-12-31' };
let store: Store;

beforeAll(async () => {
  store = await fixtureStore();
  // c1: one allocation over the turn of the year; 61 care-days in 2017 (Nov+Dec), 59 in 2018 (Jan+Feb).
  const a1 = await addAllocation(store, { client: 'c1', start: '2017-11-01', end: '2018-02-28' });
  for (const m of ['2017-11', '2017-12', '2018-01', '2018-02']) {
    await addInvoice(store, { client: 'c1', allocation: a1, periodStart: `${m}-01`, euros: 300 });
  }
  // c2: a year of ambulant care ending on 31 December, with a second ambulant allocation stacked in March–April at
  // another provider: 365 care-days, not 426. The March invoice of € 1,000 is corrected in 2019 to € 800.
  const a2 = await addAllocation(store, { client: 'c2', start: '2018-01-01', end: '2018-12-31' });
  const a2b = await addAllocation(store, { client: 'c2', start: '2018-03-01', end: '2018-04-30', provider: '22222222' });
  await addInvoice(store, { client: 'c2', allocation: a2, periodStart: '2018-03-01', euros: 1000, reference: 'R-MRT' });
  await addInvoice(store, {
    client: 'c2',
    allocation: a2,
    periodStart: '2018-03-01',
    euros: 1000,
    credit: true,
    previousReference: 'R-MRT',
    invoiceDate: '2019-02-01',
  });
  await addInvoice(store, { client: 'c2', allocation: a2, periodStart: '2018-03-01', euros: 800, invoiceDate: '2019-02-01' });
  await addInvoice(store, { client: 'c2', allocation: a2b, periodStart: '2018-04-01', euros: 500, provider: '22222222' });
  // c3 moves from 0150 (Jan–Jun, 181 days) to 0148 (allocated Jul–Sep: 92 days; care stopped on 31 August, but care-days
  // follow the allocation's period, not the delivered care).
  const a3 = await addAllocation(store, { client: 'c3', start: '2018-01-01', end: '2018-06-30' });
  const a3b = await addAllocation(store, { client: 'c3', start: '2018-07-01', end: '2018-09-30', municipality: '0148' });
  await addCarePeriod(store, {
    no: a3b,
    client: 'c3',
    municipality: '0148',
    start: '2018-07-01',
    end: '2018-08-31',
    reason: '31',
  });
  await addInvoice(store, { client: 'c3', allocation: a3, periodStart: '2018-01-01', euros: 200 });
  await addInvoice(store, { client: 'c3', allocation: a3b, periodStart: '2018-07-01', euros: 400, municipality: '0148' });
  // c4: PGB only, no allocation in the store.
  await addPgb(store, { client: 'c4', periodStart: '2018-05-01', euros: 600 });
  await derive(store);
});

describe('costs', () => {
  it('gives the year totals: € 3,100 for 4 clients, 697 care-days', async () => {
    const r = await computeMetric(store, 'costs', { filters: Y2018, split: [] });
    expect(r.totals).toEqual({ cost: 3100, clients: 4, cost_per_client: 775, care_days: 697, cost_per_care_day: 4.45 });
  });

  it('splits by year with care-days of a year-spanning allocation in both years and nothing after 31 December', async () => {
    const r = await computeMetric(store, 'costs', { filters: {}, split: ['year'] });
    expect(r.rows).toEqual([
      { year: 2017, cost: 600, clients: 1, cost_per_client: 600, care_days: 61, cost_per_care_day: 9.84 },
      { year: 2018, cost: 3100, clients: 4, cost_per_client: 775, care_days: 697, cost_per_care_day: 4.45 },
    ]);
  });

  it('counts a client who moved in both municipalities but once in the total', async () => {
    const r = await computeMetric(store, 'costs', { filters: Y2018, split: ['municipality'] });
    expect(r.rows).toEqual([
      { municipality: '0148', cost: 400, clients: 1, cost_per_client: 400, care_days: 92, cost_per_care_day: 4.35 },
      { municipality: '0150', cost: 2700, clients: 4, cost_per_client: 675, care_days: 605, cost_per_care_day: 4.46 },
    ]);
    expect(r.totals?.clients).toBe(4);
  });

  it('splits by provider with care-days merged per provider; stacking counts once in the total', async () => {
    const r = await computeMetric(store, 'costs', { filters: Y2018, split: ['provider'] });
    expect(r.rows).toEqual([
      { provider: '11111111', cost: 2000, clients: 3, cost_per_client: 666.67, care_days: 697, cost_per_care_day: 2.87 },
      { provider: '22222222', cost: 500, clients: 1, cost_per_client: 500, care_days: 61, cost_per_care_day: 8.2 },
      { provider: null, cost: 600, clients: 1, cost_per_client: 600, care_days: 0, cost_per_care_day: null },
    ]);
    expect(r.totals?.care_days).toBe(697);
  });

  it('filters on PGB financing', async () => {
    const r = await computeMetric(store, 'costs', { filters: { ...Y2018, financing: ['PGB'] }, split: [] });
    expect(r.totals).toMatchObject({ cost: 600, clients: 1, care_days: 0 });
  });

  it('puts the correction in the invoice year when the invoice date decides', async () => {
    const r = await computeMetric(store, 'costs', {
      filters: { from: '2019-01-01', to: '2019-12-31', basis: 'invoice' },
      split: [],
    });
    expect(r.totals).toMatchObject({ cost: -200, clients: 1 });
  });

  it('compares each year with the year before (costs_yoy)', async () => {
    const r = await computeMetric(store, 'costs_yoy', { filters: {}, split: [] });
    expect(r.rows).toEqual([
      {
        year: 2017,
        cost: 600,
        cost_previous: null,
        cost_change: null,
        clients: 1,
        clients_previous: null,
        cost_change_pct: null,
        clients_change_pct: null,
        cost_per_client_change_pct: null,
        care_days_change_pct: null,
        cost_per_care_day_change_pct: null,
      },
      {
        year: 2018,
        cost: 3100,
        cost_previous: 600,
        cost_change: 2500,
        clients: 4,
        clients_previous: 1,
        cost_change_pct: 416.7,
        clients_change_pct: 300,
        cost_per_client_change_pct: 29.2,
        care_days_change_pct: 1042.6,
        cost_per_care_day_change_pct: -54.8,
      },
    ]);
    await expect(computeMetric(store, 'costs_yoy', { filters: {}, split: ['year'] })).rejects.toMatchObject({ param: 'split' });
  });

  it('shows a provider with costs last year and none this year as a fall to zero (costs_yoy)', async () => {
    // By invoice date only the correction of c2 (provider 11111111, -€ 1,000 + € 800) falls in 2019, against € 2,200 in
    // 2018 (c1 € 600, c2's first € 1,000, c3 € 600); provider 22222222 and the PGB (no provider) had costs in 2018 only.
    const r = await computeMetric(store, 'costs_yoy', { filters: { basis: 'invoice' }, split: ['provider'] });
    const y2019 = r.rows.filter((row) => row.year === 2019);
    expect(
      y2019.map((row) => [row.provider, row.cost, row.cost_previous, row.cost_change, row.clients, row.cost_change_pct]),
    ).toEqual([
      ['11111111', -200, 2200, -2400, 1, -109.1],
      ['22222222', 0, 500, -500, 0, -100],
      [null, 0, 600, -600, 0, -100],
    ]);
  });

  it('refuses an unknown split, filter value or parameter with a Dutch message naming it', async () => {
    await expect(computeMetric(store, 'costs', { filters: {}, split: ['colour' as never] })).rejects.toMatchObject({
      status: 400,
      problems: [{ path: 'split[0]', message: expect.stringContaining("kan niet worden uitgesplitst naar 'colour'") }],
    });
    await expect(computeMetric(store, 'costs', { filters: { financing: ['X' as never] }, split: [] })).rejects.toBeInstanceOf(
      HttpError,
    );
    await expect(computeMetric(store, 'costs', { filters: { from: '2018-02-30' }, split: [] })).rejects.toMatchObject({
      problems: [{ path: 'filters.from' }],
    });
    await expect(computeMetric(store, 'costs', { filters: {}, split: [], params: { top: 3 } })).rejects.toMatchObject({
      problems: [{ path: 'p.top' }],
    });
  });
});
