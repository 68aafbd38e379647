// A FICTITIOUS national set in CBS's open-data format for all municipalities, so the benchmark works out of the box:
// youths with youth care with/without residence per half-year and year (85097NED-like), the population on 1 January
// (03759ned-like) and the municipal youth-care costs per year (83454NED-like, src/demo/cbscosts.ts), as TypedDataSet
// JSON with DataProperties, RegioS, Perioden and TableInfos. The demo region's own municipalities carry the demo's
// population, the youths counted from the demo's own allocations and about their own cost; the rest is seeded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../benchmark/cbs/csv.ts';
import { FICTITIOUS } from '../benchmark/fictitious.ts';
import { RESIDENTIAL_CATEGORIES } from '../metrics/peryouth.ts';
import { Rng } from '../random.ts';
import { municipalityList } from '../reference.ts';
import { day, type Day } from './dates.ts';
import type { Allocation } from './model.ts';
import { costTableFiles, type OwnCosts } from './cbscosts.ts';
import { GEO, odata, pad, region, TIME, tableInfo, topic, topicGroup } from './cbsodata.ts';
import { YEARS, populationRows, type Municipality } from './region.ts';

/** Said in every table title: nobody may mistake these figures for CBS's (the benchmark checks for it). */
export { FICTITIOUS };

/** The folder under the demo folder holding the three table downloads. */
export const CBS_DIR = 'cbs';

/** Youths (0–17) with an allocation in a half-year or year, with and without residence; per municipality and period. */
export interface YouthCount {
  total: number;
  outpatient: number;
  residential: number;
}
export type YouthCounts = Map<string, YouthCount>;

const countKey = (municipality: string, cbsPeriod: string) => `${municipality}|${cbsPeriod}`;

/** The CBS periods of the demo years with their first and last day: '2020HJ01', '2020HJ02', '2020JJ00'. */
function periods(): { cbs: string; title: string; from: Day; to: Day }[] {
  return YEARS.flatMap((y) => [
    { cbs: `${y}HJ01`, title: `${y} 1e halfjaar`, from: day(y, 1, 1), to: day(y, 6, 30) },
    { cbs: `${y}HJ02`, title: `${y} 2e halfjaar`, from: day(y, 7, 1), to: day(y, 12, 31) },
    { cbs: `${y}JJ00`, title: String(y), from: day(y, 1, 1), to: day(y, 12, 31) },
  ]);
}

/** The day of the 18th birthday (born on 29 February: 1 March in a common year, as the exact age counts it). */
function eighteenth(birth: Day): Day {
  const b = new Date(birth * 86_400_000);
  return Date.UTC(b.getUTCFullYear() + 18, b.getUTCMonth(), b.getUTCDate()) / 86_400_000;
}

/**
 * Adds one municipality's allocations to `counts`: a youth counts in a period when an allocation of theirs is active in it
 * and they are under 18 on its first day within the period; with residence by the iJw product category (as 'per_youth').
 */
export function countYouths(counts: YouthCounts, municipality: string, allocations: readonly Allocation[]): void {
  const all = periods();
  const seen = all.map(() => ({ total: new Set<string>(), outpatient: new Set<string>(), residential: new Set<string>() }));
  const residentialCats: readonly string[] = RESIDENTIAL_CATEGORIES;
  for (const a of allocations) {
    const adult = eighteenth(a.client.birth);
    // Under 18 on the first day within the period: only periods ending after the start and starting before adulthood.
    if (a.start >= adult) continue;
    const residential = residentialCats.includes(a.product.category);
    for (let i = 0; i < all.length; i++) {
      const p = all[i]!;
      const from = Math.max(a.start, p.from);
      if (from > Math.min(a.end ?? p.to, p.to) || from >= adult) continue;
      const s = seen[i]!;
      s.total.add(a.client.bsn);
      (residential ? s.residential : s.outpatient).add(a.client.bsn);
    }
  }
  all.forEach((p, i) => {
    const s = seen[i]!;
    counts.set(countKey(municipality, p.cbs), {
      total: s.total.size,
      outpatient: s.outpatient.size,
      residential: s.residential.size,
    });
  });
}

interface Place {
  code: string;
  name: string;
  /** Inhabitants and youths 0–17 per year. */
  inhabitants: Map<number, number>;
  youths: Map<number, number>;
  /** Share of youths in care and of those with residence (the fictitious municipalities only). */
  careShare: number;
  residentialShare: number;
}

