// Small messages are imported in batches: the store must come out exactly as when every file is imported alone, in
// order — with corrections, a re-sent message, quarantined records and a refused file inside one batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ident, sql, Store } from '../../store/index.ts';
import { importPaths, type FileReport } from '../importer.ts';
import { Batcher } from './batches.ts';
import { BSN, jw301, jw305, jw307, jw315, jw323, jw325, writeFiles } from '../../../test/ingest/ijw-messages.ts';
import { SECRET } from '../../../test/ingest/harness.ts';

const GEM = { afzender: '0384', ontvanger: '12345678' };
const AANB = { afzender: '12345678', ontvanger: '0384' };
const alloc = {
  ref: 'R1',
  cat: '45',
  code: '45A03',
  date: '2026-01-05',
  time: '10:00:00',
  start: '2026-01-01',
  omvang: [2, '04', '2'] as [number, string, string],
};
const line = { no: '1001', from: '2026-01-01', to: '2026-01-31', volume: 4 };
const care = { cat: '45', code: '45A03', start: '2026-01-01' };

/** One region's traffic, file names in the order the importer takes them per message kind. */
const MESSAGES: Record<string, string> = {
  'r1.xml': jw315({ ...AANB, id: 'V1', date: '2025-12-20' }, BSN.a, [
    { ref: 'R1', start: '2026-01-01', referrer: { type: '02', agb: '01234567' } },
  ]),
  'r2.xml': jw315({ ...AANB, id: 'V2', date: '2025-12-21' }, BSN.b, [
    { ref: 'R2', start: '2026-01-01', referrer: { type: '01' } },
  ]),
  // The same request again, later, with another referrer: replaces the first.
  'r3.xml': jw315({ ...AANB, id: 'V3', date: '2025-12-28' }, BSN.a, [
    { ref: 'R1', start: '2026-01-01', referrer: { type: '03', agb: '07654321' } },
  ]),
  't1.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [{ ...alloc, no: '1001', end: '2026-06-30' }]),
  't2.xml': jw301({ ...GEM, id: 'T2', date: '2026-01-05' }, BSN.b, [{ ...alloc, no: '1002', ref: 'R2', budget: 150000 }]),
  // A later version of allocation 1001 (a correction), then T2 sent again under another file name (other bytes).
  't3.xml': jw301({ ...GEM, id: 'T3', date: '2026-01-06' }, BSN.a, [
    { ...alloc, no: '1001', date: '2026-01-06', end: '2026-03-31', omvang: [3, '04', '2'] },
  ]),
  't4.xml': jw301({ ...GEM, id: 'T2', date: '2026-01-05' }, BSN.b, [{ ...alloc, no: '1002', ref: 'R2', budget: 150000 }]).replace(
    '\n',
    '\n\n',
  ),
  't5.xml': jw301({ ...GEM, id: 'T5', date: '2026-01-05' }, BSN.invalid, [
    { ...alloc, no: '1005' },
    { ...alloc, no: '1006' },
  ]),
  // Another municipality's allocation 1001: a different row.
  't6.xml': jw301({ afzender: '0385', ontvanger: '12345678', id: 'T1', date: '2026-01-07' }, BSN.c, [
    { ...alloc, no: '1001', code: '45A09', cat: '46' },
  ]),
  's1.xml': jw305({ ...AANB, id: 'S1', date: '2026-01-10' }, BSN.a, [{ ...care, no: '1001', status: '1' }]),
  's2.xml': jw305({ ...AANB, id: 'S2', date: '2026-01-10' }, BSN.b, [{ ...care, no: '1002', status: '1' }]),
  's3.xml': jw305({ ...AANB, id: 'S3', date: '2026-01-10' }, BSN.d, [{ ...care, no: '1009', status: '1' }]).slice(0, 400),
  's4.xml': jw305({ ...AANB, id: 'S4', date: '2026-01-11' }, BSN.a, [{ ...care, no: '1001', start: '2026-01-03', status: '2' }]),
  's5.xml': jw305({ ...AANB, id: 'S5', date: '2026-01-12' }, BSN.b, [{ ...care, no: '1002', status: '3' }]),
  's6.xml': jw305({ ...AANB, id: 'S6', date: '2026-01-12' }, BSN.d, [
    { ...care, no: '1003', status: '1' },
    { ...care, no: '1003', start: '2026-01-02', status: '2' },
  ]),
  'e1.xml': jw307({ ...AANB, id: 'E1', date: '2026-03-01' }, BSN.a, [
    { ...care, no: '1001', start: '2026-01-03', end: '2026-02-28', reason: '31', status: '1' },
  ]),
  'e2.xml': jw307({ ...AANB, id: 'E2', date: '2026-03-02' }, BSN.d, [
    { ...care, no: '1004', end: '2026-02-28', reason: '31', status: '1' },
  ]),
  'f1.xml': jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [
    [
      BSN.a,
      [
        { ...line, ref: 'X1', amount: 5000, dc: 'D' },
        { ...line, ref: 'X2', amount: 3000, dc: 'D' },
      ],
    ],
    [BSN.b, [{ ...line, no: '1002', ref: 'X3', amount: 2000, dc: 'D' }]],
  ]),
  'f2.xml': jw323({ ...AANB, id: 'F2', date: '2026-03-05' }, [
    [
      BSN.a,
      [
        { ...line, ref: 'C1', prev: 'X1', amount: 5000, dc: 'C' },
        { ...line, ref: 'X4', amount: 4500, dc: 'D' },
      ],
    ],
  ]),
  // X2 again with another amount: quarantined; X5 twice in one message: the second quarantined.
  'f3.xml': jw323({ ...AANB, id: 'F3', date: '2026-03-06' }, [
    [
      BSN.a,
      [
        { ...line, ref: 'X2', amount: 3100, dc: 'D' },
        { ...line, ref: 'X5', amount: 100, dc: 'D' },
        { ...line, ref: 'X5', amount: 200, dc: 'D' },
      ],
    ],
  ]),
  'f4.xml': jw323({ afzender: '87654321', ontvanger: '0384', id: 'F1', date: '2026-02-05' }, [
    [BSN.c, [{ ...line, ref: 'X1', code: '45A07', amount: 700, dc: 'D' }]],
  ]),
  'a1.xml': jw325({ ...GEM, id: 'A1', date: '2026-02-20' }, [
    [
      BSN.a,
      [
        { ...line, ref: 'X2', amount: 3000, dc: 'D', codes: ['9307'] },
        { ...line, ref: 'X1', amount: 5000, dc: 'D', codes: ['0200'] },
      ],
    ],
  ]),
  'a2.xml': jw325({ ...GEM, id: 'A2', date: '2026-03-20' }, [
    [BSN.a, [{ ...line, ref: 'X4', amount: 4500, dc: 'D', codes: ['0611'] }]],
  ]),
};

