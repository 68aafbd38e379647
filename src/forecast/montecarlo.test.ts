// Specification of the Monte Carlo of measures, on a fixed seed: statistics a wrong draw or combination could not meet.
import { describe, expect, it } from 'vitest';
import { measure } from './measures.fixture.ts';
import { simulate } from './montecarlo.ts';
import { PLAN_MEASURES, mln } from './regional-plan.fixture.ts';

describe('Monte Carlo of measures', () => {
  // One fixed saving uniform on € 0–10,000: mean and median 5,000, P10 1,000, P90 9,000; standard error of the mean
  // with 10,000 draws ≈ € 29, of P10/P50/P90 ≈ € 30–50.
  const one = [measure('a', { kind: 'fixed' }, 0, 1_000_000)];
  const [y] = simulate(one, [2020], { seed: 42, targets: { 2020: 750_000 } });

  it('draws uniformly within the band: mean, P10, P50 and P90 near the analytic values', () => {
    expect(Math.abs(y!.meanCents - 500_000)).toBeLessThan(12_000);
    expect(Math.abs(y!.p50Cents - 500_000)).toBeLessThan(15_000);
    expect(Math.abs(y!.p10Cents - 100_000)).toBeLessThan(12_000);
    expect(Math.abs(y!.p90Cents - 900_000)).toBeLessThan(12_000);
    expect(y!.naive).toEqual({ lowCents: 0, highCents: 1_000_000 });
  });

  it('gives the probability of reaching a target (€ 7,500 of a uniform € 0–10,000: 25 %)', () => {
    expect(Math.abs(y!.probabilityOfTarget! - 0.25)).toBeLessThan(0.015);
    expect(simulate(one, [2020], { draws: 10 })[0]!.probabilityOfTarget).toBeNull();
  });

  it('gives identical output for the same seed and different output for another', () => {
    expect(simulate(one, [2020], { seed: 42, targets: { 2020: 750_000 } })).toEqual([y]);
    expect(simulate(one, [2020], { seed: 43 })[0]!.p50Cents).not.toBe(y!.p50Cents);
  });

  it('combines overlapping measures on their lever: two certain 10 % inflow cuts save 19 %, where the naive sum says 20 %', () => {
    const base = () => [{ careType: 'ambulant', costCents: 1_000_000, entrants: 100 }];
    const cut = (id: string) => measure(id, { kind: 'inflow', careType: 'ambulant' }, 1_000, 1_000);
    const [r] = simulate([cut('a'), cut('b')], [2020], { baseline: base, draws: 100 });
    expect(r).toMatchObject({
      naive: { lowCents: 200_000, highCents: 200_000 },
      p10Cents: 190_000,
      p50Cents: 190_000,
      p90Cents: 190_000,
    });
    // With bands the combined savings stay below the naive sum in every quantile.
    const wide = (id: string) => measure(id, { kind: 'inflow', careType: 'ambulant' }, 500, 2_000);
    const [w] = simulate([wide('a'), wide('b'), wide('c')], [2020], { baseline: base, seed: 7 });
    expect(w!.naive).toEqual({ lowCents: 150_000, highCents: 600_000 });
    expect(w!.p90Cents).toBeLessThan(600_000);
    // Mean of 1 − Π(1 − c_i), c_i uniform on 5–20 %: 1 − 0.875³ = 33.0 % of the cost (naive mean: 37.5 %).
    expect(Math.abs(w!.meanCents - 330_078)).toBeLessThan(2_000);
  });

  it('runs the regional plan: between the naive low and high, centred on the mid-point of the sum', () => {
    const years = simulate(PLAN_MEASURES, [2019, 2020, 2021], { seed: 2019, targets: { 2020: mln(5), 2021: mln(40) } });
    expect(years.map((r) => r.naive)).toEqual([
      { lowCents: 0, highCents: mln(9) },
      { lowCents: mln(10), highCents: mln(48) },
      { lowCents: mln(10), highCents: mln(63) },
    ]);
    // 2021: fifteen independent uniforms, mean € 36.5 mln, standard deviation € 4.8 mln, error of the mean € 0.05 mln.
    const r2021 = years[2]!;
    expect(Math.abs(r2021.meanCents - mln(36.5))).toBeLessThan(mln(0.2));
    expect(Math.abs(r2021.p50Cents - mln(36.5))).toBeLessThan(mln(0.3));
    expect(r2021.p10Cents).toBeGreaterThan(mln(10));
    expect(r2021.p90Cents).toBeLessThan(mln(63));
    // Normal approximation: P90 − P10 ≈ 2 × 1.28 × 4.8 = € 12.3 mln.
    expect(Math.abs(r2021.p90Cents - r2021.p10Cents - mln(12.3))).toBeLessThan(mln(0.8));
    // 2020's minimum is € 10 mln: a € 5 mln target is always reached.
    expect(years[1]!.probabilityOfTarget).toBe(1);
  });
});
