// Specification of the measures register: the regional plan's fifteen rows, their naive sums and investments, exactly.
import { describe, expect, it } from 'vitest';
import type { CareTypeBaseline } from './levers.ts';
import { type Measure, OVERLAP_NOTE, bandFor, investmentTotal, naiveSum } from './measures.ts';
import { PLAN_MEASURES, mln } from './regional-plan.fixture.ts';

describe('measures register', () => {
  it('holds the plan’s fifteen rows, 1–14 with 3a and 3b', () => {
    expect(PLAN_MEASURES.map((m) => m.id)).toEqual([
      '1',
      '2',
      '3a',
      '3b',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
    ]);
  });

  it('sums naively to 0–9 (2019), 10–48 (2020), 10–63 (2021 and later), and says that overstates', () => {
    const sums = [2018, 2019, 2020, 2021, 2024].map((y) => naiveSum(PLAN_MEASURES, y));
    expect(sums).toEqual([
      { lowCents: 0, highCents: 0 },
      { lowCents: 0, highCents: mln(9) },
      { lowCents: mln(10), highCents: mln(48) },
      { lowCents: mln(10), highCents: mln(63) },
      { lowCents: mln(10), highCents: mln(63) },
    ]);
    expect(OVERLAP_NOTE).toContain('De maatregelen overlappen elkaar');
  });

  it('adds the one-off investments to € 3.2 mln', () => {
    expect(investmentTotal(PLAN_MEASURES)).toBe(320_000_000);
  });

  it('takes the band in force in a year: the last one starting at or before it', () => {
    const bands = [
      { from: 2021, low: 1, high: 5 },
      { from: 2019, low: 0, high: 1 },
    ];
    expect([2018, 2019, 2020, 2021, 2030].map((y) => bandFor(bands, y))).toEqual([
      { from: 2018, low: 0, high: 0 },
      { from: 2019, low: 0, high: 1 },
      { from: 2019, low: 0, high: 1 },
      { from: 2021, low: 1, high: 5 },
      { from: 2021, low: 1, high: 5 },
    ]);
  });

  it('sums lever measures each on its own: two 5–10 % inflow cuts sum to 10–20 % of the cost', () => {
    const base: CareTypeBaseline[] = [{ careType: 'ambulant', costCents: 1_000_000, entrants: 100 }];
    const cut = (id: string): Measure => ({
      ...PLAN_MEASURES[0]!,
      id,
      mechanisms: [{ lever: { kind: 'inflow', careType: 'ambulant' }, bands: [{ from: 2020, low: 500, high: 1_000 }] }],
    });
    expect(naiveSum([cut('a'), cut('b')], 2020, base)).toEqual({ lowCents: 100_000, highCents: 200_000 });
  });
});
