// The scenario of a register: per year the naive sum next to the simulated savings with overlap (P10/P50/P90) and the
// probability of reaching a target, run through a baseline per care type, with the caveats a reader must see beside it.
import { REFERRER_TYPES } from '../contract/dimensions.ts';
import type { CareTypeBaseline, Lever } from './levers.ts';
import { type Measure, type Mechanism, naiveSum, OVERLAP_NOTE } from './measures.ts';
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

/** The baseline the levers run on: per scenario year and care type its cost, inflow and referrer shares. */
export interface ScenarioBaseline {
  /** Where it was fitted, in Dutch: "gemeente Deventer", "Regio IJsselland". */
  place: string;
  baseYear: number;
  indexPercent: number;
  of: (year: number) => readonly CareTypeBaseline[];
}

/** What the answer says about the baseline it ran on (costs only: no numbers of youths). */
export interface BaselineUsed {
  /** In Dutch, for beside the figures: "basislijn per zorgsoort, gemeente Deventer (basisjaar 2018, +2 % prijsindexatie per jaar)". */
  label: string;
  baseYear: number;
  indexPercent: number;
  years: { year: number; costCents: number }[];
}

/** One measure on its own in a year (low and high of its band), through the same baseline: the naive sum's parts. */
export interface MeasureRange {
  id: string;
  name: string;
  years: { year: number; lowCents: number; highCents: number }[];
}

export interface Scenario {
  years: YearSimulation[];
  measures: number;
  investmentCents: number;
  draws: number;
  seed: string | number;
  /** Null when no measure acts on a lever that needs one (only fixed amounts). */
  baseline: BaselineUsed | null;
  perMeasure: MeasureRange[];
  caveats: string[];
}

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** The Dutch name of the baseline: "basislijn per zorgsoort, gemeente X (basisjaar 2018, +2 % prijsindexatie per jaar)". */
export function baselineLabel(b: Pick<ScenarioBaseline, 'place' | 'baseYear' | 'indexPercent'>): string {
  return `basislijn per zorgsoort, ${b.place} (basisjaar ${b.baseYear}, +${nl.format(b.indexPercent)} % prijsindexatie per jaar)`;
}

/** Caveat when there is no baseline to run lever measures through: they are left out, by name. */
export function noBaselineNote(names: readonly string[], reason: string): string {
  return `${reason} Daarom tellen ${list(names.map((n) => `'${n}'`))} niet mee: hun werking op instroom, duur, prijs of verschuiving is niet doorgerekend.`;
}

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} en ${xs.at(-1)}`);
const referrerName = (code: string) => (REFERRER_TYPES[code] ? `${code} (${REFERRER_TYPES[code]!.toLowerCase()})` : code);

/**
 * Why a lever cannot run on these baselines (a care type or referrer type that does not occur in the data, or a shift
 * into a care type without inflow to price an entrant by), in Dutch; null when it can.
 */
export function whyNotRunnable(lever: Lever, bases: readonly (readonly CareTypeBaseline[])[]): string | null {
  const all = bases.flat();
  const has = (careType: string) => all.some((b) => b.careType === careType);
  const careType = 'careType' in lever ? lever.careType : undefined;
  if (careType !== undefined && !has(careType)) return `zorgsoort '${careType}' komt in de gegevens niet voor`;
  if (lever.kind === 'inflow' && lever.referrer !== undefined) {
    const referrer = lever.referrer;
    const seen = all.some((b) => (careType === undefined || b.careType === careType) && (b.referrerShares?.[referrer] ?? 0) > 0);
    if (!seen) return `verwijzer ${referrerName(referrer)} komt in de instroom${careType ? ` van '${careType}'` : ''} niet voor`;
  }
  if (lever.kind === 'shift') {
    for (const t of [lever.from, lever.to]) if (!has(t)) return `zorgsoort '${t}' komt in de gegevens niet voor`;
    if (all.some((b) => b.careType === lever.to && b.entrants <= 0))
      return `zorgsoort '${lever.to}' heeft geen instroom om de kosten per jeugdige van af te leiden`;
  }
  return null;
}

/**
 * Simulates the register over the years (draws capped at MAX_DRAWS) through `baseline`, fitted once for the request.
 * A mechanism that cannot run on it (see whyNotRunnable), or any lever mechanism without a baseline, is left out, and
 * a caveat says which and why.
 */
export function scenario(
  measures: readonly Measure[],
  req: ScenarioRequest,
  baseline?: ScenarioBaseline,
  noBaselineReason = 'Er is geen basislijn per zorgsoort.',
): Scenario {
  const draws = Math.min(Math.max(1, Math.floor(req.draws)), MAX_DRAWS);
  const targets = req.targetCents === null ? undefined : Object.fromEntries(req.years.map((y) => [y, req.targetCents as number]));
  const caveats = [OVERLAP_NOTE];
  const needsBaseline = measures.some((m) => m.mechanisms.some((x) => x.lever.kind !== 'fixed'));
  const bases = new Map(req.years.map((y) => [y, needsBaseline && baseline ? baseline.of(y) : []]));
  const usable = needsBaseline && baseline !== undefined && [...bases.values()].some((b) => b.length > 0);
  const runnable = (m: Measure): Measure => {
    const keep: Mechanism[] = [];
    for (const x of m.mechanisms) {
      if (x.lever.kind === 'fixed') keep.push(x);
      else if (usable) {
        const why = whyNotRunnable(x.lever, [...bases.values()]);
        if (why) caveats.push(`Maatregel '${m.name}': ${why}; die werking is niet doorgerekend.`);
        else keep.push(x);
      }
    }
    return { ...m, mechanisms: keep };
  };
  const run = measures.map(runnable);
  if (needsBaseline && !usable) {
    const left = measures.filter((m) => m.mechanisms.some((x) => x.lever.kind !== 'fixed')).map((m) => m.name);
    caveats.push(noBaselineNote(left, noBaselineReason));
  }
  const of = (y: number) => bases.get(y) ?? [];
  const years = measures.length === 0 ? [] : simulate(run, req.years, { draws, seed: req.seed, targets, baseline: of });
  return {
    years,
    measures: measures.length,
    investmentCents: measures.reduce((s, m) => s + m.investmentCents, 0),
    draws,
    seed: req.seed,
    baseline:
      usable && baseline
        ? {
            label: baselineLabel(baseline),
            baseYear: baseline.baseYear,
            indexPercent: baseline.indexPercent,
            years: req.years.map((year) => ({ year, costCents: of(year).reduce((s, b) => s + b.costCents, 0) })),
          }
        : null,
    perMeasure: run.map((m) => ({
      id: m.id,
      name: m.name,
      years: req.years.map((year) => ({ year, ...naiveSum([m], year, of(year)) })),
    })),
    caveats,
  };
}

/** Where a baseline was fitted, named for beside the figures: "gemeente Deventer", "gemeenten A en B", "Regio IJsselland". */
export function baselinePlace(name: string, municipality: string | null, within?: readonly string[]): string {
  if (municipality || within?.length === 1) return `gemeente ${name}`;
  return within?.length ? `gemeenten ${name}` : name;
}
