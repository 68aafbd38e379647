// Specification of the measures' baseline from the stock-flow projection.
import { describe, expect, it } from 'vitest';
import { savings } from './levers.ts';
import { baselineFromProjection } from './scenario-baseline.ts';
import { projectStockFlow } from './stockflow.ts';
import { kaplanMeier } from './survival.ts';

describe('baseline of the measures from the stock-flow projection', () => {
  const survival = kaplanMeier([
    { duration: 2, ended: true },
    { duration: 4, ended: true },
  ]);
  // Steady from the start: 10 entrants a month, 3 months on average → 30 in care; € 100 a care-day in 2023.
  const running = [
    { elapsedMonths: 1, count: 10 },
    { elapsedMonths: 2, count: 5 },
    { elapsedMonths: 3, count: 5 },
  ];
  const years = projectStockFlow({
    baseYear: 2023,
    years: [2023, 2024],
    inflowPerMonth: { '': 10 },
    survival,
    running,
    costPerCareDayCents: 10_000,
    priceIndex: 0,
  });
  const baseline = baselineFromProjection(new Map([['ambulant', years]]));

  it('gives each year’s cost and entrants per care type', () => {
    // 2024 is a leap year: 30 × 366 care-days × € 100.
    expect(baseline(2024)).toEqual([{ careType: 'ambulant', costCents: 30 * 366 * 10_000, entrants: 120 }]);
    expect(baseline(2030)).toEqual([]);
  });

  it('lets the levers act on the projected year: 10 % less inflow saves 10 % of its cost', () => {
    expect(savings(baseline(2023), [{ lever: { kind: 'inflow' }, amount: 1_000 }])).toBe(30 * 365 * 1_000);
  });

  it('divides a care type’s inflow over its referrer types, so a cut aimed at the GP acts on the GP share only', () => {
    const shared = baselineFromProjection(new Map([['ambulant', years]]), new Map([['ambulant', { '02': 0.6, '01': 0.4 }]]));
    expect(shared(2024)[0]!.referrerShares).toEqual({ '02': 0.6, '01': 0.4 });
    // 10 % less GP inflow: 6 % of the cost.
    expect(savings(shared(2023), [{ lever: { kind: 'inflow', referrer: '02' }, amount: 1_000 }])).toBe(30 * 365 * 600);
  });
});
