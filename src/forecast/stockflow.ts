// Multi-year stock-flow baseline of one care type, month by month: new entrants (per age band, scaled by a population
// forecast, else flat) stay in care as the observed survival says; care-days × the indexed price per care-day give the cost.
import { type SurvivalStep, survivalAt } from './survival.ts';

/** Trajectories already running when the projection starts: `count` of them have been in care `elapsedMonths`. */
export interface Running {
  elapsedMonths: number;
  count: number;
}

export interface StockFlowInput {
  /** The year the inflow and the price per care-day were observed in. */
  baseYear: number;
  /** Consecutive years to project; the first starts in January with the `running` trajectories. */
  years: readonly number[];
  /** New entrants per month in the base year, per age band ('' when undivided). */
  inflowPerMonth: Readonly<Record<string, number>>;
  /** Population per year and age band; each band's inflow scales with its population against the base year (a band
   * the population never counts stays flat). */
  population?: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** Survival of durations in whole months (Kaplan–Meier); S(k) = share still in care k months after entry. */
  survival: readonly SurvivalStep[];
  running?: readonly Running[];
  /** Price per care-day in the base year (cents). */
  costPerCareDayCents: number;
  /** Yearly price index, e.g. 0.02 for "+2 % indexatie". */
  priceIndex: number;
}

export interface StockFlowYear {
  year: number;
  entrants: number;
  /** Youths in care per month, January to December. */
  stock: number[];
  careDays: number;
  /** The base price indexed to this year, rounded to whole cents. */
  pricePerCareDayCents: number;
  costCents: number;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Entrants per month in `year`: per age band the base inflow × population(year) / population(base year). */
export function monthlyInflow(input: StockFlowInput, year: number): number {
  let total = 0;
  for (const [band, lambda] of Object.entries(input.inflowPerMonth)) {
    if (!input.population) {
      total += lambda;
      continue;
    }
    const base = input.population[input.baseYear]?.[band];
    const now = input.population[year]?.[band];
    if (base === undefined && !Object.values(input.population).some((p) => band in p)) {
      total += lambda; // a band the population does not count (e.g. unknown age) stays flat
      continue;
    }
    if (base === undefined || now === undefined)
      throw new RangeError(
        `Bevolkingsprognose ontbreekt voor leeftijdsgroep '${band}' in ${base === undefined ? input.baseYear : year}`,
      );
    total += base === 0 ? 0 : (lambda * now) / base;
  }
  return total;
}

/**
 * Projects the care type. Stock in month m = Σ entrants of month j ≤ m × S(m − j) + Σ running × S(a + m) / S(a): an
 * entrant counts in its month of entry, and a trajectory of T whole months counts in T months. With constant inflow λ
 * and mean duration D = Σₖ S(k) the stock settles at exactly λ·D.
 */
export function projectStockFlow(input: StockFlowInput): StockFlowYear[] {
  const S = (k: number) => survivalAt(input.survival, k);
  const entrants: number[] = [];
  const out: StockFlowYear[] = [];
  for (const year of input.years) {
    const lambda = monthlyInflow(input, year);
    const price = Math.round(input.costPerCareDayCents * (1 + input.priceIndex) ** (year - input.baseYear));
    const stock: number[] = [];
    let careDays = 0;
    for (let month = 0; month < 12; month++) {
      const m = entrants.length;
      entrants.push(lambda);
      let s = 0;
      for (let j = 0; j <= m; j++) s += entrants[j]! * S(m - j);
      for (const r of input.running ?? []) {
        const alive = S(r.elapsedMonths);
        if (alive > 0) s += (r.count * S(r.elapsedMonths + m)) / alive;
      }
      stock.push(s);
      careDays += s * daysIn(year, month);
    }
    out.push({
      year,
      entrants: lambda * 12,
      stock,
      careDays,
      pricePerCareDayCents: price,
      costCents: Math.round(careDays * price),
    });
  }
  return out;
}
