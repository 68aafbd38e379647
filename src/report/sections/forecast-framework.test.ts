// The framework section's sentence and table on the regional plan's framework (issue 17), € mln as in the plan.
import { describe, expect, it } from 'vitest';
import { framework } from '../../forecast/framework.ts';
import type { FrameworkViewYear } from '../../forecast/framework-view.ts';
import { mln, PLAN_FRAMEWORK } from '../../forecast/regional-plan.fixture.ts';
import { baselineSentence, frameworkSentence, frameworkTable } from './forecast-framework-table.ts';

/** The plan's years, with 2019 realised: invoices 110 and the access team 2.5 (€ mln); later years not yet. */
const years: FrameworkViewYear[] = framework(PLAN_FRAMEWORK).map((y) =>
  y.year === 2019
    ? {
        ...y,
        invoicedCents: mln(110),
        costLines: { toegang: mln(2.5) },
        costLinesCents: mln(2.5),
        realisedCents: mln(112.5),
        gapCents: mln(112.5) - mln(114.7),
      }
    : { ...y, invoicedCents: 0, costLines: {}, costLinesCents: 0, realisedCents: null, gapCents: null },
);
const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ');

describe('frameworkSentence', () => {
  it('says the year cost, the net cost, the realised cost with the part outside the invoices, and the gap', () => {
    expect(plain(frameworkSentence(years, 2019))).toBe(
      'In 2019 zijn de jaarkosten volgens het kader € 114,70 mln en de nettokosten € 102,70 mln. ' +
        'Gerealiseerd is € 112,50 mln (waarvan € 2,50 mln buiten de declaraties), € 2,20 mln onder het pad.',
    );
  });

  it('never counts an unknown state contribution as 0: the net cost is unknown, at most the year cost', () => {
    expect(plain(frameworkSentence(years, 2022))).toBe(
      'In 2022 zijn de jaarkosten volgens het kader € 100,00 mln en de nettokosten onbekend omdat de rijksbijdrage ' +
        'onbekend is (hoogstens € 100,00 mln).',
    );
    expect(frameworkSentence(years, 2030)).toBeNull();
  });
});

describe('frameworkTable', () => {
  it('gives the cost-line kinds their own labelled column, and unknown as null (shown as –), never 0', () => {
    const t = frameworkTable(years, 'B1');
    if (t.kind !== 'table') throw new Error('not a table');
    expect(t.columns.map((c) => c.label)).toEqual([
      'Jaar',
      'Begroting',
      'Burap',
      'Taakstelling',
      'Jaarkosten',
      'Rijksbijdrage',
      'Nettokosten',
      'Gedeclareerd (met pgb)',
      'Toegang (eigen personeel)',
      'Gerealiseerd',
      'Afstand tot pad',
    ]);
    expect(t.rows[0]).toMatchObject({ year: '2019', cost_toegang: 2_500_000, realised: 112_500_000, gap: -2_200_000 });
    expect(t.rows[3]).toMatchObject({ year: '2022', year_cost: 100_000_000, contribution: null, net_cost: null, realised: null });
  });
});

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
