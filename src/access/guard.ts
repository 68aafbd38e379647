// The one path every metric answer takes for a logged-in user: scope the question, compute, verify the answer against
// the scope, suppress small numbers and perturb the rest for aggregate-only roles (whose questions are fixed to a set
// that cannot single out a cell), and write the audit entry (also for refusals).
import type { Store } from '../store/index.ts';
import type { Metric, MetricRequest, MetricResult } from '../metrics/types.ts';
import { audit } from './audit.ts';
import { fixedQuestion, perturb } from './disclosure.ts';
import { AccessError } from './errors.ts';
import { RIGHTS, type User } from './roles.ts';
import { DEFAULT_THRESHOLD, scopeOf, scopeRequest } from './scope.ts';
import { suppress } from './suppress.ts';
import { verifyResult } from './verify.ts';

export interface GuardOptions {
  /** 'view' for the JSON answer, 'export' for CSV/XLSX downloads. */
  kind: 'view' | 'export';
  /** Suppression threshold (default 10). */
  threshold?: number;
  /** Client address for the audit log. */
  ip?: string | null;
  /** Export format, recorded in the audit log. */
  format?: string;
  /** Perturbation key for aggregate-only roles (see disclosure.ts); the server derives it from the installation secret. */
  cellKey: Buffer;
}

/**
 * Computes `metric` for `user` within the user's scope. Throws AccessError (and logs the refusal) when not allowed.
 * @example const result = await guardedCompute(store, user, costs, { filters: {}, split: ['year'] }, { kind: 'view' })
 */
export async function guardedCompute(
  store: Store,
  user: User,
  metric: Metric,
  request: MetricRequest,
  options: GuardOptions,
  compute: (scoped: MetricRequest) => Promise<MetricResult> = (scoped) => metric.compute(store, scoped),
): Promise<MetricResult> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const actor = { name: user.name, role: user.role, ip: options.ip ?? null };
  const detail = {
    filters: request.filters,
    split: request.split,
    params: request.params ?? {},
    scope: scopeOf(user),
    format: options.format,
  };
  let result: MetricResult;
  try {
    fixedQuestion(user, metric, request);
    const scoped = scopeRequest(user, metric, request, threshold);
    detail.filters = scoped.filters;
    result = await compute(scoped);
    verifyResult(user, result);
    if (RIGHTS[user.role].suppressed) result = perturb(suppress(result, threshold), options.cellKey, threshold);
  } catch (e) {
    if (e instanceof AccessError) {
      await audit(store, actor, {
        action: options.kind,
        target: metric.id,
        detail: { ...detail, reason: e.message },
        outcome: 'geweigerd',
      });
    }
    throw e;
  }
  await audit(store, actor, { action: options.kind, target: metric.id, detail, rowCount: result.rows.length });
  return result;
}
