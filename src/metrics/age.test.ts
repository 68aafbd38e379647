// Specification of ages to the day: age bands change on the birthday itself (not on the 1st of the birth month), 29
// February birthdays, and verlengde jeugdhulp (18+ when the 18th birthday is on or before min(end of the row, end of the
// period)), both on the year rollups and on the month pieces and lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { BSN, jw301, type Allocated } from '../../test/ingest/ijw-messages.ts';
import { load } from '../../test/ingest/harness.ts';
import { refreshDerived, Store } from '../store/index.ts';
import { addAllocation, addClient, addInvoice, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';
import type { Filters } from './types.ts';

const Y2023 = { from: '2023-01-01', to: '2023-12-31' };
const pick = (rows: Record<string, unknown>[]) =>
  rows.map(({ age_band, cost, clients, care_days }) => ({ age_band, cost, clients, care_days }));
const byAge = async (s: Store, filters: Filters) =>
  pick((await computeMetric(s, 'costs', { filters, split: ['age_band'] })).rows);

describe('verlengde jeugdhulp (extended_care)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore();
    // 18 on 15 July 2023; care ends the day before (counted from the 1st of the birth month it was 18+ in July).
    await addClient(store, { id: 'before', birthDate: '2005-07-15' });
    await addAllocation(store, { client: 'before', start: '2023-01-01', end: '2023-07-14' });
    await addInvoice(store, { client: 'before', periodStart: '2023-07-01', periodEnd: '2023-07-14', euros: 140 });
    // 18 on 31 August 2023, the last day of the allocation and of the invoice line.
    await addClient(store, { id: 'on', birthDate: '2005-08-31' });
    await addAllocation(store, { client: 'on', start: '2023-02-01', end: '2023-08-31' });
    await addInvoice(store, { client: 'on', periodStart: '2023-08-01', periodEnd: '2023-08-31', euros: 310 });
    // 18 on 10 October 2023, within care and within an invoice line of October.
    await addClient(store, { id: 'mid', birthDate: '2005-10-10' });
    await addAllocation(store, { client: 'mid', start: '2023-10-01', end: '2023-12-31' });
    await addInvoice(store, { client: 'mid', periodStart: '2023-10-01', periodEnd: '2023-10-31', euros: 100 });
    await derive(store);
  });

  it('does not count care that ends the day before the 18th birthday; does count care whose last day is the birthday', async () => {
    const r = await computeMetric(store, 'extended_care', { filters: Y2023, split: [] });
    // Clients: 'on' (line ends on the birthday) and 'mid'; cost 310 + 100; care-days 18+: 'on' 31 Aug (1), 'mid' 10 Oct–31 Dec
    // (22 + 30 + 31 = 83). All clients 3, all cost 140 + 310 + 100 = 550: 2/3 = 66.7 %, 410/550 = 74.5 %.
    expect(r.totals).toEqual({ clients: 2, cost: 410, care_days: 84, clients_share_pct: 66.7, cost_share_pct: 74.5 });
  });

  it('gives the same figures on the month pieces and lines as on the year rollups (a period that is no whole year)', async () => {
    const r = await computeMetric(store, 'extended_care', { filters: { from: '2023-07-01', to: '2023-10-31' }, split: [] });
    // Care-days 18+ within July–October: 'on' 1, 'mid' 10–31 Oct (22). All cost 550 as before.
    expect(r.totals).toEqual({ clients: 2, cost: 410, care_days: 23, clients_share_pct: 66.7, cost_share_pct: 74.5 });
  });

  it('splits care-days by age band on the 18th birthday', async () => {
    // 12-17: 'before' 1 Jan–14 Jul (195), 'on' 1 Feb–30 Aug (211), 'mid' 1–9 Oct (9) = 415; 18-22: 1 + 83 = 84.
    expect(await byAge(store, Y2023)).toEqual([
      { age_band: '12-17', cost: 140, clients: 1, care_days: 415 },
      { age_band: '18-22', cost: 410, clients: 2, care_days: 84 },
    ]);
  });
});

