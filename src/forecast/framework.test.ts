// Specification of the financial framework: the regional plan of issue 17 (amounts in € mln), reproduced to the cent.
import { describe, expect, it } from 'vitest';
import { framework, sumFrameworks } from './framework.ts';
import { PLAN_FRAMEWORK, mln } from './regional-plan.fixture.ts';

describe('financial framework', () => {
  const years = framework(PLAN_FRAMEWORK);

  it('reproduces the plan: budget carried from last year, year cost = budget + burap − target, net = cost − contribution', () => {
    expect(
      years.map((y) => [y.year, y.budgetCents, y.budgetSource, y.yearCostCents, y.contributionCents, y.netCostCents]),
    ).toEqual([
      [2019, 104_500_000_00, 'begroting', 114_700_000_00, 12_000_000_00, 102_700_000_00],
      [2020, 114_700_000_00, 'doorgeschoven', 109_700_000_00, 9_500_000_00, 100_200_000_00],
      [2021, 109_700_000_00, 'doorgeschoven', 104_700_000_00, 9_500_000_00, 95_200_000_00],
      [2022, 104_700_000_00, 'doorgeschoven', 100_000_000_00, null, null],
    ]);
  });

  it('keeps an unknown contribution unknown, says why, and shows the plan’s 100.0 net treats it as 0', () => {
    const y2022 = years[3]!;
    expect(y2022.contributionCents).toBeNull();
    expect(y2022.netCostCents).toBeNull();
    expect(y2022.unknown).toEqual([
      'Rijksbijdrage 2022 is niet bekend; de nettokosten zijn daarom onbekend (niet als 0 gerekend).',
    ]);
    // The plan prints 100.0 as the 2022 net: that is the year cost minus a contribution of 0, i.e. only an upper bound.
    expect(y2022.netAtMostCents).toBe(mln(100.0));
    expect(y2022.yearCostCents! - 0).toBe(mln(100.0));
    expect(years.slice(0, 3).every((y) => y.unknown.length === 0)).toBe(true);
  });

  it('leaves the year cost unknown when the budget is, and a carried budget after it too', () => {
    const r = framework([
      { year: 2023, budgetCents: null, burapCents: 0, targetCents: 0, contributionCents: 100 },
      { year: 2024, budgetCents: null, carry: true, burapCents: 0, targetCents: 0, contributionCents: 100 },
    ]);
    expect(r.map((y) => [y.budgetSource, y.yearCostCents, y.netCostCents, y.netAtMostCents])).toEqual([
      ['onbekend', null, null, null],
      ['doorgeschoven', null, null, null],
    ]);
    expect(r[1]!.unknown[0]).toBe('Begroting 2024 volgt uit de jaarkosten 2023, en die zijn onbekend.');
  });

  it('refuses amounts that are not whole cents (no float drift enters)', () => {
    expect(() => framework([{ year: 2019, budgetCents: 0.5, burapCents: 0, targetCents: 0, contributionCents: 0 }])).toThrow(
      'Begroting 2019 is geen geheel aantal centen',
    );
  });

  it('sums municipalities into the region; one unknown contribution makes the region’s net unknown, naming it', () => {
    const a = framework([{ year: 2022, budgetCents: 1_000, burapCents: 200, targetCents: 100, contributionCents: 300 }]);
    const b = framework([{ year: 2022, budgetCents: 2_000, burapCents: 0, targetCents: 0, contributionCents: null }]);
    const [region] = sumFrameworks(
      new Map([
        ['0150', a],
        ['0193', b],
      ]),
    );
    expect(region).toMatchObject({
      budgetCents: 3_000,
      budgetSource: 'begroting',
      yearCostCents: 3_100,
      contributionCents: null,
      netCostCents: null,
    });
    expect(region!.netAtMostCents).toBe(800 + 2_000);
    expect(region!.unknown).toEqual([
      '0193: Rijksbijdrage 2022 is niet bekend; de nettokosten zijn daarom onbekend (niet als 0 gerekend).',
    ]);
  });

  it('calls a region’s budget carried when one municipality’s is, and unknown when one is unknown', () => {
    const set = framework([
      { year: 2020, budgetCents: 1_000, burapCents: 0, targetCents: 0, contributionCents: 0 },
      { year: 2021, budgetCents: 900, burapCents: 0, targetCents: 0, contributionCents: 0 },
    ]);
    const carried = framework([
      { year: 2020, budgetCents: 500, burapCents: 0, targetCents: 0, contributionCents: 0 },
      { year: 2021, budgetCents: null, carry: true, burapCents: 0, targetCents: 0, contributionCents: 0 },
    ]);
    const missing = framework([{ year: 2021, budgetCents: null, burapCents: 0, targetCents: 0, contributionCents: 0 }]);
    const sum = (parts: [string, typeof set][]) =>
      sumFrameworks(new Map(parts)).map((y) => [y.year, y.budgetCents, y.budgetSource]);
    expect(
      sum([
        ['0150', set],
        ['0193', carried],
      ]),
    ).toEqual([
      [2020, 1_500, 'begroting'],
      [2021, 1_400, 'doorgeschoven'],
    ]);
    expect(
      sum([
        ['0150', set],
        ['0193', missing],
      ]),
    ).toEqual([
      // 0193 has no 2020 row: the region's 2020 is unknown, not 0150's 1_000 alone.
      [2020, null, 'onbekend'],
      [2021, null, 'onbekend'],
    ]);
  });

  it('leaves the region unknown, naming who is missing, when a municipality has no budget rows for a year', () => {
    // 0150 has 2021 and 2022; 0193 only 2021; 1708 has no budget rows at all (it has care, so it is a part).
    const a = framework([
      { year: 2021, budgetCents: 1_000, burapCents: 50, targetCents: 0, contributionCents: 100 },
      { year: 2022, budgetCents: 1_200, burapCents: 30, targetCents: 20, contributionCents: 100 },
    ]);
    const b = framework([{ year: 2021, budgetCents: 2_000, burapCents: 0, targetCents: 10, contributionCents: 300 }]);
    const two = sumFrameworks(
      new Map([
        ['0150', a],
        ['0193', b],
      ]),
    );
    expect(two.map((y) => [y.year, y.budgetCents, y.budgetSource, y.burapCents, y.targetCents, y.yearCostCents])).toEqual([
      [2021, 3_000, 'begroting', 50, 10, 3_040],
      [2022, null, 'onbekend', 30, 20, null],
    ]);
    expect(two[1]).toMatchObject({ contributionCents: null, netCostCents: null, netAtMostCents: null });
    expect(two[1]!.unknown).toEqual([
      'Voor 2022 zijn geen begroting en rijksbijdrage ingelezen van 0193; het totaal is daarom onbekend ' +
        '(geen som van alleen de andere gemeenten).',
    ]);
    const three = sumFrameworks(
      new Map([
        ['0150', a],
        ['0193', b],
        ['1708', []],
      ]),
    );
    expect(three.map((y) => [y.year, y.yearCostCents, y.netCostCents])).toEqual([
      [2021, null, null],
      [2022, null, null],
    ]);
    expect(three[1]!.unknown[0]).toContain('ingelezen van 0193, 1708;');
  });
});
