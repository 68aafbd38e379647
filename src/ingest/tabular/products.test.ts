// The product list as municipalities keep it: one row per product with a tariff column per year, amounts in euros or
// eurocents, one export feeding several tables, and a refusal (nothing stored) when the amounts are evidently misread.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { snapshot, SECRET } from '../../../test/ingest/harness.ts';
import { writeFiles } from '../../../test/ingest/ijw-messages.ts';
import { tempFile, importFile, openStore } from '../../../test/ingest/tabular/harness.ts';
import { RoerError } from '../../errors.ts';
import { importPaths } from '../importer.ts';
import { parseMapping } from './mapping.ts';
import { sql } from '../../store/index.ts';

const UNITS = { unit: { uur: '04', etmaal: '14', stuks: '82' } };
const PRODUCT_COLUMNS = { product_code: 'Productcode', product_category: 'Categorie', care_type: 'Zorgsoort', unit: 'Eenheid' };
const products = (extra: Record<string, unknown>, files = 'producten*.csv') => ({
  tables: [{ kind: 'products', files, columns: PRODUCT_COLUMNS, values: UNITS, ...extra }],
});

// Three years; 43V02 has no 2022 tariff (not offered yet); amounts as a Dutch spreadsheet writes them.
const WIDE = [
  'Productcode;Categorie;Zorgsoort;Eenheid;Tarief 2022;Tarief 2023;Tarief 2024',
  '45A01;45;ambulant;uur;78,50;82,00;€ 85,25',
  '43V02;43;verblijf;etmaal;;231,00;245,10',
  '48B01;48;jeugdbescherming;stuks;1.480;1.550;1.625,50',
].join('\n');
const WIDE_TARIFFS = [
  { code: '43V02', year: 2023, unit: '14', tariff_cents: 23100 },
  { code: '43V02', year: 2024, unit: '14', tariff_cents: 24510 },
  { code: '45A01', year: 2022, unit: '04', tariff_cents: 7850 },
  { code: '45A01', year: 2023, unit: '04', tariff_cents: 8200 },
  { code: '45A01', year: 2024, unit: '04', tariff_cents: 8525 },
  { code: '48B01', year: 2022, unit: '82', tariff_cents: 148000 },
  { code: '48B01', year: 2023, unit: '82', tariff_cents: 155000 },
  { code: '48B01', year: 2024, unit: '82', tariff_cents: 162550 },
];
const tariffs = (store: Awaited<ReturnType<typeof openStore>>) =>
  store.all(sql`SELECT * FROM product_tariff ORDER BY code, year`);
const refusal = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(RoerError);
  return `${(e as RoerError).message} ${(e as RoerError).hint}`;
};

