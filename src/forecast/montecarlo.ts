// Seeded Monte Carlo of the measures: each draw picks every mechanism's effect uniformly within its band, combines the
// effects on the levers (overlap handled, not summed) and runs them through the year's baseline; per year P10/P50/P90.
import { Rng } from '../random.ts';
import { baselineCost, type CareTypeBaseline, costFunction } from './levers.ts';
import { type Measure, type Range, bandFor, naiveSum } from './measures.ts';
import { quantileSorted } from './quantile.ts';

export interface SimulationOptions {
  /** Number of draws (default 10,000). */
  draws?: number;
  /** The same seed gives the same figures (default 1). */
  seed?: string | number;
  /** The baseline per care type of a year (default none: only fixed amounts then count). */
  baseline?: (year: number) => readonly CareTypeBaseline[];
  /** Savings target per year (cents), e.g. the taakstelling; the probability of reaching it is reported. */
  targets?: Readonly<Record<number, number>>;
}

export interface YearSimulation {
  year: number;
  /** Each measure on its own, added up: what the plan prints, an overstatement. */
  naive: Range;
  meanCents: number;
  p10Cents: number;
  p50Cents: number;
  p90Cents: number;
  /** Share of draws whose savings reach the year's target; null without a target. */
  probabilityOfTarget: number | null;
}

/**
 * Simulates savings per year. One uniform quantile per mechanism per draw holds for every year (a measure that works
 * well works well each year); effects are rounded to whole basis points or cents before they combine.
 */
export function simulate(
  measures: readonly Measure[],
  years: readonly number[],
  options: SimulationOptions = {},
): YearSimulation[] {
  const draws = options.draws ?? 10_000;
  if (!Number.isInteger(draws) || draws < 1)
    throw new RangeError(`Aantal trekkingen moet een positief geheel getal zijn: ${draws}`);
  const baseline = options.baseline ?? (() => []);
  const rng = new Rng(options.seed ?? 1);
  const mechanisms = measures.flatMap((m) => m.mechanisms);
  const samples = years.map(() => new Float64Array(draws));
  const bases = years.map((y) => baseline(y));
  const bands = years.map((y) => mechanisms.map((x) => bandFor(x.bands, y)));
  // Worked out once per year: which lever acts where; each draw then only computes the cost of its amounts.
  const levers = mechanisms.map((x) => x.lever);
  const costs = bases.map((b) => costFunction(b, levers));
  const baseCosts = bases.map(baselineCost);
  const amounts = new Array<number>(mechanisms.length);
  for (let i = 0; i < draws; i++) {
    const u = mechanisms.map(() => rng.next());
    for (let y = 0; y < years.length; y++) {
      for (let k = 0; k < mechanisms.length; k++) {
        const b = bands[y]![k]!;
        amounts[k] = Math.round(b.low + u[k]! * (b.high - b.low));
      }
      samples[y]![i] = baseCosts[y]! - costs[y]!(amounts);
    }
  }
  return years.map((year, y) => {
    const sorted = samples[y]!.sort();
    const target = options.targets?.[year];
    let reached = 0;
    let total = 0;
    for (const s of sorted) {
      total += s;
      if (target !== undefined && s >= target) reached++;
    }
    return {
      year,
      naive: naiveSum(measures, year, bases[y]),
      meanCents: Math.round(total / draws),
      p10Cents: Math.round(quantileSorted(sorted, 0.1)!),
      p50Cents: Math.round(quantileSorted(sorted, 0.5)!),
      p90Cents: Math.round(quantileSorted(sorted, 0.9)!),
      probabilityOfTarget: target === undefined ? null : reached / draws,
    };
  });
}
