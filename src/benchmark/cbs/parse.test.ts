// The CBS parser on small tables in exactly CBS's format (test/fixtures/cbs, described in its README).
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefusedFile, RoerError } from '../../errors.ts';
import { readTableFiles } from './files.ts';
import { resolveMeasure } from './measure.ts';
import { parseCbsTable } from './parse.ts';
import type { CbsObservation } from './types.ts';

const FIXTURES = new URL('../../../test/fixtures/cbs/', import.meta.url).pathname;
const parse = (folder: string) => parseCbsTable(readTableFiles(join(FIXTURES, folder)));
const brief = (o: CbsObservation) => [o.region, o.period.key, o.measure.key, o.value ?? o.missing];

describe('parseCbsTable: the TypedDataSet JSON with its metadata', () => {
  const { table, problems } = parse('85097NED');

  it('names the table from the OData address and every measure from DataProperties, with its group path', () => {
    expect(table.id).toBe('85097NED');
    expect(table.measures.map((m) => [m.key, m.path, m.unit, m.decimals])).toEqual([
      ['TotaalJongerenMetJeugdhulp_1', 'Jongeren met jeugdhulp > Totaal jongeren met jeugdhulp', 'aantal', 0],
      ['JeugdhulpZonderVerblijf_2', 'Jongeren met jeugdhulp > Jeugdhulp zonder verblijf', 'aantal', 0],
      ['JeugdhulpMetVerblijf_3', 'Jongeren met jeugdhulp > Jeugdhulp met verblijf', 'aantal', 0],
      ['JeugdhulpZonderVerblijf_4', 'Relatief > Jeugdhulp zonder verblijf', '%', 1],
    ]);
    expect(problems).toEqual([]);
  });

  it('trims the padded region keys, types the periods and keeps null cells missing', () => {
    expect(table.observations).toHaveLength(6 * 4);
    const deventer = table.observations.filter((o) => o.region === 'GM0150');
    expect(deventer.map(brief)).toEqual([
      ['GM0150', '2020-H1', 'TotaalJongerenMetJeugdhulp_1', 2165],
      ['GM0150', '2020-H1', 'JeugdhulpZonderVerblijf_2', 1960],
      ['GM0150', '2020-H1', 'JeugdhulpMetVerblijf_3', 275],
      ['GM0150', '2020-H1', 'JeugdhulpZonderVerblijf_4', 10.2],
      ['GM0150', '2020-H2', 'TotaalJongerenMetJeugdhulp_1', 2210],
      ['GM0150', '2020-H2', 'JeugdhulpZonderVerblijf_2', 2005],
      ['GM0150', '2020-H2', 'JeugdhulpMetVerblijf_3', 'leeg'],
      ['GM0150', '2020-H2', 'JeugdhulpZonderVerblijf_4', 10.4],
    ]);
    expect(deventer[0]!.regionTitle).toBe('Deventer');
    expect(deventer[6]).toMatchObject({ value: null, missing: 'leeg', record: 3 });
    const zwolle = table.observations.filter((o) => o.region === 'GM0193');
    expect(zwolle.every((o) => o.value === null && o.missing === 'leeg')).toBe(true);
    expect(zwolle[0]!.period).toEqual({
      cbs: '2021HJ01',
      key: '2021-H1',
      year: 2021,
      kind: 'halfjaar',
      index: 1,
      title: '2021 1e halfjaar*',
      status: 'Voorlopig',
    });
    const year = table.observations.find((o) => o.region === 'GM1708' && o.period.kind === 'jaar')!;
    expect(year.period.key).toBe('2020');
  });

  it('resolves measures by key or title; an ambiguous title needs its group', () => {
    expect(resolveMeasure(table.measures, 'Jeugdhulp met verblijf').key).toBe('JeugdhulpMetVerblijf_3');
    expect(resolveMeasure(table.measures, 'relatief > jeugdhulp  zonder verblijf').key).toBe('JeugdhulpZonderVerblijf_4');
    expect(resolveMeasure(table.measures, 'JeugdhulpZonderVerblijf_2').title).toBe('Jeugdhulp zonder verblijf');
    expect(() => resolveMeasure(table.measures, 'Jeugdhulp zonder verblijf')).toThrow(
      "De maatstaf 'Jeugdhulp zonder verblijf' is niet eenduidig: 'Jongeren met jeugdhulp > Jeugdhulp zonder verblijf', " +
        "'Relatief > Jeugdhulp zonder verblijf'",
    );
    expect(() => resolveMeasure(table.measures, 'Pleegzorg')).toThrow(RoerError);
  });
});

