// Importing CBS tables into a real store: what lands, that the same download changes nothing the second time, that a
// newer download replaces only the cells it changes, and that a failure halfway leaves the store as it was.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store, sql } from '../store/index.ts';
import { importCbsPaths, storeDownload } from './import.ts';
import { readTableFiles } from './cbs/files.ts';
import { parseCbsTable } from './cbs/parse.ts';

const FIXTURES = new URL('../../test/fixtures/cbs/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
});
afterEach(() => store.close());

/** Everything the import writes, to compare before and after. */
async function snapshot() {
  return {
    observations: await store.all(sql`SELECT * EXCLUDE (file_id) FROM cbs_observation ORDER BY ALL`),
    measures: await store.all(sql`SELECT * FROM cbs_measure ORDER BY ALL`),
    categories: await store.all(sql`SELECT * FROM cbs_category ORDER BY ALL`),
    log: await store.all(sql`SELECT file_id, file_name, kind, records_total, records_ok, status FROM import_file ORDER BY ALL`),
    quarantine: await store.all(sql`SELECT * EXCLUDE (quarantined_at) FROM quarantine ORDER BY ALL`),
  };
}

describe('importCbsPaths', () => {
  it('stores every cell of each table, missing cells as NULL with their reason', async () => {
    const reports = await importCbsPaths(store, [fixture('85097NED'), fixture('83454NED'), fixture('03759ned')]);
    expect(reports.map((r) => [r.fileName, r.table, r.status, r.total, r.ok, r.unchanged, r.quarantined])).toEqual([
      ['85097NED/TypedDataSet.json', '85097NED', 'ingelezen', 24, 24, 0, 0],
      ['83454NED/TypedDataSet.json', '83454NED', 'ingelezen', 6, 6, 0, 0],
      ['03759ned/TypedDataSet.json', '03759ned', 'ingelezen', 4, 4, 0, 0],
    ]);
    expect(
      await store.all(sql`SELECT region, region_title, period, period_kind, cbs_period, period_status, value, status
                            FROM cbs_observation WHERE table_id = '85097NED' AND measure_key = 'JeugdhulpMetVerblijf_3'
                           ORDER BY region, cbs_period`),
    ).toEqual([
      {
        region: 'GM0150',
        region_title: 'Deventer',
        period: '2020-H1',
        period_kind: 'halfjaar',
        cbs_period: '2020HJ01',
        period_status: 'Definitief',
        value: 275,
        status: 'waarde',
      },
      {
        region: 'GM0150',
        region_title: 'Deventer',
        period: '2020-H2',
        period_kind: 'halfjaar',
        cbs_period: '2020HJ02',
        period_status: 'Definitief',
        value: null,
        status: 'leeg',
      },
      {
        region: 'GM0193',
        region_title: 'Zwolle',
        period: '2021-H1',
        period_kind: 'halfjaar',
        cbs_period: '2021HJ01',
        period_status: 'Voorlopig',
        value: null,
        status: 'leeg',
      },
      {
        region: 'GM1708',
        region_title: 'Steenwijkerland',
        period: '2020-H1',
        period_kind: 'halfjaar',
        cbs_period: '2020HJ01',
        period_status: 'Definitief',
        value: 95,
        status: 'waarde',
      },
      {
        region: 'GM1708',
        region_title: 'Steenwijkerland',
        period: '2020',
        period_kind: 'jaar',
        cbs_period: '2020JJ00',
        period_status: 'Definitief',
        value: 130,
        status: 'waarde',
      },
      {
        region: 'NL01',
        region_title: 'Nederland',
        period: '2020-H1',
        period_kind: 'halfjaar',
        cbs_period: '2020HJ01',
        period_status: 'Definitief',
        value: 40630,
        status: 'waarde',
      },
    ]);
    expect(
      await store.all(sql`SELECT region, dims, value FROM cbs_observation WHERE table_id = '03759ned' ORDER BY region, dims`),
    ).toEqual([
      { region: 'GM0150', dims: 'Geslacht=T001038;Leeftijd=10000', value: 99941 },
      { region: 'GM0150', dims: 'Geslacht=T001038;Leeftijd=22000', value: 20145 },
      { region: 'GM1708', dims: 'Geslacht=T001038;Leeftijd=10000', value: 43931 },
      { region: 'GM1708', dims: 'Geslacht=T001038;Leeftijd=22000', value: 8870 },
    ]);
    expect(await store.all(sql`SELECT * FROM cbs_measure WHERE table_id = '83454NED' ORDER BY measure_key`)).toEqual([
      {
        table_id: '83454NED',
        measure_key: 'LastenJeugdhulpPerInwoner_2',
        title: 'Lasten jeugdhulp per inwoner',
        path: 'Lasten jeugdhulp > Lasten jeugdhulp per inwoner',
        unit: 'euro',
        decimals: 0,
      },
      {
        table_id: '83454NED',
        measure_key: 'LastenJeugdhulp_1',
        title: 'Lasten jeugdhulp totaal',
        path: 'Lasten jeugdhulp > Lasten jeugdhulp totaal',
        unit: 'x 1 000 euro',
        decimals: 0,
      },
    ]);
  });

  it('skips a download it has read before (alone or in a folder of tables): the store stays exactly as it was', async () => {
    await importCbsPaths(store, [fixture('85097NED')]);
    const before = await snapshot();
    const again = await importCbsPaths(store, [FIXTURES]);
    // The folder of folders: the four downloads, the one read before skipped.
    expect(again.map((r) => [r.fileName, r.status, r.note ?? ''])).toEqual([
      ['03759ned/TypedDataSet.json', 'ingelezen', ''],
      ['83454NED/TypedDataSet.json', 'ingelezen', ''],
      ['85097NED/TypedDataSet.json', 'overgeslagen', 'al eerder ingelezen'],
      ['85097NED-csv/UntypedDataSet.csv', 'ingelezen', ''],
    ]);
    const after = await snapshot();
    expect(after.log.length).toBe(before.log.length + 3);
    // The same bytes once more, now alone: nothing at all changes.
    expect((await importCbsPaths(store, [fixture('85097NED')]))[0]!.status).toBe('overgeslagen');
    expect(await snapshot()).toEqual(after);
  });

  it('a newer download replaces only the cells it changes, keeps earlier titles, and quarantines what it cannot read', async () => {
    await importCbsPaths(store, [fixture('85097NED')]);
    const [csv] = await importCbsPaths(store, [fixture('85097NED-csv')]);
    expect([csv!.total, csv!.ok, csv!.unchanged, csv!.quarantined]).toEqual([19, 8, 11, 2]);
    expect(
      await store.all(sql`SELECT region, cbs_period, region_title, period_status, value, status FROM cbs_observation
                           WHERE measure_key = 'JeugdhulpMetVerblijf_3' AND region IN ('GM0150', 'GM1708') ORDER BY ALL`),
    ).toEqual([
      {
        region: 'GM0150',
        cbs_period: '2020HJ01',
        region_title: 'Deventer',
        period_status: 'Definitief',
        value: 275,
        status: 'waarde',
      },
      {
        region: 'GM0150',
        cbs_period: '2020HJ02',
        region_title: 'Deventer',
        period_status: 'Definitief',
        value: null,
        status: 'geheim',
      },
      {
        region: 'GM1708',
        cbs_period: '2020HJ01',
        region_title: 'Steenwijkerland',
        period_status: 'Definitief',
        value: null,
        status: 'onbekend',
      },
      {
        region: 'GM1708',
        cbs_period: '2020JJ00',
        region_title: 'Steenwijkerland',
        period_status: 'Definitief',
        value: 130,
        status: 'waarde',
      },
    ]);
    expect(
      await store.all(sql`SELECT file_name, record_no, field, reason FROM quarantine WHERE NOT resolved ORDER BY record_no`),
    ).toEqual([
      {
        file_name: '85097NED-csv/UntypedDataSet.csv',
        record_no: 6,
        field: 'Perioden',
        reason: "'2021HJ03': volgnummer 03 past niet bij periodesoort HJ",
      },
      {
        file_name: '85097NED-csv/UntypedDataSet.csv',
        record_no: 7,
        field: 'JeugdhulpZonderVerblijf_2',
        reason: "'n/a' is geen getal en geen CBS-teken (., x, .., -)",
      },
    ]);
  });

  it('a failure halfway through a table leaves the store as it was, import log included', async () => {
    await importCbsPaths(store, [fixture('83454NED')]);
    const before = await snapshot();
    const { table, problems } = parseCbsTable(readTableFiles(fixture('03759ned')));
    // The last cell breaks the table's rule "no value means a reason" (which the parser never lets through), so the
    // database refuses it after the measures and the other cells were written.
    const broken = {
      ...table,
      observations: [...table.observations, { ...table.observations[0]!, region: 'GM0001', missing: 'x' as never }],
    };
    await expect(
      storeDownload(store, { fileId: 'f'.repeat(64), fileName: '03759ned/TypedDataSet.json' }, broken, problems),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('reads a table once when its files are given one by one (roer benchmark import 85097NED/*)', async () => {
    const files = ['DataProperties.json', 'Perioden.json', 'RegioS.json', 'TypedDataSet.json'].map((f) =>
      join(fixture('85097NED'), f),
    );
    expect((await importCbsPaths(store, files)).map((r) => [r.fileName, r.status, r.total])).toEqual([
      ['85097NED/TypedDataSet.json', 'ingelezen', 24],
    ]);
  });

  it('refuses a download whose metadata is wrong, logs the refusal and stores nothing of it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'roer-cbs-')), '83454NED');
    cpSync(fixture('83454NED'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'DataProperties.json'),
      '[{"Type":"GeoDimension","Key":"RegioS"},{"Type":"TimeDimension","Key":"Perioden"}]',
    );
    const [r] = await importCbsPaths(store, [join(dir, 'TypedDataSet.json')]);
    expect([r!.fileName, r!.status, r!.note]).toEqual([
      '83454NED/TypedDataSet.json',
      'geweigerd',
      '83454NED/DataProperties.json: geen enkele maatstaf (Topic)',
    ]);
    expect(await store.all(sql`SELECT file_name, status, note FROM import_file`)).toEqual([
      {
        file_name: '83454NED/TypedDataSet.json',
        status: 'geweigerd',
        note: '83454NED/DataProperties.json: geen enkele maatstaf (Topic)',
      },
    ]);
    expect(await store.one(sql`SELECT count(*) AS n FROM cbs_observation`)).toEqual({ n: 0 });
  });
});