describe('the wide product list: one tariff column per year', () => {
  it('"tariffs" per year gives exactly one product_tariff row per product and filled year', async () => {
    const store = await openStore();
    const { outcome, quarantined } = await importFile(
      store,
      tempFile('producten.csv', WIDE),
      products({ tariffs: { 2022: 'Tarief 2022', 2023: 'Tarief 2023', 2024: 'Tarief 2024' } }),
    );
    expect(outcome).toEqual({ kind: 'products', total: 3, ok: 3, unchanged: 0 });
    expect(quarantined).toEqual([]);
    expect(await tariffs(store)).toEqual(WIDE_TARIFFS);
    expect(await store.all(sql`SELECT code, category, care_type FROM product ORDER BY code`)).toEqual([
      { code: '43V02', category: '43', care_type: 'verblijf' },
      { code: '45A01', category: '45', care_type: 'ambulant' },
      { code: '48B01', category: '48', care_type: 'jeugdbescherming' },
    ]);
  });

  it('"tariffColumns" finds the same columns by pattern; importing again changes nothing', async () => {
    const store = await openStore();
    const mapping = products({ tariffColumns: 'Tarief (\\d{4})' });
    await importFile(store, tempFile('producten.csv', WIDE), mapping);
    expect(await tariffs(store)).toEqual(WIDE_TARIFFS);
    const again = await importFile(store, tempFile('producten-kopie.csv', WIDE), mapping);
    expect(again.outcome).toEqual({ kind: 'products', total: 3, ok: 0, unchanged: 3 });
  });

  it('an XLSX product list with Excel numbers in its year columns reads the same (96.1 € an hour is 9610 cents)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Producten');
    ws.addRow(['Productcode', 'Categorie', 'Zorgsoort', 'Eenheid', 'Tarief 2023', 'Tarief 2024']);
    ws.addRow(['45A01', 45, 'ambulant', 'uur', 92, 96.1]);
    ws.addRow(['43V02', 43, 'verblijf', 'etmaal', null, 245.1]);
    const store = await openStore();
    const file = tempFile('producten.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const { outcome } = await importFile(store, file, products({ tariffColumns: 'Tarief (\\d{4})' }, 'producten*.xlsx'));
    expect(outcome).toEqual({ kind: 'products', total: 2, ok: 2, unchanged: 0 });
    expect(await tariffs(store)).toEqual([
      { code: '43V02', year: 2024, unit: '14', tariff_cents: 24510 },
      { code: '45A01', year: 2023, unit: '04', tariff_cents: 9200 },
      { code: '45A01', year: 2024, unit: '04', tariff_cents: 9610 },
    ]);
  });

  it("an unreadable tariff quarantines its row, naming the year's column", async () => {
    const store = await openStore();
    const { outcome, quarantined } = await importFile(
      store,
      tempFile('producten.csv', WIDE.replace('82,00', 'n.v.t.')),
      products({ tariffColumns: 'Tarief (\\d{4})' }),
    );
    expect(outcome).toEqual({ kind: 'products', total: 3, ok: 2, unchanged: 0 });
    expect(quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 2, field: 'Tarief 2023', reason: 'geen geldig bedrag (euro, hooguit twee decimalen): "n.v.t."' },
    ]);
    expect((await tariffs(store)).length).toBe(5);
  });

  it('a year column the file lacks, or a pattern no column fits, refuses the file', async () => {
    const store = await openStore();
    expect(
      await refusal(importFile(store, tempFile('producten.csv', WIDE), products({ tariffs: { 2025: 'Tarief 2025' } }))),
    ).toMatch(/^producten\.csv: de kopregel mist de kolom "Tarief 2025" \(tariff_2025\)\./);
    expect(
      await refusal(importFile(store, tempFile('producten.csv', WIDE), products({ tariffColumns: 'Prijs (\\d{4})' }))),
    ).toMatch(/^producten\.csv: geen kolom in de kopregel past bij "tariffColumns" \(Prijs \(\\d\{4\}\)\)\./);
  });
});

