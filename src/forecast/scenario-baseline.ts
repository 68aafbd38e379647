// The measures' yearly baseline taken from the stock-flow projection: per year and care type its cost and its entrants,
// so the levers act on the projected years (each year's effect as in the steady state: cost ∝ inflow × duration × price).
import type { CareTypeBaseline } from './levers.ts';
import type { StockFlowYear } from './stockflow.ts';

/**
 * The baseline of a year from the projections per care type (care types without that year are left out). With
 * `referrerShares` a care type's inflow is divided over its referrer types, so a cut aimed at one acts on its share.
 */
export function baselineFromProjection(
  projections: ReadonlyMap<string, readonly StockFlowYear[]>,
  referrerShares?: ReadonlyMap<string, Readonly<Record<string, number>>>,
): (year: number) => CareTypeBaseline[] {
  return (year) =>
    [...projections].flatMap(([careType, years]) => {
      const y = years.find((p) => p.year === year);
      if (!y) return [];
      const shares = referrerShares?.get(careType);
      return [{ careType, costCents: y.costCents, entrants: y.entrants, ...(shares ? { referrerShares: shares } : {}) }];
    });
}
