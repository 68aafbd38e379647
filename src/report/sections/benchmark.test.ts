// The report's benchmark section on the demo's fictitious national CBS set with the tiny own data of Steenwijkerland:
// the series beside the size class, region and Netherlands (table, line chart as SVG, index), the own figures beside
// CBS's with their explanations, and the caveat that these CBS figures are invented.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownCbsFixtureStore } from '../../../test/fixtures/cbs/owncbs.ts';
import { metricsEngine } from '../../api/engine.ts';
import { importCbsPaths } from '../../benchmark/import.ts';
import { formatPct } from '../../contract/format.ts';
import { nationalCbsFiles, writeNationalCbs } from '../../demo/cbsnational.ts';
import { loadRegion } from '../../demo/region.ts';
import { loadMunicipalities } from '../../ingest/municipalities.ts';
import { Store } from '../../store/index.ts';
import { fullRequest } from '../build.ts';
import { regionGap } from '../messages/benchmark.ts';
import type { Block } from '../model.ts';
import { storeSource } from '../source.ts';
import { chartSvg } from '../svg.ts';
import { benchmarkSection, FICTITIOUS_CAVEAT } from './benchmark.ts';
import { sectionContext, type SectionOutput } from './context.ts';

let store: Store;
let out: SectionOutput | null;
beforeAll(async () => {
  const base = await Store.open(':memory:');
  await loadMunicipalities(base);
  const files = nationalCbsFiles({ seed: 1, region: loadRegion(), scale: 1, counts: new Map() });
  await importCbsPaths(base, [writeNationalCbs(mkdtempSync(join(tmpdir(), 'roer-bmreport-')), files)]);
  store = await ownCbsFixtureStore(base);
  out = await benchmarkSection.build(
    sectionContext(storeSource(store, metricsEngine), fullRequest({ municipality: '1708', year: 2020 })),
  );
}, 120_000);
afterAll(() => store.close());

const tables = () => out!.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('section "Vergelijking met andere gemeenten"', () => {
  it('shows the share without residence per half-year from the base (= 100) through the report year', () => {
    const [series] = tables();
    expect(series!.columns.map((c) => c.name)).toEqual(['half_year', 'gemeente', 'groep', 'regio', 'nederland', 'index', 'gap']);
    expect(series!.columns[1]!.label).toBe('Steenwijkerland');
    expect(series!.columns[2]!.label).toMatch(/^gemeenten met /);
    expect(series!.rows.map((r) => r.half_year)).toEqual([
      'H1 2017',
      'H2 2017',
      'H1 2018',
      'H2 2018',
      'H1 2019',
      'H2 2019',
      'H1 2020',
      'H2 2020',
    ]);
    expect(series!.rows[0]!.index).toBe(100);
  });

  it('draws the four lines as an SVG line chart', () => {
    const chart = out!.blocks.find((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart')!;
    expect(chart.chart).toBe('trend');
    const { svg } = chartSvg(chart);
    expect(svg).toContain('<svg');
    for (const name of ['Steenwijkerland', 'Nederland']) expect(svg).toContain(name);
  });

  it("gives CBS's cost per inhabitant and per youth in care per year beside the same lines, indexed on the first year", () => {
    const costs = tables().filter((t) => t.caption.startsWith('Lasten jeugdhulp per'));
    expect(costs.map((t) => t.caption)).toEqual([
      'Lasten jeugdhulp per inwoner (€), per jaar',
      'Lasten jeugdhulp per jongere met jeugdhulp (€), per jaar',
    ]);
    for (const t of costs) {
      expect(t.columns.map((c) => [c.name, c.unit])).toEqual([
        ['year', 'text'],
        ['gemeente', 'eur'],
        ['groep', 'eur'],
        ['regio', 'eur'],
        ['nederland', 'eur'],
        ['index', 'ratio'],
      ]);
      expect(t.rows.map((r) => r.year)).toEqual(['2017', '2018', '2019', '2020']);
      const first = t.rows[0]!.gemeente as number;
      expect(t.rows[0]!.index).toBe(100);
      for (const r of t.rows) {
        for (const who of ['gemeente', 'groep', 'regio', 'nederland']) expect(r[who] as number).toBeGreaterThan(0);
        expect(r.index).toBe(Math.round(((r.gemeente as number) / first) * 1000) / 10);
      }
    }
    // Youths in care are a small part of the inhabitants: per youth in care the cost is many times that per inhabitant.
    expect(costs[1]!.rows[3]!.gemeente as number).toBeGreaterThan(10 * (costs[0]!.rows[3]!.gemeente as number));
  });

  it('puts the own figures beside CBS with the difference and the explanations', () => {
    const own = tables().find((t) => t.caption.startsWith('Eigen cijfers'));
    const explained = tables().find((t) => t.caption.startsWith('Wat de eigen gegevens'));
    expect(own!.caption).toBe('Eigen cijfers naast CBS, 2020');
    expect(own!.rows[0]).toMatchObject({ period: 'H1 2020', measure: 'Jongeren met jeugdhulp', own: 3 });
    expect(own!.rows[0]!.difference).toBe(3 - (own!.rows[0]!.cbs as number));
    expect(explained!.rows.map((r) => [r.period, r.size])).toContainEqual(['H2 2020', '1 jongere']);
  });

  it('says the gap to the region only by its rule, and warns that the CBS figures are invented', () => {
    const series = tables()[0]!;
    expect(out!.messages).toHaveLength(1);
    const rule = regionGap(
      {
        measure: 'zonder-verblijf',
        label: '',
        unit: 'pct',
        base: '2017-H1',
        leftOut: [],
        lines: ['gemeente', 'regio'].map((who) => ({
          who: who as 'gemeente' | 'regio',
          label: series.columns.find((c) => c.name === who)!.label,
          points: series.rows.map((r, i) => ({
            period: `${2017 + Math.floor(i / 2)}-H${(i % 2) + 1}`,
            value: r[who] as number | null,
            percent: r[who] as number | null,
            index: null,
            reason: null,
          })),
        })),
      },
      2020,
      series.source,
    );
    expect(out!.messages![0]).toEqual(rule);
    // The gap the sentence names is in the table, on the report year's last half-year.
    const gap = series.rows.at(-1)!.gap as number;
    if (rule) expect(rule.message.text).toContain(formatPct(Math.abs(gap)));
    else expect(Math.abs(gap)).toBeLessThan(5);
    expect(out!.caveats).toEqual([FICTITIOUS_CAVEAT]);
  });
});
