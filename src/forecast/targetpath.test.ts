// Specification of the gap to the target path, on the regional plan's framework.
import { describe, expect, it } from 'vitest';
import { framework } from './framework.ts';
import { PLAN_FRAMEWORK, mln } from './regional-plan.fixture.ts';
import { gapToPath } from './targetpath.ts';

describe('gap to the target path', () => {
  it('puts the expected cost and the scenario next to the framework’s year cost', () => {
    const expected = new Map([
      [2019, mln(116.0)],
      [2020, mln(118.2)],
      [2021, mln(121.5)],
    ]);
    const scenario = new Map([
      [2020, mln(108.2)],
      [2021, mln(99.5)],
    ]);
    const rows = gapToPath(framework(PLAN_FRAMEWORK), expected, scenario);
    expect(rows.map((r) => [r.year, r.pathCents, r.gapCents, r.scenarioGapCents])).toEqual([
      [2019, mln(114.7), mln(1.3), null],
      [2020, mln(109.7), mln(8.5), mln(-1.5)],
      [2021, mln(104.7), mln(16.8), mln(-5.2)],
      [2022, mln(100.0), null, null],
    ]);
    expect(rows[3]!.unknown).toEqual(['Er is geen verwachting voor 2022.']);
  });

  it('leaves the gap unknown when the path is', () => {
    const [row] = gapToPath(
      framework([{ year: 2025, budgetCents: null, burapCents: 0, targetCents: 0, contributionCents: null }]),
      new Map([[2025, 100]]),
    );
    expect(row).toMatchObject({ pathCents: null, gapCents: null });
    expect(row!.unknown).toEqual(['Het pad voor 2025 is onbekend: de jaarkosten in het kader zijn onbekend.']);
  });
});
