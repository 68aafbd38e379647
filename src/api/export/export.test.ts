// Exports: Dutch CSV that Excel opens (BOM, ';', decimal comma), XLSX with numbers as numbers, and formula injection
// neutralised in both; an exported table carries exactly the figures of the JSON answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { MetricResult } from '../../metrics/types.ts';
import type { Store } from '../../store/index.ts';
import { createApp } from '../app.ts';
import { fixtureEngine, fixtureStore } from '../fixture.ts';
import { csvNumber, toCsv } from './csv.ts';
import { exportFileName, neutralise } from './table.ts';
import { toXlsx } from './xlsx.ts';

const hostile: MetricResult = {
  metric: 'x', title: 'Aanbieders: top/10 [test]', split: ['provider'], filters: {},
  columns: [
    { name: 'provider', label: 'Aanbieder', unit: 'text' },
    { name: 'cost', label: 'Kosten (€)', unit: 'eur' },
  ],
  rows: [
    { provider: '=HYPERLINK("http://x","klik")', cost: -1234.5 },
    { provider: '+31 zorg', cost: 0.25 },
    { provider: '-min', cost: null },
    { provider: '@SUM(A1)', cost: 1e-7 },
    { provider: '\tTab', cost: 3 },
    { provider: '\rCR', cost: 4 },
    { provider: 'Zorg; "De Brug"', cost: 5 },
  ],
  totals: { cost: 1000000 },
  notes: ['=kwaad'],
};

describe('neutralising formulas', () => {
  it('prefixes text starting with = + - @ tab or CR with an apostrophe, and leaves numbers alone', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'a=1', ''].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", 'a=1', '']);
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise(null)).toBe(null);
  });
});

describe('CSV', () => {
  it('writes BOM, Dutch headers, semicolons, decimal commas, quoting and a totals row', () => {
    expect(toCsv(hostile)).toBe(
      '\uFEFFAanbieder;Kosten (€)\r\n' +
        `"'=HYPERLINK(""http://x"",""klik"")";-1234,5\r\n` +
        "'+31 zorg;0,25\r\n" +
        "'-min;\r\n" +
        "'@SUM(A1);0,0000001\r\n" +
        "'\tTab;3\r\n" +
        `"'\rCR";4\r\n` +
        '"Zorg; ""De Brug""";5\r\n' +
        'Totaal;1000000\r\n',
    );
  });

  it('labels the totals row of a split by year, and adds none without a split', () => {
    const byYear: MetricResult = {
      metric: 'x', title: 'x', split: ['year'], filters: {},
      columns: [{ name: 'year', label: 'Jaar', unit: 'text' }, { name: 'clients', label: 'Cliënten', unit: 'count' }],
      rows: [{ year: 2017, clients: 3 }, { year: 2018, clients: 4 }],
      totals: { clients: 5 },
    };
    expect(toCsv(byYear)).toBe('\uFEFFJaar;Cliënten\r\n2017;3\r\n2018;4\r\nTotaal;5\r\n');
    const whole: MetricResult = { ...byYear, split: [], columns: [byYear.columns[1]], rows: [{ clients: 5 }] };
    expect(toCsv(whole)).toBe('\uFEFFCliënten\r\n5\r\n');
  });

  it('writes dates the Dutch way, dd-mm-jjjj', () => {
    const dated: MetricResult = {
      metric: 'x', title: 'x', split: [], filters: {},
      columns: [{ name: 'd', label: 'Datum', unit: 'date' }], rows: [{ d: '2024-12-31' }, { d: null }],
    };
    expect(toCsv(dated)).toBe('\uFEFFDatum\r\n31-12-2024\r\n\r\n');
  });

  it('formats numbers without exponent or grouping', () => {
    expect([0, -1234.5, 1e-7, 2500.05, 123456789012].map(csvNumber)).toEqual(['0', '-1234,5', '0,0000001', '2500,05', '123456789012']);
  });

  it('names the file after the metric and the day', () => {
    expect(exportFileName('costs', 'csv', new Date('2026-11-25T23:30:00Z'))).toBe('roer-costs-2026-11-26.csv');
  });
});

describe('XLSX', () => {
  it('writes numbers as numbers, neutralised text, and what was asked on a second sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(hostile)) as never);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Aanbieders  top 10  test');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Aanbieder', 'Kosten (€)']);
    expect(sheet.getCell('A2').value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(sheet.getCell('B2').value).toBe(-1234.5);
    expect(sheet.getCell('A4').value).toBe("'-min");
    expect(sheet.getCell('A9').value).toBe('Totaal');
    expect(sheet.getCell('B9').value).toBe(1000000);
    for (let r = 2; r <= 9; r++) expect(sheet.getCell(`A${r}`).formula).toBeUndefined();
    const about = wb.getWorksheet('Toelichting')!;
    const dated = new ExcelJS.Workbook();
    await dated.xlsx.load((await toXlsx({
      metric: 'x', title: 'x', split: [], filters: {}, columns: [{ name: 'd', label: 'Datum', unit: 'date' }], rows: [{ d: '2024-12-31' }],
    })) as never);
    expect(dated.worksheets[0].getCell('A2').value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(dated.worksheets[0].getCell('A2').numFmt).toBe('dd-mm-yyyy');
    expect(about.getCell('B4').value).toBe("'=kwaad");
  });
});

describe('export routes', () => {
  let store: Store;
  beforeAll(async () => (store = await fixtureStore()));
  afterAll(() => store.close());

  it('exports the same figures as the JSON answer, as CSV and as XLSX', async () => {
    const app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
    const query = '?split=year,municipality&from=2017-01-01';
    const json = (await (await app.request(`/api/metrics/fixture_cost${query}`)).json()) as MetricResult;
    expect(json.rows).toEqual([
      { year: '2017', municipality: '0150', cost: 1000 },
      { year: '2018', municipality: '0150', cost: 2500.5 },
      { year: '2018', municipality: '1708', cost: 390 },
    ]);

    const csv = await app.request(`/api/metrics/fixture_cost/export.csv${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="roer-fixture_cost-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]).toEqual(['Jaar', 'Gemeente', 'Kosten (€)']);
    expect(lines.slice(1).map(([y, m, c]) => ({ year: y, municipality: m, cost: Number(c.replace(',', '.')) }))).toEqual(json.rows);

    const xlsx = await app.request(`/api/metrics/fixture_cost/export.xlsx${query}`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as never);
    const rows = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual(json.rows.map((r) => [r.year, r.municipality, r.cost]));
  });

  it('refuses a bad question with the same Dutch 400 as the JSON route', async () => {
    const app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
    const res = await app.request('/api/metrics/fixture_cost/export.csv?gemeente=0150');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('gemeente');
  });
});