const TABLES = [
  'client',
  'provider',
  'product',
  'referrer',
  'request',
  'allocation',
  'care_period',
  'invoice_line',
  'invoice_rejection',
  'message',
];

/** Every row of the tables an import writes (timestamps of the log and quarantine left out: they say when, not what). */
async function contents(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await store.all(sql`SELECT * FROM ${ident(t)} ORDER BY ALL`);
  out.import_file = await store.all(sql`SELECT * EXCLUDE (imported_at) FROM import_file ORDER BY ALL`);
  out.quarantine = await store.all(sql`SELECT * EXCLUDE (quarantined_at) FROM quarantine ORDER BY ALL`);
  return out;
}

/** Imports `files` with the given batch size, counting the transactions. */
async function importCounting(
  store: Store,
  files: Record<string, string>,
  batchFiles?: number,
): Promise<{ reports: FileReport[]; transactions: number }> {
  let transactions = 0;
  const tx = store.transaction.bind(store);
  store.transaction = (fn) => {
    transactions++;
    return tx(fn);
  };
  const reports = await importPaths(store, [writeFiles(files).dir], { secret: SECRET, ...(batchFiles ? { batchFiles } : {}) });
  store.transaction = tx;
  return { reports: reports.map(({ path: _p, ...r }) => r as FileReport), transactions };
}

let alone: Store;
let batched: Store;
beforeEach(async () => {
  alone = await Store.open(':memory:');
  batched = await Store.open(':memory:');
});
afterEach(() => {
  alone.close();
  batched.close();
});

