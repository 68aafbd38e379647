// A large declaration read by the lean tokenizer (scan.ts) gives exactly the tables, reports and refusals of reading it
// with saxes — also when the tokenizer gives up halfway (its rows are dropped and saxes starts over).
import { afterEach, describe, expect, it } from 'vitest';
import { Store, ident, sql } from '../../store/index.ts';
import type { FileReport } from '../importer.ts';
import { BSN, jw323, type Prestatie } from '../../../test/ingest/ijw-messages.ts';
import { load } from '../../../test/ingest/harness.ts';

const TABLES = [
  'client',
  'provider',
  'product',
  'referrer',
  'allocation',
  'care_period',
  'invoice_line',
  'invoice_rejection',
  'message',
  'quarantine',
  'import_file',
];
const line: Prestatie = {
  ref: 'X',
  no: '1',
  from: '2026-01-01',
  to: '2026-01-31',
  volume: 4,
  tariff: 1250,
  amount: 5000,
  dc: 'D',
};
const clients: [string, Prestatie[]][] = Array.from({ length: 4000 }, (_, i) => [
  [BSN.a, BSN.b, BSN.c, BSN.d, BSN.invalid][i % 5]!,
  [
    { ...line, ref: `R${i}` },
    { ...line, ref: `R${i}c`, prev: `R${i}`, dc: 'C', code: '45A04' },
  ],
]);
// Over 1 MB, with a reference used twice, an invalid BSN (every fifth client), a comment and references.
const large = jw323({ afzender: '12345678', ontvanger: '0384', id: 'F1', date: '2026-02-05' }, clients)
  .replace('<ijw:ReferentieNummer>R3001</ijw:ReferentieNummer>', '<ijw:ReferentieNummer>R3000</ijw:ReferentieNummer>')
  .replace('<jw323:Clienten>', '<jw323:Clienten><!-- &amp; <x> -->')
  .replace('<ijw:ReferentieNummer>R10</ijw:ReferentieNummer>', '<ijw:ReferentieNummer>R&#49;0</ijw:ReferentieNummer>');

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** Tables whose rows carry the time of the import, and that column (left out of the comparison). */
const STAMPED: Record<string, string> = { import_file: 'imported_at', quarantine: 'quarantined_at' };

async function importWith(scan: boolean, body: string): Promise<{ reports: FileReport[]; tables: Record<string, unknown[]> }> {
  const store = await Store.open(':memory:');
  stores.push(store);
  const reports = (await load(store, { 'groot.xml': body }, undefined, { scanLargeFiles: scan })).map((r) => ({
    ...r,
    path: '',
  }));
  const tables: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    tables[t] = await store.all(
      t in STAMPED
        ? sql`SELECT * EXCLUDE (${ident(STAMPED[t]!)}) FROM ${ident(t)} ORDER BY ALL`
        : sql`SELECT * FROM ${ident(t)} ORDER BY ALL`,
    );
  }
  return { reports, tables };
}

describe('a large declaration, tokenizer or saxes', () => {
  it('gives byte for byte the same tables and reports', async () => {
    const scanned = await importWith(true, large);
    // 8,000 prestaties − 1,600 of the 800 clients with an invalid BSN − the second R3000.
    expect(scanned.tables.invoice_line!.length).toBe(6399);
    expect(scanned.reports[0]!.quarantined).toBeGreaterThan(1600);
    expect(await importWith(false, large)).toEqual(scanned);
  });

  it('gives the same when the tokenizer gives up halfway (a lone CR near the end)', async () => {
    const cr = large.replace(
      /\n(\s*<jw323:Client>\s*<jw323:Bsn>[^<]*<\/jw323:Bsn>\s*<jw323:Prestaties>\s*<jw323:Prestatie>\s*<jw323:ProductReferentie><ijw:ReferentieNummer>R3990<)/,
      '\r$1',
    );
    expect(cr).not.toBe(large);
    expect(await importWith(true, cr)).toEqual(await importWith(false, cr));
  });

  it('refuses a broken, hostile or schema-invalid large file with the same reason', async () => {
    const schemaFault = large.replace(/(R2000<\/ijw:ReferentieNummer>[^]*?)<jw323:Eenheid>04/, '$1<jw323:Eenheid>99');
    for (const body of [
      schemaFault,
      large.slice(0, large.length - 3000),
      large.replace('</jw323:Bsn>', '</jw323:BSN>'),
      large.replace('?>', '?>\n<!DOCTYPE a [<!ENTITY b "c">]>'),
      large.replace('R500</ijw', 'R500\u0001</ijw'),
    ]) {
      const scanned = await importWith(true, body);
      expect(scanned.reports[0]!.status).toBe('geweigerd');
      expect(await importWith(false, body)).toEqual(scanned);
    }
  });
});
