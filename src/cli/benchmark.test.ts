// `roer benchmark` in-process on a temporary store: importing CBS downloads (and the second time skipping them), usage
// errors, and fetching when CBS cannot be reached (a closed local port: no network in tests).
import { mkdtempSync } from 'node:fs';
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

  it('exits 2 on a usage error', async () => {
    expect(await roer('benchmark')).toMatchObject({
      code: 2,
      err: "Geef 'import' of 'fetch' op. Zie 'roer benchmark --help'.\n",
    });
    expect((await roer('benchmark', 'import')).code).toBe(2);
    expect((await roer('benchmark', 'import', join(FIXTURES, 'bestaat-niet'))).err).toContain('Niet gevonden');
  });

  it('fetch says in Dutch that CBS cannot be reached when offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-bench-'));
    await expect(fetchTables(['85097NED'], dir, 'http://127.0.0.1:9/odata')).rejects.toThrow(/^CBS is niet bereikbaar \(/);
  });
});
