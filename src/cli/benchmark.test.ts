// `roer benchmark` in-process on a temporary store: importing CBS downloads (and the second time skipping them), usage
// errors, and fetching: paging through a local server in CBS's place, and a closed local port for offline (no network).
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchTables } from '../benchmark/fetch.ts';
import { roer } from './testing.ts';

const FIXTURES = new URL('../../test/fixtures/cbs/', import.meta.url).pathname;

describe('roer benchmark', () => {
  it('imports CBS tables with a line per table, and skips them the second time', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'roer-bench-')), 'roer.duckdb');
    const first = await roer('benchmark', 'import', '--db', db, join(FIXTURES, '85097NED'), join(FIXTURES, '85097NED-csv'));
    expect(first).toEqual({
      code: 0,
      err: '',
      out:
        '85097NED/TypedDataSet.json: CBS-tabel 85097NED: 24 cellen gelezen, 24 opgeslagen, 0 in quarantaine\n' +
        '85097NED-csv/UntypedDataSet.csv: CBS-tabel 85097NED: 19 cellen gelezen, 8 opgeslagen, 11 ongewijzigd, 2 in quarantaine\n' +
        "    85097NED-csv/UntypedDataSet.csv: regel 6, veld Perioden: '2021HJ03': volgnummer 03 past niet bij periodesoort HJ\n" +
        "    85097NED-csv/UntypedDataSet.csv: regel 7, veld JeugdhulpZonderVerblijf_2: 'n/a' is geen getal en geen CBS-teken (., x, .., -)\n",
    });
    const again = await roer('benchmark', 'import', '--db', db, join(FIXTURES, '85097NED'));
    expect(again.out).toBe('85097NED/TypedDataSet.json: overgeslagen (al eerder ingelezen)\n');
    expect((await roer('benchmark', '--help')).out).toContain('Gebruik: roer benchmark import');
  });

  it('imports a context decile file into a fresh database, with its quarantined lines', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'roer-bench-')), 'roer.duckdb');
    const r = await roer('benchmark', 'import', '--db', db, join(FIXTURES, '../context/decielen-fouten.csv'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'decielen-fouten.csv: contextdecielen: 9 regels gelezen, 2 opgeslagen, 7 in quarantaine (kolommen niet gelezen: opmerking)',
      '    decielen-fouten.csv: regel 3, veld gemeentecode: gemeente 0150 in 2023 staat al op regel 2',
      '    decielen-fouten.csv: regel 4, veld gemeentecode: gemeente 0003 bestaat niet meer (opgegaan in 1979); geef de decielen van 1979',
    ]);
  });

  it('exits 2 on a usage error', async () => {
    expect(await roer('benchmark')).toMatchObject({
      code: 2,
      err: "Geef 'import' of 'fetch' op. Zie 'roer benchmark --help'.\n",
    });
    expect((await roer('benchmark', 'import')).code).toBe(2);
    expect((await roer('benchmark', 'import', join(FIXTURES, 'bestaat-niet'))).err).toContain('Niet gevonden');
  });

  it('fetch follows the paging links and writes folders that import as they are', async () => {
    // A local server in CBS's place (no network in tests): the metadata parts from the fixture, the data in two pages.
    const rows = JSON.parse(readFileSync(join(FIXTURES, '83454NED', 'TypedDataSet.json'), 'utf8')) as unknown[];
    const asked: string[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://localhost');
      asked.push(decodeURIComponent(url.pathname + url.search));
      const part = url.pathname.split('/').at(-1)!;
      const page = url.searchParams.get('$skip');
      const value =
        part === 'TypedDataSet'
          ? page
            ? rows.slice(2)
            : rows.slice(0, 2)
          : part === 'TableInfos'
            ? [{ Identifier: '83454NED', Title: 'Lasten jeugdhulp' }]
            : JSON.parse(readFileSync(join(FIXTURES, '83454NED', `${part}.json`), 'utf8'));
      const next =
        part === 'TypedDataSet' && !page ? { 'odata.nextLink': `http://localhost:${port}${url.pathname}?$skip=2` } : {};
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value, ...next }));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'roer-bench-'));
      expect(await fetchTables(['83454NED'], dir, `http://localhost:${port}/odata`)).toEqual([join(dir, '83454NED')]);
      expect(asked).toEqual([
        '/odata/83454NED/TableInfos',
        '/odata/83454NED/DataProperties',
        '/odata/83454NED/RegioS',
        '/odata/83454NED/Perioden',
        "/odata/83454NED/TypedDataSet?$filter=substringof('GM',RegioS) or substringof('NL',RegioS)",
        '/odata/83454NED/TypedDataSet?$skip=2',
      ]);
      const db = join(dir, 'roer.duckdb');
      const r = await roer('benchmark', 'import', '--db', db, dir);
      expect(r.out).toBe('83454NED/TypedDataSet.json: CBS-tabel 83454NED: 6 cellen gelezen, 6 opgeslagen, 0 in quarantaine\n');
    } finally {
      server.close();
    }
  });

  it('fetch says in Dutch that CBS cannot be reached when offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-bench-'));
    await expect(fetchTables(['85097NED'], dir, 'http://127.0.0.1:9/odata')).rejects.toThrow(/^CBS is niet bereikbaar \(/);
  });
});
