// The people and organisations around a case: ~150 providers with a long tail (a handful large, most small) and the
// referrers (GP practices per municipality, youth doctors, specialists, certified institutions, courts). All invented.
import { CARE_TYPES, type CareType, type ReferrerType } from './catalogue.ts';
import type { Municipality } from './region.ts';
import type { Rng } from '../random.ts';

export interface Provider {
  agb: string;
  name: string;
  careTypes: CareType[];
  /** Market weight (Zipf by rank): the few large providers get most clients. */
  weight: number;
}

export interface Referrer {
  type: ReferrerType;
  agb?: string;
  name?: string;
}

const AREAS = [
  'Salland',
  'Vechtdal',
  'IJsseldelta',
  'Kop van Overijssel',
  'Reestdal',
  'Hanzeland',
  'Weerribben',
  'Sallandse Heuvelrug',
  'Noordoost',
  'Regge',
  'Zwarte Water',
  'Oost',
  'IJsselvallei',
  'Vecht en Regge',
  'Land van Vollenhove',
  'De Kempen',
];
const KINDS = [
  'Jeugdhulp',
  'Jeugdzorg',
  'Kinderpraktijk',
  'Zorggroep',
  'Behandelcentrum',
  'Gezinshuis',
  'Praktijk',
  'Begeleiding',
  'Jeugd-ggz',
  'Opvoedpunt',
];
const SMALL_TYPES: CareType[] = [
  'ambulant',
  'J&O',
  'GGZ midden',
  'GGZ zwaar',
  'LVB midden',
  'dagbehandeling',
  'gezinshuis',
  'ambulant',
  'GGZ midden',
];

/** The large providers: a generalist, a mental-health institution, an LVB specialist and two certified institutions. */
const LARGE: [string, CareType[]][] = [
  ['Jeugdzorg IJsselland', ['ambulant', 'J&O', 'dagbehandeling', 'verblijf', 'pleegzorg', 'gezinshuis', 'crisis', 'LVB midden']],
  ['Jeugd-ggz Overijssel', ['GGZ midden', 'GGZ zwaar', 'dagbehandeling', 'crisis', 'verblijf']],
  ['LVB-zorg Oost', ['LVB midden', 'LVB zwaar', 'verblijf', 'dagbehandeling', 'ambulant']],
  ['Gecertificeerde Instelling Oost', ['jeugdbescherming', 'jeugdreclassering']],
  ['Gecertificeerde Instelling Landelijk', ['jeugdbescherming', 'jeugdreclassering']],
];

function agbCode(rng: Rng, prefix: string, used: Set<string>): string {
  for (;;) {
    const code = prefix + String(rng.int(0, 10 ** (8 - prefix.length) - 1)).padStart(8 - prefix.length, '0');
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** `count` providers, rank 1 the largest; medium providers offer 2–4 care types, small ones 1–2. */
export function makeProviders(rng: Rng, count = 150): Provider[] {
  const used = new Set<string>();
  const names = new Set<string>();
  const out: Provider[] = [];
  for (let rank = 1; rank <= count; rank++) {
    let name: string;
    let careTypes: CareType[];
    if (rank <= LARGE.length) {
      [name, careTypes] = LARGE[rank - 1];
    } else {
      do name = `${rng.pick(KINDS)} ${rng.pick(AREAS)}${rank > 60 ? ` ${rng.int(1, 9)}` : ''}`;
      while (names.has(name));
      const n = rank <= 20 ? rng.int(2, 4) : rng.int(1, 2);
      const pool = rank <= 20 ? CARE_TYPES.filter((t) => t !== 'jeugdbescherming' && t !== 'jeugdreclassering') : SMALL_TYPES;
      careTypes = [];
      while (careTypes.length < n) {
        const t = rng.pick(pool);
        if (!careTypes.includes(t)) careTypes.push(t);
      }
    }
    names.add(name);
    out.push({ agb: agbCode(rng, '75', used), name, careTypes, weight: 1 / rank ** 1.1 });
  }
  return out;
}

export interface Referrers {
  /** GP practices (AGB) per municipality code. */
  gps: Map<string, string[]>;
  youthDoctors: string[];
  specialists: string[];
}

/** GP practices (one per ~4,500 inhabitants, at least two), a few youth doctors, ~20 medical specialists. */
export function makeReferrers(rng: Rng, region: Municipality[]): Referrers {
  const used = new Set<string>();
  const gps = new Map<string, string[]>();
  for (const m of region) {
    const n = Math.max(2, Math.round(m.inhabitants2019 / 4500));
    gps.set(
      m.code,
      Array.from({ length: n }, () => agbCode(rng, '01', used)),
    );
  }
  return {
    gps,
    youthDoctors: Array.from({ length: 6 }, () => agbCode(rng, '01', used)),
    specialists: Array.from({ length: 20 }, () => agbCode(rng, '03', used)),
  };
}

const GI_NAMES = ['Gecertificeerde Instelling Oost', 'Gecertificeerde Instelling Landelijk'];
const COURT_NAMES = ['Rechtbank Overijssel', 'Openbaar Ministerie Oost-Nederland'];

/** A concrete referrer of `type` for a client of municipality `m` whose access team is `team`. */
export function referrerFor(rng: Rng, type: ReferrerType, refs: Referrers, m: Municipality, team: string): Referrer {
  switch (type) {
    case '01':
      return { type, name: team };
    case '02':
      return { type, agb: rng.pick(refs.gps.get(m.code)!) };
    case '03':
      return { type, agb: rng.pick(refs.youthDoctors), name: 'Jeugdarts GGD' };
    case '04':
      return { type, name: rng.pick(GI_NAMES) };
    case '05':
      return { type, agb: rng.pick(refs.specialists) };
    case '08':
      return { type, name: rng.pick(COURT_NAMES) };
    default:
      return { type };
  }
}
