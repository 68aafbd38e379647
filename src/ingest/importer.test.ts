// The import orchestration: folders expanded, dependencies first, one transaction per file (a crash leaves the store as
// before that file), refused files logged outside that transaction, and files seen before skipped.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { importPaths, expand } from './importer.ts';
import { loadMapping } from './tabular/index.ts';
import { BSN, jw301, jw315, jw323, writeFiles } from '../../test/ingest/ijw-messages.ts';
import { SECRET, snapshot } from '../../test/ingest/harness.ts';
import { IJW_EXAMPLES } from '../../test/fixtures/index.ts';

const GEM = { afzender: '0384', ontvanger: '12345678' };
const AANB = { afzender: '12345678', ontvanger: '0384' };
const allocation = jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [
  {
    no: '1',
    ref: 'R1',
    cat: '45',
    code: '45A03',
    date: '2026-01-05',
    time: '10:00:00',
    start: '2026-01-01',
    omvang: [2, '04', '2'],
  },
]);
const request = jw315({ ...AANB, id: 'V1', date: '2025-12-20' }, BSN.a, [
  { ref: 'R1', start: '2026-01-01', referrer: { type: '02', agb: '01234567' } },
]);
const invoice = jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [
  [BSN.a, [{ ref: 'X1', no: '1', from: '2026-01-01', to: '2026-01-31', volume: 4, amount: 5000, dc: 'D' }]],
]);

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
});
afterEach(() => store.close());

