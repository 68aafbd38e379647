import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import { Store } from '../store/index.ts';
import { deleteReferenceGroup, listReferenceGroups, parseReferenceGroup, saveReferenceGroup } from './savedgroups.ts';

describe('parseReferenceGroup', () => {
  it('reads the three kinds', () => {
    expect(parseReferenceGroup({ kind: 'regio', region: ' IJsselland ' })).toEqual({
      ok: true,
      group: { kind: 'regio', region: 'IJsselland' },
    });
    expect(parseReferenceGroup({ kind: 'grootteklasse', sizeClass: '20k-50k' })).toEqual({
      ok: true,
      group: { kind: 'grootteklasse', sizeClass: '20k-50k' },
    });
    expect(parseReferenceGroup({ kind: 'buren', municipalities: ['0150', '0193', '0150'] })).toEqual({
      ok: true,
      group: { kind: 'buren', municipalities: ['0150', '0193'] },
    });
  });

  it('reads a context group: year, deciles by kind, optionally a size class', () => {
    expect(parseReferenceGroup({ kind: 'context', year: 2023, deciles: { inkomen: 5, kinderarmoede: 6 } })).toEqual({
      ok: true,
      group: { kind: 'context', year: 2023, deciles: { inkomen: 5, kinderarmoede: 6 } },
    });
    expect(parseReferenceGroup({ kind: 'context', year: 2023, deciles: { inkomen: 5 }, sizeClass: '20k-50k' })).toEqual({
      ok: true,
      group: { kind: 'context', year: 2023, deciles: { inkomen: 5 }, sizeClass: '20k-50k' },
    });
    expect(parseReferenceGroup({ kind: 'context', year: '2023', deciles: { inkomen: 11, welvaart: 3 } })).toEqual({
      ok: false,
      problems: [
        { path: 'year', message: '"2023" is geen jaar' },
        { path: 'deciles.inkomen', message: '11 is geen deciel (1 tot en met 10)' },
        { path: 'deciles.welvaart', message: "onbekend deciel 'welvaart'; kies uit inkomen, kinderarmoede" },
      ],
    });
    expect(parseReferenceGroup({ kind: 'context', year: 2023, deciles: {} })).toMatchObject({
      ok: false,
      problems: [{ path: 'deciles' }],
    });
  });

  it('names every problem with its path, in Dutch', () => {
    expect(parseReferenceGroup({ kind: 'buren', municipalities: ['150', 193] })).toEqual({
      ok: false,
      problems: [
        { path: 'municipalities[0]', message: '"150" is geen gemeentecode van vier cijfers' },
        { path: 'municipalities[1]', message: '193 is geen gemeentecode van vier cijfers' },
      ],
    });
    expect(parseReferenceGroup({ kind: 'grootteklasse', sizeClass: 'klein' })).toMatchObject({
      ok: false,
      problems: [{ path: 'sizeClass', message: expect.stringMatching(/^onbekende grootteklasse "klein"; kies uit tot-20k, /) }],
    });
    expect(parseReferenceGroup({ kind: 'provincie' })).toMatchObject({ ok: false, problems: [{ path: 'kind' }] });
    expect(parseReferenceGroup([])).toMatchObject({
      ok: false,
      problems: [{ path: '', message: 'een referentiegroep is een object' }],
    });
  });
});

describe('saved reference groups', () => {
  let store: Store;
  beforeEach(async () => {
    store = await Store.open(':memory:');
    await loadMunicipalities(store);
  });
  afterEach(() => store.close());

  it('are kept per municipality by name, replaced under the same name, and deleted', async () => {
    await saveReferenceGroup(store, '1708', 'Regio', { kind: 'regio', region: 'IJsselland' }, 'anna');
    await saveReferenceGroup(store, '1708', 'Buren', { kind: 'buren', municipalities: ['0193'] }, 'anna');
    await saveReferenceGroup(store, '1708', 'Buren', { kind: 'buren', municipalities: ['0193', '0150'] }, 'anna');
    await saveReferenceGroup(store, '0150', 'Even groot', { kind: 'grootteklasse', sizeClass: '50k-100k' }, 'bert');
    const alike = { kind: 'context', year: 2023, deciles: { inkomen: 5, kinderarmoede: 5 } } as const;
    await saveReferenceGroup(store, '0150', 'Vergelijkbaar', alike, 'bert');
    expect(await listReferenceGroups(store, '0150')).toEqual([
      { name: 'Even groot', group: { kind: 'grootteklasse', sizeClass: '50k-100k' } },
      { name: 'Vergelijkbaar', group: alike },
    ]);
    expect(await listReferenceGroups(store, '1708')).toEqual([
      { name: 'Buren', group: { kind: 'buren', municipalities: ['0193', '0150'] } },
      { name: 'Regio', group: { kind: 'regio', region: 'IJsselland' } },
    ]);
    expect(await deleteReferenceGroup(store, '1708', 'Buren')).toBe(true);
    expect(await deleteReferenceGroup(store, '1708', 'Buren')).toBe(false);
    expect((await listReferenceGroups(store, '1708')).map((g) => g.name)).toEqual(['Regio']);
  });

  it('refuses unknown municipalities and regions', async () => {
    await expect(saveReferenceGroup(store, '1708', 'B', { kind: 'buren', municipalities: ['0003'] }, 'a')).rejects.toThrow(
      'Onbekende gemeentecode(s): 0003',
    );
    await expect(saveReferenceGroup(store, '1708', 'R', { kind: 'regio', region: 'Atlantis' }, 'a')).rejects.toThrow(
      "Onbekende jeugdzorgregio 'Atlantis'",
    );
    await expect(saveReferenceGroup(store, '1708', ' ', { kind: 'regio', region: 'IJsselland' }, 'a')).rejects.toThrow(
      'Geef de referentiegroep een naam',
    );
  });
});
