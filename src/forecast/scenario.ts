// The scenario of a register: per year the naive sum next to the simulated savings with overlap (P10/P50/P90) and the
// probability of reaching a target, with the caveats a reader must see beside the figures.
import { type Measure, OVERLAP_NOTE } from './measures.ts';
import { simulate, type YearSimulation } from './montecarlo.ts';

/** Most draws one scenario may ask for: more adds no precision worth the server's time. */
export const MAX_DRAWS = 20_000;
export const DEFAULT_DRAWS = 10_000;

export interface ScenarioRequest {
  years: readonly number[];
  seed: string | number;
  draws: number;
  /** Savings target per year in cents (e.g. the taakstelling); null: none. */
  targetCents: number | null;
}

export interface Scenario {
  years: YearSimulation[];
  measures: number;
  investmentCents: number;
  draws: number;
  seed: string | number;
  caveats: string[];
}

/** Caveat when a measure acts on a lever the scenario cannot yet run through a baseline. */
export const LEVER_NOTE =
  'Maatregelen op instroom, duur, prijs of verschuiving tellen hier nog niet mee: daarvoor is een basislijn per zorgsoort nodig. Alleen vaste bedragen zijn doorgerekend.';

/** Simulates the register over the years (draws capped at MAX_DRAWS); fixed amounts only, see LEVER_NOTE. */
export function scenario(measures: readonly Measure[], req: ScenarioRequest): Scenario {
  const draws = Math.min(Math.max(1, Math.floor(req.draws)), MAX_DRAWS);
  const targets = req.targetCents === null ? undefined : Object.fromEntries(req.years.map((y) => [y, req.targetCents as number]));
  const years = measures.length === 0 ? [] : simulate(measures, req.years, { draws, seed: req.seed, targets });
  const caveats = [OVERLAP_NOTE];
  if (measures.some((m) => m.mechanisms.some((x) => x.lever.kind !== 'fixed'))) caveats.push(LEVER_NOTE);
  return {
    years,
    measures: measures.length,
    investmentCents: measures.reduce((s, m) => s + m.investmentCents, 0),
    draws,
    seed: req.seed,
    caveats,
  };
}
