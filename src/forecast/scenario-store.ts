// The scenario on the store: fits the stock-flow baseline per care type for the scope once per request (with each care
// type's inflow divided over its referrer types), and runs the register's measures through it.
import { ensureDerived, ident, join, sql, type Store } from '../store/index.ts';
import type { Measure } from './measures.ts';
import { baselineFromProjection } from './scenario-baseline.ts';
import { type Scenario, type ScenarioBaseline, type ScenarioRequest, scenario } from './scenario.ts';
import { projectStockFlow, type StockFlowYear } from './stockflow.ts';
import { fitStockFlow } from './stockflow-store.ts';

/** The price index the scenario's baseline runs on (% a year), as the report's multi-year baseline. */
export const SCENARIO_INDEX_PERCENT = 2;

export interface ScenarioScope {
  /** Within these municipalities only (undefined: the whole region; an empty list: nothing). */
  municipalities?: readonly string[];
  /** The scope's name for the baseline's label (see baselinePlace). */
  place: string;
}

const within = (column: string[], m: readonly string[] | undefined) =>
  m ? sql`AND ${ident(...column)} IN (${m.length ? join([...m]) : sql`NULL`})` : sql``;

/**
 * Per care type, the share of each referrer type in the trajectories that started in `baseYear`: a trajectory counts
 * for the referrer of the allocation that opened it (of several opened on its first day, the first by allocation key).
 */
export async function referrerShares(
  store: Store,
  baseYear: number,
  municipalities?: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  await ensureDerived(store);
  const rows = await store.all<{ care_type: string; referrer_type: string; n: number }>(sql`
    SELECT care_type, referrer_type, count(*)::INTEGER AS n FROM (
      SELECT s.care_type, coalesce(arg_min(a.referrer_type, a.alloc_key), '00') AS referrer_type
      FROM d_care_seg s JOIN d_alloc a ON a.client_id = s.client_id AND a.municipality = s.municipality
        AND a.care_type = s.care_type AND a.start_date = s.seg_start AND a.end_date >= a.start_date
      WHERE year(s.seg_start) = ${baseYear} ${within(['s', 'municipality'], municipalities)}
      GROUP BY s.municipality, s.client_id, s.care_type, s.seg_start)
    GROUP BY ALL ORDER BY care_type, referrer_type`);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.care_type, (totals.get(r.care_type) ?? 0) + r.n);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    let shares = out.get(r.care_type);
    if (!shares) out.set(r.care_type, (shares = {}));
    shares[r.referrer_type] = r.n / totals.get(r.care_type)!;
  }
  return out;
}

/** The last year with data through December within the scope; null without data. */
async function lastCompleteYear(store: Store, municipalities?: readonly string[]): Promise<number | null> {
  await ensureDerived(store);
  const row = await store.one<{ m: string | null }>(
    sql`SELECT strftime(max(care_date), '%Y-%m') AS m FROM d_cost WHERE true ${within(['municipality'], municipalities)}`,
  );
  if (!row?.m) return null;
  const [year, month] = row.m.split('-').map(Number);
  return month === 12 ? year! : year! - 1;
}

/**
 * The baseline of the scenario years: fitted on the year before the first (or on the last complete year when that is
 * earlier), projected through the last year. Undefined, with the Dutch reason, when the scope has nothing to fit on.
 */
export async function fitScenarioBaseline(
  store: Store,
  years: readonly number[],
  scope: ScenarioScope,
): Promise<{ baseline: ScenarioBaseline } | { reason: string }> {
  const last = await lastCompleteYear(store, scope.municipalities);
  if (last === null) return { reason: `Er zijn nog geen gegevens van ${scope.place} om een basislijn op te fitten.` };
  const baseYear = Math.min(Math.min(...years) - 1, last);
  const projected = Array.from({ length: Math.max(...years) - baseYear }, (_, i) => baseYear + 1 + i);
  const fitted = await fitStockFlow(store, baseYear, projected, SCENARIO_INDEX_PERCENT / 100, {
    municipalities: scope.municipalities,
  });
  if (fitted.length === 0) return { reason: `Er zijn geen trajecten tot en met ${baseYear} in de gegevens van ${scope.place}.` };
  const projections = new Map<string, StockFlowYear[]>(fitted.map((f) => [f.careType, projectStockFlow(f.input)]));
  const shares = await referrerShares(store, baseYear, scope.municipalities);
  return {
    baseline: {
      place: scope.place,
      baseYear,
      indexPercent: SCENARIO_INDEX_PERCENT,
      of: baselineFromProjection(projections, shares),
    },
  };
}

/** The register's scenario on the store: the baseline is fitted only when a measure acts on a lever that needs it. */
export async function scenarioOnStore(
  store: Store,
  measures: readonly Measure[],
  req: ScenarioRequest,
  scope: ScenarioScope,
): Promise<Scenario> {
  const needs = measures.some((m) => m.mechanisms.some((x) => x.lever.kind !== 'fixed'));
  if (!needs || req.years.length === 0) return scenario(measures, req);
  const fit = await fitScenarioBaseline(store, req.years, scope);
  return 'baseline' in fit ? scenario(measures, req, fit.baseline) : scenario(measures, req, undefined, fit.reason);
}