describe('parseCbsTable: the CSV download', () => {
  const { table, problems } = parse('85097NED-csv');

  it('reads the padded text cells; CBS symbols, footnotes and empty cells stay missing with their reason', () => {
    expect(table.id).toBe('85097NED');
    expect(table.title).toBe('Jeugdzorg; jongeren, regio (indeling 2020), halfjaar');
    const at = (region: string, period: string) =>
      table.observations.filter((o) => o.region === region && o.period.cbs === period).map((o) => o.value ?? o.missing);
    expect(at('GM0150', '2020HJ01')).toEqual([2165, 1960, 275, 10.2]);
    expect(at('GM0150', '2020HJ02')).toEqual([2210, 2005, 'geheim', 10.4]);
    expect(at('GM1708', '2020HJ01')).toEqual([905, 840, 'onbekend', 10.1]);
    expect(at('GM0193', '2021HJ01')).toEqual(['leeg', 'nog niet beschikbaar', 'nihil', 'voetnoot']);
  });

  it('reports what it cannot read with file, line, field and reason, and keeps the rest of the record', () => {
    expect(problems).toEqual([
      {
        file: '85097NED-csv/UntypedDataSet.csv',
        record: 6,
        field: 'Perioden',
        reason: "'2021HJ03': volgnummer 03 past niet bij periodesoort HJ",
      },
      {
        file: '85097NED-csv/UntypedDataSet.csv',
        record: 7,
        field: 'JeugdhulpZonderVerblijf_2',
        reason: "'n/a' is geen getal en geen CBS-teken (., x, .., -)",
      },
    ]);
    const zwolle = table.observations.filter((o) => o.region === 'GM0193' && o.period.cbs === '2020HJ01');
    expect(zwolle.map((o) => o.value)).toEqual([2880, 330, 11]);
  });
});

describe('parseCbsTable: other tables', () => {
  it('reads the bare lists cbsodata saves, naming the table after its folder (83454NED, costs)', () => {
    const { table } = parse('83454NED');
    expect(table.id).toBe('83454NED');
    const perInhabitant = resolveMeasure(table.measures, 'Lasten jeugdhulp per inwoner');
    expect(
      table.observations.filter((o) => o.measure === perInhabitant).map((o) => [o.region, o.period.key, o.value ?? o.missing]),
    ).toEqual([
      ['GM0150', '2019', 210],
      ['GM1708', '2019', 239],
      ['GM1708', '2020', 'leeg'],
    ]);
  });

  it('keeps the extra dimensions of 03759ned (population by age), trimmed, with the titles of their categories', () => {
    const { table } = parse('03759ned');
    expect(table.categories).toEqual(
      new Map([
        [
          'Geslacht',
          new Map([
            ['T001038', 'Totaal mannen en vrouwen'],
            ['3000', 'Mannen'],
            ['4000', 'Vrouwen'],
          ]),
        ],
        [
          'Leeftijd',
          new Map([
            ['10000', 'Totaal leeftijd'],
            ['22000', '0 tot 20 jaar'],
          ]),
        ],
      ]),
    );
    expect(table.observations.map((o) => [o.region, o.dims, o.value])).toEqual([
      ['GM0150', { Geslacht: 'T001038', Leeftijd: '10000' }, 99941],
      ['GM0150', { Geslacht: 'T001038', Leeftijd: '22000' }, 20145],
      ['GM1708', { Geslacht: 'T001038', Leeftijd: '10000' }, 43931],
      ['GM1708', { Geslacht: 'T001038', Leeftijd: '22000' }, 8870],
    ]);
  });
});

describe('parseCbsTable: metadata as CSV', () => {
  it('reads DataProperties, RegioS and Perioden from CSV files just as from JSON', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'roer-cbs-')), '83454NED');
    cpSync(join(FIXTURES, '83454NED', 'TypedDataSet.json'), join(dir, 'TypedDataSet.json'));
    writeFileSync(
      join(dir, 'DataProperties.csv'),
      '"ID";"Position";"ParentID";"Type";"Key";"Title";"Datatype";"Unit";"Decimals"\r\n' +
        '"0";"0";"";"GeoDimension";"RegioS";"Regio\'s";"";"";""\r\n' +
        '"1";"1";"";"TimeDimension";"Perioden";"Perioden";"";"";""\r\n' +
        '"2";"2";"";"TopicGroup";"";"Lasten jeugdhulp";"";"";""\r\n' +
        '"3";"3";"2";"Topic";"LastenJeugdhulp_1";"Lasten jeugdhulp totaal";"Double";"x 1 000 euro";"0"\r\n' +
        '"4";"4";"2";"Topic";"LastenJeugdhulpPerInwoner_2";"Lasten jeugdhulp per inwoner";"Double";"euro";"0"\r\n',
    );
    writeFileSync(join(dir, 'RegioS.csv'), '"Key";"Title"\r\n"GM0150    ";"Deventer"\r\n"GM1708    ";"Steenwijkerland"\r\n');
    writeFileSync(
      join(dir, 'Perioden.csv'),
      '"Key";"Title";"Status"\r\n"2019JJ00";"2019";"Definitief"\r\n"2020JJ00";"2020*";"Voorlopig"\r\n',
    );
    const fromCsv = parseCbsTable(readTableFiles(dir));
    const fromJson = parse('83454NED');
    expect(fromCsv.problems).toEqual([]);
    expect(fromCsv.table.measures).toEqual(fromJson.table.measures);
    expect(fromCsv.table.observations.map(brief)).toEqual(fromJson.table.observations.map(brief));
    expect(fromCsv.table.observations[0]!.regionTitle).toBe('Deventer');
  });
});

