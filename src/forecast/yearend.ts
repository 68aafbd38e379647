// Year-end forecast from invoices as known at a cut-off month in four parts: invoiced so far + care delivered but not yet
// invoiced (invoice lag learned from history, chain ladder) + running allocations to year-end (allocated value ×
// utilisation) + new inflow (earlier years' cost of allocations starting after the cut-off), with an 80 % interval from
// forecasts' errors in earlier years (yearend-band.ts). The older level model (recent level × seasonal profile) stays as an option.
import { band80, type PastError } from './yearend-band.ts';
import { type AllocatedCell, learnUtilisation, newInflow, runningValue, type UtilisationSource } from './yearend-allocations.ts';

/** Cost of care in one month, invoiced in one month; months are absolute: year × 12 + (month − 1). */
export interface CostCell {
  careMonth: number;
  invoiceMonth: number;
  cents: number;
  /** Start month of the allocation with an amount this cost is on; absent: on none (PGB, no allocation, no amount). */
  start?: number;
}

/** Which model gives the months still to come: `allocations` (running allocations + new inflow) or `level` (recent
 * level × season; the running/inflow split then only divides that figure in the allocation model's proportion). */
export type YearEndModel = 'allocations' | 'level';

export interface YearEndOptions {
  /** Lag (months) after which a care month counts as fully invoiced (default 12). */
  maxLag?: number;
  /** Care months (before the cut-off, fully invoiced) the lag pattern is learned from (default 24). */
  lagWindow?: number;
  /** Below this share already invoiced a month's own invoices say too little: blend with the recent level (default 0.5). */
  credibleShare?: number;
  /** Recent care months whose level carries to the rest of the year (default 3). */
  levelMonths?: number;
  /** Cells the lag pattern and the seasonal profile are learned from, e.g. the whole region's for one municipality's
   * care type (default: the forecast's own cells). */
  pattern?: readonly CostCell[];
  /** Grow last year's level into this year by the last twelve months' growth against the twelve before (default true). */
  trend?: boolean;
  /** The forecast's allocated value per start and care month (without it, everything to come is at the recent level). */
  allocated?: readonly AllocatedCell[];
  /** Where utilisation is learned, e.g. the region's allocations of the same care type (default: the forecast's own). */
  utilisationFrom?: UtilisationSource;
  /** Earlier years that utilisation and new inflow are learned from (default 3). */
  historyYears?: number;
  /** Which model gives the central value (default `level`, the better one in the backtest). */
  model?: YearEndModel;
  /** Earlier years' errors of many forecasts at the same month (`pastErrors`) the interval is read from (default:
   * this forecast's own). */
  pool?: readonly PastError[];
}

export interface YearEndForecast {
  year: number;
  /** The last month whose invoices are known (absolute month). */
  cutoff: number;
  invoicedCents: number;
  notYetInvoicedCents: number;
  /** Running allocations to year-end (allocated value × utilisation), plus cost outside allocations (PGB) at its level. */
  runningCents: number;
  /** New inflow: allocations starting after the cut-off, as in earlier years. */
  inflowCents: number;
  /** The sum of the four parts. */
  centralCents: number;
  /** Utilisation learned from history (invoiced ÷ allocated value); null when not learned (no allocations). */
  utilisation: number | null;
  /** 80 % interval from earlier years' errors; null (with `intervalReason`) when fewer than three years can be checked. */
  low80Cents: number | null;
  high80Cents: number | null;
  intervalReason: string | null;
  /** Set when no care month was fully invoiced before the cut-off: the invoice lag is unknown, so care not yet invoiced
   * is not estimated (counted as 0) and the forecast is too low by it. */
  lagReason: string | null;
}

export const monthIndex = (year: number, month: number) => year * 12 + (month - 1);

type Optional = 'pattern' | 'allocated' | 'utilisationFrom' | 'pool';
type Settings = Required<Omit<YearEndOptions, Optional>> & Pick<YearEndOptions, Optional>;
const DEFAULTS: Settings = {
  maxLag: 12,
  lagWindow: 24,
  credibleShare: 0.5,
  levelMonths: 3,
  trend: true,
  historyYears: 3,
  // The level model gave the better central value in the backtest (bench/forecast.ts, docs/forecast.md).
  model: 'level',
};

