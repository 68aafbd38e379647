import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDecileCsv, parseDecile, parseDecileCsv, parseMunicipalityCode } from './deciles.ts';

const FIXTURES = new URL('../../test/fixtures/context/', import.meta.url).pathname;
const read = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');
const KNOWN = new Set(['0148', '0150', '0166', '0193', '1708', '1979']);

describe('parseDecileCsv', () => {
  it('reads a semicolon file with CBS codes and both deciles into typed records; "." is no decile', () => {
    const parsed = parseDecileCsv(read('decielen-2023.csv'), 'decielen-2023.csv', KNOWN);
    expect(parsed.problems).toEqual([]);
    expect([parsed.kinds, parsed.ignored]).toEqual([['inkomen', 'kinderarmoede'], []]);
    expect(parsed.records.map((r) => [r.line, r.municipality, r.year, r.deciles])).toEqual([
      [2, '0150', 2023, { inkomen: 4, kinderarmoede: 8 }],
      [3, '1708', 2023, { inkomen: 5, kinderarmoede: 5 }],
      [4, '0193', 2023, { inkomen: 6, kinderarmoede: 7 }],
      [5, '0166', 2023, { inkomen: 5, kinderarmoede: 6 }],
      [6, '0148', 2023, { inkomen: 8, kinderarmoede: 2 }],
      [7, '1979', 2023, { inkomen: 2, kinderarmoede: 9 }],
      [8, '0150', 2022, { inkomen: 4, kinderarmoede: 9 }],
      [9, '1708', 2022, { inkomen: 5 }],
    ]);
  });

  it('quarantines each bad line with its line, field and reason in Dutch, and reads the rest', () => {
    const parsed = parseDecileCsv(read('decielen-fouten.csv'), 'decielen-fouten.csv', KNOWN, new Map([['0003', '1979']]));
    expect(parsed.records.map((r) => [r.line, r.municipality, r.year, r.deciles])).toEqual([
      [2, '0150', 2023, { inkomen: 4 }],
      [10, '1708', 2023, { inkomen: 5 }],
    ]);
    expect(parsed.problems.map((p) => [p.record, p.field, p.reason])).toEqual([
      [3, 'gemeentecode', 'gemeente 0150 in 2023 staat al op regel 2'],
      [4, 'gemeentecode', 'gemeente 0003 bestaat niet meer (opgegaan in 1979); geef de decielen van 1979'],
      [5, 'gemeentecode', 'gemeente 9999 komt niet voor in de gemeentelijst'],
      [6, 'jaar', "'23' is geen jaar (bijv. 2023)"],
      [7, 'inkomensdeciel', "'11' is geen deciel (een heel getal van 1 tot en met 10)"],
      [8, null, 'geen enkel deciel ingevuld'],
      [9, 'gemeentecode', "'abc' is geen CBS-gemeentecode (bijv. GM0150 of 0150)"],
    ]);
    expect(parsed.problems.every((p) => p.file === 'decielen-fouten.csv')).toBe(true);
    expect(parsed.ignored).toEqual(['opmerking']);
  });

  it('refuses a file without a code, a year or a decile column as a whole, saying what is missing', () => {
    const parsed = parseDecileCsv('naam;deciel\nDeventer;4\n', 'x.csv', KNOWN);
    expect(parsed.records).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        file: 'x.csv',
        record: 1,
        field: null,
        reason:
          'de kopregel mist een kolom gemeentecode, een kolom jaar, een decielkolom (decielkolommen: inkomensdeciel, kinderarmoededeciel)',
      },
    ]);
  });
});

describe('the cells', () => {
  it('a decile is a whole number 1–10; empty and CBS signs are none', () => {
    expect([' 7 ', '1', '10', '', '.', 'x'].map((c) => parseDecile(c))).toEqual([
      { ok: true, value: 7 },
      { ok: true, value: 1 },
      { ok: true, value: 10 },
      { ok: true, value: null },
      { ok: true, value: null },
      { ok: true, value: null },
    ]);
    expect(['0', '11', '4,5', 'vier'].map((c) => parseDecile(c).ok)).toEqual([false, false, false, false]);
  });

  it('a municipality code as users write it', () => {
    expect(['GM0150', 'gm0150    ', '0150', '150', 'GM150', 'NL01', '12345'].map(parseMunicipalityCode)).toEqual([
      '0150',
      '0150',
      '0150',
      '0150',
      '0150',
      null,
      null,
    ]);
  });

  it('tells a decile file from a CBS download by its header', () => {
    expect(isDecileCsv(read('decielen-2023.csv'))).toBe(true);
    expect(isDecileCsv('"ID";"RegioS";"Perioden";"TotaalJongerenMetJeugdhulp_1"\n')).toBe(false);
  });
});
