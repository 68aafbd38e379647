// The declared columns of each metric are what it really answers: every catalogue metric is computed on the API's
// fixture store, without a split and with each of its splits (a split only adds its dimension in front).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived, type Store } from '../../store/index.ts';
import { metricsEngine } from '../engine.ts';
import { fixtureStore } from '../fixture.ts';
import { METRIC_COLUMNS } from './metric-columns.ts';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await refreshDerived(store);
});
afterAll(() => store.close());

/** Extra columns a split brings besides its own: the Dutch name of a JW325 return code. */
const SPLIT_EXTRAS: Record<string, string[]> = { return_code: ['return_code_name'] };

describe('METRIC_COLUMNS', () => {
  it('has an entry for every catalogue metric and no other', () => {
    expect(Object.keys(METRIC_COLUMNS).sort()).toEqual(metricsEngine.catalogue.map((m) => m.id).sort());
  });

  it.each(metricsEngine.catalogue.map((m) => [m.id, m] as const))('%s answers the declared columns', async (id, m) => {
    const plain = await metricsEngine.compute(store, id, { filters: {}, split: [] });
    expect(plain.columns).toEqual(METRIC_COLUMNS[id]);
    for (const d of m.splits) {
      const split = await metricsEngine.compute(store, id, { filters: {}, split: [d] });
      const extra = [d, ...(SPLIT_EXTRAS[d] ?? [])];
      expect(
        split.columns.filter((c) => !extra.includes(c.name)),
        `${id} split ${d}`,
      ).toEqual(METRIC_COLUMNS[id]);
    }
  });
});
