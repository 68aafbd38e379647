// Disclosure control across questions for aggregate-only roles (reader, provider), on top of cell suppression:
// 1. a fixed question space: no dimension filters, whole calendar years, one split besides the year, default parameters,
//    so no two questions differ by one hidden cell through a filter, a parameter step or a shifted period;
// 2. cell-key perturbation: every published figure gets a small, never-zero noise derived from a secret key and the cell's
//    exact figures, so the same cell always shows the same value and a difference of answers yields noise, not a value.
import { createHmac } from 'node:crypto';
import type { Metric, MetricRequest, MetricResult, Value } from '../metrics/types.ts';
import { denied } from './errors.ts';
import { RIGHTS, type User } from './roles.ts';
import { scopeOf } from './scope.ts';

/** Count noise: ±1 or ±2, never 0. Other figures: ±2 % to ±5 % of the value, never less. */
export const COUNT_NOISE = [1, 2] as const;
export const RELATIVE_NOISE = { min: 0.02, max: 0.05 } as const;

/** The perturbation key of an installation, derived from its secret (so it lives outside the database too). */
export function cellKeyFrom(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('roer/celsleutel/v1').digest();
}

const YEAR_START = /^\d{4}-01-01$/;
const YEAR_END = /^\d{4}-12-31$/;

/**
 * Refuses (AccessError, Dutch, naming the parameter) a question an aggregate-only role may not ask; returns nothing.
 * Analysts and administrators are never restricted.
 * @example fixedQuestion(reader, costs, { filters: { referrer_type: ['05'] }, split: [] }) // throws: filter not allowed
 */
export function fixedQuestion(user: User, metric: Pick<Metric, 'params'>, request: MetricRequest): void {
  const rights = RIGHTS[user.role];
  if (!rights.suppressed) return;
  const role = rights.label;
  const scoped = new Set(['municipality', ...Object.keys(scopeOf(user))]);
  for (const [name, value] of Object.entries(request.filters)) {
    if (value === undefined || name === 'from' || name === 'to' || scoped.has(name)) continue;
    if (name === 'basis' && value === 'care') continue;
    throw denied(
      `Met de rol ${role} kunt u niet filteren op '${name}': splits de tabel daarop, dan blijven kleine aantallen afgeschermd.`,
      `filters.${name}`,
    );
  }
  const { from, to } = request.filters;
  if ((from !== undefined && !YEAR_START.test(from)) || (to !== undefined && !YEAR_END.test(to))) {
    throw denied(
      `Met de rol ${role} vraagt u hele kalenderjaren op (van 1 januari tot en met 31 december).`,
      from !== undefined && !YEAR_START.test(from) ? 'filters.from' : 'filters.to',
    );
  }
  const others = request.split.filter((d) => d !== 'year');
  if (others.length > 1) throw denied(`Met de rol ${role} splitst u naar één kenmerk tegelijk (naast het jaar).`, 'split');
  for (const [name, value] of Object.entries(request.params ?? {})) {
    const spec = metric.params?.find((p) => p.name === name);
    if (!spec || String(value) !== String(spec.default)) {
      throw denied(`Met de rol ${role} geldt voor '${name}' de vaste waarde ${spec ? spec.default : '(geen)'}.`, `p.${name}`);
    }
  }
}

/** A number in [0, 1) and a sign from `key` and `parts`: the same inputs always give the same draw. */
function draw(key: Buffer, parts: string[]): { u: number; negative: boolean; bit: number } {
  const h = createHmac('sha256', key).update(parts.join('\u0000')).digest();
  return { u: h.readUInt32BE(0) / 2 ** 32, negative: (h[4] & 1) === 1, bit: (h[4] >> 1) & 1 };
}

/**
 * Returns `result` with every visible figure perturbed. The noise of a cell follows from the key and the cell's exact
 * figures only (not from the question), so the same cell shows the same value in every answer and export.
 * Counts stay at or above `threshold` (smaller ones are already suppressed); zeros, nulls and texts stay as they are.
 */
export function perturb(result: MetricResult, key: Buffer, threshold: number): MetricResult {
  const keys = new Set<string>(result.split);
  const figures = result.columns.filter((c) => !keys.has(c.name) && c.unit !== 'text' && c.unit !== 'date');
  if (figures.length === 0) return result;
  const cell = (row: Record<string, Value>) => {
    const exact = JSON.stringify(figures.map((c) => row[c.name] ?? null));
    const out = { ...row };
    for (const c of figures) {
      const v = row[c.name];
      if (typeof v !== 'number' || v === 0) continue;
      const d = draw(key, [exact, c.name]);
      if (c.unit === 'count') {
        const noisy = v + (d.negative ? -1 : 1) * COUNT_NOISE[d.bit];
        out[c.name] = v >= threshold ? Math.max(threshold, noisy) : Math.max(1, noisy);
      } else {
        const f = RELATIVE_NOISE.min + (RELATIVE_NOISE.max - RELATIVE_NOISE.min) * d.u;
        out[c.name] = Math.round(v * (1 + (d.negative ? -f : f)) * 100) / 100;
      }
    }
    return out;
  };
  const note =
    'Voor uw rol zijn alle cijfers licht verstoord (aantallen ±1 of ±2, bedragen en andere cijfers ±2 tot 5 %), ' +
    'steeds op dezelfde manier voor dezelfde cel; zo zijn afgeschermde cijfers niet uit andere antwoorden terug te rekenen.';
  return {
    ...result,
    rows: result.rows.map(cell),
    totals: result.totals && cell(result.totals),
    notes: [...(result.notes ?? []), note],
  };
}
