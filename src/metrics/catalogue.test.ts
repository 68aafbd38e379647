// The catalogue as a whole: unique ids, Dutch definitions, and every metric answering every allowed split and every
// filter on a mixed fixture (and on an empty store), with columns describing every row field.
import { readFileSync } from 'node:fs';
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
} from './fixtures.ts';
import { declaredColumns, isMetricId } from '../contract/columns.ts';
import { catalogueMarkdown } from './doc.ts';
import { catalogue, computeMetric, getMetric } from './index.ts';
import type { Filters } from './types.ts';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await addReferrer(store, { id: '02:123', type: '02', agb: '123' });
  await addClient(store, { id: 'c1', birthMonth: '2005-04-01', sex: '1', district: 'Noord' });
  await addClient(store, { id: 'c2', birthMonth: '2000-01-01', sex: '2', district: 'Zuid' });
  await addTariff(store, { code: 'AMB', year: 2018, cents: 5000 });
  const a = await addAllocation(store, {
    client: 'c1',
    start: '2017-11-01',
    end: '2018-03-31',
    referrer: '02:123',
    team: 'T1',
    volume: 2,
    unit: '04',
    frequency: '2',
    providerReference: 'R1',
  });
  await addCarePeriod(store, { no: a, client: 'c1', start: '2017-11-05', end: '2018-03-15', reason: '34' });
  const b = await addAllocation(store, {
    client: 'c2',
    start: '2018-02-01',
    product: 'VBL',
    municipality: '0148',
    budgetCents: 100_000_00,
  });
  await addAllocation(store, { client: 'c1', start: '2018-05-01', end: '2018-06-30', product: 'GGZZ', referrer: '02:123' });
  await addInvoice(store, { client: 'c1', allocation: a, periodStart: '2018-01-01', periodEnd: '2018-01-31', euros: 800 });
  await addInvoice(store, {
    client: 'c2',
    allocation: b,
    municipality: '0148',
    product: 'VBL',
    periodStart: '2018-06-01',
    periodEnd: '2018-06-30',
    euros: 60_000,
  });
  await addPgb(store, { client: 'c2', periodStart: '2018-03-01', euros: 250, municipality: '0148' });
  await addRequest(store, { client: 'c1', date: '2017-10-01', reference: 'R1' });
  await addBudget(store, { year: 2018, euros: 50_000 });
  await derive(store);
});

const EVERY_FILTER: Filters = {
  municipality: ['0150', '0148'],
  from: '2017-01-01',
  to: '2018-12-31',
  basis: 'care',
  care_type: ['ambulant', 'verblijf'],
  product_category: ['45', '43'],
  product: ['AMB', 'VBL'],
  provider: ['11111111'],
  referrer_type: ['02', '00'],
  referrer: ['02:123', '00:'],
  team: ['T1'],
  district: ['Noord', 'Zuid'],
  age_band: ['12-17', '18-22'],
  sex: ['1', '2'],
  financing: ['ZIN'],
};

describe('catalogue', () => {
  it('has unique ids and a Dutch title and definition for every metric', () => {
    expect(new Set(catalogue.map((m) => m.id)).size).toBe(catalogue.length);
    for (const m of catalogue) {
      expect(m.title.length).toBeGreaterThan(5);
      expect(m.definition).toMatch(/ de | het | van /);
      expect(getMetric(m.id)).toBe(m);
    }
    expect(catalogue.filter((m) => m.clientRows).map((m) => m.id)).toEqual(['intensive_client_list']);
  });

  it('answers every metric with every allowed split, columns describing every field', async () => {
    for (const m of catalogue) {
      for (const split of [[], ...m.splits.map((d) => [d])]) {
        const r = await computeMetric(store, m.id, { filters: { from: '2018-01-01', to: '2018-12-31' }, split });
        const names = new Set(r.columns.map((c) => c.name));
        for (const row of r.rows) for (const k of Object.keys(row)) expect(names, `${m.id} ${split} ${k}`).toContain(k);
      }
    }
  });

  it('returns exactly the columns the contract declares for each metric, split columns as keys', async () => {
    for (const m of catalogue) {
      expect(isMetricId(m.id), m.id).toBe(true);
      if (!isMetricId(m.id)) continue;
      for (const split of [[], ...m.splits.filter((d) => d === 'return_code' || d === 'care_type').map((d) => [d])]) {
        const r = await computeMetric(store, m.id, { filters: { from: '2018-01-01', to: '2018-12-31' }, split });
        const own = r.columns.filter((c) => !(split as string[]).includes(c.name));
        expect(own, `${m.id} ${split}`).toEqual(declaredColumns(m.id, split));
        for (const c of r.columns.filter((c) => (split as string[]).includes(c.name))) expect(c.kind).toBe('key');
      }
    }
  });

  it('answers every metric with every filter at once, and on an empty store', async () => {
    const empty = await fixtureStore();
    for (const m of catalogue) {
      await computeMetric(store, m.id, { filters: EVERY_FILTER, split: [] });
      await computeMetric(store, m.id, { filters: { ...EVERY_FILTER, basis: 'invoice' }, split: [] });
      const r = await computeMetric(empty, m.id, { filters: {}, split: [] });
      expect(r.metric).toBe(m.id);
    }
  });

  it('is documented in docs/metrics.md exactly as in the code', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(doc.slice(doc.indexOf('## Catalogue')).split('\n').slice(4).join('\n').trim()).toBe(catalogueMarkdown().trim());
  });

  it('refuses an unknown metric', async () => {
    await expect(computeMetric(store, 'nope', { filters: {}, split: [] })).rejects.toMatchObject({ param: 'metric' });
  });
});
