// Exports equal the screen: a name column beside each code column, the screen's order (changes per provider by the
// size of the change, as drawn), and the comparison year the screen hides kept at the bottom, marked "nee".
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricResult } from '../../metrics/types.ts';
import { refreshDerived, type Store } from '../../store/index.ts';
import { createApp } from '../app.ts';
import { metricsEngine } from '../engine.ts';
import { fixtureStore } from '../fixture.ts';
import { asOnScreen } from './screen.ts';

const changes: MetricResult = {
  metric: 'x',
  title: 'Verandering per aanbieder',
  split: ['provider'],
  filters: {},
  columns: [
    { name: 'provider', label: 'Aanbieder', unit: 'text' },
    { name: 'year', label: 'Jaar', unit: 'text' },
    { name: 'cost_change', label: 'Verandering kosten', unit: 'eur' },
  ],
  rows: [
    { provider: 'A', year: 2017, cost_change: 900 },
    { provider: 'A', year: 2018, cost_change: 10 },
    { provider: 'B', year: 2018, cost_change: -50 },
    { provider: 'C', year: 2018, cost_change: null },
  ],
};

describe('asOnScreen', () => {
  it('adds a name column after each code column, sorts by the size of the measure, and moves hidden rows down, marked', () => {
    const r = asOnScreen(changes, { provider: { A: 'Zorg & Co', B: 'De Brug' } }, { order: 'cost_change', shownFrom: 2018 });
    expect(r.columns.map((c) => c.label)).toEqual(['Aanbieder', 'Naam aanbieder', 'Jaar', 'Verandering kosten', 'Op het scherm']);
    expect(r.rows.map((x) => Object.values(x))).toEqual([
      ['B', 2018, -50, 'De Brug', 'ja'],
      ['A', 2018, 10, 'Zorg & Co', 'ja'],
      ['C', 2018, null, null, 'ja'],
      ['A', 2017, 900, 'Zorg & Co', 'nee'],
    ]);
    expect(r.notes).toEqual([
      'Volgorde als op het scherm: de grootste verandering kosten eerst (een daling telt naar haar grootte).',
      'De rijen van vóór 2018 staan niet op het scherm: dat jaar is alleen opgevraagd om mee te vergelijken. Ze staan ' +
        'onderaan, met "nee" in de kolom "Op het scherm".',
    ]);
  });

  it('changes nothing but the names when the screen neither sorted nor hid', () => {
    const r = asOnScreen(changes, { provider: { A: 'Zorg & Co' } });
    expect(r.rows.map((x) => [x.provider, x.provider_name])).toEqual([
      ['A', 'Zorg & Co'],
      ['A', 'Zorg & Co'],
      ['B', null],
      ['C', null],
    ]);
    expect(r.notes).toBeUndefined();
  });
});

describe('export routes on the fixture store, with the real metrics', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await fixtureStore();
    await refreshDerived(store);
    app = createApp({ store, engine: metricsEngine, webDist: '/nonexistent' });
  });
  afterAll(() => store.close());
  const changesQuery = '?split=provider&from=2017-01-01&to=2018-12-31&order=cost_change&shown_from=2018';
  /** The file's text, byte order mark included (Response.text() drops it). */
  const text = async (url: string) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await app.request(url)).arrayBuffer());

  it('CSV: changes per provider with names, in the order drawn, the comparison year marked', async () => {
    const csv = await text(`/api/metrics/costs_yoy/export.csv${changesQuery}`);
    expect(csv).toBe(
      '\uFEFFAanbieder;Naam aanbieder;Jaar;Kosten;Kosten vorig jaar;Verandering kosten;Unieke cliënten;' +
        'Unieke cliënten vorig jaar;Verandering kosten (%);Verandering unieke cliënten (%);' +
        'Verandering kosten per cliënt (%);Verandering trajectdagen (%);Verandering kosten per trajectdag (%);Op het scherm\r\n' +
        '11110001;Zorg & Co;2018;2500,5;1000;1500,5;1;1;150,1;0;150,1;;;ja\r\n' +
        '22220002;;2018;390;;;1;;;;;;;ja\r\n' +
        '11110001;Zorg & Co;2017;1000;;;1;;;;;;;nee\r\n',
    );
  });

  it('XLSX: the same rows and names, and the explanation says how the rows are ordered and marked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await app.request(`/api/metrics/costs_yoy/export.xlsx${changesQuery}`)).arrayBuffer()) as never);
    const sheet = wb.worksheets[0];
    const cols = (r: number) => ([1, 2, 3, 6, 14] as const).map((c) => sheet.getRow(r).getCell(c).value);
    expect([1, 2, 3, 4].map(cols)).toEqual([
      ['Aanbieder', 'Naam aanbieder', 'Jaar', 'Verandering kosten', 'Op het scherm'],
      ['11110001', 'Zorg & Co', 2018, 1500.5, 'ja'],
      ['22220002', null, 2018, null, 'ja'],
      ['11110001', 'Zorg & Co', 2017, null, 'nee'],
    ]);
    const about = wb
      .getWorksheet('Toelichting')!
      .getSheetValues()
      .map((r) => (r as unknown[] | undefined)?.slice(1).join(': '));
    expect(about.filter((l) => l?.startsWith('Opmerking'))).toEqual([
      'Opmerking: Volgorde als op het scherm: de grootste verandering kosten eerst (een daling telt naar haar grootte).',
      'Opmerking: De rijen van vóór 2018 staan niet op het scherm: dat jaar is alleen opgevraagd om mee te vergelijken. ' +
        'Ze staan onderaan, met "nee" in de kolom "Op het scherm".',
    ]);
  });

  it('names the referrers: "geen verwijzer bekend" for costs without a referrer', async () => {
    const csv = await text('/api/metrics/referrers/export.csv?from=2018-01-01&to=2018-12-31');
    expect(csv).toBe(
      '\uFEFFVerwijzer;Naam verwijzer;Code verwijzer;AGB-code;Naam;Unieke cliënten;Zorgsoorten;Type verwijzer;Kosten;' +
        'Cliënten met een toewijzing\r\n00:;geen verwijzer bekend;00;;;1;onbekend;Onbekend;2890,5;0\r\n',
    );
  });
});
