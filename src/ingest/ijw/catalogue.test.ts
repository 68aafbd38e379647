// The codes Roer acts on are read from the published XSDs, not from memory: each constant is checked against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BERICHT_CODE, kindOfNamespace } from './catalogue.ts';
import { xsdEnumeration } from './enumerations.ts';
import { xsdDir } from '../../reference.ts';
import {
  CREDIT,
  DEBET,
  REDEN_WIJZIGING_VERWIJDERD,
  RETOUR_GEEN_OPMERKING,
  STATUS_AANLEVERING,
  VERWIJZER_ONBEKEND,
} from './codes.ts';

const enumeration = (type: string) => xsdEnumeration(type);

describe('iJw codes come from basisschema.xsd', () => {
  it('BerichtCode per message matches the pattern in each message XSD', () => {
    for (const [kind, code] of Object.entries(BERICHT_CODE)) {
      const xsd = readFileSync(join(xsdDir(), `${kind}.xsd`), 'utf8');
      expect(/name="BerichtCode">[^]*?<xs:pattern value="(\d+)"/.exec(xsd)![1], kind).toBe(code);
    }
  });

  it('the codes the importer acts on mean what the importer assumes', () => {
    expect(enumeration('LDT_RedenWijziging')[REDEN_WIJZIGING_VERWIJDERD]).toBe('Verwijderd');
    expect(enumeration('LDT_StatusAanlevering')).toEqual({
      [STATUS_AANLEVERING.eerste]: 'Eerste aanlevering',
      [STATUS_AANLEVERING.gewijzigd]: 'Gewijzigde aanlevering',
      [STATUS_AANLEVERING.verwijderen]: 'Verwijderen aanlevering',
      [STATUS_AANLEVERING.ongewijzigd]: 'Niet van toepassing (ongewijzigd)',
    });
    expect(enumeration('LDT_DebetCredit')).toEqual({ [CREDIT]: 'Creditbedrag en aantal', [DEBET]: 'Debetbedrag en aantal' });
    expect(enumeration('LDT_RetourCode')[RETOUR_GEEN_OPMERKING]).toBe('Geen opmerking over deze berichtklasse.');
    expect(Object.keys(enumeration('LDT_TypeVerwijzer'))).toEqual(['01', '02', '03', '04', '05', '06', '08']);
    expect(enumeration('LDT_TypeVerwijzer')[VERWIJZER_ONBEKEND]).toBeUndefined();
  });

  it('reads a code list with its meanings as the schema writes them (entities decoded)', () => {
    const codes = xsdEnumeration('LDT_RetourCode');
    expect(Object.keys(codes)).toHaveLength(59); // every <xs:enumeration> of LDT_RetourCode
    expect(codes['0611']).toBe('Het ingediende tarief komt niet overeen met het contractuele tarief');
    expect(codes['9415']).toBe('Er is StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20');
  });

  it('recognises message namespaces', () => {
    expect(kindOfNamespace('http://www.istandaarden.nl/ijw/3_2/jw301/schema')).toBe('JW301');
    expect(kindOfNamespace('http://www.istandaarden.nl/ijw/3_2/jw303/schema')).toBeUndefined();
    expect(kindOfNamespace('http://www.istandaarden.nl/ijw/3_1/jw301/schema')).toBeUndefined();
  });
});
