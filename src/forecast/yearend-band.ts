// The year-end forecast's 80 % interval: from the errors of forecasts made at the same month of earlier years, pooled
// over many groups (municipality × care type, municipality, care type, region) and read from those nearest in size.
import { quantileSorted } from './quantile.ts';

/** One earlier year's forecast (made at the same month of that year with what was known then) against its outcome. */
export interface PastError {
  /** The year forecast. */
  year: number;
  /** ln(forecast ÷ outcome): positive when the forecast was too high. */
  logRatio: number;
  /** The outcome in cents: the size of the group in that year. */
  sizeCents: number;
}

export interface BandOptions {
  /** How many errors, nearest in size, the band is read from (default 40). */
  nearest?: number;
  /** Fewest distinct earlier years in the pool (default 3). */
  minYears?: number;
  /** Scale each error to this size by √(its size ÷ this size) (default false: in the backtest that made the region's
   * band far too narrow, because errors the whole region shares do not shrink with size). */
  scaled?: boolean;
}

export type Band = { low: number; high: number; reason: null } | { low: null; high: null; reason: string };

/** Distance in size on a log scale: a group twice as large is as far as one half as large. */
const distance = (a: number, b: number) => Math.abs(Math.log(a / b));

/**
 * The 80 % interval around `centralCents`: of the pool's errors, the `nearest` whose size is closest to the central
 * value on a log scale (ties in pool order), because small groups' relative errors are larger; their 10th and 90th
 * percentiles P10 and P90 of ln(forecast ÷ outcome) give central × e^−P90 … central × e^−P10 (the outcome is the
 * central value divided by the forecast's usual ratio), which need not contain the central value. No interval when the pool covers fewer than `minYears` years.
 */
export function band80(centralCents: number, pool: readonly PastError[], options: BandOptions = {}): Band {
  const nearest = options.nearest ?? 40;
  const minYears = options.minYears ?? 3;
  // Errors are ratios: around nothing there is no interval to scale.
  if (centralCents <= 0) return { low: null, high: null, reason: 'Geen verwachte kosten, dus geen interval.' };
  const years = new Set(pool.map((e) => e.year)).size;
  if (years < minYears)
    return {
      low: null,
      high: null,
      reason: `Te weinig eerdere jaren om de onzekerheid te schatten (${years}; er zijn er minstens ${minYears} nodig).`,
    };
  const chosen = pool
    .map((e, i) => ({ e, i, d: distance(e.sizeCents, centralCents) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, nearest)
    .map(({ e }) => (options.scaled ? e.logRatio * Math.sqrt(e.sizeCents / centralCents) : e.logRatio))
    .sort((a, b) => a - b);
  const p10 = quantileSorted(chosen, 0.1)!;
  const p90 = quantileSorted(chosen, 0.9)!;
  return {
    // Not widened to take in the central value: when forecasts of this size were nearly always too high (or too low),
    // the band says so by lying below (or above) it, rather than ending at it with a bound no error gives.
    low: Math.round(centralCents * Math.exp(-p90)),
    high: Math.round(centralCents * Math.exp(-p10)),
    reason: null,
  };
}
