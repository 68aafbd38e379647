// The second computation: figures recomputed straight from the raw iJw 3.2 messages and the product list, in plain
// TypeScript, sharing no code with Roer's importer, store or metrics SQL. It follows the definitions of issue 12 and
// docs/metrics.md literally (day by day where the standard counts days, weeks or months), so that any disagreement with
// the API is a question about a definition, never about two implementations of the same shortcut.
import { SaxesParser } from 'saxes';
import { PRODUCTS } from './region.ts';

/** A parsed element: local name, text, children. */
interface Node {
  name: string;
  text: string;
  kids: Node[];
}

function parse(xml: string): Node {
  const root: Node = { name: '#root', text: '', kids: [] };
  const stack = [root];
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => {
    const n: Node = { name: t.name.replace(/^.*:/, ''), text: '', kids: [] };
    stack.at(-1)!.kids.push(n);
    stack.push(n);
  });
  p.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  p.on('closetag', () => {
    stack.pop();
  });
  p.write(xml).close();
  return root.kids[0];
}

const kid = (n: Node | undefined, name: string) => n?.kids.find((k) => k.name === name);
const kids = (n: Node | undefined, name: string) => n?.kids.filter((k) => k.name === name) ?? [];
const text = (n: Node | undefined, ...path: string[]) => {
  let cur = n;
  for (const p of path) cur = kid(cur, p);
  const t = cur?.text.trim();
  return t === undefined || t === '' ? undefined : t;
};

/** Day arithmetic on ISO dates, through UTC day numbers. */
const dayNo = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
const isoOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

export interface Allocation {
  municipality: string;
  no: string;
  bsn: string;
  provider: string;
  code?: string;
  category?: string;
  reference?: string;
  stamp: string;
  start: string;
  end: string;
  deleted: boolean;
  volume?: number;
  unit?: string;
  frequency?: string;
  budget?: number;
}
export interface InvoiceLine {
  provider: string;
  municipality: string;
  reference: string;
  bsn: string;
  no: string;
  start: string;
  end: string;
  amount: number;
}

/** What the region's raw files say, after the iJw rules: current allocations, unique invoice lines, rejections. */
export interface Facts {
  allocations: Allocation[];
  lines: InvoiceLine[];
  rejected: Set<string>;
  tariffs: Map<string, number>;
  careTypes: Map<string, string>;
  /** Referrer ('type:AGB') of a request (JW315) by provider, municipality, BSN and the provider's reference. */
  referrers: Map<string, string>;
  /** Geboortedatum per BSN, as the latest JW301 gives it. */
  births: Map<string, string>;
}

