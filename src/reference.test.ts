// Which reference file Roer reads: the carried one, the newest municipality list, or the user's override.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipalityList, xsdDir } from './reference.ts';

describe('reference data', () => {
  it('reads the newest gemeenten-<year>.csv, so a list put beside the old one after the mergers of 1 January is used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-gem-'));
    for (const f of ['gemeenten-2026.csv', 'gemeenten-2027.csv', 'gemeenten-oud.csv', 'notities.txt'])
      writeFileSync(join(dir, f), '');
    expect(municipalityList({}, dir)).toBe(join(dir, 'gemeenten-2027.csv'));
  });

  it('ROER_GEMEENTEN and ROER_IJW_XSD override the carried files', () => {
    expect(municipalityList({ ROER_GEMEENTEN: '/data/gemeenten.csv' })).toBe('/data/gemeenten.csv');
    expect(xsdDir({ ROER_IJW_XSD: '/data/xsd' })).toBe('/data/xsd');
  });

  it('a folder without a list is a clear Dutch error', () => {
    expect(() => municipalityList({}, mkdtempSync(join(tmpdir(), 'roer-leeg-')))).toThrow(/Geen gemeentelijst/);
  });
});
