// The model's levers and how effects on them combine: relative cuts multiply (two 10 % cuts of one inflow give 19 %),
// then the combined levers run through a year's baseline per care type, giving the scenario's cost.

/** Where a measure acts. Relative levers take a cut in basis points (1000 = 10 %), `shift` the share of inflow moved
 * (basis points of the `from` inflow), `fixed` a saving in cents. */
export type Lever =
  | { kind: 'inflow'; careType?: string; referrer?: string }
  | { kind: 'duration'; careType?: string }
  | { kind: 'price'; careType?: string }
  | { kind: 'shift'; from: string; to: string }
  | { kind: 'fixed' };

/** One effect on one lever: `amount` in the lever's unit, positive in the saving direction. */
export interface Effect {
  lever: Lever;
  amount: number;
}

/** One care type's baseline in one year: what it costs and how many youths enter it (the cost of one entrant follows). */
export interface CareTypeBaseline {
  careType: string;
  costCents: number;
  entrants: number;
  /** Share of the entrants per referrer type (summing to 1); without it the inflow is one undivided whole. */
  referrerShares?: Readonly<Record<string, number>>;
}

const BP = 10_000n;

/** Π (10 000 − cut) over Π 10 000, as exact integers. */
function remaining(cutsBp: readonly number[]): [num: bigint, den: bigint] {
  let num = 1n;
  let den = 1n;
  for (const c of cutsBp) {
    if (!Number.isInteger(c)) throw new RangeError(`Een effect in basispunten moet een geheel getal zijn: ${c}`);
    num *= BP - BigInt(c);
    den *= BP;
  }
  return [num, den];
}

/**
 * The factor left after cuts given in whole basis points, each applied to what the previous left:
 * Π (1 − cut/10 000), computed in integers so it is exact up to one final rounding (two 1000 bp cuts → 0.81).
 */
export function remainingFactor(cutsBp: readonly number[]): number {
  const [num, den] = remaining(cutsBp);
  return Number(num) / Number(den);
}

/** The combined cut of several cuts on one lever, in basis points (two 1000 bp cuts → 1900). */
export function combinedCutBp(cutsBp: readonly number[]): number {
  const [num, den] = remaining(cutsBp);
  return Number((den - num) * BP) / Number(den);
}

const applies = (scope: string | undefined, value: string) => scope === undefined || scope === value;

function cutsOn(effects: readonly Effect[], kind: 'duration' | 'price', careType: string): number[] {
  return effects.flatMap((e) => (e.lever.kind === kind && applies(e.lever.careType, careType) ? [e.amount] : []));
}

/** Inflow left for a care type: per referrer share, the factor of the cuts aimed at that referrer (or at all). */
function inflowFactor(effects: readonly Effect[], b: CareTypeBaseline): number {
  const shares = b.referrerShares ?? { '': 1 };
  let factor = 0;
  for (const [referrer, share] of Object.entries(shares)) {
    const cuts = effects.flatMap((e) =>
      e.lever.kind === 'inflow' &&
      applies(e.lever.careType, b.careType) &&
      (e.lever.referrer === undefined || e.lever.referrer === referrer)
        ? [e.amount]
        : [],
    );
    factor += share * remainingFactor(cuts);
  }
  return factor;
}

/**
 * The cost of one year after the effects, in cents (rounded once). Per care type, cost scales with inflow × duration ×
 * price per care-day (the steady state: stock = inflow × duration). A shift moves a share of one care type's (remaining)
 * inflow to another, at the destination's cost per entrant; fixed savings are subtracted last.
 */
export function scenarioCost(baseline: readonly CareTypeBaseline[], effects: readonly Effect[]): number {
  const byType = new Map(baseline.map((b) => [b.careType, b]));
  const entrants = new Map<string, number>();
  for (const b of baseline) entrants.set(b.careType, b.entrants * inflowFactor(effects, b));
  for (const b of baseline) {
    const shifts = effects.filter((e) => e.lever.kind === 'shift' && e.lever.from === b.careType);
    if (shifts.length === 0) continue;
    const before = entrants.get(b.careType)!;
    const left = before * remainingFactor(shifts.map((e) => e.amount));
    entrants.set(b.careType, left);
    // Each shift takes its own part of what moves, in proportion to its share.
    const total = shifts.reduce((s, e) => s + e.amount, 0);
    for (const e of shifts) {
      const to = (e.lever as { to: string }).to;
      if (!byType.has(to)) throw new RangeError(`Verschuiving naar onbekende zorgsoort: ${to}`);
      if (total > 0) entrants.set(to, entrants.get(to)! + ((before - left) * e.amount) / total);
    }
  }
  let cost = 0;
  for (const b of baseline) {
    const duration = remainingFactor(cutsOn(effects, 'duration', b.careType));
    const price = remainingFactor(cutsOn(effects, 'price', b.careType));
    if (b.entrants <= 0) {
      // No inflow to scale (only running care): duration and price still act on its cost.
      if (entrants.get(b.careType)! > 0)
        throw new RangeError(`Zorgsoort ${b.careType} heeft geen instroom om kosten per jeugdige van af te leiden`);
      cost += b.costCents * duration * price;
      continue;
    }
    cost += entrants.get(b.careType)! * (b.costCents / b.entrants) * duration * price;
  }
  const fixed = effects.reduce((s, e) => s + (e.lever.kind === 'fixed' ? e.amount : 0), 0);
  return Math.round(cost) - fixed;
}

/** Baseline cost of a year: the sum of its care types (cents). */
export function baselineCost(baseline: readonly CareTypeBaseline[]): number {
  return baseline.reduce((s, b) => s + b.costCents, 0);
}

/** Savings of the effects in one year (cents): baseline cost − scenario cost. */
export function savings(baseline: readonly CareTypeBaseline[], effects: readonly Effect[]): number {
  return baselineCost(baseline) - scenarioCost(baseline, effects);
}
