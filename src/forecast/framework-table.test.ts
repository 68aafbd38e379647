// The framework's sentence and table (report and dashboard alike) on the regional plan's framework (issue 17), € mln as
// in the plan: the cost-line kinds as their own labelled columns, a kind not imported shown as unknown, never € 0.
import { describe, expect, it } from 'vitest';
import { framework } from './framework.ts';
import { frameworkSentence, frameworkTable } from './framework-table.ts';
import type { FrameworkViewYear } from './framework-view.ts';
import { mln, PLAN_FRAMEWORK } from './regional-plan.fixture.ts';

/**
 * The plan's years: 2019 realised (invoices 110, access team 2.5, prevention imported as 0); 2020 invoiced 50 but the
 * access team not imported (so the realised cost is unknown); later years nothing yet.
 */
const years: FrameworkViewYear[] = framework(PLAN_FRAMEWORK).map((y) => {
  if (y.year === 2019)
    return {
      ...y,
      invoicedCents: mln(110),
      costLines: { toegang: mln(2.5), preventie: 0 },
      costLinesCents: mln(2.5),
      realisedCents: mln(112.5),
      gapCents: mln(112.5) - mln(114.7),
    };
  if (y.year === 2020)
    return {
      ...y,
      invoicedCents: mln(50),
      costLines: { toegang: null, preventie: 0 },
      costLinesCents: null,
      realisedCents: null,
      gapCents: null,
    };
  return {
    ...y,
    invoicedCents: null,
    costLines: { toegang: null, preventie: null },
    costLinesCents: null,
    realisedCents: null,
    gapCents: null,
  };
});
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

  it('gives the invoices alone, not as the realised cost, when a cost-line kind is not imported', () => {
    expect(plain(frameworkSentence(years, 2020))).toBe(
      'In 2020 zijn de jaarkosten volgens het kader € 109,70 mln en de nettokosten € 100,20 mln. Gedeclareerd is ' +
        '€ 50,00 mln; het hele gerealiseerde is onbekend omdat niet alle kostenregels buiten de declaraties zijn ingelezen.',
    );
  });
});

describe('frameworkTable', () => {
  it('gives the cost-line kinds their own labelled column, and unknown as null (shown as –), never 0', () => {
    const t = frameworkTable(years);
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
      'Preventie',
      'Gerealiseerd',
      'Afstand tot pad',
    ]);
    expect(t.rows[0]).toMatchObject({
      year: '2019',
      invoiced: 110_000_000,
      cost_toegang: 2_500_000,
      cost_preventie: 0,
      realised: 112_500_000,
      gap: -2_200_000,
    });
    // 2020: the access team not imported is unknown (null), the imported zero of prevention stays € 0.
    expect(t.rows[1]).toMatchObject({
      year: '2020',
      invoiced: 50_000_000,
      cost_toegang: null,
      cost_preventie: 0,
      realised: null,
      gap: null,
    });
    expect(t.rows[3]).toMatchObject({
      year: '2022',
      year_cost: 100_000_000,
      contribution: null,
      net_cost: null,
      invoiced: null,
      cost_toegang: null,
      realised: null,
    });
  });
});
