// The benchmark series from CBS's figures: the share of youths with youth care (total, without or with residence), or
// the youth-care cost per inhabitant or per youth with youth care, per period for a municipality, its reference group,
// its youth-care region and the Netherlands, each with its index on a chosen base period. Groups are pooled (sum of
// youths in care over sum of youths, sum of costs over sum of inhabitants or of youths in care), never an average of
// the members' figures.
import { sql, type Store } from '../store/index.ts';
import { baseIndex } from './baseindex.ts';
import { cbsRegionOf } from './cbs/region.ts';
import { latestDeciles, municipalityContext, POPULATION_SOURCE, readDeciles } from './context.ts';
import { DECILE_KINDS, type DecileKind } from './deciles.ts';
import { readCbsSeries, type CbsPoint, type SeriesQuery } from './figures.ts';
import { groupLabel, groupMembers, pooledRatio, type MunicipalityFacts, type ReferenceGroup } from './groups.ts';
import { RoerError } from '../errors.ts';

/** Where the costs come from: CBS 83454NED, municipal youth-care expenditure (lasten) in thousands of euros per year. */
export const COST_TABLE = '83454NED';

/** Where the youths come from: CBS 85097NED; their base, the population 0 to 18 years of 03759ned. */
export const YOUTH_TABLE = '85097NED';

/** The youths with youth care (85097NED), the base of the cost per youth in care. */
const YOUTHS_IN_CARE = 'Totaal jongeren met jeugdhulp';

/**
 * The measures a benchmark shows, by the name the API takes, with their CBS measure (found by title) and unit: a share
 * of the youths 0–17 ('pct'), or an amount ('eur') per inhabitant or per youth with youth care (`per`). `periods`: the
 * kinds of period CBS publishes it for (85097NED per half-year and year; 83454NED's costs per year only).
 */
export const BENCHMARK_MEASURES = {
  jeugdhulp: {
    label: 'Jongeren met jeugdhulp (% van 0–17 jaar)',
    measure: YOUTHS_IN_CARE,
    unit: 'pct',
    per: 'jongeren',
    periods: ['halfjaar', 'jaar'],
  },
  'zonder-verblijf': {
    label: 'Jongeren met jeugdhulp zonder verblijf (% van 0–17 jaar)',
    measure: 'Jeugdhulp zonder verblijf',
    unit: 'pct',
    per: 'jongeren',
    periods: ['halfjaar', 'jaar'],
  },
  'met-verblijf': {
    label: 'Jongeren met jeugdhulp met verblijf (% van 0–17 jaar)',
    measure: 'Jeugdhulp met verblijf',
    unit: 'pct',
    per: 'jongeren',
    periods: ['halfjaar', 'jaar'],
  },
  'kosten-per-inwoner': {
    label: 'Lasten jeugdhulp per inwoner (€)',
    measure: 'Lasten jeugdhulp totaal',
    unit: 'eur',
    per: 'inwoner',
    periods: ['jaar'],
  },
  'kosten-per-client': {
    label: 'Lasten jeugdhulp per jongere met jeugdhulp (€)',
    measure: 'Lasten jeugdhulp totaal',
    unit: 'eur',
    per: 'client',
    periods: ['jaar'],
  },
} as const;
export type BenchmarkMeasure = keyof typeof BENCHMARK_MEASURES;
export const YOUTH_POPULATION: Omit<SeriesQuery, 'regions'> = {
  ...POPULATION_SOURCE,
  dims: { Geslacht: 'Totaal mannen en vrouwen', Leeftijd: '0 tot 18 jaar' },
};

export interface BenchmarkPoint {
  period: string;
  /** The figure in the series' unit (a percentage, or euros per inhabitant to the cent). */
  value: number | null;
  /** The same figure for a share measure; null for an amount (kept for the callers from before amounts). */
  percent: number | null;
  index: number | null;
  /** Why there is no percent or index. */
  reason: string | null;
}

export interface BenchmarkLine {
  /** 'eigen': the municipality's own figure from its own data (the metrics engine), beside CBS's lines. */
  who: 'gemeente' | 'groep' | 'regio' | 'nederland' | 'eigen';
  label: string;
  points: BenchmarkPoint[];
}