/** Invoiced per care month as known at the cut-off (invoices up to it), lag counted from the care month. */
function known(cells: readonly CostCell[], cutoff: number): Map<number, number[]> {
  const byMonth = new Map<number, number[]>();
  for (const c of cells) {
    if (c.invoiceMonth > cutoff || c.careMonth > cutoff) continue;
    const lag = Math.max(0, c.invoiceMonth - c.careMonth);
    let row = byMonth.get(c.careMonth);
    if (!row) byMonth.set(c.careMonth, (row = []));
    row[lag] = (row[lag] ?? 0) + c.cents;
  }
  return byMonth;
}

/** Cumulative invoiced of a care month up to `lag` months after it. */
function cumulative(row: readonly number[] | undefined, lag: number): number {
  let s = 0;
  for (let l = 0; l <= lag && row && l < row.length; l++) s += row[l] ?? 0;
  return s;
}

/**
 * Share of a care month's cost invoiced within each lag 0…maxLag, learned from the care months fully invoiced by the
 * cut-off (the last `lagWindow` of them). Without such months: 1 for every lag (nothing is added).
 */
export function completionShares(cells: readonly CostCell[], cutoff: number, options: YearEndOptions = {}): number[] {
  return lagPattern(cells, cutoff, options).shares;
}

function lagPattern(cells: readonly CostCell[], cutoff: number, options: YearEndOptions): { shares: number[]; learned: boolean } {
  const o = { ...DEFAULTS, ...options };
  const byMonth = known(cells, cutoff);
  const last = cutoff - o.maxLag;
  const cum = Array<number>(o.maxLag + 1).fill(0);
  for (let k = last - o.lagWindow + 1; k <= last; k++) {
    const row = byMonth.get(k);
    for (let l = 0; l <= o.maxLag; l++) cum[l]! += cumulative(row, l);
  }
  const final = cum[o.maxLag]!;
  return { shares: cum.map((c) => (final > 0 ? Math.min(1, Math.max(0, c / final)) : 1)), learned: final > 0 };
}

/** Month-of-year profile (12 values averaging 1) of the complete calendar years before the cut-off; flat without any. */
export function seasonalProfile(cells: readonly CostCell[], cutoff: number, options: YearEndOptions = {}): number[] {
  const shares = completionShares(cells, cutoff, options);
  const est = estimatedFinals(known(cells, cutoff), cutoff, shares);
  const profile = Array<number>(12).fill(0);
  let years = 0;
  for (let y = Math.floor(cutoff / 12) - 1; y * 12 >= Math.min(...est.keys(), cutoff); y--) {
    const months = Array.from({ length: 12 }, (_, m) => est.get(y * 12 + m) ?? 0);
    if (months.some((v) => v <= 0)) continue;
    const mean = months.reduce((a, b) => a + b, 0) / 12;
    for (let m = 0; m < 12; m++) profile[m]! += months[m]! / mean;
    years++;
  }
  return years === 0 ? Array<number>(12).fill(1) : profile.map((p) => p / years);
}

/** Chain-ladder estimate of each care month's final cost: what is invoiced so far ÷ the share usually invoiced by now. */
function estimatedFinals(byMonth: Map<number, number[]>, cutoff: number, shares: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const maxLag = shares.length - 1;
  for (const [k, row] of byMonth) {
    const lag = cutoff - k;
    const f = lag >= maxLag ? 1 : shares[lag]!;
    const cum = cumulative(row, lag);
    out.set(k, f > 0 ? cum / f : cum);
  }
  return out;
}

/**
 * Yearly growth of deseasonalised cost: the last twelve credible care months against the twelve before them; 1 (no
 * growth) without two such years.
 */
function yearlyGrowth(finals: Map<number, number>, season: readonly number[], latest: number): number {
  let recent = 0;
  let before = 0;
  for (let k = latest - 23; k <= latest; k++) {
    const v = finals.get(k);
    if (v === undefined) return 1;
    if (k > latest - 12) recent += v / season[k % 12]!;
    else before += v / season[k % 12]!;
  }
  return before > 0 ? recent / before : 1;
}

/** The first month of care in the cells; null without any. */
function firstCareMonth(cells: readonly CostCell[]): number | null {
  let first: number | null = null;
  for (const c of cells) if (first === null || c.careMonth < first) first = c.careMonth;
  return first;
}

/** What the forecast learns from the pattern cells at a cut-off: the lag shares, the seasonal profile and each care
 * month's chain-ladder estimate (for the growth). */
interface PatternFacts {
  shares: number[];
  learned: boolean;
  season: number[];
  finals: Map<number, number>;
}

/** Per pattern array, per cut-off and lag settings: the same region pattern serves every group and every earlier year,
 * so it is learned once (the cells are never changed after they are read). */
const factsCache = new WeakMap<readonly CostCell[], Map<string, PatternFacts>>();

