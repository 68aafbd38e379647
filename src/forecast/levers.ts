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

/**
 * Π (1 − cut/10 000) over the amounts at `idx`, the same figure as remainingFactor: up to three cuts the products stay
 * below 2^53, so plain numbers are as exact as bigints (and a simulation calls this millions of times).
 */
function factorAt(amounts: readonly number[], idx: readonly number[]): number {
  if (idx.length > 3) return remainingFactor(idx.map((i) => amounts[i]!));
  let num = 1;
  let den = 1;
  for (const i of idx) {
    const c = amounts[i]!;
    if (!Number.isInteger(c)) throw new RangeError(`Een effect in basispunten moet een geheel getal zijn: ${c}`);
    num *= 10_000 - c;
    den *= 10_000;
  }
  return num / den;
}

/**
 * The cost of one year as a function of the effects' amounts, for levers fixed in advance: which lever acts on which
 * care type and referrer share is worked out once, so a simulation's many draws only multiply. Per care type, cost
 * scales with inflow × duration × price per care-day (the steady state: stock = inflow × duration); an inflow cut aimed
 * at a referrer acts on that referrer's share. A shift moves a share of one care type's (remaining) inflow to another,
 * at the destination's cost per entrant; fixed savings are subtracted last. Cents, rounded once.
 */
export function costFunction(
  baseline: readonly CareTypeBaseline[],
  levers: readonly Lever[],
): (amounts: readonly number[]) => number {
  const position = new Map(baseline.map((b, i) => [b.careType, i]));
  const where = (test: (l: Lever) => boolean) => levers.flatMap((l, i) => (test(l) ? [i] : []));
  const plans = baseline.map((b) => ({
    inflow: Object.entries(b.referrerShares ?? { '': 1 }).map(([referrer, share]) => ({
      share,
      idx: where(
        (l) => l.kind === 'inflow' && applies(l.careType, b.careType) && (l.referrer === undefined || l.referrer === referrer),
      ),
    })),
    duration: where((l) => l.kind === 'duration' && applies(l.careType, b.careType)),
    price: where((l) => l.kind === 'price' && applies(l.careType, b.careType)),
    shifts: where((l) => l.kind === 'shift' && l.from === b.careType).map((i) => {
      const to = (levers[i] as { to: string }).to;
      const at = position.get(to);
      if (at === undefined) throw new RangeError(`Verschuiving naar onbekende zorgsoort: ${to}`);
      return { i, to: at };
    }),
  }));
  const fixed = where((l) => l.kind === 'fixed');
  const entrants = new Float64Array(baseline.length);
  return (amounts) => {
    for (let t = 0; t < baseline.length; t++) {
      let factor = 0;
      for (const { share, idx } of plans[t]!.inflow) factor += share * factorAt(amounts, idx);
      entrants[t] = baseline[t]!.entrants * factor;
    }
    for (let t = 0; t < baseline.length; t++) {
      const shifts = plans[t]!.shifts;
      if (shifts.length === 0) continue;
      const before = entrants[t]!;
      const left =
        before *
        factorAt(
          amounts,
          shifts.map((x) => x.i),
        );
      entrants[t] = left;
      // Each shift takes its own part of what moves, in proportion to its share.
      const total = shifts.reduce((sum, x) => sum + amounts[x.i]!, 0);
      if (total > 0) for (const x of shifts) entrants[x.to] = entrants[x.to]! + ((before - left) * amounts[x.i]!) / total;
    }
    let cost = 0;
    for (let t = 0; t < baseline.length; t++) {
      const b = baseline[t]!;
      const duration = factorAt(amounts, plans[t]!.duration);
      const price = factorAt(amounts, plans[t]!.price);
      if (b.entrants <= 0) {
        // No inflow to scale (only running care): duration and price still act on its cost.
        if (entrants[t]! > 0)
          throw new RangeError(`Zorgsoort ${b.careType} heeft geen instroom om kosten per jeugdige van af te leiden`);
        cost += b.costCents * duration * price;
        continue;
      }
      cost += entrants[t]! * (b.costCents / b.entrants) * duration * price;
    }
    return Math.round(cost) - fixed.reduce((sum, i) => sum + amounts[i]!, 0);
  };
}

/** The cost of one year after the effects, in cents (see costFunction). */
export function scenarioCost(baseline: readonly CareTypeBaseline[], effects: readonly Effect[]): number {
  return costFunction(
    baseline,
    effects.map((e) => e.lever),
  )(effects.map((e) => e.amount));
}

/** Baseline cost of a year: the sum of its care types (cents). */
export function baselineCost(baseline: readonly CareTypeBaseline[]): number {
  return baseline.reduce((s, b) => s + b.costCents, 0);
}

/** Savings of the effects in one year (cents): baseline cost − scenario cost. */
export function savings(baseline: readonly CareTypeBaseline[], effects: readonly Effect[]): number {
  return baselineCost(baseline) - scenarioCost(baseline, effects);
}
