// The measures' yearly baseline taken from the stock-flow projection: per year and care type its cost and its entrants,
// so the levers act on the projected years (each year's effect as in the steady state: cost ∝ inflow × duration × price).
import type { CareTypeBaseline } from './levers.ts';
import type { StockFlowYear } from './stockflow.ts';

/** The baseline of a year from the projections per care type (care types without that year are left out). */
export function baselineFromProjection(
  projections: ReadonlyMap<string, readonly StockFlowYear[]>,
): (year: number) => CareTypeBaseline[] {
  return (year) =>
    [...projections].flatMap(([careType, years]) => {
      const y = years.find((p) => p.year === year);
      return y ? [{ careType, costCents: y.costCents, entrants: y.entrants }] : [];
    });
}