export interface BenchmarkSeries {
  measure: BenchmarkMeasure;
  label: string;
  /** 'pct': points are percentages; 'eur': euros per inhabitant. */
  unit: 'pct' | 'eur';
  base: string;
  lines: BenchmarkLine[];
  /** Why CBS's lines have no figures at all (the table is not imported), else absent. */
  note?: string;
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
  const def = BENCHMARK_MEASURES[q.measure];
  const money = def.unit === 'eur';
  // Costs: CBS 83454NED (x 1 000 euro) over all inhabitants or CBS's youths with youth care in the year (85097NED);
  // shares: 85097NED over the youths 0–17, × 100. For a cost, a table not read in leaves CBS's lines empty, with a note.
  const notes: string[] = [];
  const read = async (query: SeriesQuery): Promise<CbsPoint[]> => {
    try {
      return await readCbsSeries(store, query);
    } catch (e) {
      if (!(e instanceof RoerError) || !money) throw e;
      notes.push(e.message);
      return [];
    }
  };
  const counts = (await read({ table: money ? COST_TABLE : YOUTH_TABLE, measure: def.measure })).filter(
    (p) => p.periodKind === kind,
  );
  const totals = await readCbsSeries(store, POPULATION_SOURCE);
  const youths =
    def.per === 'jongeren'
      ? await readCbsSeries(store, YOUTH_POPULATION)
      : def.per === 'inwoner'
        ? totals
        : (await read({ table: YOUTH_TABLE, measure: YOUTHS_IN_CARE })).filter((p) => p.periodKind === 'jaar');
  const note = notes.length ? `${notes.join('; ')}: alleen het eigen cijfer is er.` : undefined;
  const at = (points: CbsPoint[]) => new Map(points.map((p) => [`${p.region}|${p.period}`, p.value]));
  const [count, base, total] = [at(counts), at(youths), at(totals)];
  // Why a cell is empty, as CBS said it ('geheim', 'onbekend'): a single municipality's missing figure names it.
  const why = (points: CbsPoint[]) => new Map(points.map((p) => [`${p.region}|${p.period}`, p.missing]));
  const [countWhy, baseWhy] = [why(counts), why(youths)];
  const scale = money ? 1000 : 100;
  const periods = [...new Set(counts.map((p) => p.period))].sort();
  const baseYear = q.base.slice(0, 4);

  const refs = await store.all<{ code: string; name: string; region: string | null }>(
    sql`SELECT code, name, region FROM municipality ORDER BY code`,
  );
  const deciles = q.group.kind === 'context' ? await readDeciles(store, q.group.year) : null;
  const facts: MunicipalityFacts[] = refs.map((r) => ({
    ...r,
    population: total.get(`${cbsRegionOf(r.code)}|${baseYear}`) ?? null,
    ...(deciles ? { deciles: deciles.get(r.code) ?? {} } : {}),
  }));
  const self = facts.find((m) => m.code === q.municipality);
  const group = groupMembers(q.group, facts, q.municipality);
  const regionMembers = self?.region ? facts.filter((m) => m.region === self.region).map((m) => m.code) : [];
  const leftOut = new Set(group.unknown.map(cbsRegionOf));

  const missing = !money
    ? 'het CBS-cijfer of het aantal jongeren ontbreekt'
    : def.per === 'inwoner'
      ? 'het CBS-cijfer of het inwonertal ontbreekt'
      : 'het lastencijfer of het aantal jongeren met jeugdhulp ontbreekt';
  const missingReason = (regions: string[], period: string): string => {
    const [one] = regions;
    if (regions.length !== 1 || !one || def.per === 'inwoner') return missing;
    if (def.per === 'client') return perClientReason(`${one}|${period}`);
    const key = `${one}|${period}`;
    if (!count.has(key)) return 'geen CBS-cijfer ingelezen voor deze periode';
    if (count.get(key) === null) return `CBS geeft geen cijfer (${countWhy.get(key) ?? 'leeg'})`;
    const baseKey = `${one}|${period.slice(0, 4)}`;
    if (base.get(baseKey) === 0) return '0 jongeren van 0–17 jaar op 1 januari: geen percentage';
    return `het aantal jongeren van 0–17 jaar op 1 januari ontbreekt (${base.has(baseKey) ? (baseWhy.get(baseKey) ?? 'leeg') : 'niet ingelezen'})`;
  };
  // A single municipality's missing cost per youth in care: which of the two CBS figures is missing, and why.
  const perClientReason = (key: string): string => {
    if (!count.has(key)) return 'geen lastencijfer (CBS 83454NED) ingelezen voor dit jaar';
    if (count.get(key) === null) return `CBS geeft geen lastencijfer (${countWhy.get(key) ?? 'leeg'})`;
    if (!base.has(key)) return 'geen aantal jongeren met jeugdhulp (CBS 85097NED) ingelezen voor dit jaar';
    if (base.get(key) === null) return `CBS geeft geen aantal jongeren met jeugdhulp (${baseWhy.get(key) ?? 'leeg'})`;
    return '0 jongeren met jeugdhulp: geen bedrag per jongere';
  };
  const line = (who: BenchmarkLine['who'], label: string, regions: string[]): BenchmarkLine => {
    const raw = periods.map((period) => {
      const rate = pooledRatio(
        regions.map((r) => ({
          code: r,
          count: count.get(`${r}|${period}`) ?? null,
          base: base.get(`${r}|${period.slice(0, 4)}`) ?? null,
        })),
      );
      if (who !== 'gemeente' && who !== 'nederland') for (const c of rate.leftOut) leftOut.add(c);
      if (rate.ratio === null) return { period, value: null, reason: missingReason(regions, period) };
      return { period, value: rate.ratio * scale };
    });
    return indexedLine(who, label, raw, q.base, {
      unit: def.unit,
      decimals: 100,
      missing,
    });
  };
  const gm = (codes: readonly string[]) => codes.map(cbsRegionOf);
  return {
    measure: q.measure,
    label: def.label,
    unit: def.unit,
    base: q.base,
    lines: [
      line('gemeente', self?.name ?? q.municipality, gm([q.municipality])),
      line('groep', groupLabel(q.group), gm(group.members)),
      line('regio', self?.region ? `jeugdzorgregio ${self.region}` : 'jeugdzorgregio onbekend', gm(regionMembers)),
      line('nederland', 'Nederland', ['NL01']),
    ],
    leftOut: [...leftOut].map((r) => r.replace(/^GM/, '')).sort(),
    ...(note ? { note } : {}),
  };
}

