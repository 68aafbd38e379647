// Nothing twice, nothing leaked: importing the same rows again (a copy under another name) changes nothing, and no BSN
// reaches a real table; the temp tables are gone after each file.
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureMapping, importFile, openStore, tempFile } from '../../../test/ingest/tabular/harness.ts';
import { ident, join, sql, type Store } from '../../store/index.ts';

const FILES = [
  'aanbieders.csv',
  'producten-2019.csv',
  'toewijzingen-2019.csv',
  'declaraties-2019.csv',
  'clienten.csv',
  'budgetten-2019.csv',
  'pgb-2019-01.csv',
  'pgb-2019-02.csv',
  'bevolking-2019.csv',
  'verwijzers.csv',
];
const TABLES = [
  'provider',
  'product',
  'product_tariff',
  'client',
  'referrer',
  'team',
  'request',
  'allocation',
  'care_period',
  'invoice_line',
  'budget',
  'pgb_cost',
  'population',
  'referrer_agb',
];

/** Every row of every table the importer writes, as text, sorted: a snapshot that any change would alter. */
async function snapshot(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES)
    out[t] = (await store.all<{ r: string }>(sql`SELECT CAST(x AS VARCHAR) AS r FROM ${ident(t)} x ORDER BY r`)).map((r) => r.r);
  return out;
}

describe('re-import', () => {
  it('a copy of every fixture under another name changes no row (not even file_id) and reports everything unchanged', async () => {
    const store = await openStore();
    for (const f of FILES) await importFile(store, fixture(f), fixtureMapping());
    const before = await snapshot(store);
    const sums = await store.one(
      sql`SELECT (SELECT sum(amount_cents) FROM invoice_line) AS invoices, (SELECT count(*) FROM allocation) AS allocations`,
    );
    expect(sums).toEqual({ invoices: 122200, allocations: 3 });
    for (const f of FILES) {
      const copy = tempFile(f.replace(/(\.csv)$/, '-kopie$1'), '');
      copyFileSync(fixture(f), copy);
      const { outcome } = await importFile(store, copy, fixtureMapping(), `copy-of-${f}`);
      expect(outcome.ok, f).toBe(0);
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it('a later export with a changed amount replaces the line in place', async () => {
    const store = await openStore();
    const mapping = fixtureMapping();
    const head =
      'AGB-code;Referentienummer;Gemeentecode;BSN;Begindatum;Einddatum;Bedrag;Debet/Credit;Vorige referentie;Toewijzingsnummer;Productcode;Productcategorie;Volume;Eenheid;Tarief;Berichtsoort\n';
    await importFile(
      store,
      tempFile('declaraties-a.csv', `${head}12345678;D-001;0193;123456782;01-01-2019;31-01-2019;100,00;D;;;;;;;;\n`),
      mapping,
    );
    const { outcome } = await importFile(
      store,
      tempFile('declaraties-b.csv', `${head}12345678;D-001;0193;123456782;01-01-2019;31-01-2019;110,00;D;;;;;;;;\n`),
      mapping,
    );
    expect(outcome).toEqual({ kind: 'invoice_lines', total: 1, ok: 1, unchanged: 0 });
    expect(await store.all(sql`SELECT amount_cents, file_id FROM invoice_line`)).toEqual([
      { amount_cents: 11000, file_id: 'declaraties-b.csv' },
    ]);
  });

  it('an overlapping export stores only its new and changed lines, and never a key twice', async () => {
    const store = await openStore();
    const mapping = fixtureMapping();
    const head =
      'AGB-code;Referentienummer;Gemeentecode;BSN;Begindatum;Einddatum;Bedrag;Debet/Credit;Vorige referentie;Toewijzingsnummer;Productcode;Productcategorie;Volume;Eenheid;Tarief;Berichtsoort\n';
    const line = (ref: string, amount: string) => `12345678;${ref};0193;123456782;01-01-2019;31-01-2019;${amount};D;;;;;;;;\n`;
    await importFile(store, tempFile('declaraties-a.csv', head + line('D-001', '100,00') + line('D-002', '200,00')), mapping);
    const { outcome } = await importFile(
      store,
      tempFile('declaraties-b.csv', head + line('D-002', '200,00') + line('D-003', '300,00') + line('D-001', '150,00')),
      mapping,
    );
    expect(outcome).toEqual({ kind: 'invoice_lines', total: 3, ok: 2, unchanged: 1 });
    expect(await store.all(sql`SELECT reference, amount_cents, file_id FROM invoice_line ORDER BY reference`)).toEqual([
      { reference: 'D-001', amount_cents: 15000, file_id: 'declaraties-b.csv' },
      { reference: 'D-002', amount_cents: 20000, file_id: 'declaraties-a.csv' },
      { reference: 'D-003', amount_cents: 30000, file_id: 'declaraties-b.csv' },
    ]);
  });

  it('an older version of an allocation does not replace a newer one', async () => {
    const store = await openStore();
    const m = {
      tables: [
        {
          kind: 'allocations',
          files: '*.csv',
          columns: {
            municipality: 'G',
            allocation_no: 'N',
            bsn: 'B',
            provider_agb: 'A',
            product_code: 'P',
            start_date: 'S',
            end_date: 'E',
            allocated_on: 'T',
          },
        },
      ],
    };
    await importFile(
      store,
      tempFile('new.csv', 'G;N;B;A;P;S;E;T\n0193;1;123456782;12345678;45A03;01-01-2019;31-12-2019;15-03-2019\n'),
      m,
    );
    await importFile(
      store,
      tempFile('old.csv', 'G;N;B;A;P;S;E;T\n0193;1;123456782;12345678;45A03;01-01-2019;30-06-2019;01-01-2019\n'),
      m,
    );
    expect(await store.all(sql`SELECT end_date, file_id FROM allocation`)).toEqual([
      { end_date: '2019-12-31', file_id: 'new.csv' },
    ]);
  });
});

describe('privacy at the door', () => {
  it('no BSN in any table after importing every fixture, and no temp table left', async () => {
    const store = await openStore();
    for (const f of FILES) await importFile(store, fixture(f), fixtureMapping());
    const bsns = ['123456782', '111222333', '111222334'];
    const tables = await store.all<{ t: string }>(sql`SELECT table_name AS t FROM duckdb_tables()`);
    for (const { t } of tables) {
      const hits = await store.all(
        sql`SELECT * FROM ${ident(t)} x WHERE ${join(
          bsns.map((b) => sql`contains(CAST(x AS VARCHAR), ${b})`),
          ' OR ',
        )}`,
      );
      expect(hits, t).toEqual([]);
    }
    expect(await store.all(sql`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toEqual([]);
    expect(await store.all(sql`SELECT view_name FROM duckdb_views() WHERE temporary AND NOT internal`)).toEqual([]);
  });
});
