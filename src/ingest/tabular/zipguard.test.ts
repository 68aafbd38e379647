// The zip-bomb guard reads the central directory itself: crafted archives that claim huge sizes are refused before
// any unzip library sees them; a real small XLSX passes.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempFile } from '../../../test/ingest/tabular/harness.ts';
import { checkZip } from './zipguard.ts';

/** A stored-only zip with one entry whose central directory claims `claimed` uncompressed bytes. */
function craftedZip(name: string, data: Buffer, claimed: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = local.length + n.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + n.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, eocd]);
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error) => e.message,
  );

describe('checkZip', () => {
  it('refuses a tiny archive whose central directory claims 4 GB', async () => {
    const path = tempFile('bom.xlsx', craftedZip('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 0xfffffffe));
    expect(await refusal(checkZip(path, 'bom.xlsx'))).toBe(
      'bom.xlsx: het XLSX-bestand is geweigerd: te groot na uitpakken (uitgepakt 4295 MB, grens 1000 MB); mogelijk een zip-bom.',
    );
  });

  it('refuses an absurd compression ratio (over 200×) even below the size limit', async () => {
    const path = tempFile('ratio.xlsx', craftedZip('a.xml', Buffer.alloc(10_000), 50_000_000));
    expect(await refusal(checkZip(path, 'ratio.xlsx'))).toBe(
      'ratio.xlsx: het XLSX-bestand is geweigerd: onwaarschijnlijk sterk gecomprimeerd (5000×, grens 200×); mogelijk een zip-bom.',
    );
  });

  it('refuses files that are not zip, and zips whose directory is damaged', async () => {
    expect(await refusal(checkZip(tempFile('a.xlsx', 'Jaar;Bedrag\n2019;1\n'), 'a.xlsx'))).toBe(
      'a.xlsx: dit is geen geldig XLSX-bestand (geen zip-archief).',
    );
    const cut = craftedZip('a.xml', Buffer.from('abc'), 3);
    expect(await refusal(checkZip(tempFile('b.xlsx', cut.subarray(0, cut.length - 30)), 'b.xlsx'))).toBe(
      'b.xlsx: het XLSX-bestand is beschadigd (de inhoudsopgave van het zip-archief klopt niet).',
    );
  });

  it('passes a real small XLSX written by exceljs, summing its entries', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').addRow(['Jaar', 'Bedrag']);
    const path = tempFile('ok.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const summary = await checkZip(path, 'ok.xlsx');
    expect(summary.entries).toBeGreaterThan(5);
    expect(summary.uncompressed).toBeGreaterThan(summary.compressed);
  });
});
