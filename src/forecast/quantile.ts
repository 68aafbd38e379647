// Quantiles of a sample: linear interpolation between order statistics (the usual "type 7", as spreadsheets compute).

/** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending; null for an empty sample. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  if (p < 0 || p > 1) throw new RangeError(`Kwantiel buiten 0–1: ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
