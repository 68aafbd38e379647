// The benchmark series from CBS's figures: the share of youths with youth care (total, without or with residence) per
// period for a municipality, its reference group, its youth-care region and the Netherlands, each with its index on a
// chosen base period. Groups are pooled (sum of youths in care over sum of youths), never an average of percentages.
import { sql, type Store } from '../store/index.ts';
import { baseIndex } from './baseindex.ts';
import { cbsRegionOf } from './cbs/region.ts';
import { municipalityContext, POPULATION_SOURCE } from './context.ts';
import { readCbsSeries, type CbsPoint, type SeriesQuery } from './figures.ts';
import { groupLabel, groupMembers, pooledRate, type MunicipalityFacts, type ReferenceGroup } from './groups.ts';

/** The measures a benchmark shows, by the name the API takes, with their CBS measure (found by title). */
export const BENCHMARK_MEASURES = {
  jeugdhulp: { label: 'Jongeren met jeugdhulp (% van 0–17 jaar)', measure: 'Totaal jongeren met jeugdhulp' },
  'zonder-verblijf': { label: 'Jongeren met jeugdhulp zonder verblijf (% van 0–17 jaar)', measure: 'Jeugdhulp zonder verblijf' },
  'met-verblijf': { label: 'Jongeren met jeugdhulp met verblijf (% van 0–17 jaar)', measure: 'Jeugdhulp met verblijf' },
} as const;
export type BenchmarkMeasure = keyof typeof BENCHMARK_MEASURES;

/** Where the youths come from: CBS 85097NED; their base, the population 0 to 18 years of 03759ned. */
export const YOUTH_TABLE = '85097NED';
export const YOUTH_POPULATION: Omit<SeriesQuery, 'regions'> = {
  ...POPULATION_SOURCE,
  dims: { Geslacht: 'Totaal mannen en vrouwen', Leeftijd: '0 tot 18 jaar' },
};

export interface BenchmarkPoint {
  period: string;
  percent: number | null;
  index: number | null;
  /** Why there is no percent or index. */
  reason: string | null;
}

export interface BenchmarkLine {
  who: 'gemeente' | 'groep' | 'regio' | 'nederland';
  label: string;
  points: BenchmarkPoint[];
}

export interface BenchmarkSeries {
  measure: BenchmarkMeasure;
  label: string;
  base: string;
  lines: BenchmarkLine[];
  /** Group members whose membership or figures were unknown: named, never silently dropped. */
  leftOut: string[];
}

/**
 * The benchmark of `municipality` against `group` for `measure`, per period of CBS's table (half-years or years, as
 * `base` is), indexed on `base` (= 100).
 * @example await benchmarkSeries(store, { municipality: '1708', group: { kind: 'regio', region: 'IJsselland' }, measure: 'met-verblijf', base: '2020-H1' })
 */