describe('parseCbsTable: refused files', () => {
  const copy = (folder: string) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'roer-cbs-')), folder);
    cpSync(join(FIXTURES, folder), dir, { recursive: true });
    return dir;
  };

  it('refuses a column DataProperties does not declare', () => {
    const dir = copy('83454NED');
    writeFileSync(join(dir, 'TypedDataSet.json'), '[{"ID":0,"RegioS":"GM0150","Perioden":"2019JJ00","Onbekend_9":1}]');
    expect(() => parseCbsTable(readTableFiles(dir))).toThrow(
      "83454NED/TypedDataSet.json: kolom 'Onbekend_9' staat niet in 83454NED/DataProperties.json",
    );
  });

  it('refuses metadata without a region dimension, and a data file without DataProperties beside it', () => {
    const dir = copy('83454NED');
    writeFileSync(
      join(dir, 'DataProperties.json'),
      '[{"Type":"TimeDimension","Key":"Perioden"},{"Type":"Topic","Key":"A_1","Title":"A","Datatype":"Long"}]',
    );
    const e = (() => {
      try {
        parseCbsTable(readTableFiles(dir));
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(RefusedFile);
    expect((e as RefusedFile).message).toBe(
      '83454NED/DataProperties.json: geen regiodimensie (GeoDimension, bijv. RegioS): Roer vergelijkt gemeenten',
    );
    const lonely = mkdtempSync(join(tmpdir(), 'roer-cbs-'));
    writeFileSync(join(lonely, 'TypedDataSet.json'), '[]');
    expect(() => readTableFiles(lonely)).toThrow(
      /^roer-cbs-\w+\/TypedDataSet\.json: DataProperties\.json \(of \.csv\) ontbreekt naast het bestand$/,
    );
  });

  it('reports a category its dimension list does not have', () => {
    const dir = copy('03759ned');
    writeFileSync(
      join(dir, 'TypedDataSet.json'),
      '[{"Geslacht":"T001038","Leeftijd":"99999","RegioS":"GM0150","Perioden":"2020JJ00","BevolkingOp1Januari_1":1}]',
    );
    expect(parseCbsTable(readTableFiles(dir)).problems).toEqual([
      {
        file: '03759ned/TypedDataSet.json',
        record: 1,
        field: 'Leeftijd',
        reason: "categorie '99999' staat niet in 03759ned/Leeftijd.json",
      },
    ]);
  });

  it('reports a region or period the metadata does not list, and a repeated observation', () => {
    const dir = copy('83454NED');
    writeFileSync(
      join(dir, 'TypedDataSet.json'),
      JSON.stringify([
        { RegioS: 'GM9999    ', Perioden: '2019JJ00', LastenJeugdhulp_1: 1 },
        { RegioS: 'GM0150    ', Perioden: '2018JJ00', LastenJeugdhulp_1: 1 },
        { RegioS: 'GM0150    ', Perioden: '2019JJ00', LastenJeugdhulp_1: 1 },
        { RegioS: 'GM0150', Perioden: '2019JJ00', LastenJeugdhulp_1: 2 },
      ]),
    );
    const { table, problems } = parseCbsTable(readTableFiles(dir));
    expect(problems.map((p) => [p.record, p.field, p.reason])).toEqual([
      [1, 'RegioS', "regio 'GM9999' staat niet in 83454NED/RegioS.json"],
      [2, 'Perioden', "periode '2018JJ00' staat niet in 83454NED/Perioden.json"],
      [4, 'RegioS', 'regio GM0150, periode 2019JJ00 komt al eerder voor in dit bestand'],
    ]);
    expect(table.observations.map((o) => o.value)).toEqual([1]);
  });
});
