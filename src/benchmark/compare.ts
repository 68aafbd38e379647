// The normalised comparison of two municipalities: each figure of A as a percentage of B, beside the ratio of their
// populations ("44 % of the inhabitants, 50 % of the care cost"). A percentage is only given where it means something:
// not when B is zero, and not when A and B have opposite signs (a surplus as a percentage of a deficit).
import { formatEurPerInhabitant, formatPct, formatSignedEur } from '../contract/format.ts';

/** A percentage, or 'n.v.t.' with the Dutch reason why there is none. */
export type Share = { percent: number; reason: null } | { percent: null; reason: string };

/**
 * `a` as a percentage of `b`; `names` name the two sides in the reason.
 * @example shareOf(287_900, -547_974) // → { percent: null, reason: 'bij A positief (+€ 287.900), bij B negatief (−€ 547.974): …' }
 */
export function shareOf(a: number, b: number, names = { a: 'A', b: 'B' }): Share {
  if (b === 0) return { percent: null, reason: `bij ${names.b} nul: een percentage daarvan bestaat niet` };
  if (a !== 0 && Math.sign(a) !== Math.sign(b))
    return {
      percent: null,
      reason:
        `bij ${names.a} ${a > 0 ? 'positief' : 'negatief'} (${formatSignedEur(a)}), bij ${names.b} ` +
        `${b > 0 ? 'positief' : 'negatief'} (${formatSignedEur(b)}): een percentage van een bedrag met het andere teken zegt niets`,
    };
  // `+ 0` turns 0 / −x (−0) into 0, which would otherwise print as "-0,0 %".
  return { percent: (a / b) * 100 + 0, reason: null };
}

/** 'n.v.t.' or the percentage as the dashboard writes it ("46,4 %"). */
export function formatShare(share: Share): string {
  return share.percent === null ? 'n.v.t.' : formatPct(share.percent);
}

export interface Side {
  name: string;
  /** Inhabitants; null when not known (then there is no population ratio). */
  population: number | null;
}

/** One figure of both sides; a side without a figure has null, and optionally why (CBS's reason: 'geheim'). */
export interface Figure {
  label: string;
  a: number | null;
  b: number | null;
  missing?: { a?: string | null; b?: string | null };
}

export interface NormalisedComparison {
  a: Side;
  b: Side;
  /** A's inhabitants as a percentage of B's: the yardstick each share is read against. */
  population: Share;
  rows: (Figure & { share: Share })[];
}

/** Each figure of A as a percentage of B, beside the population ratio. A figure missing on either side has no share. */
export function normalisedComparison(a: Side, b: Side, figures: readonly Figure[]): NormalisedComparison {
  const absent = (side: Side, why: string | null | undefined, what = 'cijfer'): Share => ({
    percent: null,
    reason: `${side.name} heeft geen ${what}${why ? ` (${why})` : ''}`,
  });
  const share = (x: number | null, y: number | null, whyA?: string | null, whyB?: string | null, what?: string) =>
    x === null ? absent(a, whyA, what) : y === null ? absent(b, whyB, what) : shareOf(x, y, { a: a.name, b: b.name });
  return {
    a,
    b,
    population: share(a.population, b.population, null, null, 'inwonertal'),
    rows: figures.map((f) => ({ ...f, share: share(f.a, f.b, f.missing?.a, f.missing?.b) })),
  };
}

/** An amount per inhabitant, formatted as council papers print it ("€ 238,8"). */
export function perInhabitant(amount: number, population: number): { value: number; text: string } {
  const value = amount / population;
  return { value, text: formatEurPerInhabitant(value) };
}
