// Specification of trajectory durations, planned vs early endings (JZ588), re-indications, waiting time and 18+ care.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { addAllocation, addCarePeriod, addClient, addInvoice, addRequest, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

const Y2018 = { from: '2018-01-01', to: '2018-12-31' };
let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  const ended = async (client: string, start: string, end: string, reason: string | null, more = {}) => {
    const no = await addAllocation(store, { client, start, end, ...more });
    if (reason) await addCarePeriod(store, { no, client, start, end, reason });
  };
  await ended('c1', '2018-01-01', '2018-01-10', '31', { providerReference: 'REF1', allocatedAt: '2017-12-15 10:00:00' });
  await ended('c2', '2018-01-01', '2018-01-20', '32');
  await ended('c2', '2018-01-25', '2018-02-28', null); // follows within 31 days: the first one was re-indicated
  await ended('c3', '2018-03-01', '2018-03-30', '38', { changeReason: '04' });
  await ended('c4', '2018-01-01', '2018-04-30', '31', {
    product: 'VBL',
    providerReference: 'REF4',
    allocatedAt: '2017-12-21 10:00:00',
  });
  await addAllocation(store, { client: 'c5', start: '2018-06-01' }); // open: still in care at the peildatum
  await addInvoice(store, { client: 'c5', periodStart: '2018-12-01', periodEnd: '2018-12-31', euros: 10 });
  await addRequest(store, { client: 'c1', date: '2017-12-01', reference: 'REF1' });
  await addRequest(store, { client: 'c4', date: '2017-12-11', reference: 'REF4' });
  await addRequest(store, { client: 'c9', date: '2017-12-11', reference: 'NONE' });
  await derive(store);
});

describe('duration', () => {
  it('gives median, p75 and p90 of ended trajectories per care type', async () => {
    const r = await computeMetric(store, 'duration', { filters: Y2018, split: [] });
    // ambulant: 10, 20, 30, 35 days (c2's two allocations are separate trajectories: a gap of 4 days).
    expect(r.rows).toEqual([
      { care_type: 'ambulant', trajectories: 4, median_days: 25, p75_days: 31.3, p90_days: 33.5, mean_days: 23.8 },
      { care_type: 'verblijf', trajectories: 1, median_days: 120, p75_days: 120, p90_days: 120, mean_days: 120 },
    ]);
  });
});

describe('endings', () => {
  it('groups ending reasons into planned (31), early (32–35), other and unknown', async () => {
    const r = await computeMetric(store, 'endings', { filters: Y2018, split: [] });
    expect(r.totals).toEqual({ ended: 5, planned: 2, early: 1, other: 1, unknown: 1, planned_pct: 50, early_pct: 25 });
  });
});

describe('reindication', () => {
  it('counts a follow-up allocation within 31 days or change reason 04 as a re-indication', async () => {
    const r = await computeMetric(store, 'reindication', { filters: Y2018, split: [] });
    expect(r.totals).toEqual({ ended: 5, reindicated: 2, reindicated_pct: 40 });
  });
});

describe('waiting_time', () => {
  it('measures days from request to allocation and to start of care', async () => {
    const r = await computeMetric(store, 'waiting_time', { filters: { from: '2017-01-01', to: '2017-12-31' }, split: [] });
    expect(r.totals).toEqual({
      requests: 2,
      to_allocation_median: 12,
      to_allocation_p75: 13,
      to_allocation_p90: 13.6,
      started: 2,
      to_start_median: 26,
      to_start_p75: 28.5,
      to_start_p90: 30,
    });
  });
});

describe('extended_care', () => {
  it('counts cost and care-days from the month a client turns 18', async () => {
    const s = await fixtureStore();
    await addClient(s, { id: 'e1', birthMonth: '2000-06-01' });
    await addClient(s, { id: 'e2', birthMonth: '2010-01-01' });
    await addAllocation(s, { client: 'e1', start: '2018-01-01', end: '2018-12-31' });
    await addInvoice(s, { client: 'e1', periodStart: '2018-03-01', euros: 100 });
    await addInvoice(s, { client: 'e1', periodStart: '2018-09-01', euros: 200 });
    await addInvoice(s, { client: 'e2', periodStart: '2018-05-01', euros: 700 });
    await derive(s);
    const r = await computeMetric(s, 'extended_care', { filters: Y2018, split: [] });
    expect(r.totals).toEqual({ clients: 1, cost: 200, care_days: 214, clients_share_pct: 50, cost_share_pct: 20 });
  });
});