describe('amounts in euros or eurocents', () => {
  const CENTS = [
    'Productcode;Categorie;Zorgsoort;Eenheid;tarief_cent_2023;tarief_cent_2024',
    '45A01;45;ambulant;uur;8200;8525',
    '43V02;43;verblijf;etmaal;23100;24.510',
    '45A02;45;ambulant;uur;82,50;9000',
  ].join('\n');

  it('"amounts": "cents" reads whole eurocents; a cell with a decimal comma is quarantined', async () => {
    const store = await openStore();
    const { outcome, quarantined } = await importFile(
      store,
      tempFile('producten.csv', CENTS),
      products({ tariffColumns: 'tarief_cent_(\\d{4})', amounts: 'cents' }),
    );
    expect(outcome).toEqual({ kind: 'products', total: 3, ok: 2, unchanged: 0 });
    expect(await tariffs(store)).toEqual([
      { code: '43V02', year: 2023, unit: '14', tariff_cents: 23100 },
      { code: '43V02', year: 2024, unit: '14', tariff_cents: 24510 },
      { code: '45A01', year: 2023, unit: '04', tariff_cents: 8200 },
      { code: '45A01', year: 2024, unit: '04', tariff_cents: 8525 },
    ]);
    expect(quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 4, field: 'tarief_cent_2023', reason: 'geen geldig bedrag in centen (een geheel getal): "82,50"' },
    ]);
  });

  it('the option holds for every amount field of any kind: a budget in cents', async () => {
    const store = await openStore();
    await importFile(store, tempFile('begroting.csv', 'Jaar;Gemeente;Bedrag\n2024;193;1050000000\n'), {
      tables: [
        {
          kind: 'budgets',
          files: 'begroting*.csv',
          amounts: 'cents',
          columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag' },
        },
      ],
    });
    expect(await store.all(sql`SELECT year, municipality, amount_cents FROM budget`)).toEqual([
      { year: 2024, municipality: '0193', amount_cents: 1_050_000_000 },
    ]);
  });

  it('the same list read as euros is refused before anything is stored: the column says cents', async () => {
    const store = await openStore();
    const reports = await importPaths(store, [writeFiles({ 'producten-2024.csv': WIDE }).dir], {
      secret: SECRET,
      mapping: parseMapping(products({ tariffColumns: 'Tarief (\\d{4})' })),
    });
    expect(reports.map((r) => r.status)).toEqual(['ingelezen']);
    const before = await snapshot(store);
    const [r] = await importPaths(store, [writeFiles({ 'producten-centen.csv': CENTS }).dir], {
      secret: SECRET,
      mapping: parseMapping(products({ tariffColumns: 'tarief_cent_(\\d{4})' })),
    });
    expect(r).toMatchObject({ status: 'geweigerd', ok: 0, quarantined: 0 });
    expect(r!.note).toBe(
      'producten-centen.csv: de kolom "tarief_cent_2023" noemt centen, maar de mapping leest de bedragen als euro\'s ' +
        '(voorbeeld: "8200"). Er is niets opgeslagen. Zet "amounts": "cents" in de mapping als de bedragen in centen staan.',
    );
    expect({ ...(await snapshot(store)), import_file: before.import_file }).toEqual(before);
    expect(await tariffs(store)).toEqual(WIDE_TARIFFS);
  });

  it('and the reverse: a column that says euros, read as cents', async () => {
    const store = await openStore();
    const file = tempFile(
      'producten.csv',
      "Productcode;Categorie;Zorgsoort;Eenheid;Tarief in euro's\n45A01;45;ambulant;uur;85,25\n",
    );
    expect(await refusal(importFile(store, file, products({ tariffs: { 2024: "Tarief in euro's" }, amounts: 'cents' })))).toBe(
      'producten.csv: de kolom "Tarief in euro\'s" noemt euro\'s, maar de mapping leest de bedragen als centen (voorbeeld: "85,25"). ' +
        'Er is niets opgeslagen. Zet "amounts": "euros" in de mapping als de bedragen in euro\'s staan.',
    );
  });
});

