// Specification of the birth date an iJw client yields: the day when given, DatumGebruik narrowing it to the month or the
// year (COD170: 1 only month and year known, 2 only the year, 3 unknown).
import { describe, expect, it } from 'vitest';
import { birthDate } from './walk.ts';

const client = (date: string | null, use?: string) => ({
  clientId: 'x',
  birthDate: date,
  sex: null,
  ...(use ? { birthDateUse: use } : {}),
});

describe('birthDate', () => {
  it('keeps the day (ages are counted to the day), 29 February included', () => {
    expect(birthDate(client('2005-07-15'))).toBe('2005-07-15');
    expect(birthDate(client('2004-02-29'))).toBe('2004-02-29');
  });

  it('honours DatumGebruik: 1 gives the 1st of the month, 2 gives 1 January, 3 gives nothing', () => {
    expect([
      birthDate(client('2005-07-15', '1')),
      birthDate(client('2005-07-15', '2')),
      birthDate(client('2005-07-15', '3')),
    ]).toEqual(['2005-07-01', '2005-01-01', null]);
  });

  it('gives nothing for a missing or malformed date', () => {
    expect([birthDate(client(null)), birthDate(client('15-07-2005'))]).toEqual([null, null]);
  });
});
