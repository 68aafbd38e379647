import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { cbsFixtureStore } from '../../test/fixtures/cbs/store.ts';
import { compareOnCbs } from './cbscompare.ts';
import { formatShare } from './compare.ts';

let store: Store;
beforeAll(async () => {
  store = await cbsFixtureStore();
});
afterAll(() => store.close());

describe('compareOnCbs', () => {
  it('gives each CBS figure of A as a percentage of B, beside the population ratio, and no share for an empty cell', async () => {
    const c = await compareOnCbs(store, '1708', '0150', 2020, [
      {
        label: 'Jongeren met jeugdhulp, 1e halfjaar 2020',
        table: '85097NED',
        measure: 'Totaal jongeren met jeugdhulp',
        period: '2020-H1',
      },
      { label: 'Lasten jeugdhulp 2019 (x € 1.000)', table: '83454NED', measure: 'Lasten jeugdhulp totaal', period: '2019' },
      { label: 'Met verblijf, 2e halfjaar 2020', table: '85097NED', measure: 'Jeugdhulp met verblijf', period: '2020-H2' },
    ]);
    expect([c.a.name, c.a.population, c.b.name, c.b.population]).toEqual(['Steenwijkerland', 43_931, 'Deventer', 99_941]);
    expect(formatShare(c.population)).toBe('44,0 %');
    // 905 / 2,165 = 41.8 %; 10,490 / 20,943 = 50.1 % (the council paper's care cost, in thousands).
    expect(c.rows.map((r) => [r.a, r.b, formatShare(r.share)])).toEqual([
      [905, 2165, '41,8 %'],
      [10_490, 20_943, '50,1 %'],
      // Steenwijkerland has no 2020-H2 row at all; Deventer's cell is empty.
      [null, null, 'n.v.t.'],
    ]);
    expect(c.rows[2]!.share.reason).toBe('Steenwijkerland heeft geen cijfer (niet ingelezen)');
  });

  it("names CBS's reason when a cell is empty", async () => {
    const c = await compareOnCbs(store, '0150', '1708', 2020, [
      { label: 'Met verblijf', table: '85097NED', measure: 'Jeugdhulp met verblijf', period: '2020-H2' },
    ]);
    expect(c.rows[0]!.share.reason).toBe('Deventer heeft geen cijfer (leeg)');
  });
});