/** Every municipality of the reference list: the demo region's from the demo, the others seeded. */
function places(region: Municipality[], scale: number, rng: Rng): Place[] {
  const demo = new Map(region.map((m) => [m.code, m]));
  const pop = populationRows(region, scale);
  // Read as CSV, not split on commas: "Nuenen, Gerwen en Nederwetten" is one name.
  const { header, rows } = readCsv(readFileSync(municipalityList(), 'utf8'));
  const [codeAt, nameAt] = [header.indexOf('gemeentecode'), header.indexOf('gemeentenaam')];
  return rows.map(({ cells }) => {
    const code = cells[codeAt]!.trim();
    const r = rng.fork(code);
    const inhabitants = new Map<number, number>();
    const youths = new Map<number, number>();
    if (demo.has(code)) {
      for (const p of pop.filter((x) => x.municipality === code)) {
        if (p.ageBand === 'totaal') inhabitants.set(p.year, p.inhabitants);
        else if (p.ageBand !== '18-22') youths.set(p.year, (youths.get(p.year) ?? 0) + p.inhabitants);
      }
    } else {
      // Sizes spread like the Dutch municipalities (median near 30,000, a long tail of cities).
      const base = Math.min(900_000, Math.max(1_000, Math.exp(Math.log(30_000) + 0.75 * r.normal())));
      const share = 0.17 + 0.06 * r.next();
      const growth = 0.012 * r.next() - 0.003;
      for (const y of YEARS) {
        const n = Math.round(base * (1 + growth) ** (y - 2019));
        inhabitants.set(y, n);
        youths.set(y, Math.round(n * share));
      }
    }
    return {
      code,
      name: cells[nameAt]!.trim(),
      inhabitants,
      youths,
      careShare: Math.max(0.05, 0.115 + 0.018 * r.normal()),
      residentialShare: Math.max(0.05, 0.11 + 0.02 * r.normal()),
    };
  });
}

/**
 * The files of the youth-care table (85097NED-like), the population table (03759ned-like) and the cost table
 * (83454NED-like), by relative path. `own`: the demo region's own cost per municipality and year (without it, the
 * region's costs are seeded like the others).
 */
