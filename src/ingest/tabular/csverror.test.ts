// A malformed CSV is refused with a Dutch reason and its line, never with DuckDB's English message (the byte scan
// names the problem first; what still reaches DuckDB is translated).
import { describe, expect, it } from 'vitest';
import { Store, sql } from '../../store/index.ts';
import { importPaths } from '../importer.ts';
import { parseMapping } from './mapping.ts';
import { csvReadError } from './csverror.ts';
import { importFile, openStore, SECRET, tempFile } from '../../../test/ingest/tabular/harness.ts';

const providers = {
  source: 'T',
  tables: [{ kind: 'providers', files: '*.csv', columns: { provider_agb: 'AGB', provider_name: 'Naam' } }],
};
const refusal = async (content: string) => {
  const store = await openStore();
  return importFile(store, tempFile('a.csv', content), providers).then(
    () => 'no error',
    (e: Error) => `${e.name}: ${e.message}`,
  );
};

describe('malformed CSV', () => {
  it('text after a closing quote is refused naming its line', async () => {
    expect(await refusal('AGB;Naam\n12345679;Ander\n12345678;"Zorg" BV\n')).toBe(
      'RoerError: a.csv: regel 3: na het afsluitende aanhalingsteken van een veld staat nog tekst.',
    );
    // Far beyond DuckDB's sample, where it would silently skip the line.
    const long = `AGB;Naam\n${'12345678;Zorg\n'.repeat(25_000)}12345679;"Zorg" BV\n`;
    expect(await refusal(long)).toBe(
      'RoerError: a.csv: regel 25002: na het afsluitende aanhalingsteken van een veld staat nog tekst.',
    );
  });

  it('a doubled quote inside a quoted field and spaces after the closing quote are fine', async () => {
    const store = await openStore();
    await importFile(store, tempFile('a.csv', 'AGB;Naam\n12345678;"Zorg ""Noord"" BV" \n'), providers);
    expect(await store.all(sql`SELECT name FROM provider`)).toEqual([{ name: 'Zorg "Noord" BV' }]);
  });

  it("DuckDB's own message is translated: Dutch reason, its line, no SQL or path", async () => {
    const store = await openStore();
    const path = tempFile('b.csv', 'AGB;Naam\n1;2\n3;"x" y\n');
    const raw = await store
      .all(
        sql`SELECT * FROM read_csv(${path}, header = true, delim = ';', quote = '"', strict_mode = true, auto_detect = false,
              columns = {'AGB': 'VARCHAR', 'Naam': 'VARCHAR'})`,
      )
      .then(
        () => new Error('no error'),
        (e: Error) => e,
      );
    expect(raw.message).toMatch(/^Invalid Input Error: CSV Error on Line: 3/);
    const e = csvReadError(raw, 'b.csv') as Error;
    expect(e.name).toBe('RoerError');
    expect(e.message).toMatch(/^b\.csv: regel 3: [a-z]/);
    expect(e.message).not.toMatch(/Error|read_csv|\/tmp/);
    const sniff = new Error('Invalid Input Error: Error when sniffing file "/tmp/x.csv".\nIt was not possible to …');
    expect((csvReadError(sniff, 'x.csv') as Error).message).toBe(
      'x.csv: de opbouw van het bestand (scheidingsteken, aanhalingstekens) is niet te herkennen.',
    );
    const other = new Error('schijf vol');
    expect(csvReadError(other, 'x.csv')).toBe(other);
  });

  it('the import report of a malformed CSV is Dutch', async () => {
    const store = await Store.open(':memory:');
    const path = tempFile('aanbieders.csv', 'AGB;Naam\n12345678;"Zorg" BV\n');
    const [report] = await importPaths(store, [path], { secret: SECRET, mapping: parseMapping(providers) });
    expect(report!.status).toBe('geweigerd');
    expect(report!.note).toMatch(/^aanbieders\.csv: regel 2: na het afsluitende aanhalingsteken/);
    store.close();
  });
});
