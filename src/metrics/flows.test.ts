// Specification of flows (inflow, outflow, stock) and re-entry, on trajectories built from touching and separate allocations.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { addAllocation, addInvoice, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  // c1: two touching allocations = one trajectory 10 Jan – 31 Mar 2018.
  await addAllocation(store, { client: 'c1', start: '2018-01-10', end: '2018-02-15' });
  await addAllocation(store, { client: 'c1', start: '2018-02-16', end: '2018-03-31' });
  // c2: February, then back in June (re-entry within 6 months).
  await addAllocation(store, { client: 'c2', start: '2018-02-01', end: '2018-02-28' });
  await addAllocation(store, { client: 'c2', start: '2018-06-01', end: '2018-06-30' });
  // c3: open-ended residential care from 15 March; the last invoiced period (peildatum) ends 31 December 2019.
  await addAllocation(store, { client: 'c3', start: '2018-03-15', product: 'VBL' });
  await addInvoice(store, { client: 'c3', periodStart: '2019-12-01', periodEnd: '2019-12-31', euros: 100 });
  await derive(store);
});

describe('flows', () => {
  it('counts inflow (first start), outflow (last end), the stock on the last day of each month, and trajectories', async () => {
    const r = await computeMetric(store, 'flows', { filters: { from: '2018-01-01', to: '2018-06-30' }, split: [] });
    // c2's gap (end of February, back in June) is a trajectory ended and one started, not an outflow and an inflow.
    expect(r.rows).toEqual([
      { month: '2018-01', inflow: 1, outflow: 0, stock: 1, started: 1, ended: 0 },
      { month: '2018-02', inflow: 1, outflow: 0, stock: 2, started: 1, ended: 1 },
      { month: '2018-03', inflow: 1, outflow: 1, stock: 2, started: 1, ended: 1 },
      { month: '2018-04', inflow: 0, outflow: 0, stock: 1, started: 0, ended: 0 },
      { month: '2018-05', inflow: 0, outflow: 0, stock: 1, started: 0, ended: 0 },
      { month: '2018-06', inflow: 0, outflow: 1, stock: 2, started: 1, ended: 1 },
    ]);
  });

  it('splits by care type', async () => {
    const r = await computeMetric(store, 'flows', { filters: { from: '2018-03-01', to: '2018-03-31' }, split: ['care_type'] });
    expect(r.rows).toEqual([
      { care_type: 'ambulant', month: '2018-03', inflow: 0, outflow: 1, stock: 1, started: 0, ended: 1 },
      { care_type: 'verblijf', month: '2018-03', inflow: 1, outflow: 0, stock: 1, started: 1, ended: 0 },
    ]);
  });

  it('counts a move between municipalities as outflow and inflow of each, neither for the two together', async () => {
    const s = await fixtureStore();
    // m1 moves from Deventer to Steenwijkerland on 1 May; care still runs on the peildatum (the last invoiced day).
    await addAllocation(s, { client: 'm1', municipality: '0150', start: '2019-01-01', end: '2019-04-30' });
    await addAllocation(s, { client: 'm1', municipality: '1708', start: '2019-05-01', end: '2019-12-31' });
    await addInvoice(s, { client: 'm1', municipality: '1708', periodStart: '2019-12-01', periodEnd: '2019-12-31', euros: 100 });
    await derive(s);
    const april = { from: '2019-04-01', to: '2019-05-31' };
    const pick = (rows: Record<string, unknown>[]) =>
      rows.map(({ municipality, month, inflow, outflow }) => ({
        ...(municipality ? { municipality } : {}),
        month,
        inflow,
        outflow,
      }));
    const byMunicipality = await computeMetric(s, 'flows', { filters: april, split: ['municipality'] });
    expect(pick(byMunicipality.rows)).toEqual([
      { municipality: '0150', month: '2019-04', inflow: 0, outflow: 1 },
      { municipality: '1708', month: '2019-05', inflow: 1, outflow: 0 },
    ]);
    expect(pick((await computeMetric(s, 'flows', { filters: { ...april, municipality: ['0150'] }, split: [] })).rows)[0]).toEqual(
      { month: '2019-04', inflow: 0, outflow: 1 },
    );
    const region = await computeMetric(s, 'flows', { filters: { ...april, municipality: ['0150', '1708'] }, split: [] });
    expect(pick(region.rows)).toEqual([
      { month: '2019-04', inflow: 0, outflow: 0 },
      { month: '2019-05', inflow: 0, outflow: 0 },
    ]);
    // Running on the peildatum (31 December 2019) is not an outflow.
    const december = await computeMetric(s, 'flows', { filters: { from: '2019-12-01', to: '2019-12-31' }, split: [] });
    expect(pick(december.rows)).toEqual([{ month: '2019-12', inflow: 0, outflow: 0 }]);
    s.close();
  });
});

describe('reentry', () => {
  it('gives the share of ended trajectories followed by a new one within 6 and 12 months', async () => {
    const r = await computeMetric(store, 'reentry', { filters: { from: '2018-01-01', to: '2018-12-31' }, split: [] });
    expect(r.totals).toEqual({ ended: 3, reentry_6: 1, reentry_6_pct: 33.3, reentry_12: 1, reentry_12_pct: 33.3 });
  });
});
