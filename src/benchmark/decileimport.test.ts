// Importing context decile files through `roer benchmark import`'s entry point into a real store: what lands, that the
// same file again changes nothing, that a later file replaces only what it changes, and that a failure halfway leaves
// the store as it was.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import { Store, sql } from '../store/index.ts';
import { latestDeciles, readDeciles } from './context.ts';
import { storeDeciles } from './decileimport.ts';
import type { Decile } from './deciles.ts';
import { importCbsPaths } from './import.ts';

const FIXTURES = new URL('../../test/fixtures/context/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
  await loadMunicipalities(store);
});
afterEach(() => store.close());

async function snapshot() {
  return {
    deciles: await store.all(sql`SELECT * EXCLUDE (file_id) FROM municipality_context ORDER BY ALL`),
    log: await store.all(
      sql`SELECT file_name, kind, records_total, records_ok, records_quarantined, status FROM import_file ORDER BY ALL`,
    ),
    quarantine: await store.all(sql`SELECT file_name, record_no, field, reason FROM quarantine WHERE NOT resolved ORDER BY ALL`),
  };
}

describe('importing decile files', () => {
  it('stores each decile by municipality, year and kind; quarantines bad lines with line, field and reason', async () => {
    const reports = await importCbsPaths(store, [fixture('decielen-2023.csv'), fixture('decielen-fouten.csv')]);
    expect(reports.map((r) => [r.fileName, r.table, r.status, r.total, r.ok, r.unchanged, r.quarantined, r.note])).toEqual([
      ['decielen-2023.csv', 'decielen', 'ingelezen', 8, 15, 0, 0, undefined],
      // 0150 and 1708 in 2023 are already stored with the same income decile: unchanged.
      ['decielen-fouten.csv', 'decielen', 'ingelezen', 9, 0, 2, 7, 'kolommen niet gelezen: opmerking'],
    ]);
    const s = await snapshot();
    expect(s.deciles.filter((d) => (d as { municipality: string }).municipality === '1708')).toEqual([
      { municipality: '1708', year: 2022, kind: 'inkomen', decile: 5, source: null },
      { municipality: '1708', year: 2023, kind: 'inkomen', decile: 5, source: null },
      { municipality: '1708', year: 2023, kind: 'kinderarmoede', decile: 5, source: null },
    ]);
    expect(s.quarantine).toHaveLength(7);
    expect(s.quarantine[1]).toEqual({
      file_name: 'decielen-fouten.csv',
      record_no: 4,
      field: 'gemeentecode',
      reason: 'gemeente 0003 bestaat niet meer (opgegaan in 1979); geef de decielen van 1979',
    });
    expect(await readDeciles(store, 2022)).toEqual(
      new Map([
        ['0150', { inkomen: 4, kinderarmoede: 9 }],
        ['1708', { inkomen: 5 }],
      ]),
    );
    // The latest year with every decile asked: 1708 has no child-poverty decile in 2022.
    expect(await latestDeciles(store, '1708', ['inkomen', 'kinderarmoede'], 2022)).toBeNull();
    expect(await latestDeciles(store, '1708', ['inkomen'], 2022)).toEqual({ year: 2022, deciles: { inkomen: 5 } });
    expect(await latestDeciles(store, '0150', ['inkomen', 'kinderarmoede'])).toEqual({
      year: 2023,
      deciles: { inkomen: 4, kinderarmoede: 8 },
    });
  });

  it('skips the same file the second time and changes nothing', async () => {
    await importCbsPaths(store, [fixture('decielen-2023.csv')]);
    const before = await snapshot();
    const [again] = await importCbsPaths(store, [fixture('decielen-2023.csv')]);
    expect([again!.status, again!.note]).toEqual(['overgeslagen', 'al eerder ingelezen']);
    expect(await snapshot()).toEqual(before);
  });

  it('a failure halfway leaves the store as it was, import log and quarantine included', async () => {
    await importCbsPaths(store, [fixture('decielen-2023.csv')]);
    const before = await snapshot();
    // The second decile breaks the store's rule 1–10 (which the parser never lets through): refused after the first
    // was written.
    const records = [
      { line: 2, municipality: '0150', year: 2023, deciles: { inkomen: 1 as Decile }, source: null },
      { line: 3, municipality: '1708', year: 2023, deciles: { inkomen: 12 as Decile }, source: null },
    ];
    const problem = { file: 'x.csv', record: 4, field: null, reason: 'geen enkel deciel ingevuld' };
    await expect(
      storeDeciles(store, { fileId: 'f'.repeat(64), fileName: 'x.csv', total: 3 }, records, [problem]),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
