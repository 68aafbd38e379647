// The benchmark series on a hand-computed set of CBS figures: a municipality, its pooled reference group (a member with a
// suppressed cell left out and named), its youth-care region and the Netherlands, each indexed on the base period.
import { beforeAll, describe, expect, it } from 'vitest';
import { Store, sql } from '../store/index.ts';
import type { CbsMeasure, CbsObservation, CbsTable } from './cbs/types.ts';
import type { ReferenceGroup } from './groups.ts';
import { benchmarkSeries, resolveGroup } from './series.ts';
import { writeCbsTable } from './store.ts';

const measure = (key: string, title: string): CbsMeasure => ({
  key,
  title,
  path: title,
  unit: 'aantal',
  datatype: 'Long',
  decimals: 0,
});
const period = (key: string) => ({
  cbs: key.length === 4 ? `${key}JJ00` : `${key.slice(0, 4)}HJ0${key.slice(-1)}`,
  key,
  year: Number(key.slice(0, 4)),
  kind: key.length === 4 ? ('jaar' as const) : ('halfjaar' as const),
  index: key.length === 4 ? 0 : Number(key.slice(-1)),
  title: null,
  status: null,
});
function table(id: string, m: CbsMeasure, cells: [string, string, number | null, Record<string, string>?][]): CbsTable {
  const observations: CbsObservation[] = cells.map(([region, p, value, dims], i) => ({
    measure: m,
    region,
    regionTitle: null,
    period: period(p),
    dims: dims ?? {},
    value,
    missing: value === null ? 'geheim' : null,
    record: i + 1,
  }));
  const categories =
    id === '03759ned'
      ? new Map([
          ['Geslacht', new Map([['T001038', 'Totaal mannen en vrouwen']])],
          [
            'Leeftijd',
            new Map([
              ['10000', 'Totaal leeftijd'],
              ['70100', '0 tot 18 jaar'],
            ]),
          ],
        ])
      : new Map();
  return { id, title: null, measures: [m], categories, observations };
}

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
  await store.run(
    sql`INSERT INTO municipality VALUES ('0001', 'Aa', 'P', 'R'), ('0002', 'Bee', 'P', 'R'), ('0003', 'Cee', 'P', 'S')`,
  );
  // Youths in care: Aa 100 and 120, Bee 300 and 330, Cee 50 and a suppressed cell; the Netherlands 1,000 and 1,100.
  const youths = table('85097NED', measure('TotaalJongerenMetJeugdhulp_1', 'Totaal jongeren met jeugdhulp'), [
    ['GM0001', '2020-H1', 100],
    ['GM0001', '2020-H2', 120],
    ['GM0002', '2020-H1', 300],
    ['GM0002', '2020-H2', 330],
    ['GM0003', '2020-H1', 50],
    ['GM0003', '2020-H2', null],
    ['NL01', '2020-H1', 1000],
    ['NL01', '2020-H2', 1100],
    // The year figures (the base of the cost per youth in care): Bee's 2021 is suppressed.
    ['GM0001', '2020', 150],
    ['GM0001', '2021', 160],
    ['GM0002', '2020', 400],
    ['GM0002', '2021', null],
    ['GM0003', '2020', 80],
    ['GM0003', '2021', 70],
    ['NL01', '2020', 1600],
    ['NL01', '2021', 1700],
  ]);
  // Population 2020: 0–17 and total.
  const young = { Geslacht: 'T001038', Leeftijd: '70100' };
  const all = { Geslacht: 'T001038', Leeftijd: '10000' };
  const population = table('03759ned', measure('BevolkingOp1Januari_1', 'Bevolking op 1 januari'), [
    ['GM0001', '2020', 1000, young],
    ['GM0002', '2020', 2000, young],
    ['GM0003', '2020', 500, young],
    ['NL01', '2020', 10000, young],
    ['GM0001', '2020', 5000, all],
    ['GM0002', '2020', 10000, all],
    ['GM0003', '2020', 2500, all],
    ['NL01', '2020', 50000, all],
    ['GM0001', '2021', 5000, all],
    ['GM0002', '2021', 10000, all],
    ['GM0003', '2021', 2500, all],
    ['NL01', '2021', 50000, all],
  ]);
  // Youth-care expenditure (x 1 000 euro) per year; Cee's 2020 figure is suppressed.
  const costs = table('83454NED', measure('LastenJeugdhulp_1', 'Lasten jeugdhulp totaal'), [
    ['GM0001', '2020', 1000],
    ['GM0001', '2021', 1100],
    ['GM0002', '2020', 3000],
    ['GM0002', '2021', 3300],
    ['GM0003', '2020', null],
    ['GM0003', '2021', 600],
    ['NL01', '2020', 20000],
    ['NL01', '2021', 22000],
  ]);
  await writeCbsTable(store, youths, 'f1');
  await writeCbsTable(store, population, 'f2');
  await writeCbsTable(store, costs, 'f3');
  // Income deciles 2020: Aa 5, Bee 6, Cee 8; child poverty only for Aa and Bee.
  await store.run(sql`INSERT INTO municipality_context VALUES
    ('0001', 2020, 'inkomen', 5, NULL, 'f4'), ('0002', 2020, 'inkomen', 6, NULL, 'f4'), ('0003', 2020, 'inkomen', 8, NULL, 'f4'),
    ('0001', 2020, 'kinderarmoede', 3, NULL, 'f4'), ('0002', 2020, 'kinderarmoede', 2, NULL, 'f4')`);
});

