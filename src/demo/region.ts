// The demo region IJsselland: its eleven municipalities from the reference files, with teams, districts, postcodes
// and a population series 2015–2024 (the 2019 figures grown mildly), all scaled by the scale factor.
import { readFileSync } from 'node:fs';
import { DEMO_REGION_TABLE, municipalityList } from '../reference.ts';

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2024;
export const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

export interface District {
  name: string;
  team: string;
  postcodes: string[];
}

export interface Municipality {
  code: string;
  name: string;
  province: string;
  inhabitants2019: number;
  youthShare: number;
  /** Relative use of youth care against the regional average (Steenwijkerland is known to be high). */
  usage: number;
  /** Yearly population growth. */
  growth: number;
  teams: string[];
  districts: District[];
}

/** Why these: usage and growth set the spread between municipalities; postcode ranges are the real PC4 areas. */
const LOCAL: Record<string, { usage: number; growth: number; teams: number; pc4: [number, number] }> = {
  '0148': { usage: 0.9, growth: 0.006, teams: 1, pc4: [7721, 7722] },
  '0150': { usage: 1.08, growth: 0.006, teams: 4, pc4: [7411, 7429] },
  '0160': { usage: 0.95, growth: 0.003, teams: 2, pc4: [7771, 7799] },
  '0166': { usage: 1.0, growth: 0.007, teams: 2, pc4: [8261, 8266] },
  '1773': { usage: 0.95, growth: 0.003, teams: 1, pc4: [8121, 8131] },
  '0175': { usage: 0.95, growth: 0.004, teams: 1, pc4: [7731, 7737] },
  '0177': { usage: 0.92, growth: 0.005, teams: 2, pc4: [8101, 8105] },
  '0180': { usage: 0.72, growth: 0.009, teams: 1, pc4: [7951, 7958] },
  '1708': { usage: 1.06, growth: 0.004, teams: 2, pc4: [8331, 8381] },
  '1896': { usage: 0.88, growth: 0.006, teams: 1, pc4: [8061, 8066] },
  '0193': { usage: 1.02, growth: 0.01, teams: 5, pc4: [8011, 8048] },
};

const TEAM_SUFFIX = [
  [''],
  ['Noord', 'Zuid'],
  ['Noord', 'Midden', 'Zuid'],
  ['Noord', 'Oost', 'Zuid', 'West'],
  ['Noord', 'Oost', 'Zuid', 'West', 'Centrum'],
];
const DISTRICT_SUFFIX = [
  'Centrum',
  'Noord',
  'Zuid',
  'Oost',
  'West',
  'Buitengebied',
  'Noordoost',
  'Zuidwest',
  'Zuidoost',
  'Noordwest',
  'Kern',
  'Dorpen',
];

function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

/** The eleven municipalities, in code order, with teams and districts (each team serves two or three districts). */
export function loadRegion(sizing = DEMO_REGION_TABLE, municipalities = municipalityList()): Municipality[] {
  const names = new Map(readCsv(municipalities).map((r) => [r.gemeentecode, r]));
  return readCsv(sizing)
    .map((r) => {
      const local = LOCAL[r.gemeentecode];
      if (!local) throw new Error(`Geen demo-instellingen voor gemeente ${r.gemeentecode}`);
      const ref = names.get(r.gemeentecode);
      const name = ref?.gemeentenaam ?? r.gemeentenaam;
      const teams = TEAM_SUFFIX[local.teams - 1].map((s) => (s ? `Jeugdteam ${name} ${s}` : `Jeugdteam ${name}`));
      const pcs: string[] = [];
      for (let p = local.pc4[0]; p <= local.pc4[1]; p++) pcs.push(String(p));
      const nDistricts = Math.min(DISTRICT_SUFFIX.length, local.teams * 2 + (local.teams > 1 ? 1 : 0));
      const districts: District[] = [];
      for (let i = 0; i < nDistricts; i++) {
        const from = Math.floor((i * pcs.length) / nDistricts);
        const to = Math.max(from + 1, Math.floor(((i + 1) * pcs.length) / nDistricts));
        districts.push({ name: `${name} ${DISTRICT_SUFFIX[i]}`, team: teams[i % teams.length], postcodes: pcs.slice(from, to) });
      }
      return {
        code: r.gemeentecode,
        name,
        province: ref?.provincie ?? '',
        inhabitants2019: Number(r.inwoners_circa_2019),
        youthShare: Number(r.aandeel_0_17_circa),
        usage: local.usage,
        growth: local.growth,
        teams,
        districts,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export interface PopulationRow {
  municipality: string;
  year: number;
  ageBand: string;
  inhabitants: number;
}

/** Inhabitants of `m` in `year` at `scale` (unrounded, for the simulation). */
export function inhabitants(m: Municipality, year: number, scale: number): number {
  return m.inhabitants2019 * (1 + m.growth) ** (year - 2019) * scale;
}

/** Youths 0–17 of `m` in `year` at `scale` (unrounded). */
export function youths(m: Municipality, year: number, scale: number): number {
  return inhabitants(m, year, scale) * m.youthShare;
}

/** The population export: per municipality and year the age bands 0-3, 4-11, 12-17, 18-22 and totaal. */
export function populationRows(region: Municipality[], scale: number): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const m of region) {
    for (const year of YEARS) {
      const total = Math.round(inhabitants(m, year, scale));
      const young = Math.round(youths(m, year, scale));
      const b0 = Math.round(young * 0.2);
      const b4 = Math.round(young * 0.44);
      const bands: [string, number][] = [
        ['0-3', b0],
        ['4-11', b4],
        ['12-17', young - b0 - b4],
        ['18-22', Math.round(total * 0.058)],
        ['totaal', total],
      ];
      for (const [ageBand, n] of bands) rows.push({ municipality: m.code, year, ageBand, inhabitants: n });
    }
  }
  return rows;
}
