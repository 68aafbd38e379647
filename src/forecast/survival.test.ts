// Specification of Kaplan–Meier with censoring, on tiny hand-computed sets.
import { describe, expect, it } from 'vitest';
import { kaplanMeier, restrictedMean, survivalAt } from './survival.ts';

describe('Kaplan–Meier duration survival', () => {
  // Months: ended at 1, running at 2, ended at 3, ended at 5.
  // t=1: 4 at risk, 1 ends → S = 3/4. t=2: censored (leaves the risk set). t=3: 2 at risk, 1 ends → 3/4 × 1/2 = 3/8.
  // t=5: 1 at risk, 1 ends → 0.
  const steps = kaplanMeier([
    { duration: 3, ended: true },
    { duration: 1, ended: true },
    { duration: 5, ended: true },
    { duration: 2, ended: false },
  ]);

  it('steps down at each ending, counting a running trajectory only while it runs', () => {
    expect(steps).toEqual([
      { time: 1, atRisk: 4, ended: 1, survival: 0.75 },
      { time: 3, atRisk: 2, ended: 1, survival: 0.375 },
      { time: 5, atRisk: 1, ended: 1, survival: 0 },
    ]);
    expect([0, 0.5, 1, 2.9, 3, 4, 5, 9].map((t) => survivalAt(steps, t))).toEqual([1, 1, 0.75, 0.75, 0.375, 0.375, 0, 0]);
  });

  it('gives the (restricted) mean duration as the area under the curve', () => {
    // 1 × 1 + 2 × 3/4 + 2 × 3/8 = 3.25 months; up to 4 months: 1 + 1.5 + 1 × 3/8 = 2.875.
    expect(restrictedMean(steps, 10)).toBe(3.25);
    expect(restrictedMean(steps, 4)).toBe(2.875);
    expect(restrictedMean(steps, 0.5)).toBe(0.5);
  });

  it('keeps running trajectories at risk at their own time when endings tie with them', () => {
    // 2 ended and 1 running at 2 months, 1 ended at 4: t=2 → 1 − 2/4 = 1/2; t=4: only the one that ends is at risk → 0.
    const tied = kaplanMeier([
      { duration: 2, ended: true },
      { duration: 2, ended: false },
      { duration: 2, ended: true },
      { duration: 4, ended: true },
    ]);
    expect(tied.map((s) => [s.time, s.atRisk, s.survival])).toEqual([
      [2, 4, 0.5],
      [4, 1, 0],
    ]);
  });

  it('stays above zero when the longest trajectory still runs, so only a restricted mean exists', () => {
    const open = kaplanMeier([
      { duration: 1, ended: true },
      { duration: 6, ended: false },
    ]);
    expect(open).toEqual([{ time: 1, atRisk: 2, ended: 1, survival: 0.5 }]);
    expect(restrictedMean(open, 6)).toBe(1 + 5 * 0.5);
    expect(kaplanMeier([])).toEqual([]);
    expect(() => kaplanMeier([{ duration: -1, ended: true }])).toThrow('Duur moet 0 of meer zijn');
  });
});
