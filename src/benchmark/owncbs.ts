// The municipality's own count of youths with youth care, made with CBS's definition (85097NED), next to CBS's figure for
// the same period, with the difference and what in the own data explains it (PGB, timing, residence, mergers, care
// outside the iJw). Pure: the store reader (owncbs-read.ts) gathers the inputs.
import { formatEur, formatMonth } from '../contract/format.ts';
import { RESIDENTIAL_CATEGORIES } from '../metrics/peryouth.ts';

/**
 * The definition implemented, as a user reads it. CBS (Beleidsinformatie Jeugd) counts youths with at least one youth-care
 * trajectory in the period as providers report it, in kind only, by municipality of residence; Roer follows that as
 * closely as the own data allows.
 */
export const OWN_CBS_DEFINITION =
  'Eigen cijfer volgens de CBS-definitie (tabel 85097NED, jongeren met jeugdhulp): het aantal verschillende jongeren met ' +
  'ten minste één traject jeugdhulp in natura in de periode (halfjaar of jaar). Een traject is een toewijzing die in de ' +
  'periode loopt: ingangsdatum op of vóór de laatste dag, einddatum leeg of op of na de eerste dag. De jongere telt als ' +
  'hij of zij op de eerste dag van dat traject binnen de periode jonger is dan 18 jaar (0–17; voor verlengde jeugdhulp ' +
  'jonger dan 23: 0–22). Met verblijf: productcategorie 43 of 44 (tot 2015: 35–38); zonder verblijf: elke andere ' +
  'categorie; wie beide had, telt bij beide en één keer in het totaal. Niet geteld, zoals bij het CBS: een PGB, ' +
  'jeugdbescherming (48), jeugdreclassering (47) en preventief justitieel kader (49), en verwijderde toewijzingen. ' +
  'Jongeren zonder bekende geboortedatum tellen niet. De gemeente is die van de toewijzing (de gemeente die betaalt); ' +
  'het CBS telt naar woongemeente. Toewijzingen van gemeenten die later zijn samengevoegd, tellen bij de gemeente van nu.';

/** JZ020 categories CBS does not count as youth care (it publishes child protection and probation apart). */
export const NOT_YOUTH_CARE_CATEGORIES = ['47', '48', '49'] as const;

export const OWN_CBS_MEASURES = ['totaal', 'zonder-verblijf', 'met-verblijf'] as const;
export type OwnCbsMeasure = (typeof OWN_CBS_MEASURES)[number];

/** The measures' titles in CBS's table (found by their path, since the titles repeat under 'Relatief'). */
export const CBS_MEASURE_PATHS: Record<OwnCbsMeasure, string> = {
  totaal: 'Jongeren met jeugdhulp > Totaal jongeren met jeugdhulp',
  'zonder-verblijf': 'Jongeren met jeugdhulp > Jeugdhulp zonder verblijf',
  'met-verblijf': 'Jongeren met jeugdhulp > Jeugdhulp met verblijf',
};

export const MEASURE_LABELS: Record<OwnCbsMeasure, string> = {
  totaal: 'Jongeren met jeugdhulp',
  'zonder-verblijf': 'Jeugdhulp zonder verblijf',
  'met-verblijf': 'Jeugdhulp met verblijf',
};

/** One allocation (or, financing 'PGB', one personal-budget spell) of one youth, as the reader gathers it. */
export interface OwnTrajectory {
  /** The youth's pseudonym. */
  youth: string;
  category: string | null;
  financing: 'ZIN' | 'PGB';
  /** ISO dates; end null = open-ended. */
  start: string;
  end: string | null;
  birth: string | null;
  /** First and last day of care that was delivered (invoice lines, start/stop care); null: none in the data. */
  care: { from: string; to: string } | null;
  /** The youth's municipality of residence as last reported (null: unknown). */
  residence: string | null;
}

/** CBS's figure of one period and measure: a value, or why there is none. */
export interface CbsCell {
  value: number | null;
  missing: string | null;
}

