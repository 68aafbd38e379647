// Specification of 'per_youth' on a hand-computed fixture: youths by age at the start of each month of care, residence by
// iJw product category, population per year, and null (with a note) where the population is unknown.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Store } from '../store/index.ts';
import { addAllocation, addClient, addInvoice, addPgb, derive, fixtureStore, insertRows } from './fixtures.ts';
import { computeMetric } from './index.ts';

const Y2018 = { from: '2018-01-01', to: '2018-12-31' };
/** Every cost-line column empty (unknown): the default the tests below override where a part is known. */
const NONE = Object.fromEntries(
  ['toegang', 'subsidie', 'lumpsum', 'preventie', 'overig', 'total']
    .flatMap((k) => [
      [`cost_${k}_per_youth`, null],
      [`cost_${k}_per_inhabitant`, null],
    ])
    .concat([['cost_total', null]]),
);
let store: Store;

beforeAll(async () => {
  store = await fixtureStore();
  // 2018: 0150 has 500 youths 0–17, 600 aged 0–22 and 2,000 inhabitants; 0148 250, 300 and 1,000.
  const bands: [string, number, number][] = [
    ['0-3', 100, 50],
    ['4-11', 200, 100],
    ['12-17', 200, 100],
    ['18-22', 100, 50],
    ['totaal', 2000, 1000],
  ];
  await insertRows(
    store,
    'population',
    bands.flatMap(([age_band, a, b]) => [
      { municipality: '0150', year: 2018, age_band, inhabitants: a },
      { municipality: '0148', year: 2018, age_band, inhabitants: b },
    ]),
  );
  // y1 (7) ambulant in Q1, € 500.
  await addClient(store, { id: 'y1', birthDate: '2010-05-01', district: 'Noord' });
  const a1 = await addAllocation(store, { client: 'y1', start: '2018-01-01', end: '2018-03-31' });
  await addInvoice(store, { client: 'y1', allocation: a1, periodStart: '2018-01-01', euros: 500 });
  // y2 (12) ambulant in February, residential (43) in the second half-year, € 3,000: with and without residence.
  await addClient(store, { id: 'y2', birthDate: '2005-03-01', district: 'Noord' });
  await addAllocation(store, { client: 'y2', start: '2018-02-01', end: '2018-02-28' });
  const a2 = await addAllocation(store, { client: 'y2', product: 'VBL', start: '2018-07-01', end: '2018-12-31' });
  await addInvoice(store, { client: 'y2', allocation: a2, periodStart: '2018-07-01', euros: 3000 });
  // y3 turns 18 on 15 September: foster care (44) from June is 0–17 up to the September piece, 18–22 after; € 1,000.
  await addClient(store, { id: 'y3', birthDate: '2000-09-15', district: 'Zuid' });
  const a3 = await addAllocation(store, { client: 'y3', product: 'PLZ', start: '2018-06-01', end: '2018-12-31' });
  await addInvoice(store, { client: 'y3', allocation: a3, periodStart: '2018-06-01', euros: 1000 });
  // y4 (20) in 0148: extended care only; € 400.
  await addClient(store, { id: 'y4', birthDate: '1998-01-01', municipality: '0148' });
  const a4 = await addAllocation(store, { client: 'y4', municipality: '0148', start: '2018-03-01', end: '2018-04-30' });
  await addInvoice(store, { client: 'y4', allocation: a4, municipality: '0148', periodStart: '2018-03-01', euros: 400 });
  // y5 in 0148 without a known birth date: in the cost (€ 100), never in a count by age.
  const a5 = await addAllocation(store, { client: 'y5', municipality: '0148', start: '2018-01-01', end: '2018-12-31' });
  await addInvoice(store, { client: 'y5', allocation: a5, municipality: '0148', periodStart: '2018-01-01', euros: 100 });
  // PGB in 0150 in May, € 1,000: cost only.
  await addPgb(store, { client: 'y6', periodStart: '2018-05-01', euros: 1000 });
  // Cost lines 2018: access team 0150 € 1,000 and 0148 € 500; prevention 0150 imported as € 0, 0148 none (unknown).
  await store.run(sql`INSERT INTO cost_line VALUES (2018, '0150', 'toegang', '', 100_000, 'f'),
    (2018, '0148', 'toegang', '', 50_000, 'f'), (2018, '0150', 'preventie', '', 0, 'f')`);
  await derive(store);
});