describe('age bands to the day', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore();
    // 12 on 15 May 2023: the band changes on the 15th, not on 1 May.
    await addClient(store, { id: 'may', birthDate: '2011-05-15', municipality: '0150' });
    await addAllocation(store, { client: 'may', start: '2023-05-01', end: '2023-05-31', municipality: '0150' });
    await addInvoice(store, {
      client: 'may',
      periodStart: '2023-05-01',
      periodEnd: '2023-05-14',
      euros: 14,
      municipality: '0150',
    });
    await addInvoice(store, {
      client: 'may',
      periodStart: '2023-05-15',
      periodEnd: '2023-05-31',
      euros: 17,
      municipality: '0150',
    });
    // Born 29 February 2008: 12 on 29 February 2020 (a leap year).
    await addClient(store, { id: 'leap12', birthDate: '2008-02-29', municipality: '0148' });
    await addAllocation(store, { client: 'leap12', start: '2020-02-01', end: '2020-02-29', municipality: '0148' });
    // Born 29 February 2004: 18 on 1 March 2022 (no 29 February that year); care until 28 February is not 18+.
    await addClient(store, { id: 'leap18', birthDate: '2004-02-29', municipality: '0148' });
    await addAllocation(store, { client: 'leap18', start: '2022-02-01', end: '2022-03-31', municipality: '0148' });
    await addInvoice(store, {
      client: 'leap18',
      periodStart: '2022-02-01',
      periodEnd: '2022-02-28',
      euros: 28,
      municipality: '0148',
    });
    await addInvoice(store, {
      client: 'leap18',
      periodStart: '2022-03-01',
      periodEnd: '2022-03-31',
      euros: 31,
      municipality: '0148',
    });
    await addClient(store, { id: 'feb28', birthDate: '2004-02-29', municipality: '0148' });
    await addAllocation(store, { client: 'feb28', start: '2022-01-01', end: '2022-02-28', municipality: '0148' });
    await addInvoice(store, {
      client: 'feb28',
      periodStart: '2022-02-01',
      periodEnd: '2022-02-28',
      euros: 50,
      municipality: '0148',
    });
    await derive(store);
  });

  it('changes the band on a birthday in the middle of a month (year rollup and month pieces alike)', async () => {
    // Rows come in the order of the band labels.
    const may = [
      { age_band: '12-17', cost: 17, clients: 1, care_days: 17 },
      { age_band: '4-11', cost: 14, clients: 1, care_days: 14 },
    ];
    expect(await byAge(store, { ...Y2023, municipality: ['0150'] })).toEqual(may);
    expect(await byAge(store, { from: '2023-05-01', to: '2023-05-31', municipality: ['0150'] })).toEqual(may);
  });

  it('takes 29 February as the birthday in a leap year', async () => {
    // February 2020: 1–28 at 11, 29 at 12.
    expect(await byAge(store, { from: '2020-01-01', to: '2020-12-31' })).toEqual([
      { age_band: '12-17', cost: 0, clients: 0, care_days: 1 },
      { age_band: '4-11', cost: 0, clients: 0, care_days: 28 },
    ]);
  });

  it('takes 1 March as the birthday of someone born on 29 February in a year without one', async () => {
    // 'leap18': February (28 days, € 28) at 17, March (31 days, € 31) at 18; 'feb28': January and February (59 days, € 50) at 17.
    expect(await byAge(store, { from: '2022-01-01', to: '2022-12-31' })).toEqual([
      { age_band: '12-17', cost: 78, clients: 2, care_days: 87 },
      { age_band: '18-22', cost: 31, clients: 1, care_days: 31 },
    ]);
    const r = await computeMetric(store, 'extended_care', { filters: { from: '2022-01-01', to: '2022-12-31' }, split: [] });
    // All clients 2, all cost 28 + 31 + 50 = 109: 31/109 = 28.4 %.
    expect(r.totals).toEqual({ clients: 1, cost: 31, care_days: 31, clients_share_pct: 50, cost_share_pct: 28.4 });
  });
});

describe('ages from an iJw import', () => {
  it('take the day of Geboortedatum: care ending the day before the 18th birthday stays 12-17', async () => {
    const store = await Store.open(':memory:');
    const head = { afzender: '0384', ontvanger: '12345678', date: '2026-01-05' };
    const alloc = (no: string, end: string): Allocated => ({
      no,
      ref: `R${no}`,
      cat: '45',
      code: '45A03',
      date: '2026-01-05',
      time: '10:00:00',
      start: '2026-01-01',
      end,
      omvang: [2, '04', '2'],
    });
    const born = (xml: string, date: string) =>
      xml.replace('<ijw:Datum>2010-02-14</ijw:Datum>', `<ijw:Datum>${date}</ijw:Datum>`);
    await load(store, {
      // 18 on 20 March 2026, care until the 19th; 18 on 31 March 2026, care until the 31st.
      'a.xml': born(jw301({ ...head, id: 'A' }, BSN.a, [alloc('1001', '2026-03-19')]), '2008-03-20'),
      'b.xml': born(jw301({ ...head, id: 'B' }, BSN.b, [alloc('1002', '2026-03-31')]), '2008-03-31'),
    });
    await refreshDerived(store);
    // 12-17: a 1 Jan–19 Mar (31 + 28 + 19 = 78), b 1 Jan–30 Mar (31 + 28 + 30 = 89); 18-22: b on 31 March.
    expect(await byAge(store, { from: '2026-01-01', to: '2026-12-31' })).toEqual([
      { age_band: '12-17', cost: 0, clients: 0, care_days: 167 },
      { age_band: '18-22', cost: 0, clients: 0, care_days: 1 },
    ]);
    const r = await computeMetric(store, 'extended_care', { filters: { from: '2026-01-01', to: '2026-12-31' }, split: [] });
    expect(r.totals).toMatchObject({ clients: 0, cost: 0, care_days: 1 });
    store.close();
  });
});