function patternFacts(pattern: readonly CostCell[], cutoff: number, o: Settings): PatternFacts {
  let byKey = factsCache.get(pattern);
  if (!byKey) factsCache.set(pattern, (byKey = new Map()));
  const key = `${cutoff}/${o.maxLag}/${o.lagWindow}`;
  let facts = byKey.get(key);
  if (!facts) {
    const { shares, learned } = lagPattern(pattern, cutoff, o);
    const finals = estimatedFinals(known(pattern, cutoff), cutoff, shares);
    facts = { shares, learned, season: seasonalProfile(pattern, cutoff, o), finals };
    byKey.set(key, facts);
  }
  return facts;
}

/** The level model's forecast of `year` at the cut-off (invoices up to and including that month); no interval. */
function levelCentral(cells: readonly CostCell[], year: number, cutoff: number, o: Settings) {
  const byMonth = known(cells, cutoff);
  const facts = patternFacts(o.pattern ?? cells, cutoff, o);
  const { shares, season } = facts;
  const first = year * 12;
  const lastKnown = Math.min(cutoff, first + 11);
  const finals = estimatedFinals(byMonth, cutoff, shares);
  // Growth from one year to the next (tariffs and volumes step at the new year): learned where the lag pattern is (the
  // region's for a small group, whose own is too noisy), from the last twelve credible months against the twelve before.
  const credible = (k: number) => (cutoff - k >= o.maxLag ? 1 : shares[cutoff - k]!) >= o.credibleShare;
  let latest = cutoff;
  while (latest > cutoff - o.maxLag && !credible(latest)) latest--;
  const growthFrom = o.pattern ? facts.finals : finals;
  const growth = o.trend ? yearlyGrowth(growthFrom, season, latest) : 1;
  // The recent level in `target`'s year: deseasonalised finals of the last credible care months, grown into that year.
  const levelOf = (upTo: number, target: number) => {
    const ks: number[] = [];
    for (let k = upTo; k > upTo - 24 && ks.length < o.levelMonths; k--) if (credible(k) && finals.has(k)) ks.push(k);
    const year = Math.floor(target / 12);
    const value = (k: number) => (finals.get(k)! / season[k % 12]!) * growth ** (year - Math.floor(k / 12));
    return ks.length ? ks.reduce((s, k) => s + value(k), 0) / ks.length : 0;
  };
  const expectedAt = (k: number, upTo: number) => levelOf(upTo, k) * season[k % 12]!;
  let invoiced = 0;
  let notYet = 0;
  for (let k = first; k <= lastKnown; k++) {
    const row = byMonth.get(k);
    const lag = cutoff - k;
    const cum = cumulative(row, lag);
    invoiced += cum;
    const f = lag >= o.maxLag ? 1 : shares[lag]!;
    // Too little invoiced yet to trust the month's own figure: expect the rest at the recent level (Bornhuetter–Ferguson).
    const expected = credible(k) ? (f > 0 ? cum / f : cum) : cum + (1 - f) * expectedAt(k, k - 1);
    notYet += expected - cum;
  }
  let remaining = 0;
  for (let k = Math.max(first, cutoff + 1); k <= first + 11; k++) remaining += expectedAt(k, cutoff);
  return { invoiced, notYet, remaining, growth, shares };
}

/**
 * The four parts of the forecast of `year` at the cut-off; no interval. Running: the allocated value still to come of
 * allocations started by the cut-off × utilisation (invoiced ÷ allocated of the allocations running at the same month of
 * earlier years), plus cost outside allocations (PGB) at its recent level. Inflow: the earlier years' average.
 */
function central(cells: readonly CostCell[], year: number, cutoff: number, o: Settings) {
  const level = levelCentral(cells, year, cutoff, o);
  const first = year * 12;
  const from = Math.max(first, cutoff + 1);
  const history = {
    shares: level.shares,
    years: o.historyYears,
    firstMonth: firstCareMonth(cells) ?? cutoff,
  };
  const u = o.allocated ? learnUtilisation(o.utilisationFrom ?? { cells, allocated: o.allocated }, year, cutoff, history) : null;
  const inflow = u === null ? null : newInflow(cells, year, cutoff, { ...history, growth: level.growth });
  if (u === null || inflow === null || !o.allocated) {
    // Without allocations (or the history to learn from), everything to come is at the recent level.
    return { invoiced: level.invoiced, notYet: level.notYet, running: level.remaining, inflow: 0, utilisation: u };
  }
  const outside = levelCentral(
    cells.filter((c) => c.start === undefined),
    year,
    cutoff,
    { ...o, pattern: o.pattern ?? cells },
  ).remaining;
  const running = runningValue(o.allocated, cutoff, from, first + 11) * u + outside;
  if (o.model === 'allocations') return { invoiced: level.invoiced, notYet: level.notYet, running, inflow, utilisation: u };
  // The level model's figure, divided in the allocation model's proportion.
  const share = running + inflow > 0 ? running / (running + inflow) : 1;
  return {
    invoiced: level.invoiced,
    notYet: level.notYet,
    running: level.remaining * share,
    inflow: level.remaining * (1 - share),
    utilisation: u,
  };
}

