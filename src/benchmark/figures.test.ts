import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { cbsFixtureStore } from '../../test/fixtures/cbs/store.ts';
import { municipalityContext } from './context.ts';
import { readCbsSeries } from './figures.ts';

let store: Store;
beforeAll(async () => {
  store = await cbsFixtureStore();
});
afterAll(() => store.close());

describe('readCbsSeries', () => {
  it('reads a measure by its title, missing cells with their reason', async () => {
    expect(await readCbsSeries(store, { table: '85097NED', measure: 'Jeugdhulp met verblijf', regions: ['GM0150'] })).toEqual([
      { region: 'GM0150', municipality: '0150', period: '2020-H1', periodKind: 'halfjaar', value: 275, missing: null },
      { region: 'GM0150', municipality: '0150', period: '2020-H2', periodKind: 'halfjaar', value: null, missing: 'leeg' },
    ]);
  });

  it('picks the categories of the other dimensions by title or key', async () => {
    const byTitle = await readCbsSeries(store, {
      table: '03759ned',
      measure: 'Bevolking op 1 januari',
      dims: { Geslacht: 'totaal mannen en vrouwen', Leeftijd: '0 tot 20 jaar' },
    });
    expect(byTitle.map((p) => [p.municipality, p.value])).toEqual([
      ['0150', 20145],
      ['1708', 8870],
    ]);
    const byKey = await readCbsSeries(store, {
      table: '03759ned',
      measure: 'BevolkingOp1Januari_1',
      dims: { Geslacht: 'T001038', Leeftijd: '22000' },
    });
    expect(byKey).toEqual(byTitle);
  });

  it('says in Dutch what is wrong with a question', async () => {
    await expect(readCbsSeries(store, { table: '85099NED', measure: 'x' })).rejects.toThrow(
      'CBS-tabel 85099NED is niet ingelezen',
    );
    await expect(readCbsSeries(store, { table: '85097NED', measure: 'Jeugdhulp zonder verblijf' })).rejects.toThrow(
      'is niet eenduidig',
    );
    await expect(
      readCbsSeries(store, { table: '03759ned', measure: 'Bevolking op 1 januari', dims: { Geslacht: 'Mannen' } }),
    ).rejects.toThrow('Kies bij CBS-tabel 03759ned een categorie voor Leeftijd');
    await expect(
      readCbsSeries(store, {
        table: '03759ned',
        measure: 'Bevolking op 1 januari',
        dims: { Leeftijd: '120 jaar', Geslacht: 'Mannen' },
      }),
    ).rejects.toThrow("Leeftijd '120 jaar' komt niet voor in CBS-tabel 03759ned");
    await expect(
      readCbsSeries(store, { table: '85097NED', measure: 'Jeugdhulp met verblijf', dims: { Leeftijd: 'x' } }),
    ).rejects.toThrow('CBS-tabel 85097NED heeft geen dimensie Leeftijd; wel: geen');
  });
});

describe('municipalityContext', () => {
  it('combines the reference list with the CBS population: Steenwijkerland and Deventer in 2020', async () => {
    expect(await municipalityContext(store, '1708', 2020)).toMatchObject({
      name: 'Steenwijkerland',
      region: 'IJsselland',
      population: 43_931,
      missing: null,
      sizeClass: { key: '20k-50k' },
    });
    expect((await municipalityContext(store, '0150', 2020)).sizeClass?.label).toBe('50.000 tot 100.000 inwoners');
  });

  it('has no size class without a population, and says why', async () => {
    expect(await municipalityContext(store, '0193', 2020)).toMatchObject({
      name: 'Zwolle',
      population: null,
      missing: 'niet ingelezen',
      sizeClass: null,
    });
  });
});