describe('benchmarkSeries', () => {
  it('gives the municipality, its neighbours pooled, its region and the Netherlands with the index on 2020-H1', async () => {
    const s = await benchmarkSeries(store, {
      municipality: '0001',
      group: { kind: 'buren', municipalities: ['0002', '0003'] },
      measure: 'jeugdhulp',
      base: '2020-H1',
    });
    expect(s.lines.map((l) => [l.who, l.label, l.points.map((p) => [p.period, p.percent, p.index])])).toEqual([
      [
        'gemeente',
        'Aa',
        [
          ['2020-H1', 10, 100],
          ['2020-H2', 12, 120],
        ],
      ],
      // (300 + 50) / (2,000 + 500) = 14 %; then Cee's cell is suppressed: 330 / 2,000 = 16.5 %, index 117.9.
      [
        'groep',
        'gekozen buurgemeenten (2)',
        [
          ['2020-H1', 14, 100],
          ['2020-H2', 16.5, 117.9],
        ],
      ],
      // Aa and Bee: 400 / 3,000 and 450 / 3,000.
      [
        'regio',
        'jeugdzorgregio R',
        [
          ['2020-H1', 13.33, 100],
          ['2020-H2', 15, 112.5],
        ],
      ],
      [
        'nederland',
        'Nederland',
        [
          ['2020-H1', 10, 100],
          ['2020-H2', 11, 110],
        ],
      ],
    ]);
    expect(s.leftOut).toEqual(['0003']);
  });

  it('finds the size class from the total population of the base year', async () => {
    const s = await benchmarkSeries(store, {
      municipality: '0002',
      group: { kind: 'grootteklasse', sizeClass: 'tot-20k' },
      measure: 'jeugdhulp',
      base: '2020-H1',
    });
    // Aa (5,000) and Cee (2,500): 150 / 1,500 = 10 %.
    expect(s.lines[1]!.points[0]).toEqual({ period: '2020-H1', value: 10, percent: 10, index: 100, reason: null });
  });

  it('has no index when the base period is not in the series, and says why', async () => {
    const s = await benchmarkSeries(store, {
      municipality: '0001',
      group: { kind: 'regio', region: 'R' },
      measure: 'jeugdhulp',
      base: '2019-H1',
    });
    expect(s.lines[0]!.points[0]).toEqual({
      period: '2020-H1',
      value: 10,
      percent: 10,
      index: null,
      reason: 'de basisperiode 2019-H1 komt niet voor in de reeks',
    });
  });

  it("names CBS's reason when the municipality's own cell is suppressed", async () => {
    const s = await benchmarkSeries(store, {
      municipality: '0003',
      group: { kind: 'regio', region: 'S' },
      measure: 'jeugdhulp',
      base: '2020-H1',
    });
    expect(s.lines[0]!.points[1]).toEqual({
      period: '2020-H2',
      value: null,
      percent: null,
      index: null,
      reason: 'CBS geeft geen cijfer (geheim)',
    });
  });

  it('compares with the municipalities within one income decile, chosen from the store by resolveGroup', async () => {
    const resolved = await resolveGroup(store, '0001', 'context', [], 2020, { deciles: ['inkomen'] });
    expect(resolved).toEqual({ group: { kind: 'context', year: 2020, deciles: { inkomen: 5 } } });
    const s = await benchmarkSeries(store, {
      municipality: '0001',
      group: (resolved as { group: ReferenceGroup }).group,
      measure: 'jeugdhulp',
      base: '2020-H1',
    });
    // Bee (6) is within one decile of Aa's 5; Cee (8) is not: the group is Bee alone, 300 / 2,000 and 330 / 2,000.
    expect([s.lines[1]!.label, s.lines[1]!.points.map((p) => [p.period, p.percent, p.index])]).toEqual([
      'gemeenten met inkomensdeciel 4–6 (2020)',
      [
        ['2020-H1', 15, 100],
        ['2020-H2', 16.5, 110],
      ],
    ]);
    expect(s.leftOut).toEqual([]);
    // With both deciles Cee has no child-poverty decile: named, not silently dropped.
    const both = await resolveGroup(store, '0001', 'context', [], 2020);
    expect(both).toEqual({ group: { kind: 'context', year: 2020, deciles: { inkomen: 5, kinderarmoede: 3 } } });
    const s2 = await benchmarkSeries(store, {
      municipality: '0001',
      group: (both as { group: ReferenceGroup }).group,
      measure: 'jeugdhulp',
      base: '2020-H1',
    });
    expect(s2.leftOut).toEqual(['0003']);
    expect(await resolveGroup(store, '0001', 'context', [], 2020, { year: 2019 })).toEqual({
      reason: 'voor 0001 is geen inkomensdeciel en kinderarmoededeciel van 2019 ingelezen',
    });
    expect(await resolveGroup(store, '0003', 'context', [], 2020, { sameSize: true })).toEqual({
      reason: 'voor 0003 is geen inkomensdeciel en kinderarmoededeciel ingelezen',
    });
    expect(await resolveGroup(store, '0002', 'context', [], 2020, { deciles: ['inkomen'], sameSize: true })).toEqual({
      group: { kind: 'context', year: 2020, deciles: { inkomen: 6 }, sizeClass: 'tot-20k' },
    });
  });

  it('gives the cost per inhabitant from CBS 83454NED (x 1 000 euro) over all inhabitants, pooled, with its index', async () => {
    const s = await benchmarkSeries(store, {
      municipality: '0001',
      group: { kind: 'buren', municipalities: ['0002', '0003'] },
      measure: 'kosten-per-inwoner',
      base: '2020',
    });
    expect([s.unit, s.label, s.note]).toEqual(['eur', 'Lasten jeugdhulp per inwoner (€)', undefined]);
    expect(s.lines.map((l) => [l.who, l.points.map((p) => [p.period, p.value, p.percent, p.index])])).toEqual([
      // € 1,000,000 / 5,000 = € 200; € 1,100,000 / 5,000 = € 220.
      [
        'gemeente',
        [
          ['2020', 200, null, 100],
          ['2021', 220, null, 110],
        ],
      ],
      // 2020: Cee suppressed, Bee alone € 3,000,000 / 10,000 = € 300; 2021: € 3,900,000 / 12,500 = € 312 (index 104).
      [
        'groep',
        [
          ['2020', 300, null, 100],
          ['2021', 312, null, 104],
        ],
      ],
      // Aa and Bee: € 4,000,000 / 15,000 = € 266.67; € 4,400,000 / 15,000 = € 293.33.
      [
        'regio',
        [
          ['2020', 266.67, null, 100],
          ['2021', 293.33, null, 110],
        ],
      ],
      [
        'nederland',
        [
          ['2020', 400, null, 100],
          ['2021', 440, null, 110],
        ],
      ],
    ]);
    expect(s.leftOut).toEqual(['0003']);
  });

  it('gives the cost per youth with youth care: 83454NED (x 1 000 euro) over the year figure of 85097NED, pooled', async () => {
    const s = await benchmarkSeries(store, {
      municipality: '0001',
      group: { kind: 'buren', municipalities: ['0002', '0003'] },
      measure: 'kosten-per-client',
      base: '2020',
    });
    expect([s.unit, s.label, s.note]).toEqual(['eur', 'Lasten jeugdhulp per jongere met jeugdhulp (€)', undefined]);
    expect(s.lines.map((l) => [l.who, l.points.map((p) => [p.period, p.value, p.percent, p.index])])).toEqual([
      // € 1,000,000 / 150 = € 6,666.67; € 1,100,000 / 160 = € 6,875 (index 103.1).
      [
        'gemeente',
        [
          ['2020', 6666.67, null, 100],
          ['2021', 6875, null, 103.1],
        ],
      ],
      // 2020: Cee's cost is suppressed, Bee alone: € 3,000,000 / 400 = € 7,500; 2021: Bee's youths are suppressed, Cee
      // alone: € 600,000 / 70 = € 8,571.43 (index 114.3).
      [
        'groep',
        [
          ['2020', 7500, null, 100],
          ['2021', 8571.43, null, 114.3],
        ],
      ],
      // Aa and Bee pooled: € 4,000,000 / 550 = € 7,272.73, not the mean of € 6,666.67 and € 7,500 (€ 7,083.33); 2021
      // Aa alone (Bee's youths suppressed): € 6,875, index 94.5.
      [
        'regio',
        [
          ['2020', 7272.73, null, 100],
          ['2021', 6875, null, 94.5],
        ],
      ],
      // € 20,000,000 / 1,600 = € 12,500; € 22,000,000 / 1,700 = € 12,941.18.
      [
        'nederland',
        [
          ['2020', 12500, null, 100],
          ['2021', 12941.18, null, 103.5],
        ],
      ],
    ]);
    expect(s.leftOut).toEqual(['0002', '0003']);
  });

  it("keeps a suppressed cell missing in the cost per youth in care, with CBS's reason", async () => {
    const bee = await benchmarkSeries(store, {
      municipality: '0002',
      group: { kind: 'regio', region: 'R' },
      measure: 'kosten-per-client',
      base: '2020',
    });
    expect(bee.lines[0]!.points).toEqual([
      { period: '2020', value: 7500, percent: null, index: 100, reason: null },
      {
        period: '2021',
        value: null,
        percent: null,
        index: null,
        reason: 'CBS geeft geen aantal jongeren met jeugdhulp (geheim)',
      },
    ]);
    const cee = await benchmarkSeries(store, {
      municipality: '0003',
      group: { kind: 'regio', region: 'S' },
      measure: 'kosten-per-client',
      base: '2021',
    });
    expect(cee.lines[0]!.points.map((p) => [p.period, p.value, p.index, p.reason])).toEqual([
      ['2020', null, null, 'CBS geeft geen lastencijfer (geheim)'],
      // € 600,000 / 70.
      ['2021', 8571.43, 100, null],
    ]);
  });

  it('without the cost table: no CBS figures, and a note that says so', async () => {
    const bare = await Store.open(':memory:');
    await bare.run(sql`INSERT INTO municipality VALUES ('0001', 'Aa', 'P', 'R')`);
    const all = { Geslacht: 'T001038', Leeftijd: '10000' };
    await writeCbsTable(
      bare,
      table('03759ned', measure('BevolkingOp1Januari_1', 'Bevolking op 1 januari'), [['GM0001', '2020', 5000, all]]),
      'f',
    );
    const s = await benchmarkSeries(bare, {
      municipality: '0001',
      group: { kind: 'regio', region: 'R' },
      measure: 'kosten-per-inwoner',
      base: '2020',
    });
    expect(s.note).toBe('CBS-tabel 83454NED is niet ingelezen: alleen het eigen cijfer is er.');
    expect(s.lines.map((l) => l.points.length)).toEqual([0, 0, 0, 0]);
    // Per youth in care, the youth table is missing too: both named.
    const perClient = await benchmarkSeries(bare, {
      municipality: '0001',
      group: { kind: 'regio', region: 'R' },
      measure: 'kosten-per-client',
      base: '2020',
    });
    expect(perClient.note).toBe(
      'CBS-tabel 83454NED is niet ingelezen; CBS-tabel 85097NED is niet ingelezen: alleen het eigen cijfer is er.',
    );
    bare.close();
  });
});
