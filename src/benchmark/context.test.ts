import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import { Store } from '../store/index.ts';
import { municipalityCode } from './cbs/region.ts';
import { sizeClass, youthCareRegion } from './context.ts';

describe('size class', () => {
  it('places the fixture municipalities', () => {
    expect(sizeClass(43_931).label).toBe('20.000 tot 50.000 inwoners'); // Steenwijkerland
    expect(sizeClass(99_941).label).toBe('50.000 tot 100.000 inwoners'); // Deventer
  });

  it('counts a boundary in the class it opens: "van … tot …", the upper bound not included', () => {
    const at = (n: number) => sizeClass(n).key;
    expect([at(0), at(19_999), at(20_000)]).toEqual(['tot-20k', 'tot-20k', '20k-50k']);
    expect([at(49_999), at(50_000), at(99_999), at(100_000)]).toEqual(['20k-50k', '50k-100k', '50k-100k', '100k-150k']);
    expect([at(149_999), at(150_000), at(299_999), at(300_000), at(1_000_000)]).toEqual([
      '100k-150k',
      '150k-300k',
      '150k-300k',
      '300k-plus',
      '300k-plus',
    ]);
    expect(() => sizeClass(-1)).toThrow(RangeError);
    expect(() => sizeClass(1.5)).toThrow('Een inwonertal is een heel getal van 0 of meer, niet 1.5');
  });
});

describe('youth-care region and codes', () => {
  let store: Store;
  beforeEach(async () => {
    store = await Store.open(':memory:');
    await loadMunicipalities(store);
  });
  afterEach(() => store.close());

  it('comes from the municipality reference list', async () => {
    expect(await youthCareRegion(store, '1708')).toBe('IJsselland');
    expect(await youthCareRegion(store, '1979')).toBe('Groningen');
    expect(await youthCareRegion(store, '0003')).toBeNull(); // Appingedam: merged into Eemsdelta in 2021
  });

  it('turns CBS region keys into municipality codes', () => {
    expect(municipalityCode('GM0150    ')).toBe('0150');
    expect(municipalityCode('NL01')).toBeNull();
    expect(municipalityCode('PV23')).toBeNull();
  });
});
