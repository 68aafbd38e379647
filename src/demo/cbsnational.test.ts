// The demo's fictitious national CBS set: in exactly the format the project's CBS parser reads, labelled fictitious, all
// 342 municipalities plus the Netherlands, the demo region's population as the demo's own population table has it, and
// its costs near the demo's own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTableFiles } from '../benchmark/cbs/files.ts';
import { parseCbsTable } from '../benchmark/cbs/parse.ts';
import type { CbsTable } from '../benchmark/cbs/types.ts';
import { FICTITIOUS, nationalCbsFiles, writeNationalCbs, type YouthCounts } from './cbsnational.ts';
import { loadRegion, populationRows, YEARS } from './region.ts';

const region = loadRegion();
let youth: { table: CbsTable; problems: unknown[] };
let population: { table: CbsTable; problems: unknown[] };
let costs: { table: CbsTable; problems: unknown[] };

beforeAll(() => {
  // Steenwijkerland's own count for 2020-H1 stands in for the demo's counted youths.
  const counts: YouthCounts = new Map([
    ['1708|2020HJ01', { total: 700, outpatient: 650, residential: 80 }],
    ['1708|2020JJ00', { total: 1_000, outpatient: 930, residential: 110 }],
  ]);
  // And its own cost in 2020: € 12,345,678 (in cents).
  const own = new Map([['1708|2020', 1_234_567_800]]);
  const dir = writeNationalCbs(
    mkdtempSync(join(tmpdir(), 'roer-cbs-')),
    nationalCbsFiles({ seed: 42, region, scale: 1, counts, own }),
  );
  youth = parseCbsTable(readTableFiles(join(dir, '85097NED')));
  population = parseCbsTable(readTableFiles(join(dir, '03759ned')));
  costs = parseCbsTable(readTableFiles(join(dir, '83454NED')));
});

describe('the fictitious national CBS set', () => {
  it('parses without problems and says it is fictitious in its title', () => {
    for (const t of [youth, population, costs]) {
      expect(t.problems).toEqual([]);
      expect(t.table.title).toContain(FICTITIOUS);
    }
    expect([youth.table.id, population.table.id, costs.table.id]).toEqual(['85097NED', '03759ned', '83454NED']);
  });

  it('covers the 342 municipalities and the Netherlands in every half-year and year 2015–2024', () => {
    const regions = new Set(youth.table.observations.map((o) => o.region));
    expect([...regions].filter((r) => r.startsWith('GM'))).toHaveLength(342);
    expect(regions.has('NL01')).toBe(true);
    expect(new Set(population.table.observations.map((o) => o.region)).size).toBe(343);
    const periods = new Set(youth.table.observations.map((o) => o.period.key));
    expect(periods.size).toBe(30);
    expect(youth.table.observations.every((o) => o.value !== null && o.value >= 0)).toBe(true);
  });

  it('reads the municipality list as CSV: a name with commas in quotes is one name', () => {
    const nuenen = youth.table.observations.find((o) => o.region === 'GM0820');
    expect(nuenen?.regionTitle).toBe('Nuenen, Gerwen en Nederwetten');
    expect(population.table.observations.find((o) => o.region === 'GM0820')?.regionTitle).toBe('Nuenen, Gerwen en Nederwetten');
  });

  it("gives the demo region the demo's population and its own counted youths", () => {
    const demo = populationRows(region, 1).filter((r) => r.municipality === '1708' && r.year === 2020);
    const at = (t: CbsTable, measure: string, dim: string) =>
      t.observations.find(
        (o) =>
          o.region === 'GM1708' &&
          o.period.key === '2020' &&
          o.measure.key === measure &&
          (dim === '' || o.dims.Leeftijd === dim),
      )?.value;
    expect(at(population.table, 'BevolkingOp1Januari_1', '10000')).toBe(demo.find((r) => r.ageBand === 'totaal')!.inhabitants);
    expect(at(population.table, 'BevolkingOp1Januari_1', '70100')).toBe(
      demo.filter((r) => ['0-3', '4-11', '12-17'].includes(r.ageBand)).reduce((n, r) => n + r.inhabitants, 0),
    );
    const h1 = youth.table.observations.filter((o) => o.region === 'GM1708' && o.period.key === '2020-H1');
    expect(h1.slice(0, 3).map((o) => o.value)).toEqual([700, 650, 80]);
  });

  it('sums the municipalities into the Netherlands', () => {
    const of = (r: (region: string) => boolean) =>
      youth.table.observations
        .filter((o) => r(o.region) && o.period.key === '2022-H2' && o.measure.key === 'TotaalJongerenMetJeugdhulp_1')
        .reduce((n, o) => n + o.value!, 0);
    expect(of((r) => r === 'NL01')).toBe(of((r) => r.startsWith('GM')));
  });

  it('has the youth-care costs (x 1 000 euro) of every municipality and the Netherlands (their sum) in each year', () => {
    const lasten = costs.table.observations;
    expect(costs.table.measures.map((m) => [m.title, m.unit])).toEqual([['Lasten jeugdhulp totaal', 'x 1 000 euro']]);
    expect(lasten).toHaveLength(343 * 10);
    expect(new Set(lasten.map((o) => o.period.key))).toEqual(new Set(YEARS.map(String)));
    const of = (r: (region: string) => boolean) =>
      lasten.filter((o) => r(o.region) && o.period.key === '2022').reduce((n, o) => n + o.value!, 0);
    expect(of((r) => r === 'NL01')).toBe(of((r) => r.startsWith('GM')));
  });

  it('puts the cost per youth in care of every other municipality between € 6,000 and € 22,000', () => {
    const youths = new Map(
      youth.table.observations
        .filter((o) => o.measure.key === 'TotaalJongerenMetJeugdhulp_1' && o.period.kind === 'jaar')
        .map((o) => [`${o.region}|${o.period.key}`, o.value!]),
    );
    const perYouth = costs.table.observations
      .filter((o) => o.region.startsWith('GM') && !region.some((m) => `GM${m.code}` === o.region))
      .map((o) => (o.value! * 1000) / youths.get(`${o.region}|${o.period.key}`)!);
    expect(perYouth).toHaveLength(331 * 10);
    expect(Math.min(...perYouth)).toBeGreaterThan(6_000);
    expect(Math.max(...perYouth)).toBeLessThan(22_000);
  });

  it("gives a demo municipality a cost within 5 % of its own, so CBS's line and the own line agree", () => {
    const cell = costs.table.observations.find((o) => o.region === 'GM1708' && o.period.key === '2020')!;
    // € 12,345,678 is 12,346 thousand; within 5 %: 11,728 to 12,963.
    expect(cell.value!).toBeGreaterThanOrEqual(11_728);
    expect(cell.value!).toBeLessThanOrEqual(12_963);
  });
});