/** Reads every message once (a message seen before from the same sender is skipped) and applies the iJw rules. */
export function readRegion(files: Record<string, string>): Facts {
  const seen = new Set<string>();
  const versions = new Map<string, Allocation>();
  const lines = new Map<string, InvoiceLine>();
  const rejected = new Set<string>();
  const tariffs = new Map<string, number>();
  const careTypes = new Map<string, string>();
  const referrers = new Map<string, string>();
  const births = new Map<string, string>();
  for (const [name, body] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.endsWith('.csv')) {
      const [, ...rows] = body.trim().split('\n');
      for (const r of rows) {
        const [code, , careType, , year, , tariff] = r.split(',');
        careTypes.set(code, careType);
        tariffs.set(`${code}|${year}`, Math.round(Number(tariff) * 100));
      }
      continue;
    }
    const doc = parse(body);
    const head = kid(doc, 'Header');
    const sender = text(head, 'Afzender')!;
    const receiver = text(head, 'Ontvanger')!;
    const key = `${sender}|${text(head, 'BerichtIdentificatie', 'Identificatie')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = text(head, 'BerichtCode');
    if (kind === '446') {
      const client = kid(doc, 'Client');
      for (const p of kids(kid(client, 'AangevraagdeProducten'), 'AangevraagdProduct')) {
        const v = kid(p, 'Verwijzer');
        referrers.set(
          `${sender}|${receiver}|${text(client, 'Bsn')}|${text(p, 'ReferentieAanbieder')}`,
          `${text(v, 'Type') ?? '00'}:${text(v, 'ZorgverlenerCode') ?? ''}`,
        );
      }
    } else if (kind === '436') {
      const client = kid(doc, 'Client');
      const bsn = text(client, 'Bsn')!;
      const born = text(client, 'Geboortedatum', 'Datum');
      if (born) births.set(bsn, born);
      for (const p of kids(kid(client, 'ToegewezenProducten'), 'ToegewezenProduct')) {
        const a: Allocation = {
          municipality: sender,
          no: text(p, 'ToewijzingNummer')!,
          bsn,
          provider: receiver,
          code: text(p, 'Product', 'Code'),
          category: text(p, 'Product', 'Categorie'),
          reference: text(p, 'ReferentieAanbieder'),
          stamp: `${text(p, 'Toewijzingsdatum')}T${text(p, 'Toewijzingstijd')}`,
          start: text(p, 'Ingangsdatum')!,
          end: text(p, 'Einddatum') ?? '9999-12-31',
          deleted: text(p, 'RedenWijziging') === '13',
          volume: text(p, 'Omvang', 'Volume') === undefined ? undefined : Number(text(p, 'Omvang', 'Volume')),
          unit: text(p, 'Omvang', 'Eenheid'),
          frequency: text(p, 'Omvang', 'Frequentie'),
          budget: text(p, 'Budget') === undefined ? undefined : Number(text(p, 'Budget')),
        };
        const id = `${a.municipality}|${a.no}`;
        const before = versions.get(id);
        if (!before || before.stamp <= a.stamp) versions.set(id, a);
      }
    } else if (kind === '490' || kind === '491') {
      for (const client of kids(kid(kid(doc, kind === '490' ? 'Declaratie' : 'DeclaratieAntwoord'), 'Clienten'), 'Client')) {
        for (const p of kids(kid(client, 'Prestaties'), 'Prestatie')) {
          const reference = text(p, 'ProductReferentie', 'ReferentieNummer')!;
          if (kind === '491') {
            rejected.add(`${receiver}|${reference}`);
            continue;
          }
          const id = `${sender}|${reference}`;
          if (lines.has(id)) continue;
          const sign = text(p, 'IngediendBedrag', 'DebetCredit') === 'C' ? -1 : 1;
          lines.set(id, {
            provider: sender,
            municipality: receiver,
            reference,
            bsn: text(client, 'Bsn')!,
            no: text(p, 'ToewijzingNummer')!,
            start: text(p, 'ProductPeriode', 'Begindatum')!,
            end: text(p, 'ProductPeriode', 'Einddatum')!,
            amount: sign * Number(text(p, 'IngediendBedrag', 'Bedrag')),
          });
        }
      }
    }
  }
  return {
    allocations: [...versions.values()].filter((a) => !a.deleted),
    lines: [...lines.values()],
    rejected,
    tariffs,
    careTypes,
    referrers,
    births,
  };
}

/** Rounds a non-negative fraction num/den half up to a whole cent. */
const halfUp = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));

/**
 * The most that may be invoiced on allocation `a` for care in `year` (cents), or undefined when no tariff is known:
 * per day V×T×days, per week V×T×ISO weeks touched, per month V×T×calendar months touched, total within validity
 * V×T×days÷all days, a Budget pro rata by days; one rounding per allocation and year.
 */
export function allocatedCents(a: Allocation, year: number, tariffs: Map<string, number>): number | undefined {
  const from = Math.max(dayNo(a.start), dayNo(`${year}-01-01`));
  const to = Math.min(dayNo(a.end), dayNo(`${year}-12-31`));
  if (to < from) return 0;
  const days = to - from + 1;
  const all = dayNo(a.end) - dayNo(a.start) + 1;
  if (a.budget !== undefined) return halfUp(a.budget * days, all);
  const t = a.code ? tariffs.get(`${a.code}|${year}`) : undefined;
  if (t === undefined || a.volume === undefined) return undefined;
  const weeks = new Set<number>();
  const months = new Set<string>();
  for (let d = from; d <= to; d++) {
    weeks.add(d - ((new Date(d * 86_400_000).getUTCDay() + 6) % 7)); // the Monday of d's ISO week
    months.add(isoOf(d).slice(0, 7));
  }
  switch (a.frequency) {
    case '1':
      return a.volume * t * days;
    case '2':
      return a.volume * t * weeks.size;
    case '4':
      return a.volume * t * months.size;
    case '6':
      return halfUp(a.volume * t * days, all);
    default:
      return undefined;
  }
}

export interface Figures {
  /** Claimed: debit minus credit of every invoice line for care in the year; rejected: of the lines a JW325 lists. */
  claimed: number;
  rejected: number;
  /** Invoice lines for care in the year (each counted once, credits included). */
  lines: number;
  /** Accepted cost of care in the year (claimed minus rejected), cents. */
  cost: number;
  /** Clients with at least one accepted invoice line for care in the year. */
  clients: number;
  /** Allocations whose period (Ingangsdatum–Einddatum of the current version) touches the year. */
  allocations: number;
  /** Distinct clients with such an allocation. */
  allocatedClients: number;
  /** Allocated cents over allocations with a known amount, and the accepted cost invoiced on exactly those. */
  allocatedKnown: number;
  invoicedKnown: number;
  /** Allocations active in the year whose amount is not known (left out of utilisation). */
  unknown: number;
  /** Care-days: days of the year inside an allocation's period, once per client and care type however many overlap. */
  careDays: number;
  /** Clients whose first allocation in the scope starts in the year; whose last one ends in it before the data ends. */
  inflow: number;
  outflow: number;
  /** Clients with an allocation active in the year per referrer type (from the JW315 before it, else '00' unknown). */
  allocatedByReferrer: Record<string, number>;
  /** The same per individual referrer ('02:01598930'; '00:' unknown). */
  allocatedByReferrerId: Record<string, number>;
  /**
   * Verlengde jeugdhulp (18+): care-days on or after the 18th birthday; the accepted cost and the clients of the lines
   * whose 18th birthday is on or before min(last day of the line, last day of the month it starts in).
   */
  adultCareDays: number;
  adultCost: number;
  adultClients: number;
  /**
   * Per youth: distinct clients with an allocation active in the year that, on the first day of some month of it within
   * the year (or its start, if later), were 0–17 (before the 18th birthday), with and without residence (iJw product
   * category 35–38, 43, 44), and 0–22 (before the 23rd birthday).
   */
  youthClients: number;
  residentialClients: number;
  outpatientClients: number;
  extendedClients: number;
}

/** The day number of the `years`th birthday of someone born on `born`; born on 29 February: 1 March when there is none. */
function eighteenth(born: string, years = 18): number {
  const y = +born.slice(0, 4) + years;
  const [m, d] = [+born.slice(5, 7), +born.slice(8, 10)];
  const date = new Date(Date.UTC(y, m - 1, d)); // 29 February of a common year rolls over to 1 March
  return date.getTime() / 86_400_000;
}

/** The figures for one scope (a municipality, or all of them for the region) and one year. */
export function figures(f: Facts, municipalities: readonly string[], year: number): Figures {
  const inScope = (m: string) => municipalities.includes(m);
  const y0 = `${year}-01-01`;
  const y1 = `${year}-12-31`;
  const claimed = f.lines.filter((l) => inScope(l.municipality) && l.start.slice(0, 4) === String(year));
  const isRejected = (l: InvoiceLine) => f.rejected.has(`${l.provider}|${l.reference}`);
  const accepted = claimed.filter((l) => !isRejected(l));
  const active = f.allocations.filter((a) => inScope(a.municipality) && a.start <= y1 && a.end >= y0);
  let allocatedKnown = 0;
  let invoicedKnown = 0;
  let unknown = 0;
  for (const a of active) {
    const cents = allocatedCents(a, year, f.tariffs);
    if (cents === undefined) {
      unknown++;
      continue;
    }
    allocatedKnown += cents;
    invoicedKnown += accepted.filter((l) => l.municipality === a.municipality && l.no === a.no).reduce((n, l) => n + l.amount, 0);
  }
  const days = new Set<string>();
  const adultDays = new Set<string>();
  const adultFrom = (bsn: string) => (f.births.has(bsn) ? eighteenth(f.births.get(bsn)!) : Infinity);
  for (const a of active) {
    const careType = (a.code && f.careTypes.get(a.code)) || 'onbekend';
    const from = Math.max(dayNo(a.start), dayNo(y0));
    const to = Math.min(dayNo(a.end), dayNo(y1));
    for (let d = from; d <= to; d++) {
      days.add(`${a.bsn}|${careType}|${d}`);
      if (d >= adultFrom(a.bsn)) adultDays.add(`${a.bsn}|${careType}|${d}`);
    }
  }
  // The last day the data covers: the end of the last invoiced period.
  const peildatum = f.lines.reduce((m, l) => (l.end > m ? l.end : m), '0000-00-00');
  const span = new Map<string, { first: string; last: string }>();
  for (const a of f.allocations.filter((x) => inScope(x.municipality))) {
    const s = span.get(a.bsn);
    span.set(a.bsn, { first: !s || a.start < s.first ? a.start : s.first, last: !s || a.end > s.last ? a.end : s.last });
  }
  const inYear = (d: string) => d.slice(0, 4) === String(year);
  const byReferrer = new Map<string, Set<string>>();
  const byReferrerId = new Map<string, Set<string>>();
  for (const a of active) {
    const id = (a.reference && f.referrers.get(`${a.provider}|${a.municipality}|${a.bsn}|${a.reference}`)) || '00:';
    const type = id.split(':')[0];
    byReferrer.set(type, (byReferrer.get(type) ?? new Set()).add(a.bsn));
    byReferrerId.set(id, (byReferrerId.get(id) ?? new Set()).add(a.bsn));
  }
  const monthEnd = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7), 0) / 86_400_000;
  const adult = accepted.filter((l) => adultFrom(l.bsn) <= Math.min(dayNo(l.end), monthEnd(l.start)));
  const residentialCats = ['35', '36', '37', '38', '43', '44'];
  const young = {
    all: new Set<string>(),
    residential: new Set<string>(),
    outpatient: new Set<string>(),
    extended: new Set<string>(),
  };
  for (const a of active) {
    const born = f.births.get(a.bsn);
    if (!born) continue;
    const category = a.category ?? PRODUCTS.find((p) => p.code === a.code)?.cat;
    const residential = category !== undefined && residentialCats.includes(category);
    for (let m = 1; m <= 12; m++) {
      const first = Math.max(dayNo(a.start), Date.UTC(year, m - 1, 1) / 86_400_000);
      if (first > Math.min(dayNo(a.end), Date.UTC(year, m, 0) / 86_400_000)) continue;
      if (first < eighteenth(born)) {
        young.all.add(a.bsn);
        (residential ? young.residential : young.outpatient).add(a.bsn);
      }
      if (first < eighteenth(born, 23)) young.extended.add(a.bsn);
    }
  }
  return {
    youthClients: young.all.size,
    residentialClients: young.residential.size,
    outpatientClients: young.outpatient.size,
    extendedClients: young.extended.size,
    allocatedByReferrer: Object.fromEntries([...byReferrer].map(([t, s]) => [t, s.size])),
    allocatedByReferrerId: Object.fromEntries([...byReferrerId].map(([t, s]) => [t, s.size])),
    inflow: [...span.values()].filter((s) => inYear(s.first)).length,
    outflow: [...span.values()].filter((s) => inYear(s.last) && s.last < peildatum).length,
    claimed: claimed.reduce((n, l) => n + l.amount, 0),
    rejected: claimed.filter(isRejected).reduce((n, l) => n + l.amount, 0),
    lines: claimed.length,
    careDays: days.size,
    cost: accepted.reduce((n, l) => n + l.amount, 0),
    clients: new Set(accepted.map((l) => l.bsn)).size,
    allocations: active.length,
    allocatedClients: new Set(active.map((a) => a.bsn)).size,
    allocatedKnown,
    invoicedKnown,
    unknown,
    adultCareDays: adultDays.size,
    adultCost: adult.reduce((n, l) => n + l.amount, 0),
    adultClients: new Set(adult.map((l) => l.bsn)).size,
  };
}
