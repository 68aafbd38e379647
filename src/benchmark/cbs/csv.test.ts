import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';

describe('readCsv', () => {
  it('reads quoted semicolon CSV with padded values, CRLF and a BOM, keeping line numbers', () => {
    const r = readCsv('\ufeff"ID";"RegioS";"Titel"\r\n"0";"GM0150    ";"De ""Ronde"" Venen"\r\n\r\n"1";"GM1708    ";"a;b"\r\n');
    expect(r.header).toEqual(['ID', 'RegioS', 'Titel']);
    expect(r.rows).toEqual([
      { line: 2, cells: ['0', 'GM0150    ', 'De "Ronde" Venen'] },
      { line: 4, cells: ['1', 'GM1708    ', 'a;b'] },
    ]);
  });

  it('takes a comma as delimiter when the header uses it', () => {
    expect(readCsv('Key,Title\nGM0150,Deventer').rows).toEqual([{ line: 2, cells: ['GM0150', 'Deventer'] }]);
  });
});
