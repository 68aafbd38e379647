// libxml2's complaints become Dutch reasons naming the element, and never repeat a BSN or other personal value.
import { describe, expect, it } from 'vitest';
import { parseSchemaError } from './schema-errors.ts';

const NS = '{http://www.istandaarden.nl/ijw/3_2/jw301/schema}';
const err = (m: string) => parseSchemaError(7, `Schemas validity error : ${m}`);

describe('parseSchemaError', () => {
  it('translates the common complaints', () => {
    expect(err(`Element '${NS}Einddatum': '2027-06-31' is not a valid value of the atomic type '{x}LDT_Datum'.`)).toEqual({
      line: 7,
      field: 'Einddatum',
      reason: "'2027-06-31' is geen geldige waarde voor een datum",
    });
    expect(err(`Element '${NS}Omvang': Missing child element(s). Expected is ( {x}Frequentie ).`)).toEqual({
      line: 7,
      field: 'Omvang',
      reason: 'verplicht element ontbreekt: Frequentie',
    });
    expect(
      err(`Element '${NS}Eenheid': [facet 'enumeration'] The value '99' is not an element of the set {'01', '04'}.`).reason,
    ).toBe("'99' is geen code uit de codelijst");
    expect(
      err(
        `Element '${NS}Bedrag': [facet 'maxInclusive'] The value '100000000' is greater than the maximum value allowed ('99999999').`,
      ).reason,
    ).toBe("'100000000' is te groot");
  });

  it('never repeats a BSN, name or phone number', () => {
    const bsn = err(`Element '${NS}Bsn': [facet 'pattern'] The value '12345678' is not accepted by the pattern '[0-9]{9}'.`);
    expect(bsn).toEqual({ line: 7, field: 'Bsn', reason: 'de waarde heeft niet de vereiste vorm ([0-9]{9})' });
    const name = err(
      `Element '${NS}Achternaam': [facet 'maxLength'] The value 'Jansen-de-Vries' has a length of '200'; this exceeds the allowed maximum length of '200'.`,
    );
    expect(name.reason).not.toContain('Jansen');
    const other = err(`Element '${NS}Telefoonnummer': 'abc 0612345678' is something new.`);
    expect(other.reason).toBe("voldoet niet aan het schema: '…' is something new.");
  });
});
