// The measures register (maatregelen): each measure, its mechanism on a lever with a low–high band per year, and the
// register's naive sums, which overstate because the measures overlap.
import { type CareTypeBaseline, type Effect, type Lever, savings } from './levers.ts';

export const MEASURE_STATUSES = ['idee', 'in voorbereiding', 'lopend', 'afgerond', 'gestopt'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The effect from `from` onward (until the next band), in the lever's unit; low = the smaller effect. */
export interface Band {
  from: number;
  low: number;
  high: number;
}

export interface Mechanism {
  lever: Lever;
  bands: Band[];
}

/** One row of the register; what the plan does not say stays null. */
export interface Measure {
  id: string;
  name: string;
  description: string;
  owner: string | null;
  /** ISO date the measure starts. */
  start: string | null;
  preparationMonths: number | null;
  investmentCents: number;
  status: MeasureStatus;
  mechanisms: Mechanism[];
}

/** What the register says under its sums. */
export const OVERLAP_NOTE =
  'De maatregelen overlappen elkaar: hun besparingen zijn niet op te tellen. De som hierboven overschat het effect.';

/** The band in force in `year` (the last one starting at or before it); before the first band, no effect. */
export function bandFor(bands: readonly Band[], year: number): Band {
  let found: Band = { from: year, low: 0, high: 0 };
  for (const b of [...bands].sort((a, c) => a.from - c.from)) if (b.from <= year) found = b;
  return found;
}

/** The effects of the measures in `year`, each mechanism's amount picked from its band (e.g. low, high, or a draw). */
export function effectsIn(measures: readonly Measure[], year: number, pick: (band: Band, m: Measure) => number): Effect[] {
  return measures.flatMap((m) => m.mechanisms.map((x) => ({ lever: x.lever, amount: pick(bandFor(x.bands, year), m) })));
}

export interface Range {
  lowCents: number;
  highCents: number;
}

/**
 * The naive sum in `year`: each measure's savings on its own (low and high), added up as if they did not overlap.
 * A register of fixed amounts needs no baseline; levers on inflow, duration, price or shift do.
 */
export function naiveSum(measures: readonly Measure[], year: number, baseline: readonly CareTypeBaseline[] = []): Range {
  let lowCents = 0;
  let highCents = 0;
  for (const m of measures) {
    lowCents += savings(
      baseline,
      effectsIn([m], year, (b) => b.low),
    );
    highCents += savings(
      baseline,
      effectsIn([m], year, (b) => b.high),
    );
  }
  return { lowCents, highCents };
}

/** The one-off investments of the register (cents). */
export function investmentTotal(measures: readonly Measure[]): number {
  return measures.reduce((s, m) => s + m.investmentCents, 0);
}
