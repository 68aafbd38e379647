// Exports: Dutch CSV that Excel opens (BOM, ';', decimal comma), XLSX with formatted numbers, a filter and a Dutch
// explanation, and formula injection neutralised in both; an exported table carries exactly the figures of the JSON answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { MetricResult } from '../../metrics/types.ts';
import type { Store } from '../../store/index.ts';
import { createApp } from '../app.ts';
import { fixtureEngine, fixtureStore } from '../fixture.ts';
import { csvNumber, toCsv } from './csv.ts';
import { exportFileName, neutralise } from './table.ts';
import type { ExportContext } from './about.ts';
import { sheetName, toXlsx } from './xlsx.ts';

const hostile: MetricResult = {
  metric: 'x',
  title: 'Aanbieders: top/10 [test]',
  split: ['provider'],
  filters: {},
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
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'a=1', ''].map(neutralise)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      "'\rx",
      'a=1',
      '',
    ]);
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
      metric: 'x',
      title: 'x',
      split: ['year'],
      filters: {},
      columns: [
        { name: 'year', label: 'Jaar', unit: 'text' },
        { name: 'clients', label: 'Cliënten', unit: 'count' },
      ],
      rows: [
        { year: 2017, clients: 3 },
        { year: 2018, clients: 4 },
      ],
      totals: { clients: 5 },
    };
    expect(toCsv(byYear)).toBe('\uFEFFJaar;Cliënten\r\n2017;3\r\n2018;4\r\nTotaal;5\r\n');
    const whole: MetricResult = { ...byYear, split: [], columns: [byYear.columns[1]], rows: [{ clients: 5 }] };
    expect(toCsv(whole)).toBe('\uFEFFCliënten\r\n5\r\n');
  });

  it('writes dates the Dutch way, dd-mm-jjjj', () => {
    const dated: MetricResult = {
      metric: 'x',
      title: 'x',
      split: [],
      filters: {},
      columns: [{ name: 'd', label: 'Datum', unit: 'date' }],
      rows: [{ d: '2024-12-31' }, { d: null }],
    };
    expect(toCsv(dated)).toBe('\uFEFFDatum\r\n31-12-2024\r\n\r\n');
  });

  it('formats numbers without exponent or grouping', () => {
    expect([0, -1234.5, 1e-7, 2500.05, 123456789012].map(csvNumber)).toEqual([
      '0',
      '-1234,5',
      '0,0000001',
      '2500,05',
      '123456789012',
    ]);
  });

  it('names the file after the metric and the day', () => {
    expect(exportFileName('costs', 'csv', new Date('2026-11-25T23:30:00Z'))).toBe('roer-costs-2026-11-26.csv');
  });
});

async function workbook(result: MetricResult, ctx?: ExportContext): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await toXlsx(result, ctx)) as never);
  return wb;
}

/** The explanation sheet as 'Label: waarde' lines. */
const aboutText = (wb: ExcelJS.Workbook): string[] =>
  wb
    .getWorksheet('Toelichting')!
    .getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1).join(': '));

const shares: MetricResult = {
  metric: 'x',
  title: 'Kosten per aanbieder en productcategorie',
  split: ['provider'],
  filters: {},
  columns: [
    { name: 'provider', label: 'Aanbieder', unit: 'text' },
    { name: 'cost', label: 'Kosten (€)', unit: 'eur' },
    { name: 'share', label: 'Aandeel', unit: 'pct' },
    { name: 'clients', label: 'Cliënten', unit: 'count' },
    { name: 'days', label: 'Zorgdagen', unit: 'days' },
  ],
  rows: [
    { provider: 'De Brug', cost: 1234567.5, share: 11.7, clients: 1250, days: 36500 },
    { provider: 'Zorggroep Noordoost-Overijssel', cost: 0.25, share: 88.3, clients: 3, days: 12 },
  ],
  totals: { cost: 1234567.75, share: 100, clients: 1253, days: 36512 },
};

