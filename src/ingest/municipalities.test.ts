import { describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { loadMunicipalities } from './municipalities.ts';

describe('loadMunicipalities', () => {
  it('loads all 342 municipalities of 2026 once, with their youth-care region', async () => {
    const store = await Store.open(':memory:');
    expect(await loadMunicipalities(store)).toBe(342);
    expect(await loadMunicipalities(store)).toBe(0);
    expect(await store.one(sql`SELECT * FROM municipality WHERE code = '1708'`)).toEqual({
      code: '1708',
      name: 'Steenwijkerland',
      province: 'Overijssel',
      region: 'IJsselland',
    });
    expect((await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM municipality WHERE region = 'IJsselland'`))!.n).toBe(11);
    store.close();
  });
});
