// Fits the stock-flow baseline per care type on the store as it stood at the end of a base year: inflow, Kaplan–Meier
// survival of trajectories (running ones censored at that date), the trajectories still running, and the price per care-day.
import { ensureDerived, ident, join, sql, type Store } from '../store/index.ts';
import { ageBandSql } from '../store/intervals.ts';
import type { StockFlowInput } from './stockflow.ts';
import { type Observation, kaplanMeier } from './survival.ts';

/** Days in an average month: durations are counted in whole months (at least one) of this length. */
const MONTH_DAYS = 365.25 / 12;
export const wholeMonths = (days: number) => Math.max(1, Math.round(days / MONTH_DAYS));

export interface FittedCareType {
  careType: string;
  input: StockFlowInput;
}

/**
 * One input per care type, fitted on trajectories (d_care_seg: per client × municipality × care type) that started on
 * or before 31 December of `baseYear`: ended ones by then are endings, the others are censored at that date and carried
 * into the projection as running. Inflow = trajectories started in the base year ÷ 12: flat, or with `byAgeBand` per
 * age band at the start, scaled by the region's population per band (table `population`). Price per care-day = the
 * base year's cost ÷ its care-days.
 */
export async function fitStockFlow(
  store: Store,
  baseYear: number,
  years: readonly number[],
  priceIndex: number,
  options: { byAgeBand?: boolean; municipalities?: readonly string[] } = {},
): Promise<FittedCareType[]> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const end = `${baseYear}-12-31`;
  // Within these municipalities only (a municipality's baseline, or a user's scope); the age bands stay the region's.
  const m = options.municipalities;
  const only = m ? sql`AND municipality IN (${m.length ? join([...m]) : sql`NULL`})` : sql``;
  const trajectories = await store.all<{ care_type: string; started: string; days: number; ended: boolean; band: string }>(sql`
    SELECT care_type, seg_start::VARCHAR AS started, (least(seg_end, ${end}::DATE) - seg_start + 1)::INTEGER AS days,
      (closed AND seg_end < ${end}::DATE) AS ended, ${ageBandSql(ident('birth_date'), ident('seg_start'))} AS band
    FROM d_care_seg WHERE seg_start <= ${end}::DATE ${only} ORDER BY care_type, seg_start`);
  const population = options.byAgeBand ? await regionPopulation(store) : undefined;
  const prices = await store.all<{ care_type: string; cents: number | null; days: number | null }>(sql`
    SELECT t.care_type, c.cents, d.days FROM (SELECT DISTINCT care_type FROM d_care_seg WHERE true ${only}) t
    LEFT JOIN (SELECT care_type, sum(amount_cents)::BIGINT AS cents FROM d_cost WHERE year(care_date) = ${baseYear} ${only}
               GROUP BY ALL) c USING (care_type)
    LEFT JOIN (SELECT care_type, sum(days)::BIGINT AS days FROM d_care_piece WHERE year(month) = ${baseYear} ${only}
               GROUP BY ALL) d USING (care_type)`);
  const byType = new Map<
    string,
    { observations: Observation[]; entrants: Record<string, number>; running: Map<number, number> }
  >();
  for (const t of trajectories) {
    let g = byType.get(t.care_type);
    if (!g) byType.set(t.care_type, (g = { observations: [], entrants: {}, running: new Map() }));
    const duration = wholeMonths(t.days);
    g.observations.push({ duration, ended: t.ended });
    const band = population ? t.band : '';
    if (t.started.startsWith(String(baseYear))) g.entrants[band] = (g.entrants[band] ?? 0) + 1;
    if (!t.ended) g.running.set(duration, (g.running.get(duration) ?? 0) + 1);
  }
  return [...byType].map(([careType, g]) => {
    const price = prices.find((p) => p.care_type === careType);
    return {
      careType,
      input: {
        baseYear,
        years,
        inflowPerMonth: Object.fromEntries(Object.entries(g.entrants).map(([band, n]) => [band, n / 12])),
        ...(population ? { population } : {}),
        survival: kaplanMeier(g.observations),
        running: [...g.running].sort((a, b) => a[0] - b[0]).map(([elapsedMonths, count]) => ({ elapsedMonths, count })),
        costPerCareDayCents: price?.cents && price.days ? Math.round(price.cents / price.days) : 0,
        priceIndex,
      },
    };
  });
}

/** Inhabitants per year and age band, summed over the municipalities (the bands of the population table). */
async function regionPopulation(store: Store): Promise<Record<number, Record<string, number>>> {
  const rows = await store.all<{ year: number; band: string; n: number }>(sql`
    SELECT year, age_band AS band, sum(inhabitants)::BIGINT AS n FROM population WHERE age_band <> 'totaal' GROUP BY ALL`);
  const out: Record<number, Record<string, number>> = {};
  for (const r of rows) (out[r.year] ??= {})[r.band] = r.n;
  return out;
}
