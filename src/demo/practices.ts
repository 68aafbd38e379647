// The AGB list of the demo's referrers: a plausible invented name and place for every GP practice, youth doctor and
// medical specialist that makeReferrers coded, as a municipality would import it (tabular kind `referrers`).
import type { Referrers } from './parties.ts';
import type { Rng } from '../random.ts';
import type { Municipality } from './region.ts';

export interface RegisteredReferrer {
  agb: string;
  name: string;
  /** iJw LDT_TypeVerwijzer: 02 huisarts, 03 jeugdarts, 05 medisch specialist. */
  type: '02' | '03' | '05';
  place: string;
}

const TREES = [
  'De Linde',
  'De Eik',
  'De Berk',
  'De Esch',
  'De Wilg',
  'De Populier',
  'De Kastanje',
  'De Beuk',
  'De Els',
  'De Hazelaar',
  'De Meidoorn',
  'De Vlier',
];
const LANDMARKS = [
  'Het Molenhuis',
  'De Brink',
  'Het Kerkplein',
  'De Vaart',
  'De Hoven',
  'De Marke',
  'Het Veer',
  'De Enk',
  'De Haven',
  'Het Stationsplein',
];
const SURNAMES = [
  'Jansen',
  'De Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Mulder',
  'Bos',
  'Hendriks',
  'Dijkstra',
  'Kok',
  'Wolters',
  'Nijhuis',
  'Brinkman',
  'Kamphuis',
  'Schuurman',
  'Hofman',
  'Bouwman',
  'Lammers',
  'Veldhuis',
  'Ten Brinke',
  'Oosterhuis',
  'Meijer',
  'Van Dam',
  'Vos',
];
const QUARTERS = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum'];
const SPECIALISMS = ['Kinderarts', 'Kinderpsychiater', 'Kinderneuroloog', 'Psychiater'];
const HOSPITALS: [string, string][] = [
  ['Isala', 'Zwolle'],
  ['Deventer Ziekenhuis', 'Deventer'],
  ['Saxenburgh', 'Hardenberg'],
];

/** One practice name of the kinds GPs use: a tree or landmark, the doctors' surnames, or the place itself. */
function practiceName(rng: Rng, place: string): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `Huisartsenpraktijk ${rng.pick(TREES)}`;
    case 1:
      return `Huisartsenpraktijk ${rng.pick(SURNAMES)}`;
    case 5: {
      const first = rng.pick(SURNAMES);
      const partners = SURNAMES.filter((n) => n !== first);
      return `Huisartsen ${first} en ${rng.pick(partners)}`;
    }
    case 2:
      return `Gezondheidscentrum ${rng.pick(LANDMARKS)}`;
    case 3:
      return `Huisartsen ${place} ${rng.pick(QUARTERS)}`;
    default:
      return `Huisartsen ${place}`;
  }
}

/**
 * Names every coded referrer of `refs`, deterministically from `rng` (a stream of its own, so naming draws nothing
 * from the simulation). Names are unique, so two practices never share a label: a name already given is drawn again,
 * and after a few tries gets a number.
 */
export function referrerRegistry(rng: Rng, refs: Referrers, region: Municipality[]): RegisteredReferrer[] {
  const out: RegisteredReferrer[] = [];
  const taken = new Set<string>();
  const add = (agb: string, type: RegisteredReferrer['type'], draw: () => string, place: string) => {
    let name = draw();
    for (let tries = 0; taken.has(name) && tries < 20; tries++) name = draw();
    const base = name;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    taken.add(name);
    out.push({ agb, name, type, place });
  };
  for (const m of region) for (const agb of refs.gps.get(m.code) ?? []) add(agb, '02', () => practiceName(rng, m.name), m.name);
  for (const agb of refs.youthDoctors) add(agb, '03', () => `Jeugdarts ${rng.pick(SURNAMES)}, GGD IJsselland`, 'Zwolle');
  for (const agb of refs.specialists) {
    const [hospital, place] = rng.pick(HOSPITALS);
    add(agb, '05', () => `${rng.pick(SPECIALISMS)} ${rng.pick(SURNAMES)}, ${hospital}`, place);
  }
  return out;
}
