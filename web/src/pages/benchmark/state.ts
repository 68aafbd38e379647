// The Vergelijken page's choices, kept in the URL as page parameters (p.gemeente, p.maat, p.groep, …) so a bookmark or
// a shared link shows the same comparison; pure, with the defaults each choice falls back on.
import type { BenchmarkChoices } from '../../api.ts';
import type { ViewState } from '../../state.ts';

export type GroupChoice =
  | { kind: 'regio' }
  | { kind: 'grootteklasse' }
  | { kind: 'buren'; municipalities: string[] }
  /** Similar context deciles: which kinds count (empty: every kind), the year ('': the latest), the size class too. */
  | { kind: 'context'; deciles: string[]; year: string; sameSize: boolean }
  | { kind: 'bewaard'; name: string };

export interface BenchmarkState {
  /** The URL's view, to change a choice from. */
  view: ViewState;
  choices: BenchmarkChoices;
  /** The municipality compared (one of the user's own) and the municipalities the user may choose from. */
  municipality: string;
  own: { code: string; name: string }[];
  measure: string;
  group: GroupChoice;
  /** Half-years or years, and the base period (= 100) among them. */
  per: 'halfjaar' | 'jaar';
  /** The kinds of period the measure has figures for and CBS's table has periods of (a cost: years only). */
  periodKinds: ('halfjaar' | 'jaar')[];
  base: string;
  /** The normalised comparison: the other municipality and the period. */
  other: string;
  period: string;
}

const CODE = /^\d{4}$/;

/**
 * The page's state from the URL. `own`: the municipalities the user may choose (the filter list of their scope); the
 * first of the municipality filter, else the first of `own`, is the default.
 */
export function benchmarkState(
  view: ViewState,
  choices: BenchmarkChoices,
  own: { code: string; name: string }[],
): BenchmarkState {
  const p = view.params;
  const codes = own.map((m) => m.code);
  const municipality = [p.gemeente, view.filters.municipality?.[0], codes[0]].find((c) => c && codes.includes(c)) ?? '';
  const measure = choices.measures.some((m) => m.key === p.maat) ? p.maat! : (choices.measures[0]?.key ?? 'jeugdhulp');
  const neighbours = (p.buren ?? '').split(',').filter((c) => CODE.test(c) && c !== municipality);
  const group: GroupChoice =
    p.groep === 'grootteklasse'
      ? { kind: 'grootteklasse' }
      : p.groep === 'buren'
        ? { kind: 'buren', municipalities: neighbours }
        : p.groep === 'context'
          ? contextChoice(p, choices)
          : p.groep === 'bewaard' && p.naam
            ? { kind: 'bewaard', name: p.naam }
            : { kind: 'regio' };
  const periodKinds = (choices.measures.find((m) => m.key === measure)?.periods ?? ['halfjaar', 'jaar']).filter(
    (k) => choices.periods[k].length,
  );
  const per = periodKinds.includes(p.per as 'jaar') ? (p.per as 'halfjaar' | 'jaar') : (periodKinds[0] ?? 'halfjaar');
  const base = basePeriod(p.basis, choices.periods[per]);
  // Compare with another municipality of the same youth-care region by default: the neighbour councils ask about.
  const region = choices.municipalities.find((m) => m.code === municipality)?.region ?? null;
  const known = (c: string | undefined) => !!c && c !== municipality && choices.municipalities.some((m) => m.code === c);
  const other = known(p.met)
    ? p.met!
    : (choices.municipalities.find((m) => m.region === region && m.code !== municipality)?.code ?? '');
  const all = [...choices.periods.jaar, ...choices.periods.halfjaar];
  const period = p.periode && all.includes(p.periode) ? p.periode : (choices.periods.jaar.at(-1) ?? all.at(-1) ?? '');
  return { view, choices, municipality, own, measure, group, per, periodKinds, base, other, period };
}

/**
 * The base period among `periods`: the one asked, else the same year's when the kind of period changed (a yearly
 * measure after '2020-H1': '2020'; back: '2020-H1'), else the first.
 */
function basePeriod(asked: string | undefined, periods: string[]): string {
  if (!asked) return periods[0] ?? '';
  const year = asked.slice(0, 4);
  return [asked, year, `${year}-H1`].find((p) => periods.includes(p)) ?? periods[0] ?? '';
}

/** The context group's choices from the URL, keeping only decile kinds and years the data has. */
function contextChoice(p: Record<string, string | undefined>, choices: BenchmarkChoices): GroupChoice {
  const kinds = choices.deciles.kinds.map((k) => k.key);
  const deciles = (p.decielen ?? '').split(',').filter((k) => kinds.includes(k));
  const year = p.decieljaar && choices.deciles.years.includes(Number(p.decieljaar)) ? p.decieljaar : '';
  return { kind: 'context', deciles: [...new Set(deciles)], year, sameSize: p.zelfde_grootte === 'ja' };
}

/** The query of GET /api/benchmark (and its CSV export) for a state; null when the choice is not complete yet. */
export function seriesQuery(s: BenchmarkState): URLSearchParams | null {
  if (!s.municipality || !s.base) return null;
  const q = new URLSearchParams({ gemeente: s.municipality, maat: s.measure, basis: s.base });
  if (s.group.kind === 'bewaard') q.set('bewaard', s.group.name);
  else if (s.group.kind === 'buren') {
    if (!s.group.municipalities.length) return null;
    q.set('groep', 'buren');
    q.set('buren', s.group.municipalities.join(','));
  } else if (s.group.kind === 'context') {
    q.set('groep', 'context');
    if (s.group.deciles.length) q.set('decielen', s.group.deciles.join(','));
    if (s.group.year) q.set('decieljaar', s.group.year);
    if (s.group.sameSize) q.set('zelfde-grootte', 'ja');
  } else q.set('groep', s.group.kind);
  return q;
}

/** The view with page parameters changed (a value of undefined removes it). */
export function withParams(s: BenchmarkState, change: Record<string, string | undefined>): ViewState {
  const params = { ...s.view.params };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined || v === '') delete params[k];
    else params[k] = v;
  }
  return { ...s.view, params };
}