/** The central value alone; the level model's needs no split (and is much cheaper without). */
function centralTotal(cells: readonly CostCell[], year: number, cutoff: number, o: Settings): number {
  if (o.model === 'level') {
    const l = levelCentral(cells, year, cutoff, o);
    return l.invoiced + l.notYet + l.remaining;
  }
  const c = central(cells, year, cutoff, o);
  return c.invoiced + c.notYet + c.running + c.inflow;
}

/** What a year finally cost, as far as the invoices known at the cut-off say (each care month's chain-ladder estimate). */
function settled(cells: readonly CostCell[], year: number, cutoff: number, o: Settings): number {
  const finals = estimatedFinals(known(cells, cutoff), cutoff, patternFacts(o.pattern ?? cells, cutoff, o).shares);
  let s = 0;
  for (let k = year * 12; k < year * 12 + 12; k++) s += finals.get(k) ?? 0;
  return s;
}

/**
 * The errors of the same forecast made at the same month of each earlier year with data (each with only the invoices
 * known then), against what those years cost as known at the cut-off. Left out: a year without cost (or forecast), and
 * a year whose forecast could not yet learn the invoice lag (no fully invoiced month before its cut-off).
 */
export function pastErrors(
  cells: readonly CostCell[],
  year: number,
  cutoff: number,
  options: YearEndOptions = {},
  /** Also the years whose forecast could not learn the lag (only to replay the old band in the backtest). */
  everyYear = false,
): PastError[] {
  const o = { ...DEFAULTS, ...options };
  // (A loop, not Math.min(...): a region's cells can outnumber the arguments a call takes.)
  const firstData = firstCareMonth(cells) ?? Number.POSITIVE_INFINITY;
  const errors: PastError[] = [];
  for (let back = 1; (year - back) * 12 >= firstData; back++) {
    // A forecast that could not learn the invoice lag then (too little history) is not the forecast made now.
    if (!everyYear && !patternFacts(o.pattern ?? cells, cutoff - 12 * back, o).learned) continue;
    const past = centralTotal(cells, year - back, cutoff - 12 * back, o);
    const actual = settled(cells, year - back, cutoff, o);
    if (actual > 0 && past > 0) errors.push({ year: year - back, logRatio: Math.log(past / actual), sizeCents: actual });
  }
  return errors;
}

/**
 * Forecasts the cost of `year` from the invoices known at the end of the cut-off month, with an 80 % interval from the
 * errors of earlier years' forecasts at the same month (`band80`): the given pool's, or else this forecast's own.
 */
export function yearEndForecast(
  cells: readonly CostCell[],
  year: number,
  cutoff: number,
  options: YearEndOptions = {},
): YearEndForecast {
  const o = { ...DEFAULTS, ...options };
  const c = central(cells, year, cutoff, o);
  // Each part in whole cents; the rest of the year is rounded once and the inflow takes what running leaves, so the
  // level model's split adds up to its own rounded figure.
  const invoicedCents = Math.round(c.invoiced);
  const notYetInvoicedCents = Math.round(c.notYet);
  const runningCents = Math.round(c.running);
  const inflowCents = Math.round(c.running + c.inflow) - runningCents;
  const centralCents = invoicedCents + notYetInvoicedCents + runningCents + inflowCents;
  const band = band80(centralCents, o.pool ?? pastErrors(cells, year, cutoff, o));
  return {
    year,
    cutoff,
    invoicedCents,
    notYetInvoicedCents,
    runningCents,
    inflowCents,
    centralCents,
    utilisation: c.utilisation,
    low80Cents: band.low,
    high80Cents: band.high,
    lagReason: patternFacts(o.pattern ?? cells, cutoff, o).learned
      ? null
      : 'Geen volledig gedeclareerde maanden om de declaratievertraging van te leren: nog niet gedeclareerde zorg is niet geschat.',
    intervalReason: band.reason,
  };
}