export interface OwnCbsInput {
  /** Today's municipality code and name. */
  municipality: string;
  name: string;
  year: number;
  trajectories: readonly OwnTrajectory[];
  /** CBS's figures by `${period}|${measure}` ('2020-H1|totaal'); absent: the table has no record. */
  cbs: ReadonlyMap<string, CbsCell>;
  /** CBS's youths 0–17 on 1 January of the year (03759ned), for the percentages; null: unknown. */
  youths: number | null;
  /** When the municipality came out of a merger after the start of `year`: the year and the names of the old parts. */
  merger: { year: number; parts: string[]; cbsOwnFigure: boolean } | null;
  /** True when CBS's figures come from the demo's fictitious set (its title says so), not from CBS. */
  fictitious: boolean;
  /** Cost lines of the year outside the iJw invoices (subsidy, lump sum, …), in eurocents per kind. */
  costLines: readonly { kind: string; cents: number }[];
  /** The last care month with an invoice line ('2020-10'); null: no invoices. */
  dataThrough: string | null;
}

export interface OwnCbsRow {
  /** '2020-H1', '2020-H2' or '2020'. */
  period: string;
  measure: OwnCbsMeasure;
  label: string;
  /** Own count 0–17 (null: hidden for this reader). */
  own: number | null;
  /** True when the own counts were hidden for this reader (shown as '<10'). */
  hidden: boolean;
  /** Own count 0–22 (the total measure only; null otherwise or hidden). */
  ownExtended: number | null;
  cbs: number | null;
  /** Why CBS has no figure ('leeg', 'geheim', 'deel ontbreekt', 'geen record'). */
  cbsMissing: string | null;
  /** Own minus CBS; null when either is unknown. */
  difference: number | null;
  /** The difference as a percentage of CBS's figure, one decimal. */
  differencePct: number | null;
  /** Own and CBS's count as a percentage of CBS's youths 0–17, two decimals. */
  ownPercent: number | null;
  cbsPercent: number | null;
}

export type ExplanationKind =
  | 'niet-gestart'
  | 'periodegrens'
  | 'woonplaats'
  | 'pgb'
  | 'jeugdbescherming'
  | 'peildatum'
  | 'herindeling'
  | 'buiten-ijw';

/** Something in the own data that explains (part of) the difference for a period, with its count where it has one. */
export interface OwnCbsExplanation {
  period: string;
  kind: ExplanationKind;
  /** Youths concerned (null: not a count, or hidden for this reader). */
  count: number | null;
  /** True when the count was hidden for this reader (shown as '<10'). */
  hidden: boolean;
  /** Eurocents concerned (care outside the iJw). */
  cents: number | null;
  /** Which way it moves the own figure against CBS's: 'hoger' (own higher), 'lager', or 'geen' (neither counts it). */
  direction: 'hoger' | 'lager' | 'geen';
  text: string;
}

export interface OwnCbsView {
  municipality: string;
  name: string;
  year: number;
  /** CBS's youths 0–17 on 1 January (03759ned), the base of the percentages; null: unknown. */
  youths: number | null;
  definition: string;
  /** True when the CBS figures are the demo's fictitious set: never to be presented as CBS's. */
  fictitious: boolean;
  rows: OwnCbsRow[];
  explanations: OwnCbsExplanation[];
  /** Set for readers: what the protection did. */
  protection: string | null;
}

/** The periods of a year in CBS's order: both half-years, then the year. */
export function periodsOf(year: number): { key: string; from: string; to: string }[] {
  return [
    { key: `${year}-H1`, from: `${year}-01-01`, to: `${year}-06-30` },
    { key: `${year}-H2`, from: `${year}-07-01`, to: `${year}-12-31` },
    { key: String(year), from: `${year}-01-01`, to: `${year}-12-31` },
  ];
}

