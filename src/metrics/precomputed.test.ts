// Specification of the precomputed paths: on a seeded random region every metric gives exactly the same answer whether it
// reads the tables precomputed at load (year rollups, trajectories, entry, waiting pairs, stacking runs, pathways) or
// computes on the fly from the month pieces and lines, and whether a filter naming every municipality is dropped or not.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import {
  addAllocation,
  addBudget,
  addCarePeriod,
  addClient,
  addInvoice,
  addPgb,
  addReferrer,
  addRequest,
  addTariff,
  derive,
  fixtureStore,
  PRODUCTS,
} from './fixtures.ts';
import { catalogue, computeMetric } from './index.ts';
import type { Dimension, Filters } from './types.ts';

let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (y: number, dayOfYear: number) => iso(new Date(Date.UTC(y, 0, 1 + dayOfYear)));
const addDays = (s: string, n: number) => iso(new Date(Date.parse(s) + n * 86_400_000));

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await addReferrer(store, { id: '02:1', type: '02', agb: '1' });
  for (const code of ['AMB', 'VBL', 'GGZZ'])
    for (const year of [2016, 2018]) await addTariff(store, { code, year, cents: 1000 + rand(9000) });
  for (let c = 1; c <= 14; c++) {
    const client = `c${c}`;
    // Birthdays on any day of the month: care pieces are cut on the birthdays that start an age band.
    await addClient(store, {
      id: client,
      birthDate: `${pick([2000, 2001, 2006, 2014, 1995])}-0${1 + rand(9)}-${String(1 + ((c * 11) % 28)).padStart(2, '0')}`,
      sex: pick(['1', '2']),
      district: pick(['Noord', 'Zuid']),
    });
    for (let k = 0, n = 1 + rand(4); k < n; k++) {
      const municipality = pick(['0150', '0150', '0148']);
      const start = day(2016 + rand(4), rand(365));
      const end = rand(5) === 0 ? null : addDays(start, 20 + rand(500));
      const product = pick(PRODUCTS)[0];
      const ref = `P${c}-${k}`;
      const no = await addAllocation(store, {
        client,
        start,
        end,
        product,
        municipality,
        provider: pick(['11111111', '22222222']),
        referrer: pick(['02:1', '00:']),
        team: pick(['T1', 'T2']),
        financing: rand(6) === 0 ? 'PGB' : 'ZIN',
        volume: rand(3) ? 1 + rand(5) : undefined,
        unit: '04',
        frequency: pick(['1', '2', '4', '6']),
        budgetCents: rand(4) === 0 ? 100_000 + rand(1_000_000) : undefined,
        providerReference: ref,
        changeReason: rand(8) === 0 ? '04' : undefined,
      });
      if (rand(3))
        await addCarePeriod(store, {
          no,
          client,
          municipality,
          start: addDays(start, rand(20)),
          end: end && rand(2) ? addDays(end, -rand(15)) : null,
          reason: pick(['31', '32', '34', null]),
        });
      if (rand(2)) await addRequest(store, { client, municipality, date: addDays(start, -rand(60)), reference: ref });
      for (let m = 0, months = rand(14); m < months; m++) {
        const from = addDays(start, m * 30);
        await addInvoice(store, {
          client,
          allocation: no,
          municipality,
          product,
          periodStart: from,
          periodEnd: addDays(from, 29),
          cents: 10_000 + rand(900_000),
          credit: rand(15) === 0,
          invoiceDate: addDays(from, 30 + rand(200)),
        });
      }
    }
    if (rand(4) === 0) await addPgb(store, { client, periodStart: day(2017 + rand(3), rand(300)), euros: 100 + rand(5000) });
  }
  // Edge: turns 18 between the care and the invoice, and care of December invoiced in the next year.
  await addClient(store, { id: 'edge', birthDate: '2000-06-15', sex: '1', district: 'Noord' });
  const no = await addAllocation(store, { client: 'edge', start: '2018-01-01', end: '2018-12-31', product: 'VBL' });
  await addInvoice(store, {
    client: 'edge',
    allocation: no,
    product: 'VBL',
    periodStart: '2018-05-01',
    periodEnd: '2018-05-31',
    euros: 700,
    invoiceDate: '2018-07-15',
  });
  await addInvoice(store, {
    client: 'edge',
    allocation: no,
    product: 'VBL',
    periodStart: '2018-12-01',
    periodEnd: '2018-12-31',
    euros: 900,
    invoiceDate: '2019-02-01',
  });
  // Born on 29 February: 18 on 1 March 2018, within an invoice line that starts in February.
  await addClient(store, { id: 'leap', birthDate: '2000-02-29', sex: '2', district: 'Zuid' });
  const leap = await addAllocation(store, { client: 'leap', start: '2017-11-01', end: '2018-04-30', product: 'AMB' });
  await addInvoice(store, { client: 'leap', allocation: leap, periodStart: '2018-02-15', periodEnd: '2018-03-14', euros: 280 });
  await addBudget(store, { year: 2018, euros: 500_000 });
  await derive(store);
});

const questions: [Filters, Dimension[]][] = [
  [{}, []],
  [{ municipality: ['0150'] }, []],
  [{ from: '2018-01-01', to: '2018-12-31' }, []],
  [{}, ['year']],
  [{ from: '2017-01-01', to: '2018-12-31' }, ['care_type']],
  [{ from: '2018-01-01' }, ['age_band']],
  [{ municipality: ['0150', '0148'], care_type: ['ambulant', 'verblijf', 'GGZ zwaar'], sex: ['1'] }, ['municipality']],
  [{ district: ['Noord'], age_band: ['12-17', '18-22'], to: '2019-12-31' }, ['sex']],
  [{ basis: 'invoice', from: '2019-01-01', to: '2019-12-31' }, ['age_band']],
  [{ basis: 'invoice' }, ['age_band']],
  [{ provider: ['22222222'] }, ['district']],
  [{ from: '2018-04-01', to: '2018-09-30' }, ['quarter']],
  [{ municipality: ['0148'] }, ['provider']],
  [{ municipality: ['0148', '0150'], from: '2019-01-01', to: '2019-12-31' }, ['care_type']], // every municipality: no filter
  [{ from: '2017-01-01', to: '2019-12-31' }, ['municipality']],
  [{ from: '2017-01-01', to: '2018-12-31' }, ['referrer']],
  [{ municipality: ['0150'], provider: ['11111111'] }, ['care_type']],
  [{ referrer: ['02:1'], sex: ['2'] }, ['year']],
  [{ from: '2018-01-01', to: '2018-12-31', age_band: ['12-17'] }, ['provider']],
];

describe('precomputed tables give the same answer as computing on the fly', () => {
  let compared = 0;
  // One test per metric: each compares its questions, so a failure names the metric and no test holds all 25.
  it.each(catalogue.map((m) => [m.id, m] as const))('%s', async (_id, m) => {
    for (const [filters, split] of questions) {
      const ok = split.filter((d) => m.splits.includes(d));
      const request = { filters, split: ok };
      const fast = await computeMetric(store, m.id, request);
      const slow = await computeMetric(store, m.id, request, { precomputed: false });
      expect(fast, `${m.id} ${JSON.stringify(request)}`).toEqual(slow);
      compared += fast.rows.length;
    }
  });

  it('compares real answers, not empty ones (runs after the metrics above)', () => {
    expect(compared).toBeGreaterThan(500);
  });
});
