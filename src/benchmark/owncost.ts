// The municipality's own cost per inhabitant or per youth with youth care (from its own data: the per_youth metric,
// split by year or half-year) as a line beside CBS's in a benchmark, indexed on the same base period. Pure: the caller
// asks the metric through the guard, so scoping and small-number protection apply to the own figure as to any other.
import type { MetricResult, Value } from '../metrics/types.ts';
import { type BenchmarkLine, type BenchmarkSeries, indexedLine } from './series.ts';

/** The label of the own line in a table or a legend. */
export const OWN_LABEL = 'eigen gegevens';

/** What the own amount is per: every inhabitant, or every youth (0–17) with youth care. */
export type OwnCostPer = 'inwoner' | 'client';

const SHIELDED = 'afgeschermd: te weinig cliënten';

/** A period the own data does not cover (after its last invoiced month, or without any cost or client): missing, never € 0. */
export const NO_OWN_DATA = 'geen eigen gegevens over deze periode';

/** The first month ('YYYY-MM') of a year ('2025') or half-year ('2025-H2'). */
const firstMonth = (period: string) => (period.endsWith('-H2') ? `${period.slice(0, 4)}-07` : `${period.slice(0, 4)}-01`);

/** One row's own figure, or why it has none; from the figures the guard let through (so never from hidden ones). */
function ownFigure(r: Record<string, Value>, per: OwnCostPer): { value: number | null; reason?: string } {
  // No cost and no youth in care: the own data has nothing on the period (the metric fills such a row with zeros).
  if (r.cost === 0 && r.clients === 0) return { value: null, reason: NO_OWN_DATA };
  if (per === 'inwoner') {
    if (typeof r.cost_per_inhabitant === 'number') return { value: r.cost_per_inhabitant };
    return {
      value: null,
      reason: typeof r.clients !== 'number' ? SHIELDED : 'het eigen inwonertal (bevolkingstabel) ontbreekt',
    };
  }
  // Per youth in care: the cost over the clients 0–17, both as the reader sees them (perturbed), so the ratio
  // reveals nothing the row does not.
  if (typeof r.clients !== 'number' || typeof r.cost !== 'number') return { value: null, reason: SHIELDED };
  if (r.clients === 0) return { value: null, reason: 'geen eigen jongeren met jeugdhulp in deze periode' };
  return { value: r.cost / r.clients };
}

/**
 * The own line from a per_youth result split by `year` or `half_year`: its `cost_per_inhabitant`, or its `cost` over its
 * `clients` (0–17) per youth in care; without a result (refused, or no data), a line without points. `through`: the last
 * month with own invoices ('YYYY-MM', the coverage); a period starting after it has no own figure (running allocations
 * give it clients but no cost yet), nor has any period when there are no invoices at all (null).
 * @example ownCostLine(result, '2022') // → { who: 'eigen', label: 'eigen gegevens', points: [{ period: '2022', value: 238.78, index: 100, … }] }
 */
export function ownCostLine(
  result: MetricResult | null,
  base: string,
  per: OwnCostPer = 'inwoner',
  through?: string | null,
): BenchmarkLine {
  const split = /^\d{4}$/.test(base) ? 'year' : 'half_year';
  const covered = (period: string) => through === undefined || (through !== null && firstMonth(period) <= through);
  const raw = (result?.rows ?? [])
    .filter((r) => r[split] !== null && r[split] !== undefined)
    .map((r) => {
      const period = String(r[split]);
      return covered(period) ? { period, ...ownFigure(r, per) } : { period, value: null, reason: NO_OWN_DATA };
    })
    .sort((a, b) => a.period.localeCompare(b.period));
  return indexedLine('eigen', OWN_LABEL, raw, base, { unit: 'eur', decimals: 100, missing: 'geen eigen cijfer' });
}

/**
 * The series with the own line added as the last line (the lines before keep their places); every line gets a point for each period either
 * has (a period CBS lacks: no figure, with the reason), so a table lines up.
 */
export function withOwnLine(series: BenchmarkSeries, own: BenchmarkLine, ownReason: string | null): BenchmarkSeries {
  const periods = [
    ...new Set([...series.lines.flatMap((l) => l.points.map((p) => p.period)), ...own.points.map((p) => p.period)]),
  ].sort();
  const fill = (line: BenchmarkLine, reason: string): BenchmarkLine => {
    const at = new Map(line.points.map((p) => [p.period, p]));
    return {
      ...line,
      points: periods.map((period) => at.get(period) ?? { period, value: null, percent: null, index: null, reason }),
    };
  };
  return {
    ...series,
    lines: [...series.lines.map((l) => fill(l, 'geen CBS-cijfer voor deze periode')), fill(own, ownReason ?? NO_OWN_DATA)],
  };
}