/** Whole years of age on `date` (ISO dates; born 29 February: a year older on 1 March in a common year). */
export function ageOn(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** ISO date `days` after `iso`. */
function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const RESIDENTIAL: readonly string[] = RESIDENTIAL_CATEGORIES;
const NOT_YOUTH_CARE: readonly string[] = NOT_YOUTH_CARE_CATEGORIES;
/** A trajectory within this many days of a period boundary may fall in the period before or after at CBS. */
const EDGE_DAYS = 31;

interface Counted {
  t: OwnTrajectory;
  /** First day of the trajectory within the period. */
  first: string;
  last: string;
}

/** The trajectories active in [from, to], each with its first and last day inside it. */
function activeIn(ts: readonly OwnTrajectory[], from: string, to: string): Counted[] {
  return ts
    .filter((t) => t.start <= to && (t.end === null || t.end >= from))
    .map((t) => ({ t, first: t.start > from ? t.start : from, last: t.end !== null && t.end < to ? t.end : to }));
}

const under = (c: Counted, age: number) => c.t.birth !== null && ageOn(c.t.birth, c.first) < age;
const inKind = (c: Counted) => c.t.financing === 'ZIN' && !NOT_YOUTH_CARE.includes(c.t.category ?? '');
const youthsOf = (cs: readonly Counted[]) => new Set(cs.map((c) => c.t.youth));

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const formatEurCents = (cents: number) => formatEur(Math.round(cents / 100));

/**
 * The own figures beside CBS's for the three periods of `input.year`, with the explanations found in the data.
 * @example ownVersusCbs({ municipality: '1708', name: 'Steenwijkerland', year: 2020, trajectories, cbs, … }).rows[0]
 *          // { period: '2020-H1', measure: 'totaal', own: 912, cbs: 905, difference: 7, … }
 */
export function ownVersusCbs(input: OwnCbsInput): OwnCbsView {
  const rows: OwnCbsRow[] = [];
  const explanations: OwnCbsExplanation[] = [];
  for (const p of periodsOf(input.year)) {
    const active = activeIn(input.trajectories, p.from, p.to);
    const counted = active.filter((c) => inKind(c) && under(c, 18));
    const sets: Record<OwnCbsMeasure, Set<string>> = {
      totaal: youthsOf(counted),
      'zonder-verblijf': youthsOf(counted.filter((c) => !RESIDENTIAL.includes(c.t.category ?? ''))),
      'met-verblijf': youthsOf(counted.filter((c) => RESIDENTIAL.includes(c.t.category ?? ''))),
    };
    const extended = youthsOf(active.filter((c) => inKind(c) && under(c, 23))).size;
    for (const measure of OWN_CBS_MEASURES) {
      const own = sets[measure].size;
      rows.push(
        compared(input, p.key, measure, own, measure === 'totaal' ? extended : null, input.cbs.get(`${p.key}|${measure}`)),
      );
    }
    explanations.push(...explain(input, p, active, counted, sets.totaal));
  }
  explanations.push(...yearExplanations(input));
  return {
    municipality: input.municipality,
    name: input.name,
    year: input.year,
    youths: input.youths,
    definition: OWN_CBS_DEFINITION,
    fictitious: input.fictitious,
    rows,
    explanations,
    protection: null,
  };
}

/** One row: own beside CBS, with the difference and both as a share of CBS's youths. */
export function compared(
  input: Pick<OwnCbsInput, 'youths'>,
  period: string,
  measure: OwnCbsMeasure,
  own: number | null,
  ownExtended: number | null,
  cell: CbsCell | undefined,
): OwnCbsRow {
  const cbs = cell?.value ?? null;
  const both = own !== null && cbs !== null;
  const share = (n: number | null) => (n === null || !input.youths ? null : round((100 * n) / input.youths, 2));
  return {
    period,
    measure,
    label: MEASURE_LABELS[measure],
    own,
    hidden: false,
    ownExtended,
    cbs,
    cbsMissing: cbs !== null ? null : (cell?.missing ?? 'geen record'),
    difference: both ? own - cbs : null,
    differencePct: both && cbs !== 0 ? round((100 * (own - cbs)) / cbs, 1) : null,
    ownPercent: share(own),
    cbsPercent: share(cbs),
  };
}

/** What the own data says about one period's difference. */
function explain(
  input: OwnCbsInput,
  p: { key: string; from: string; to: string },
  active: readonly Counted[],
  counted: readonly Counted[],
  total: ReadonlySet<string>,
): OwnCbsExplanation[] {
  const out: OwnCbsExplanation[] = [];
  const perYouth = new Map<string, Counted[]>();
  for (const c of counted) perYouth.set(c.t.youth, [...(perYouth.get(c.t.youth) ?? []), c]);
  const every = (test: (c: Counted) => boolean) => [...perYouth.values()].filter((cs) => cs.every(test)).length;
  const add = (kind: ExplanationKind, count: number, direction: OwnCbsExplanation['direction'], text: string) => {
    if (count > 0) out.push({ period: p.key, kind, count, hidden: false, cents: null, direction, text });
  };

  const notDelivered = every((c) => c.t.care === null || c.t.care.from > p.to || c.t.care.to < p.from);
  add(
    'niet-gestart',
    notDelivered,
    'hoger',
    'Getelde jongeren met in deze periode een toewijzing, maar zonder gedeclareerde of gestarte zorg in de gegevens. ' +
      'Het CBS telt wat aanbieders als geleverde jeugdhulp melden: zij ontbreken daar waarschijnlijk.',
  );
  const nearEdge = every((c) => c.first > plusDays(p.to, -EDGE_DAYS) || c.last < plusDays(p.from, EDGE_DAYS));
  add(
    'periodegrens',
    nearEdge,
    'hoger',
    'Getelde jongeren die volgens de toewijzing alleen in de eerste of laatste maand van de periode in zorg zijn. ' +
      'Aanbieders melden het CBS de werkelijke begin- en einddatum, die vaak weken afwijkt: zij kunnen daar in de ' +
      'periode ervoor of erna vallen.',
  );
  const elsewhere = every((c) => c.t.residence !== null && c.t.residence !== input.municipality);
  add(
    'woonplaats',
    elsewhere,
    'hoger',
    'Getelde jongeren die volgens de laatste gegevens in een andere gemeente wonen. Het CBS telt naar woongemeente; ' +
      'deze gemeente betaalt (woonplaatsbeginsel).',
  );
  const young = active.filter((c) => under(c, 18));
  const outside = (test: (c: Counted) => boolean) => [...youthsOf(young.filter(test))].filter((y) => !total.has(y)).length;
  add(
    'pgb',
    outside((c) => c.t.financing === 'PGB'),
    'geen',
    'Jongeren met in deze periode alleen een PGB. Het CBS telt jeugdhulp via een PGB niet, deze telling ook niet; een ' +
      'eigen overzicht dat PGB meetelt, komt zoveel hoger uit.',
  );
  add(
    'jeugdbescherming',
    outside((c) => c.t.financing === 'ZIN' && NOT_YOUTH_CARE.includes(c.t.category ?? '')),
    'geen',
    'Jongeren met alleen jeugdbescherming, jeugdreclassering of preventief justitieel kader. Het CBS publiceert die ' +
      'apart, niet als jeugdhulp; deze telling volgt dat.',
  );
  const periodEndMonth = p.to.slice(0, 7);
  if (input.dataThrough !== null && input.dataThrough < periodEndMonth)
    out.push({
      period: p.key,
      kind: 'peildatum',
      count: null,
      hidden: false,
      cents: null,
      direction: 'lager',
      text:
        `De declaraties lopen tot en met ${formatMonth(input.dataThrough)}: zorg in de rest van de periode is nog niet (volledig) ` +
        'gedeclareerd, en toewijzingen die na de peildatum zijn ingelezen ontbreken.',
    });
  if (input.merger)
    out.push({
      period: p.key,
      kind: 'herindeling',
      count: null,
      hidden: false,
      cents: null,
      direction: 'geen',
      text: input.merger.cbsOwnFigure
        ? `${input.name} bestaat sinds 1 januari ${input.merger.year} (uit ${input.merger.parts.join(', ')}): het CBS ` +
          'geeft deze periode al in de indeling van nu; de eigen telling neemt de toewijzingen van de oude gemeenten mee.'
        : `${input.name} bestaat sinds 1 januari ${input.merger.year}: het CBS-cijfer is de som van ` +
          `${input.merger.parts.join(', ')}. Een jongere die in twee van die gemeenten zorg had, telt daar twee keer en ` +
          'hier één keer.',
    });
  return out;
}

/** Explanations of the whole year: care paid outside the iJw invoices. */
function yearExplanations(input: OwnCbsInput): OwnCbsExplanation[] {
  const lines = input.costLines.filter((l) => l.cents !== 0);
  if (lines.length === 0) return [];
  const cents = lines.reduce((s, l) => s + l.cents, 0);
  return [
    {
      period: String(input.year),
      kind: 'buiten-ijw',
      count: null,
      hidden: false,
      cents,
      direction: 'lager',
      text:
        `In ${input.year} is ${formatEurCents(cents)} uitgegeven buiten de iJw-declaraties ` +
        `(${lines.map((l) => `${l.kind} ${formatEurCents(l.cents)}`).join(', ')}). Jongeren die zo geholpen zijn, hebben ` +
        'geen toewijzing en zitten niet in de eigen telling; het CBS telt hen wel als de aanbieder hen meldt.',
    },
  ];
}
