// The report's sentence on the multi-year baseline.
import { describe, expect, it } from 'vitest';
import { baselineSentence } from './forecast-baseline-table.ts';

const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ');

describe('baselineSentence', () => {
  it('says what the baseline costs in its last year, beside its first, with the index used', () => {
    const y = (year: number, costCents: number) => ({
      year,
      inflow: 12,
      stockMean: 12,
      stockEnd: 12,
      careDays: 4380,
      pricePerCareDayCents: 4886,
      costCents,
    });
    const view = {
      baseYear: 2018,
      indexPercent: 2.5,
      careTypes: [{ careType: 'ambulant', years: [y(2019, 210_736_00), y(2021, 302_880_00)] }],
      total: [y(2019, 210_736_00), y(2021, 302_880_00)],
    };
    expect(plain(baselineSentence(view))).toBe(
      'Bij de instroom en duur van 2018 en 2,5 % prijsindexatie per jaar kost de jeugdhulp in 2021 naar verwachting ' +
        '€ 0,30 mln (2019: € 0,21 mln).',
    );
    expect(baselineSentence({ ...view, careTypes: [], total: [] })).toBeNull();
  });
});