describe('XLSX', () => {
  it('writes numbers as numbers with a format per unit: euros, percentages as fractions, counts and days grouped', async () => {
    const sheet = (await workbook(shares)).worksheets[0];
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => sheet.getCell(`${c}2`).numFmt)).toEqual([
      undefined,
      '"€" #,##0.00',
      '0.0 %',
      '#,##0',
      '#,##0',
    ]);
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((a) => sheet.getCell(a).value)).toEqual(['De Brug', 1234567.5, 0.117, 1250, 36500]);
    expect(['C3', 'C4'].map((a) => sheet.getCell(a).value)).toEqual([0.883, 1]);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Totaal', 1234567.75, 1, 1253, 36512]);
  });

  it('puts an autofilter on the header over the rows (not the totals), freezes the header and fits the columns', async () => {
    const sheet = (await workbook(shares)).worksheets[0];
    expect(sheet.autoFilter).toBe('A1:E3');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Widest shown text + 2: 'Zorggroep Noordoost-Overijssel' (30), '€ 1.234.567,75' (14), 'Aandeel' and '100,0 %' (7),
    // 'Cliënten' (8), 'Zorgdagen' (9).
    expect([1, 2, 3, 4, 5].map((i) => sheet.getColumn(i).width)).toEqual([32, 16, 9, 10, 11]);
  });

  it('shortens the sheet name at a word boundary to at most 31 characters, and keeps it apart from the explanation', async () => {
    expect((await workbook(shares)).worksheets[0].name).toBe('Kosten per aanbieder en');
    expect(sheetName('Aanbieders: top/10 [test]')).toBe('Aanbieders top 10 test');
    expect(sheetName('x'.repeat(40))).toBe('x'.repeat(31));
    expect(sheetName('Instroom, doorstroom en uitstroom per jaar')).toBe('Instroom, doorstroom en');
    expect(sheetName('[]')).toBe('Roer');
    expect((await workbook({ ...shares, title: 'Toelichting' })).worksheets.map((s) => s.name)).toEqual([
      'Toelichting (2)',
      'Toelichting',
    ]);
  });

  it('writes formula-like text as text cells without an apostrophe, never as a formula', async () => {
    const sheet = (await workbook(hostile)).worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Aanbieder', 'Kosten (€)']);
    expect(['A2', 'A3', 'A4', 'A5'].map((a) => sheet.getCell(a).value)).toEqual([
      '=HYPERLINK("http://x","klik")',
      '+31 zorg',
      '-min',
      '@SUM(A1)',
    ]);
    for (let r = 2; r <= 9; r++) {
      expect(sheet.getCell(`A${r}`).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(`A${r}`).formula).toBeUndefined();
    }
    expect(sheet.getCell('B2').value).toBe(-1234.5);
    expect(sheet.getCell('A9').value).toBe('Totaal');
    expect(sheet.getCell('B9').value).toBe(1000000);
  });

  it('writes dates as spreadsheet dates', async () => {
    const sheet = (
      await workbook({
        metric: 'x',
        title: 'x',
        split: [],
        filters: {},
        columns: [{ name: 'd', label: 'Datum', unit: 'date' }],
        rows: [{ d: '2024-12-31' }],
      })
    ).worksheets[0];
    expect(sheet.getCell('A2').value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(sheet.getCell('A2').numFmt).toBe('dd-mm-yyyy');
  });

  it('explains the question in readable Dutch on the sheet Toelichting', async () => {
    const wb = await workbook(
      {
        ...hostile,
        title: 'Kosten',
        split: ['year', 'municipality'],
        filters: { from: '2018-01-01', to: '2018-12-31', basis: 'invoice', municipality: ['0150', '1708'], financing: ['PGB'] },
      },
      {
        metric: {
          definition: 'Som van de gedeclareerde bedragen.',
          params: [
            { name: 'top', label: 'Aantal aanbieders', type: 'number', default: 10 },
            { name: 'minimum', label: 'Ondergrens (euro)', type: 'number', default: 0 },
          ],
        },
        params: { top: 5 },
        names: { municipality: { '0150': 'Deventer' } },
        exportedAt: new Date('2026-11-25T13:05:00Z'),
      },
    );
    expect(aboutText(wb)).toEqual([
      'Analyse: Kosten',
      'Definitie: Som van de gedeclareerde bedragen.',
      'Periode: 1-1-2018 t/m 31-12-2018',
      'Periode volgens: factuurdatum',
      'Filter: Gemeente: Deventer, 1708', // a code without a known name stays a code
      'Filter: Financiering: PGB',
      'Uitsplitsing: Jaar, Gemeente',
      'Aantal aanbieders: 5',
      'Ondergrens (euro): 0',
      'Opmerking: =kwaad',
      'Geëxporteerd op: 25-11-2026 14:05',
    ]);
    expect(wb.getWorksheet('Toelichting')!.getCell('B10').type).toBe(ExcelJS.ValueType.String);
  });

  it('says so when nothing narrows the question', async () => {
    expect(aboutText(await workbook({ ...shares, split: [] }, { exportedAt: new Date('2026-07-01T22:30:00Z') }))).toEqual([
      'Analyse: Kosten per aanbieder en productcategorie',
      'Periode: alle beschikbare gegevens',
      'Filter: geen',
      'Uitsplitsing: geen',
      'Geëxporteerd op: 2-7-2026 00:30',
    ]);
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
    const lines = new TextDecoder()
      .decode(bytes.slice(3))
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'));
    // Beside the municipality code its name, as the screen shows it.
    expect(lines[0]).toEqual(['Jaar', 'Gemeente', 'Naam gemeente', 'Kosten (€)']);
    expect(lines.slice(1).map((l) => l[2])).toEqual(['Deventer', 'Deventer', 'Steenwijkerland']);
    expect(lines.slice(1).map(([y, m, , c]) => ({ year: y, municipality: m, cost: Number(c.replace(',', '.')) }))).toEqual(
      json.rows,
    );

    const xlsx = await app.request(`/api/metrics/fixture_cost/export.xlsx${query}`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as never);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual(json.rows.map((r, i) => [r.year, r.municipality, lines[i + 1][2], r.cost]));
    // The route hands the metric's definition and parameters to the explanation.
    expect(aboutText(wb).slice(0, 6)).toEqual([
      'Analyse: Kosten (testanalyse)',
      'Definitie: Som van de gedeclareerde bedragen; het jaar van het begin van de zorgperiode telt.',
      'Periode: vanaf 1-1-2017',
      'Filter: geen',
      'Uitsplitsing: Jaar, Gemeente',
      'Ondergrens per rij (euro): 0',
    ]);
  });

  it('names the municipalities, the period and the parameters of the question in the explanation', async () => {
    const app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
    const xlsx = await app.request(
      '/api/metrics/fixture_cost/export.xlsx?municipality=1708,0150&from=2018-01-01&to=2018-12-31&p.minimum=100',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(aboutText(wb).slice(2, 6)).toEqual([
      'Periode: 1-1-2018 t/m 31-12-2018',
      'Filter: Gemeente: Steenwijkerland, Deventer',
      'Uitsplitsing: geen',
      'Ondergrens per rij (euro): 100',
    ]);
  });

  it('refuses a bad question with the same Dutch 400 as the JSON route', async () => {
    const app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
    const res = await app.request('/api/metrics/fixture_cost/export.csv?gemeente=0150');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('gemeente');
  });
});