describe('implausible tariffs for their unit refuse the file', () => {
  // Cents written into columns whose names say nothing: 8950 read as euros is € 8.950 a day.
  const MISREAD = [
    'Productcode;Categorie;Zorgsoort;Eenheid;Tarief 2023;Tarief 2024',
    '48B01;48;jeugdbescherming;stuks;148000;155000',
    '45A01;45;ambulant;uur;82;85,25',
    '43V02;43;verblijf;etmaal;2310;8950',
  ].join('\n');

  it('a per-day tariff above € 2.500: the column, the line, the value and the option to change; nothing stored', async () => {
    const store = await openStore();
    const before = await snapshot(store);
    const [r] = await importPaths(store, [writeFiles({ 'producten.csv': MISREAD }).dir], {
      secret: SECRET,
      mapping: parseMapping(products({ tariffColumns: 'Tarief (\\d{4})' })),
    });
    expect(r).toMatchObject({ status: 'geweigerd', ok: 0 });
    expect(r!.note).toBe(
      'producten.csv: de kolom "Tarief 2024" geeft een onwaarschijnlijk tarief: € 8.950,00 per etmaal ' +
        '(regel 4, product 43V02; verwacht hooguit € 2.500 per etmaal). Er is niets opgeslagen. ' +
        'Staan de bedragen in centen? Zet dan "amounts": "cents" in de mapping.',
    );
    expect({ ...(await snapshot(store)), import_file: before.import_file }).toEqual(before);
  });

  it('a per-hour tariff above € 500 (the long form too); per piece has no ceiling, and € 2.500 a day is allowed', async () => {
    const store = await openStore();
    const long = (tariff: string, unit: string) =>
      `Productcode;Categorie;Zorgsoort;Eenheid;Jaar;Tarief\n45A01;45;ambulant;${unit};2024;${tariff}\n`;
    const mapping = products({ columns: { ...PRODUCT_COLUMNS, year: 'Jaar', tariff: 'Tarief' } });
    expect(await refusal(importFile(store, tempFile('producten.csv', long('500,01', 'uur')), mapping))).toBe(
      'producten.csv: de kolom "Tarief" geeft een onwaarschijnlijk tarief: € 500,01 per uur (regel 2, product 45A01; ' +
        'verwacht hooguit € 500 per uur). Er is niets opgeslagen. Staan de bedragen in centen? Zet dan "amounts": "cents" in de mapping.',
    );
    await importFile(store, tempFile('producten-a.csv', long('500,00', 'uur')), mapping);
    await importFile(store, tempFile('producten-b.csv', long('2.500', 'etmaal').replace('45A01', '43V02')), mapping);
    await importFile(store, tempFile('producten-c.csv', long('25.000', 'stuks').replace('45A01', '48B01')), mapping);
    expect(await tariffs(store)).toEqual([
      { code: '43V02', year: 2024, unit: '14', tariff_cents: 250000 },
      { code: '45A01', year: 2024, unit: '04', tariff_cents: 50000 },
      { code: '48B01', year: 2024, unit: '82', tariff_cents: 2500000 },
    ]);
  });
});

