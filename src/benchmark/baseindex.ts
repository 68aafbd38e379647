// An index series: each period's figure relative to a chosen base period (= 100), as councils read trends ("first half
// of 2017 = 100"). A missing figure stays missing; without a usable base figure there is no index at all.

export interface IndexPoint {
  period: string;
  /** The figure relative to the base period's, × 100; null with the reason when there is none. */
  index: number | null;
  reason: string | null;
}

/**
 * Indexes `points` on `base` (a period key of the same series).
 * @example baseIndex([{ period: '2017-H1', value: 200 }, { period: '2017-H2', value: 210 }], '2017-H1') // → 100, 105
 */
export function baseIndex(points: readonly { period: string; value: number | null }[], base: string): IndexPoint[] {
  const baseValue = points.find((p) => p.period === base)?.value;
  const none = (reason: string) => points.map((p) => ({ period: p.period, index: null, reason }));
  if (baseValue === undefined) return none(`de basisperiode ${base} komt niet voor in de reeks`);
  if (baseValue === null) return none(`het cijfer van de basisperiode ${base} ontbreekt`);
  if (baseValue <= 0) return none(`het cijfer van de basisperiode ${base} is ${baseValue}: geen basis voor een index`);
  return points.map((p) =>
    p.value === null
      ? { period: p.period, index: null, reason: `het cijfer van ${p.period} ontbreekt` }
      : { period: p.period, index: (p.value / baseValue) * 100, reason: null },
  );
}
