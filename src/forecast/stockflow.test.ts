// Specification of the stock-flow baseline: the steady state λ·D exactly, population scaling, running trajectories, cost.
import { describe, expect, it } from 'vitest';
import { type StockFlowInput, monthlyInflow, projectStockFlow } from './stockflow.ts';
import { kaplanMeier, restrictedMean } from './survival.ts';

// Durations 1, 3 and 5 months ended, one running at 2: S = 1, 3/4, 3/4, 3/8, 3/8, 0 → mean duration D = 3.25 months.
const SURVIVAL = kaplanMeier([
  { duration: 1, ended: true },
  { duration: 3, ended: true },
  { duration: 5, ended: true },
  { duration: 2, ended: false },
]);
const BASE: StockFlowInput = {
  baseYear: 2022,
  years: [2023, 2024],
  inflowPerMonth: { '': 10 },
  survival: SURVIVAL,
  costPerCareDayCents: 10_000,
  priceIndex: 0.02,
};

describe('stock-flow baseline', () => {
  it('settles at exactly λ·D: 10 entrants a month × 3.25 months = 32.5 in care', () => {
    expect(restrictedMean(SURVIVAL, 12)).toBe(3.25);
    const [y2023, y2024] = projectStockFlow(BASE);
    // Filling up from empty: 10, 10 + 7.5, + 7.5, + 3.75, + 3.75, then nobody stays longer than 5 months.
    expect(y2023!.stock).toEqual([10, 17.5, 25, 28.75, 32.5, 32.5, 32.5, 32.5, 32.5, 32.5, 32.5, 32.5]);
    expect(y2024!.stock).toEqual(Array(12).fill(10 * 3.25));
    expect(y2024!.entrants).toBe(120);
  });

  it('continues running trajectories by their conditional survival: the steady cohort keeps the stock at λ·D', () => {
    // Still in care from the last four months' entrants: 10 × S(1..4) = 7.5, 7.5, 3.75, 3.75.
    const running = [1, 2, 3, 4].map((a, i) => ({ elapsedMonths: a, count: [7.5, 7.5, 3.75, 3.75][i]! }));
    const [y2023] = projectStockFlow({ ...BASE, running });
    expect(y2023!.stock).toEqual(Array(12).fill(32.5));
    // Cost: 32.5 × 365 care-days at € 100 × 1.02 = € 102 a day.
    expect(y2023!.careDays).toBe(11_862.5);
    expect(y2023!.pricePerCareDayCents).toBe(10_200);
    expect(y2023!.costCents).toBe(120_997_500);
  });

  it('indexes the price per care-day each year (+2 %: € 100 → € 102 → € 104.04)', () => {
    expect(projectStockFlow(BASE).map((y) => y.pricePerCareDayCents)).toEqual([10_200, 10_404]);
  });

  it('scales each age band’s inflow with its population, else keeps it flat', () => {
    const byAge: StockFlowInput = {
      ...BASE,
      inflowPerMonth: { '0-11': 6, '12-17': 4 },
      population: { 2022: { '0-11': 1_000, '12-17': 500 }, 2024: { '0-11': 1_250, '12-17': 250 } },
    };
    // 6 × 1.25 + 4 × 0.5 = 9.5 a month.
    expect(monthlyInflow(byAge, 2024)).toBe(9.5);
    expect(monthlyInflow({ ...byAge, population: undefined }, 2024)).toBe(10);
    expect(() => monthlyInflow(byAge, 2023)).toThrow("Bevolkingsprognose ontbreekt voor leeftijdsgroep '0-11' in 2023");
    // A band the population does not count (unknown age) stays flat: 9.5 + 1.
    expect(monthlyInflow({ ...byAge, inflowPerMonth: { ...byAge.inflowPerMonth, onbekend: 1 } }, 2024)).toBe(10.5);
  });
});
