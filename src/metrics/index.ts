// The metrics engine's import surface: the catalogue, lookup, and computeMetric (parses the question, then computes).
import { ensureDerived, join, sql, type Store } from '../store/index.ts';
import { budgetRealisation } from './budget.ts';
import { claims } from './claims.ts';
import { cohorts } from './cohorts.ts';
import { costs } from './costs.ts';
import { decomposition } from './decomposition.ts';
import { duration, endings, reindication } from './durations.ts';
import { flows, reentry } from './flows.ts';
import { intensiveClientList, intensiveClients, intensiveEntry } from './intensive.ts';
import { pathways, stacking, transitions } from './pathways.ts';
import { perYouth } from './peryouth.ts';
import { providerConcentration, providers } from './providers.ts';
import { gpSpecialistMh, referrals, referrers } from './referrals.ts';
import { utilisation } from './utilisation.ts';
import { extendedCare, waitingTime } from './waiting.ts';
import { costsYoy } from './yoy.ts';
import { invalidRequest } from '../errors.ts';
import { parseRequest, withDefaults } from '../contract/parse.ts';
import type { Metric, MetricRequest, MetricResult } from './types.ts';
import { precomputedAllowed, withPrecomputed } from './sql/precomputed.ts';

export type * from './types.ts';

/** Every metric Roer computes, in the order the dashboard lists them. */
export const catalogue: Metric[] = [
  costs,
  costsYoy,
  perYouth,
  decomposition,
  utilisation,
  claims,
  cohorts,
  intensiveClients,
  intensiveEntry,
  intensiveClientList,
  referrals,
  referrers,
  gpSpecialistMh,
  flows,
  reentry,
  duration,
  endings,
  reindication,
  waitingTime,
  extendedCare,
  pathways,
  transitions,
  stacking,
  providers,
  providerConcentration,
  budgetRealisation,
];

/** The metric with this id, or undefined. */
export function getMetric(id: string): Metric | undefined {
  return catalogue.find((m) => m.id === id);
}

export interface ComputeOptions {
  /** Read the tables precomputed at load where they give the same answer (default true; false computes on the fly). */
  precomputed?: boolean;
}

/**
 * Parses `request` for metric `id` (the one parser the API uses too) and computes it on `store`.
 * @throws HttpError (400) listing every problem of the question with its path, or naming an unknown metric.
 * @example await computeMetric(store, 'costs', { filters: { from: '2018-01-01', to: '2018-12-31' }, split: ['care_type'] })
 */
export async function computeMetric(
  store: Store,
  id: string,
  request: Partial<MetricRequest>,
  options: ComputeOptions = {},
): Promise<MetricResult> {
  const metric = getMetric(id);
  if (!metric) throw invalidRequest([{ path: 'metric', message: `Onbekende maatstaf '${id}'.` }]);
  const parsed = parseRequest(metric, { filters: request.filters ?? {}, split: request.split, params: request.params ?? {} });
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  const valid = withDefaults(metric, parsed.value);
  await ensureDerived(store);
  return withPrecomputed(options.precomputed ?? true, async () => {
    // A scope naming every municipality in the data (a region-wide analyst) filters nothing: computed without it, so the
    // precomputed per-client tables apply; the answer still reports the filters as asked.
    const computed = await metric.compute(store, await dropCoveringMunicipalities(store, valid));
    return { ...computed, filters: valid.filters };
  });
}

async function dropCoveringMunicipalities(store: Store, req: MetricRequest): Promise<MetricRequest> {
  const asked = req.filters.municipality;
  if (!precomputedAllowed() || !asked || asked.length < 2) return req;
  const missing = await store.one<{ n: number }>(
    sql`SELECT count(*) AS n FROM d_municipalities WHERE municipality NOT IN (${join(asked)})`,
  );
  if (Number(missing?.n ?? 1) > 0) return req;
  const { municipality: _, ...filters } = req.filters;
  return { ...req, filters };
}
