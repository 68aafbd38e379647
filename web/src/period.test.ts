// The period picker's periods as dates: every page asks the API for exactly these days.
import { describe, expect, it } from 'vitest';
import {
  type DataSpan,
  isOneYear,
  parsePeriodToken,
  periodLabel,
  periodRange,
  periodToken,
  previousLabel,
  previousPeriod,
} from './period.ts';

/** Data from 2015 up to and including November 2024. */
const span: DataSpan = { from: 2015, to: 2024, lastMonth: '2024-11' };

describe('periodRange', () => {
  it('whole years run from 1 January to 31 December', () => {
    expect(periodRange({ kind: 'years', from: 2016, to: 2018 }, span)).toEqual({ from: '2016-01-01', to: '2018-12-31' });
  });
  it('a quarter is its three months', () => {
    expect(periodRange({ kind: 'quarter', year: 2018, quarter: 1 }, span)).toEqual({ from: '2018-01-01', to: '2018-03-31' });
    expect(periodRange({ kind: 'quarter', year: 2018, quarter: 2 }, span)).toEqual({ from: '2018-04-01', to: '2018-06-30' });
    expect(periodRange({ kind: 'quarter', year: 2018, quarter: 4 }, span)).toEqual({ from: '2018-10-01', to: '2018-12-31' });
  });
  it('a month ends on its last day, leap years included', () => {
    expect(periodRange({ kind: 'month', year: 2024, month: 2 }, span)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange({ kind: 'month', year: 2023, month: 2 }, span)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
  it("year-to-date runs from 1 January of the data's last year to the end of its last month", () => {
    expect(periodRange({ kind: 'ytd' }, span)).toEqual({ from: '2024-01-01', to: '2024-11-30' });
    expect(periodRange({ kind: 'ytd' }, { ...span, lastMonth: '2024-12' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
  it('year-to-date without a known last month is the last year', () => {
    expect(periodRange({ kind: 'ytd' }, { ...span, lastMonth: '' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});

describe('previousPeriod: the same stretch a year earlier', () => {
  it('one year against the year before; three years against the three before', () => {
    expect(previousPeriod({ kind: 'years', from: 2018, to: 2018 }, span)).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(previousPeriod({ kind: 'years', from: 2016, to: 2018 }, span)).toEqual({ from: '2013-01-01', to: '2015-12-31' });
  });
  it('a quarter or month against the same one a year earlier (February of a leap year ends on the 28th before)', () => {
    expect(previousPeriod({ kind: 'quarter', year: 2018, quarter: 2 }, span)).toEqual({ from: '2017-04-01', to: '2017-06-30' });
    expect(previousPeriod({ kind: 'month', year: 2024, month: 2 }, span)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
  it('year-to-date against the same months of the year before', () => {
    expect(previousPeriod({ kind: 'ytd' }, span)).toEqual({ from: '2023-01-01', to: '2023-11-30' });
  });
});

describe('labels', () => {
  it('names each period in Dutch', () => {
    expect(periodLabel({ kind: 'years', from: 2018, to: 2018 }, span)).toBe('2018');
    expect(periodLabel({ kind: 'years', from: 2016, to: 2018 }, span)).toBe('2016–2018');
    expect(periodLabel({ kind: 'quarter', year: 2018, quarter: 2 }, span)).toBe('2e kwartaal 2018');
    expect(periodLabel({ kind: 'month', year: 2018, month: 5 }, span)).toBe('mei 2018');
    expect(periodLabel({ kind: 'ytd' }, span)).toBe('2024 t/m november');
  });
  it('names the comparison period', () => {
    expect(previousLabel({ kind: 'years', from: 2018, to: 2018 }, span)).toBe('2017');
    expect(previousLabel({ kind: 'years', from: 2016, to: 2018 }, span)).toBe('2013–2015');
    expect(previousLabel({ kind: 'quarter', year: 2018, quarter: 2 }, span)).toBe('2e kwartaal 2017');
    expect(previousLabel({ kind: 'ytd' }, span)).toBe('2023 t/m november');
  });
  it('knows one whole year', () => {
    expect(isOneYear({ kind: 'years', from: 2018, to: 2018 })).toBe(true);
    expect(isOneYear({ kind: 'years', from: 2017, to: 2018 })).toBe(false);
    expect(isOneYear({ kind: 'ytd' })).toBe(false);
  });
});

describe('URL tokens', () => {
  it('round-trip quarter, month and year-to-date', () => {
    for (const p of [
      { kind: 'quarter', year: 2018, quarter: 3 },
      { kind: 'month', year: 2018, month: 11 },
      { kind: 'ytd' },
    ] as const)
      expect(parsePeriodToken(periodToken(p))).toEqual(p);
    expect(periodToken({ kind: 'month', year: 2018, month: 5 })).toBe('2018-05');
  });
  it('refuse anything else', () => {
    for (const bad of ['2018-Q5', '2018-Q0', '2018-13', '2018-00', '18-05', 'YTD', '2018', '', '<script>', null])
      expect(parsePeriodToken(bad)).toBeUndefined();
  });
});