export function nationalCbsFiles(opts: {
  seed: string | number;
  region: Municipality[];
  scale: number;
  counts: YouthCounts;
  own?: OwnCosts;
}): Record<string, string> {
  const rng = new Rng(`${opts.seed}/cbs`);
  const all = places(opts.region, opts.scale, rng.fork('places'));
  const regions = [
    { Key: pad('NL01', 10), Title: 'Nederland', Description: null, CategoryGroupID: 1 },
    ...all.map((p) => ({ Key: region(p.code), Title: p.name, Description: null, CategoryGroupID: 2 })),
  ];
  const ps = periods();
  const files: Record<string, string> = {};

  // Youths with youth care (absolute numbers only: the benchmark relates them to the population itself, and fewer cells
  // keep the first start fast).
  const J = '85097NED';
  files[`${J}/TableInfos.json`] = odata(J, 'TableInfos', [
    tableInfo(
      J,
      'Jeugdzorg; jongeren met jeugdhulp, regio, halfjaar',
      'Jongeren met jeugdhulp per halfjaar en jaar',
      'Perhalfjaar',
    ),
  ]);
  files[`${J}/DataProperties.json`] = odata(J, 'DataProperties', [
    { ...GEO, ID: 0, Position: 0, ParentID: null },
    { ...TIME, ID: 1, Position: 1, ParentID: null },
    topicGroup('Jongeren met jeugdhulp', 'Aantal jongeren tot 18 jaar met jeugdhulp.'),
    topic(3, 2, 'TotaalJongerenMetJeugdhulp_1', 'Totaal jongeren met jeugdhulp', 'aantal', 0),
    topic(4, 2, 'JeugdhulpZonderVerblijf_2', 'Jeugdhulp zonder verblijf', 'aantal', 0),
    topic(5, 2, 'JeugdhulpMetVerblijf_3', 'Jeugdhulp met verblijf', 'aantal', 0),
  ]);
  files[`${J}/RegioS.json`] = odata(J, 'RegioS', regions);
  files[`${J}/Perioden.json`] = odata(
    J,
    'Perioden',
    ps.map((p) => ({ Key: p.cbs, Title: p.title, Description: null, Status: 'Definitief' })),
  );
  const rows: unknown[] = [];
  const row = (key: string, cbs: string, c: YouthCount) =>
    rows.push({
      ID: rows.length,
      RegioS: key,
      Perioden: cbs,
      TotaalJongerenMetJeugdhulp_1: c.total,
      JeugdhulpZonderVerblijf_2: c.outpatient,
      JeugdhulpMetVerblijf_3: c.residential,
    });
  const nl = new Map<string, YouthCount>();
  // The year figures per `code|year`: the base of the cost table's cost per youth in care.
  const yearTotals = new Map<string, number>();
  for (const p of all) {
    const r = rng.fork(`youths/${p.code}`);
    for (const period of ps) {
      const year = Number(period.cbs.slice(0, 4));
      const youths = p.youths.get(year)!;
      // A year counts more youths than a half-year (those who came and those who left); the demo's are counted.
      const span = period.cbs.endsWith('JJ00') ? 1.3 : 1;
      const total = Math.round(youths * p.careShare * span * (1 + 0.03 * r.normal()));
      const residential = Math.round(total * p.residentialShare);
      const c = opts.counts.get(countKey(p.code, period.cbs)) ?? {
        total,
        residential,
        outpatient: Math.round((total - residential) * 1.04),
      };
      row(region(p.code), period.cbs, c);
      if (period.cbs.endsWith('JJ00')) yearTotals.set(`${p.code}|${year}`, c.total);
      const n = nl.get(period.cbs) ?? { total: 0, outpatient: 0, residential: 0 };
      nl.set(period.cbs, {
        total: n.total + c.total,
        outpatient: n.outpatient + c.outpatient,
        residential: n.residential + c.residential,
      });
    }
  }
  for (const [cbs, c] of nl) row(pad('NL01', 10), cbs, c);
  files[`${J}/TypedDataSet.json`] = odata(J, 'TypedDataSet', rows);

  // Population on 1 January, all sexes: total and 0 to 18 years.
  const B = '03759ned';
  const AGES = [
    { Key: pad('10000', 7), Title: 'Totaal leeftijd', Description: null, CategoryGroupID: 1 },
    { Key: pad('70100', 7), Title: '0 tot 18 jaar', Description: null, CategoryGroupID: 2 },
  ];
  files[`${B}/TableInfos.json`] = odata(B, 'TableInfos', [
    tableInfo(B, 'Bevolking op 1 januari; leeftijd, regio', 'Bevolking op 1 januari naar leeftijd en regio', 'Perjaar'),
  ]);
  files[`${B}/DataProperties.json`] = odata(B, 'DataProperties', [
    {
      'odata.type': 'Cbs.OData.Dimension',
      ID: 0,
      Position: 0,
      ParentID: null,
      Type: 'Dimension',
      Key: 'Geslacht',
      Title: 'Geslacht',
      Description: null,
    },
    {
      'odata.type': 'Cbs.OData.Dimension',
      ID: 1,
      Position: 1,
      ParentID: null,
      Type: 'Dimension',
      Key: 'Leeftijd',
      Title: 'Leeftijd',
      Description: null,
    },
    { ...GEO, ID: 2, Position: 2, ParentID: null },
    { ...TIME, ID: 3, Position: 3, ParentID: null },
    topic(4, null, 'BevolkingOp1Januari_1', 'Bevolking op 1 januari', 'aantal', 0),
  ]);
  files[`${B}/Geslacht.json`] = odata(B, 'Geslacht', [
    { Key: 'T001038', Title: 'Totaal mannen en vrouwen', Description: null, CategoryGroupID: null },
  ]);
  files[`${B}/Leeftijd.json`] = odata(B, 'Leeftijd', AGES);
  files[`${B}/RegioS.json`] = odata(B, 'RegioS', regions);
  files[`${B}/Perioden.json`] = odata(
    B,
    'Perioden',
    YEARS.map((y) => ({ Key: `${y}JJ00`, Title: String(y), Description: null, Status: 'Definitief' })),
  );
  const people: unknown[] = [];
  const person = (key: string, year: number, total: number, young: number) => {
    for (const [age, n] of [
      [AGES[0]!.Key, total],
      [AGES[1]!.Key, young],
    ] as const)
      people.push({
        ID: people.length,
        Geslacht: 'T001038',
        Leeftijd: age,
        RegioS: key,
        Perioden: `${year}JJ00`,
        BevolkingOp1Januari_1: n,
      });
  };
  for (const y of YEARS) {
    for (const p of all) person(region(p.code), y, p.inhabitants.get(y)!, p.youths.get(y)!);
    const sum = (m: 'inhabitants' | 'youths') => all.reduce((n, p) => n + p[m].get(y)!, 0);
    person(pad('NL01', 10), y, sum('inhabitants'), sum('youths'));
  }
  files[`${B}/TypedDataSet.json`] = odata(B, 'TypedDataSet', people);

  // Municipal youth-care costs per year; after the rest, on a stream of their own, so the other tables stay as they were.
  Object.assign(
    files,
    costTableFiles({
      rng: rng.fork('costs'),
      regions,
      codes: all.map((p) => p.code),
      youthsInCare: yearTotals,
      own: opts.own ?? new Map(),
      owners: new Set(opts.own ? opts.region.map((m) => m.code) : []),
    }),
  );
  return files;
}

/** Writes the files under `<outDir>/cbs/`; returns that folder. */
export function writeNationalCbs(outDir: string, files: Record<string, string>): string {
  const dir = join(outDir, CBS_DIR);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path.split('/')[0]!), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