export async function benchmarkSeries(
  store: Store,
  q: { municipality: string; group: ReferenceGroup; measure: BenchmarkMeasure; base: string },
): Promise<BenchmarkSeries> {
  const kind = /^\d{4}$/.test(q.base) ? 'jaar' : 'halfjaar';
  const counts = (await readCbsSeries(store, { table: YOUTH_TABLE, measure: BENCHMARK_MEASURES[q.measure].measure })).filter(
    (p) => p.periodKind === kind,
  );
  const youths = await readCbsSeries(store, YOUTH_POPULATION);
  const totals = await readCbsSeries(store, POPULATION_SOURCE);
  const at = (points: CbsPoint[]) => new Map(points.map((p) => [`${p.region}|${p.period}`, p.value]));
  const [count, base, total] = [at(counts), at(youths), at(totals)];
  // Why a cell is empty, as CBS said it ('geheim', 'onbekend'): a single municipality's missing figure names it.
  const why = (points: CbsPoint[]) => new Map(points.map((p) => [`${p.region}|${p.period}`, p.missing]));
  const [countWhy, baseWhy] = [why(counts), why(youths)];
  const periods = [...new Set(counts.map((p) => p.period))].sort();
  const baseYear = q.base.slice(0, 4);

  const refs = await store.all<{ code: string; name: string; region: string | null }>(
    sql`SELECT code, name, region FROM municipality ORDER BY code`,
  );
  const facts: MunicipalityFacts[] = refs.map((r) => ({
    ...r,
    population: total.get(`${cbsRegionOf(r.code)}|${baseYear}`) ?? null,
  }));
  const self = facts.find((m) => m.code === q.municipality);
  const group = groupMembers(q.group, facts, q.municipality);
  const regionMembers = self?.region ? facts.filter((m) => m.region === self.region).map((m) => m.code) : [];
  const leftOut = new Set(group.unknown);

  const missingReason = (regions: string[], period: string): string => {
    const [one] = regions;
    if (regions.length !== 1 || !one) return 'het CBS-cijfer of het aantal jongeren ontbreekt';
    const key = `${one}|${period}`;
    if (!count.has(key)) return 'geen CBS-cijfer ingelezen voor deze periode';
    if (count.get(key) === null) return `CBS geeft geen cijfer (${countWhy.get(key) ?? 'leeg'})`;
    const baseKey = `${one}|${period.slice(0, 4)}`;
    if (base.get(baseKey) === 0) return '0 jongeren van 0–17 jaar op 1 januari: geen percentage';
    return `het aantal jongeren van 0–17 jaar op 1 januari ontbreekt (${base.has(baseKey) ? (baseWhy.get(baseKey) ?? 'leeg') : 'niet ingelezen'})`;
  };
  const line = (who: BenchmarkLine['who'], label: string, regions: string[]): BenchmarkLine => {
    const raw = periods.map((period) => {
      const rate = pooledRate(
        regions.map((r) => ({
          code: r,
          count: count.get(`${r}|${period}`) ?? null,
          base: base.get(`${r}|${period.slice(0, 4)}`) ?? null,
        })),
      );
      if (who !== 'gemeente' && who !== 'nederland') for (const c of rate.leftOut) leftOut.add(c);
      return { period, value: rate.percent };
    });
    const index = baseIndex(raw, q.base);
    return {
      who,
      label,
      points: raw.map((p, i) => ({
        period: p.period,
        percent: p.value === null ? null : Math.round(p.value * 100) / 100,
        index: index[i]!.index === null ? null : Math.round(index[i]!.index! * 10) / 10,
        reason: p.value === null ? missingReason(regions, p.period) : index[i]!.reason,
      })),
    };
  };
  const gm = (codes: readonly string[]) => codes.map(cbsRegionOf);
  return {
    measure: q.measure,
    label: BENCHMARK_MEASURES[q.measure].label,
    base: q.base,
    lines: [
      line('gemeente', self?.name ?? q.municipality, gm([q.municipality])),
      line('groep', groupLabel(q.group), gm(group.members)),
      line('regio', self?.region ? `jeugdzorgregio ${self.region}` : 'jeugdzorgregio onbekend', gm(regionMembers)),
      line('nederland', 'Nederland', ['NL01']),
    ],
    leftOut: [...leftOut].map((r) => r.replace(/^GM/, '')).sort(),
  };
}

/** The kinds of reference group a question can name; the group itself follows from the municipality. */
export type GroupKind = ReferenceGroup['kind'];

/**
 * The reference group of `municipality`: its youth-care region, its size class (from CBS's population in `year`), or
 * the neighbours given. Null with the Dutch reason when it cannot be decided.
 */
export async function resolveGroup(
  store: Store,
  municipality: string,
  kind: GroupKind,
  neighbours: readonly string[],
  year: number,
): Promise<{ group: ReferenceGroup } | { reason: string }> {
  if (kind === 'buren') return { group: { kind, municipalities: neighbours } };
  const ctx = await municipalityContext(store, municipality, year);
  if (kind === 'regio')
    return ctx.region ? { group: { kind, region: ctx.region } } : { reason: `de jeugdzorgregio van ${municipality} is onbekend` };
  return ctx.sizeClass
    ? { group: { kind, sizeClass: ctx.sizeClass.key } }
    : { reason: `het inwonertal van ${municipality} in ${year} is onbekend (${ctx.missing})` };
}
