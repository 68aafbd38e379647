// Names for codes: referrers from the AGB list (else the export's name, else the AGB code), "geen verwijzer bekend" for
// '00:', and the names of the codes a result holds, for the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, sql } from '../store/index.ts';
import { createApp } from './app.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';
import { NO_REFERRER, referrerLabel, referrerOptions, resultNames } from './names.ts';

describe('referrerLabel', () => {
  const base = { referrer_id: '02:01598930', type: '02', agb: '01598930', name: null, registered: null };
  it("reads name (type), the AGB list's name first, then the export's, then the AGB code", () => {
    expect(referrerLabel({ ...base, registered: 'Huisartsenpraktijk De Linde', name: 'Dr. Jansen' })).toBe(
      'Huisartsenpraktijk De Linde (huisarts)',
    );
    expect(referrerLabel({ ...base, name: 'Dr. Jansen' })).toBe('Dr. Jansen (huisarts)');
    expect(referrerLabel(base)).toBe('AGB 01598930 (huisarts)');
    expect(referrerLabel({ referrer_id: '01:Team Noord', type: '01', agb: null, name: 'Team Noord', registered: null })).toBe(
      'Team Noord (gemeente)',
    );
    expect(referrerLabel({ referrer_id: '06:', type: '06', agb: null, name: null, registered: null })).toBe(
      'zelfverwijzer/geen verwijzer',
    );
    expect(referrerLabel({ referrer_id: '00:', type: '00', agb: null, name: null, registered: null })).toBe(
      'geen verwijzer bekend',
    );
  });
});

describe('names in the store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore();
    await store.run(sql`INSERT INTO referrer_agb VALUES ('123', 'Huisartsenpraktijk De Linde', '02', 'Deventer')`);
  });
  afterAll(() => store.close());

  it('lists every referrer with its name, for /api/dimensions, sorted by name', async () => {
    expect(await referrerOptions(store)).toEqual([
      { value: '00:', label: NO_REFERRER },
      { value: '02:123', label: 'Huisartsenpraktijk De Linde (huisarts)' },
    ]);
    const app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
    const dims = (await (await app.request('/api/dimensions')).json()) as Record<string, unknown>;
    expect(dims.referrer).toEqual(await referrerOptions(store));
  });

  it('within municipalities, only the referrers of their allocations', async () => {
    expect(await referrerOptions(store, ['0150'])).toEqual([]);
  });

  it('names the codes a result holds, and no others', async () => {
    const names = await resultNames(store, {
      metric: 'x',
      title: 'x',
      split: ['municipality', 'provider'],
      filters: {},
      columns: [
        { name: 'municipality', label: 'Gemeente', unit: 'text' },
        { name: 'provider', label: 'Aanbieder', unit: 'text' },
        { name: 'referrer_id', label: 'Verwijzer', unit: 'text' },
        { name: 'cost', label: 'Kosten', unit: 'eur' },
      ],
      rows: [{ municipality: '0150', provider: '11110001', referrer_id: '02:123', cost: 1 }],
    });
    expect(names).toEqual({
      municipality: { '0150': 'Deventer' },
      provider: { '11110001': 'Zorg & Co' },
      referrer: { '02:123': 'Huisartsenpraktijk De Linde (huisarts)' },
    });
  });
});