describe('per_youth', () => {
  it('gives the region over 2018: 3 of 750 youths (0.4 %), € 6,000 = € 8 per youth and € 2 per inhabitant', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: Y2018, split: [] });
    expect(r.totals).toEqual({
      youths: 750,
      clients: 3,
      share_pct: 0.4,
      residential_clients: 2,
      residential_pct: 0.3,
      outpatient_clients: 2,
      outpatient_pct: 0.3,
      youths_extended: 900,
      clients_extended: 4,
      share_extended_pct: 0.4,
      inhabitants: 3000,
      cost: 6000,
      cost_per_youth: 8,
      cost_per_inhabitant: 2,
      // The access team € 1,500 / 750 youths = € 2 and / 3,000 inhabitants = € 0.50; prevention is unknown for the
      // region (0148 imported none), so the total with the cost lines is unknown too — never € 6,000 + € 1,500 alone.
      ...NONE,
      cost_toegang_per_youth: 2,
      cost_toegang_per_inhabitant: 0.5,
    });
    expect(r.notes).toEqual(['Kostenregel preventie 2018 niet ingelezen voor 0148; dat deel is onbekend (niet als 0 gerekend).']);
  });

  it('gives each municipality its cost-line parts per youth and per inhabitant, and the total with the invoices', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: Y2018, split: ['municipality'] });
    const parts = (x: Record<string, unknown>) => [
      x.municipality,
      x.cost_toegang_per_youth,
      x.cost_preventie_per_youth,
      x.cost_total_per_youth,
      x.cost_toegang_per_inhabitant,
      x.cost_preventie_per_inhabitant,
      x.cost_total_per_inhabitant,
      x.cost_total,
    ];
    // 0150: € 1,000 / 500 = € 2, prevention an imported € 0, total (€ 5,500 + € 1,000) / 500 = € 13 and / 2,000 = € 3.25.
    expect(r.rows.map(parts)).toEqual([
      ['0148', 2, null, null, 0.5, null, null, null],
      ['0150', 2, 0, 13, 0.5, 0, 3.25, 6500],
    ]);
  });

  it('leaves the cost-line parts empty for a half-year or a part of the year (they are yearly amounts)', async () => {
    const half = await computeMetric(store, 'per_youth', { filters: { ...Y2018, municipality: ['0150'] }, split: ['half_year'] });
    expect(half.rows.map((x) => [x.cost_per_youth, x.cost_toegang_per_youth, x.cost_total_per_youth])).toEqual([
      // H1: € 500 + € 1,000 PGB + € 1,000 foster care from June = € 2,500 / 500; H2: € 3,000 / 500.
      [5, null, null],
      [6, null, null],
    ]);
    const part = await computeMetric(store, 'per_youth', {
      filters: { municipality: ['0150'], from: '2018-01-01', to: '2018-06-30' },
      split: [],
    });
    expect(part.totals).toMatchObject({ cost_toegang_per_youth: null, cost_total: null });
    expect(part.notes).toContain(
      'De kosten buiten declaraties zijn per gemeente en heel kalenderjaar bekend; met deze periode, uitsplitsing of ' +
        'filters blijven die delen leeg.',
    );
  });

  it('splits by municipality with each its own population', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: Y2018, split: ['municipality'] });
    expect(r.rows.map((x) => [x.municipality, x.clients, x.share_pct, x.clients_extended, x.share_extended_pct])).toEqual([
      ['0148', 0, 0, 1, 0.3],
      ['0150', 3, 0.6, 3, 0.5],
    ]);
    expect(r.rows.map((x) => [x.cost, x.cost_per_youth, x.cost_per_inhabitant])).toEqual([
      [500, 2, 0.5],
      [5500, 11, 2.75],
    ]);
  });

  it('splits by half-year with the population of the year', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: Y2018, split: ['half_year'] });
    expect(
      r.rows.map((x) => [x.half_year, x.clients, x.residential_clients, x.outpatient_clients, x.clients_extended, x.cost]),
    ).toEqual([
      ['2018-H1', 3, 1, 2, 4, 3000],
      ['2018-H2', 2, 2, 0, 2, 3000],
    ]);
    expect(r.rows.map((x) => [x.share_pct, x.cost_per_youth, x.cost_per_inhabitant])).toEqual([
      [0.4, 4, 1],
      [0.3, 4, 1],
    ]);
  });

  it('leaves the per-inhabitant figures empty by district, with a note (no population per district)', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: Y2018, split: ['district'] });
    expect(r.rows.map((x) => [x.district, x.clients, x.youths, x.share_pct, x.cost_per_youth])).toEqual([
      ['Noord', 2, null, null, null],
      ['Zuid', 1, null, null, null],
      [null, 0, null, null, null],
    ]);
    expect(r.notes).toEqual([
      'Er is geen inwonertal per wijk: aandelen en bedragen per inwoner blijven leeg.',
      'De kosten buiten declaraties zijn per gemeente en heel kalenderjaar bekend; met deze periode, uitsplitsing of ' +
        'filters blijven die delen leeg.',
    ]);
  });

  it('gives null, never a division by zero, for a year without population figures', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: { from: '2019-01-01', to: '2019-12-31' }, split: [] });
    expect(r.totals).toMatchObject({ youths: null, share_pct: null, cost_per_youth: null, cost_per_inhabitant: null });
    expect(r.notes).toEqual([
      'Geen bevolkingscijfers voor 0148, 0150 in 2019: aandelen en bedragen per inwoner blijven leeg.',
      'Kostenregel toegang (eigen personeel) 2019 niet ingelezen voor 0148, 0150; dat deel is onbekend (niet als 0 gerekend).',
      'Kostenregel preventie 2019 niet ingelezen voor 0148, 0150; dat deel is onbekend (niet als 0 gerekend).',
    ]);
  });

  it('asks for one year when the period spans several without a year split', async () => {
    const r = await computeMetric(store, 'per_youth', { filters: { from: '2018-01-01', to: '2019-06-30' }, split: [] });
    expect(r.totals?.share_pct).toBeNull();
    expect(r.notes?.[0]).toMatch(/binnen één jaar/);
  });
});
