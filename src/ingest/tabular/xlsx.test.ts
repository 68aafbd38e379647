// XLSX through the same pipeline as CSV: a real workbook written with exceljs, Excel dates and numbers, row numbers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile, openStore, SECRET, tempFile } from '../../../test/ingest/tabular/harness.ts';
import { pseudonymise } from '../pseudonym.ts';
import { sql } from '../../store/index.ts';

const mapping = {
  source: 'T',
  tables: [
    {
      kind: 'invoice_lines',
      files: 'declaraties*.xlsx',
      sheet: 'Declaraties',
      dateFormat: 'dd-mm-jjjj',
      decimal: ',',
      columns: {
        provider_agb: 'AGB',
        reference: 'Referentie',
        municipality: 'Gemeente',
        bsn: 'BSN',
        period_start: 'Van',
        period_end: 'Tot',
        amount: 'Bedrag',
        debit_credit: 'D/C',
        invoice_date: 'Factuurdatum',
      },
    },
  ],
};

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Voorblad').addRow(['Export van het zaaksysteem']);
  const ws = wb.addWorksheet('Declaraties');
  ws.addRow(['AGB', 'Referentie', 'Gemeente', 'BSN', 'Van', 'Tot', 'Bedrag', 'D/C', 'Factuurdatum', 'Naam']);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(5).numFmt = 'dd-mm-yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('reads the named sheet; real dates, date serials, numeric codes and amounts come out right', async () => {
    const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    const file = tempFile(
      'declaraties-2019.xlsx',
      await workbook([
        [12345678, 'D-1', 193, 123456782, utc(2019, 1, 1), 43496, 1234.56, 'D', '05-02-2019', 'A. de Vries'],
        [12345678, 'D-2', '0193', '123456782', '01-02-2019', '28-02-2019', '€ 1.234,56', 'C', null, 'A. de Vries'],
        [],
        [
          12345678,
          { richText: [{ text: 'D-' }, { text: '3' }] },
          '0193',
          123456782,
          utc(2019, 3, 1),
          utc(2019, 3, 31),
          { formula: '0.1+0.2', result: 0.1 + 0.2 },
          'D',
          null,
          'x',
        ],
        [12345678, 'D-4', '0193', 123456782, 'maart', utc(2019, 3, 31), 12.345, 'D', null, 'x'],
      ]),
    );
    const store = await openStore();
    const { outcome, quarantined } = await importFile(store, file, mapping);
    expect(outcome).toEqual({ kind: 'invoice_lines', total: 4, ok: 3, unchanged: 0 });
    expect(
      await store.all(
        sql`SELECT reference, municipality, client_id, period_start, period_end, amount_cents, invoice_date FROM invoice_line ORDER BY reference`,
      ),
    ).toEqual([
      {
        reference: 'D-1',
        municipality: '0193',
        client_id: pseudonymise(SECRET, '123456782'),
        period_start: '2019-01-01',
        period_end: '2019-01-31',
        amount_cents: 123456,
        invoice_date: '2019-02-05',
      },
      {
        reference: 'D-2',
        municipality: '0193',
        client_id: pseudonymise(SECRET, '123456782'),
        period_start: '2019-02-01',
        period_end: '2019-02-28',
        amount_cents: -123456,
        invoice_date: null,
      },
      {
        reference: 'D-3',
        municipality: '0193',
        client_id: pseudonymise(SECRET, '123456782'),
        period_start: '2019-03-01',
        period_end: '2019-03-31',
        amount_cents: 30,
        invoice_date: null,
      },
    ]);
    // Excel row 6 (row 4 is empty): both problems, with the sheet's column names; the name column is never kept.
    expect(quarantined).toEqual([
      {
        record: 6,
        field: 'Van',
        reason:
          'geen geldige datum (verwacht dd-mm-jjjj): "maart"; ook Bedrag: geen geldig bedrag (euro, hooguit twee decimalen): "12,345"',
        raw: '{"AGB":"12345678","Referentie":"D-4","Gemeente":"0193","BSN":"*********","Van":"maart","Tot":"31-03-2019","Bedrag":"12,345","D/C":"D","Factuurdatum":null}',
      },
    ]);
  });

  it('finds the header below a title row; a sheet without the mapped columns is refused, listing them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Declaraties');
    ws.addRow(['Declaraties 2019, export van 05-01-2020']);
    ws.addRow([]);
    ws.addRow(['AGB', 'Referentie', 'Gemeente', 'BSN', 'Van', 'Tot', 'Bedrag', 'D/C', 'Factuurdatum']);
    ws.addRow([12345678, 'D-1', '0193', 123456782, '01-01-2019', '31-01-2019', 10, 'D', null]);
    const store = await openStore();
    const { outcome } = await importFile(
      store,
      tempFile('declaraties-t.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
      mapping,
    );
    expect(outcome).toEqual({ kind: 'invoice_lines', total: 1, ok: 1, unchanged: 0 });
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('Declaraties').addRow(['AGB', 'Referentie']);
    const msg = await importFile(store, tempFile('declaraties-k.xlsx', Buffer.from(await bad.xlsx.writeBuffer())), mapping).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(msg).toBe(
      'declaraties-k.xlsx: de kopregel mist de kolommen "Gemeente" (municipality), "BSN" (bsn), "Van" (period_start), "Tot" (period_end), "Bedrag" (amount), "D/C" (debit_credit), "Factuurdatum" (invoice_date).',
    );
  });

  it('refuses a missing sheet, naming the sheets there are', async () => {
    const file = tempFile('declaraties-x.xlsx', await workbook([]));
    const store = await openStore();
    const msg = await importFile(store, file, { ...mapping, tables: [{ ...mapping.tables[0], sheet: 'Blad9' }] }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(msg).toBe('declaraties-x.xlsx: het werkblad "Blad9" ontbreekt (werkbladen: "Voorblad", "Declaraties").');
  });

  it('refuses a header-only sheet and a file that is not a zip', async () => {
    const store = await openStore();
    const headerOnly = await importFile(store, tempFile('declaraties-h.xlsx', await workbook([])), mapping).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(headerOnly).toBe('declaraties-h.xlsx: het werkblad bevat alleen een kopregel, geen gegevens.');
    const notZip = await importFile(store, tempFile('declaraties-n.xlsx', 'AGB;Referentie\n'), mapping).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(notZip).toBe('declaraties-n.xlsx: dit is geen geldig XLSX-bestand (geen zip-archief).');
  });
});