describe('batched import of small messages', () => {
  it('gives exactly the store and the reports of importing every file alone', async () => {
    const one = await importCounting(alone, MESSAGES, 1);
    const many = await importCounting(batched, MESSAGES);
    expect(one.transactions).toBe(Object.keys(MESSAGES).length - 1);
    // One batch per kind, cut where a file touches what an earlier file of its batch touched: r3 (request R1),
    // t3 (allocation 1001), s4 (care of 1001) and f3 (reference X2) start a new one; s3 is refused before.
    expect(many.transactions).toBe(6 + 4);
    expect(many.reports).toEqual(one.reports);
    expect(await contents(batched)).toEqual(await contents(alone));

    // What the region's traffic amounts to, by hand: the checks that the reference import itself is right.
    const byName = Object.fromEntries(many.reports.map((r) => [r.fileName, r]));
    expect(byName['s3.xml']).toMatchObject({ status: 'geweigerd', ok: 0 });
    expect(byName['t4.xml']).toMatchObject({
      status: 'ingelezen',
      ok: 0,
      unchanged: 1,
      note: expect.stringMatching(/^bericht al eerder ingelezen/),
    });
    expect(byName['t5.xml']).toMatchObject({ status: 'ingelezen', ok: 0, quarantined: 2 });
    expect(byName['f3.xml']).toMatchObject({ status: 'ingelezen', total: 3, ok: 1, quarantined: 2 });
    expect(
      await batched.all(sql`SELECT municipality, allocation_no, end_date, volume, referrer_id FROM allocation ORDER BY ALL`),
    ).toEqual([
      { municipality: '0384', allocation_no: '1001', end_date: '2026-03-31', volume: 3, referrer_id: '03:07654321' },
      { municipality: '0384', allocation_no: '1002', end_date: null, volume: 2, referrer_id: '01:' },
      { municipality: '0385', allocation_no: '1001', end_date: null, volume: 2, referrer_id: '00:' },
    ]);
    expect(await batched.all(sql`SELECT allocation_no, start_date, end_date FROM care_period ORDER BY ALL`)).toEqual([
      { allocation_no: '1001', start_date: '2026-01-03', end_date: '2026-02-28' },
      { allocation_no: '1003', start_date: '2026-01-02', end_date: null },
      { allocation_no: '1004', start_date: '2026-01-01', end_date: '2026-02-28' },
    ]);
    expect(await batched.one(sql`SELECT count(*) AS n, sum(amount_cents) AS s FROM invoice_line`)).toEqual({
      n: 7,
      s: 5000 + 3000 + 2000 - 5000 + 4500 + 100 + 700,
    });
    expect(await batched.all(sql`SELECT reference, amount_cents FROM invoice_rejection ORDER BY ALL`)).toEqual([
      { reference: 'X2', amount_cents: 3000 },
      { reference: 'X4', amount_cents: 4500 },
    ]);
    expect(await batched.all(sql`SELECT code, category FROM product ORDER BY ALL`)).toEqual([
      { code: '45A03', category: '45' },
      { code: '45A07', category: '45' },
      { code: '45A09', category: '46' },
    ]);
  });

  it('refuses only the file whose import fails inside a batch: the batch is rolled back and imported file by file', async () => {
    const files = { 'f1.xml': MESSAGES['f1.xml']!, 'f2.xml': MESSAGES['f2.xml']!, 'f4.xml': MESSAGES['f4.xml']! };
    const { reports: good } = await importCounting(alone, { 'f1.xml': files['f1.xml'], 'f4.xml': files['f4.xml'] }, 1);
    const run = batched.run.bind(batched);
    batched.run = async (statement) => {
      // The disk fills up whenever f2 is among the files being written.
      if (
        /^\s*INSERT INTO invoice_line/.test(statement.text) &&
        (await batched.one(sql`SELECT 1 AS x FROM stage_file WHERE sender = '12345678' AND message_id = 'F2'`))
      ) {
        throw new Error('schijf vol (test)');
      }
      return run(statement);
    };
    const { reports, transactions } = await importCounting(batched, files);
    batched.run = run;
    expect(transactions).toBe(1 + 3);
    expect(reports.map((r) => [r.fileName, r.status, r.ok])).toEqual([
      ['f1.xml', 'ingelezen', 3],
      ['f2.xml', 'geweigerd', 0],
      ['f4.xml', 'ingelezen', 1],
    ]);
    expect(reports[1]!.note).toBe('onverwachte fout tijdens het inlezen: schijf vol (test)');
    const [a, b] = [await contents(alone), await contents(batched)];
    expect({ ...b, import_file: b.import_file!.filter((r) => (r as { status: string }).status === 'ingelezen') }).toEqual(a);
    expect(good.map((r) => r.status)).toEqual(['ingelezen', 'ingelezen']);
  });
});

describe('Batcher', () => {
  it('keeps apart files that touch the same key, and caps a batch', () => {
    const b = new Batcher<{ size: number; keys: string[] }>({ files: 3, bytes: 100 });
    b.add({ size: 10, keys: ['a', 'b'] });
    expect(b.blocks({ size: 10, keys: ['c'] })).toBe(false);
    expect(b.blocks({ size: 10, keys: ['b'] })).toBe(true);
    expect(b.blocks({ size: 91, keys: ['c'] })).toBe(true);
    b.add({ size: 10, keys: ['c'] });
    b.add({ size: 10, keys: ['d'] });
    expect(b.blocks({ size: 1, keys: ['e'] })).toBe(true);
    expect(b.take()).toHaveLength(3);
    expect(b.blocks({ size: 1000, keys: ['a'] })).toBe(false);
  });
});