/**
 * A line from its raw figures: each rounded (percentages and euros to two decimals), with its index on `base` (one
 * decimal) and, where there is no figure, the reason.
 */
export function indexedLine(
  who: BenchmarkLine['who'],
  label: string,
  raw: readonly { period: string; value: number | null; reason?: string }[],
  base: string,
  o: { unit: 'pct' | 'eur'; decimals: number; missing: string },
): BenchmarkLine {
  const index = baseIndex(raw, base);
  return {
    who,
    label,
    points: raw.map((p, i) => {
      const value = p.value === null ? null : Math.round(p.value * o.decimals) / o.decimals;
      return {
        period: p.period,
        value,
        percent: o.unit === 'pct' ? value : null,
        index: index[i]!.index === null ? null : Math.round(index[i]!.index! * 10) / 10,
        reason: p.value === null ? (p.reason ?? o.missing) : index[i]!.reason,
      };
    }),
  };
}

/** The kinds of reference group a question can name; the group itself follows from the municipality. */
export type GroupKind = ReferenceGroup['kind'];

/** How a context group is chosen: which deciles, which year (default: the latest), whether the size class too. */
export interface ContextChoice {
  deciles?: readonly DecileKind[];
  year?: number;
  sameSize?: boolean;
}

/**
 * The reference group of `municipality`: its youth-care region, its size class (from CBS's population in `year`), the
 * neighbours given, or the municipalities with similar context deciles. Null with the Dutch reason when it cannot be
 * decided.
 */
export async function resolveGroup(
  store: Store,
  municipality: string,
  kind: GroupKind,
  neighbours: readonly string[],
  year: number,
  choice: ContextChoice = {},
): Promise<{ group: ReferenceGroup } | { reason: string }> {
  if (kind === 'buren') return { group: { kind, municipalities: neighbours } };
  const ctx = await municipalityContext(store, municipality, year);
  if (kind === 'regio')
    return ctx.region ? { group: { kind, region: ctx.region } } : { reason: `de jeugdzorgregio van ${municipality} is onbekend` };
  const noSize = { reason: `het inwonertal van ${municipality} in ${year} is onbekend (${ctx.missing})` };
  if (kind === 'grootteklasse') return ctx.sizeClass ? { group: { kind, sizeClass: ctx.sizeClass.key } } : noSize;
  const kinds = choice.deciles?.length ? choice.deciles : (Object.keys(DECILE_KINDS) as DecileKind[]);
  const own = await latestDeciles(store, municipality, kinds, choice.year);
  const labels = kinds.map((k) => DECILE_KINDS[k].label).join(' en ');
  if (!own || (choice.year !== undefined && own.year !== choice.year))
    return { reason: `voor ${municipality} is geen ${labels}${choice.year ? ` van ${choice.year}` : ''} ingelezen` };
  if (choice.sameSize && !ctx.sizeClass) return noSize;
  return {
    group: {
      kind,
      year: own.year,
      deciles: own.deciles,
      ...(choice.sameSize ? { sizeClass: ctx.sizeClass!.key } : {}),
    },
  };
}