describe('importPaths', () => {
  it('expands folders recursively, skips hidden files, and imports requests before allocations before invoices', async () => {
    const { dir } = writeFiles({ 'a-factuur.xml': invoice, 'b-toewijzing.xml': allocation, '.verborgen.xml': 'x' });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'z-verzoek.xml'), request);
    expect((await expand([dir])).map((p) => p.slice(dir.length + 1))).toEqual([
      'a-factuur.xml',
      'b-toewijzing.xml',
      'sub/z-verzoek.xml',
    ]);
    const progress: number[] = [];
    const reports = await importPaths(store, [dir], { secret: SECRET, onProgress: (p) => progress.push(p.filesDone) });
    expect(reports.map((r) => [r.fileName, r.kind, r.status, r.ok])).toEqual([
      ['z-verzoek.xml', 'JW315', 'ingelezen', 1],
      ['b-toewijzing.xml', 'JW301', 'ingelezen', 1],
      ['a-factuur.xml', 'JW323', 'ingelezen', 1],
    ]);
    // The request came first, so the allocation got its referrer.
    expect(await store.one(sql`SELECT referrer_id FROM allocation`)).toEqual({ referrer_id: '02:01234567' });
    expect(progress.at(-1)).toBe(3);
  });

  it('rolls back a file that fails halfway: the store is as before that file, the failure is logged', async () => {
    await importPaths(store, [writeFiles({ 't.xml': allocation }).dir], { secret: SECRET });
    const before = await snapshot(store);
    const run = store.run.bind(store);
    store.run = async (statement) => {
      if (/^\s*INSERT INTO invoice_line/.test(statement.text)) throw new Error('schijf vol (test)');
      return run(statement);
    };
    // A new provider, client and product: rows that are written before the failing statement, and must be rolled back.
    const other = jw323({ afzender: '87654321', ontvanger: '0384', id: 'F9', date: '2026-02-05' }, [
      [BSN.b, [{ ref: 'X1', no: '1', code: '45A09', from: '2026-01-01', to: '2026-01-31', volume: 4, amount: 5000, dc: 'D' }]],
    ]);
    const [r] = await importPaths(store, [writeFiles({ 'f.xml': other }).dir], { secret: SECRET });
    store.run = run;
    expect(r).toMatchObject({
      fileName: 'f.xml',
      status: 'geweigerd',
      ok: 0,
      note: 'onverwachte fout tijdens het inlezen: schijf vol (test)',
    });
    const after = await snapshot(store);
    expect({ ...after, import_file: before.import_file }).toEqual(before);
    expect(await store.all(sql`SELECT file_name, status FROM import_file WHERE status = 'geweigerd'`)).toEqual([
      { file_name: 'f.xml', status: 'geweigerd' },
    ]);
    // Offered again once the cause is gone, the file imports normally.
    const [again] = await importPaths(store, [writeFiles({ 'f.xml': other }).dir], { secret: SECRET });
    expect(again).toMatchObject({ status: 'ingelezen', ok: 1 });
    expect(await store.one(sql`SELECT count(*) AS n FROM import_file`)).toEqual({ n: 2 });
    expect(await store.one(sql`SELECT count(*) AS n FROM provider WHERE agb = '87654321'`)).toEqual({ n: 1 });
  });

  it('imports case-system exports and iJw messages in one run: reference tables first, then facts, then messages', async () => {
    const tabular = join(dirname(fileURLToPath(import.meta.url)), '../../test/ingest/tabular');
    const dir = mkdtempSync(join(tmpdir(), 'roer-mixed-'));
    for (const f of readdirSync(tabular).filter((f) => f.endsWith('.csv'))) copyFileSync(join(tabular, f), join(dir, f));
    for (const f of ['JW301.xml', 'JW323.xml']) copyFileSync(join(IJW_EXAMPLES, f), join(dir, f));
    const mapping = await loadMapping(join(tabular, 'mapping.json'));
    const reports = await importPaths(store, [dir], { secret: SECRET, mapping });
    expect(reports.map((r) => [r.fileName, r.kind, r.status])).toEqual([
      ['producten-2019.csv', 'products', 'ingelezen'],
      ['aanbieders.csv', 'providers', 'ingelezen'],
      ['clienten.csv', 'clients', 'ingelezen'],
      ['bevolking-2019.csv', 'population', 'ingelezen'],
      ['verwijzers.csv', 'referrers', 'ingelezen'],
      ['toewijzingen-2019.csv', 'allocations', 'ingelezen'],
      ['declaraties-2019.csv', 'invoice_lines', 'ingelezen'],
      ['budgetten-2019.csv', 'budgets', 'ingelezen'],
      ['pgb-2019-01.csv', 'pgb_costs', 'ingelezen'],
      ['pgb-2019-02.csv', 'pgb_costs', 'ingelezen'],
      ['kostenregels-2019-herzien.csv', 'cost_lines', 'ingelezen'],
      ['kostenregels-2019.csv', 'cost_lines', 'ingelezen'],
      ['JW301.xml', 'JW301', 'ingelezen'],
      ['JW323.xml', 'JW323', 'ingelezen'],
    ]);
    expect(await store.one(sql`SELECT sum(amount_cents) AS s, count(*) AS n FROM invoice_line`)).toEqual({
      s: 122200 + 58000,
      n: reports[6]!.ok + 4,
    });
    expect(await store.one(sql`SELECT count(*) AS n FROM allocation`)).toEqual({ n: 3 + 2 });
  });

  it('rebuilds the derived tables after the run unless asked to leave that to the caller', async () => {
    const { dir } = writeFiles({ 'toewijzing.xml': allocation, 'factuur.xml': invoice });
    await importPaths(store, [join(dir, 'toewijzing.xml')], { secret: SECRET, refreshDerived: false });
    expect(await store.one(sql`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'd_alloc'`)).toEqual({ n: 0 });
    await importPaths(store, [join(dir, 'factuur.xml')], { secret: SECRET });
    expect(await store.one(sql`SELECT count(*)::INT AS n FROM d_alloc`)).toEqual({ n: 1 });
  });

  it('needs a mapping for CSV files and says so', async () => {
    const [r] = await importPaths(store, [writeFiles({ 'toewijzingen.csv': 'a;b\n1;2\n' }).dir], { secret: SECRET });
    expect(r).toMatchObject({
      status: 'geweigerd',
      note: 'Voor CSV- en XLSX-bestanden is een kolomindeling nodig. Geef die op met --mapping <bestand.json>.',
    });
  });

  it('names a path that does not exist', async () => {
    await expect(importPaths(store, ['/bestaat/niet.xml'], { secret: SECRET })).rejects.toThrow(
      'Het bestand of de map /bestaat/niet.xml bestaat niet.',
    );
  });
});