describe('one file feeding several tables', () => {
  it('a product export with its providers: two table entries with the same pattern, each reading its own columns', async () => {
    const store = await openStore();
    const file = [
      'Productcode;Categorie;Zorgsoort;Eenheid;Tarief 2024;AGB-code;Aanbieder',
      '45A01;45;ambulant;uur;85,25;12345678;Zorg BV',
      '43V02;43;verblijf;etmaal;245,10;1234567;Kleine Praktijk',
    ].join('\n');
    const mapping = parseMapping({
      tables: [
        products({ tariffs: { 2024: 'Tarief 2024' } }, 'contracten*.csv').tables[0],
        { kind: 'providers', files: 'contracten*.csv', columns: { provider_agb: 'AGB-code', provider_name: 'Aanbieder' } },
      ],
    });
    const [r] = await importPaths(store, [writeFiles({ 'contracten-2024.csv': file }).dir], { secret: SECRET, mapping });
    expect(r).toMatchObject({
      kind: 'products+providers',
      status: 'ingelezen',
      total: 2,
      ok: 4,
      unchanged: 0,
      quarantined: 0,
      note: 'products: 2 opgeslagen, 0 ongewijzigd; providers: 2 opgeslagen, 0 ongewijzigd',
    });
    expect(await store.all(sql`SELECT * FROM provider ORDER BY agb`)).toEqual([
      { agb: '01234567', name: 'Kleine Praktijk' },
      { agb: '12345678', name: 'Zorg BV' },
    ]);
    expect(await tariffs(store)).toEqual([
      { code: '43V02', year: 2024, unit: '14', tariff_cents: 24510 },
      { code: '45A01', year: 2024, unit: '04', tariff_cents: 8525 },
    ]);
    expect(await store.all(sql`SELECT kind, records_total, records_ok FROM import_file`)).toEqual([
      { kind: 'products+providers', records_total: 2, records_ok: 4 },
    ]);
  });

  it('a provider repeated on each of its product lines is one record; the same AGB with another name is a conflict', async () => {
    const store = await openStore();
    const file = [
      'Productcode;Categorie;Zorgsoort;Eenheid;Tarief 2024;AGB-code;Aanbieder',
      '45A01;45;ambulant;uur;85,25;12345678;Zorg BV',
      '45A02;45;ambulant;uur;92,00;12345678;Zorg BV',
      '45A03;45;ambulant;uur;99,00;12345678;Zorg B.V.',
      '43V02;43;verblijf;etmaal;245,10;87654321;Jeugdhulp NV',
    ].join('\n');
    const mapping = {
      tables: [
        products({ tariffs: { 2024: 'Tarief 2024' } }, 'contracten*.csv').tables[0],
        { kind: 'providers', files: 'contracten*.csv', columns: { provider_agb: 'AGB-code', provider_name: 'Aanbieder' } },
      ],
    };
    const { outcome, quarantined } = await importFile(store, tempFile('contracten.csv', file), mapping);
    expect(outcome).toEqual({
      kind: 'products+providers',
      total: 4,
      ok: 6,
      unchanged: 0,
      note: 'products: 4 opgeslagen, 0 ongewijzigd; providers: 2 opgeslagen, 0 ongewijzigd',
    });
    expect(quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 3, field: null, reason: 'dubbel: regel 4 heeft dezelfde sleutel en vervangt deze regel' },
    ]);
    expect(await store.all(sql`SELECT * FROM provider ORDER BY agb`)).toEqual([
      { agb: '12345678', name: 'Zorg B.V.' },
      { agb: '87654321', name: 'Jeugdhulp NV' },
    ]);
  });

  it('a different pattern that also fits does not count: the first matching pattern wins, as before', async () => {
    const store = await openStore();
    const mapping = parseMapping({
      tables: [
        products({ tariffs: { 2024: 'Tarief 2024' } }, 'contracten*.csv').tables[0],
        { kind: 'providers', files: '*.csv', columns: { provider_agb: 'AGB-code' } },
      ],
    });
    const file = 'Productcode;Categorie;Zorgsoort;Eenheid;Tarief 2024\n45A01;45;ambulant;uur;85,25\n';
    const [r] = await importPaths(store, [writeFiles({ 'contracten-2024.csv': file }).dir], { secret: SECRET, mapping });
    expect(r).toMatchObject({ kind: 'products', status: 'ingelezen', ok: 1 });
  });
});

describe('the mapping keys of the wide form', () => {
  it('are checked with their JSON path', () => {
    let message = '';
    try {
      parseMapping(
        {
          tables: [
            products({ tariffs: { 2024: 'Tarief 2024' }, columns: { ...PRODUCT_COLUMNS, year: 'Jaar' } }).tables[0],
            products({ tariffs: { 24: 'Tarief 24' }, tariffColumns: 'Tarief (\\d{4})' }).tables[0],
            products({ tariffColumns: 'Tarief \\d{4}', amounts: 'guldens' }).tables[0],
            { kind: 'providers', files: 'a.csv', columns: { provider_agb: 'AGB' }, tariffs: { 2024: 'Tarief' } },
          ],
        },
        'm.json',
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      [
        'De mapping m.json is ongeldig:',
        '  tables[0].columns.year: kan niet samen met "tariffs" (kies de lange vorm met year en tariff, of de brede vorm)',
        '  tables[1].tariffColumns: kies "tariffs" of "tariffColumns", niet beide',
        '  tables[1].tariffs.24: geen jaartal (vier cijfers)',
        '  tables[2].amounts: ongeldige waarde "guldens" (verwacht "euros" / "cents")',
        '  tables[2].tariffColumns: ongeldige waarde "Tarief \\\\d{4}" (verwacht een patroon met het jaartal tussen haakjes, bijv. "Tarief (\\\\d{4})")',
        '  tables[3].tariffs: alleen voor soort "products"',
      ].join('\n'),
    );
  });
});
