// A message that fails its XSD is refused whole, as the iJw chain does (return code 0001, "afgekeurd om technische
// redenen"): its valid records are not stored either, the store stays as it was and the report names file, line,
// element and reason. Rule problems in a schema-valid message (the 11-proof) still quarantine record by record.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql, Store } from '../../store/index.ts';
import { SchemaValidator } from './validate.ts';
import { BSN, jw323, type Prestatie } from '../../../test/ingest/ijw-messages.ts';
import { load, snapshot } from '../../../test/ingest/harness.ts';

const AANB = { afzender: '12345678', ontvanger: '0384' };
const line = { no: '1001', from: '2023-02-01', volume: 4, tariff: 1250, amount: 5000, dc: 'D' as const };
/** Two prestaties of one client; the second one's Einddatum (line 42 of the file) is `secondEnd`. */
const invoice = (id: string, secondEnd: string) =>
  jw323({ ...AANB, id, date: '2023-03-05' }, [
    [
      BSN.a,
      [
        { ...line, ref: `${id}-1`, to: '2023-02-28' },
        { ...line, ref: `${id}-2`, to: secondEnd },
      ],
    ],
  ]);
const REASON =
  'Het bericht voldoet niet aan het XSD-schema en is in zijn geheel geweigerd (iJw-retourcode 0001, afgekeurd om ' +
  "technische redenen): regel 42, veld Einddatum: '2023-02-30' is geen geldige waarde voor een datum. Niets uit dit bestand " +
  'is opgeslagen; lees het verbeterde bericht opnieuw in.';

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
});
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
});

describe('a message that fails its XSD', () => {
  it('is refused whole, its valid first prestatie included; only the log entry of the refusal is new', async () => {
    await load(store, { 'eerder.xml': invoice('F0', '2023-02-28') });
    const before = await snapshot(store);
    const [r] = await load(store, { 'd.xml': invoice('F1', '2023-02-30') });
    expect({ ...r, path: '' }).toEqual({
      path: '',
      fileName: 'd.xml',
      kind: 'JW323',
      status: 'geweigerd',
      total: 0,
      ok: 0,
      unchanged: 0,
      quarantined: 0,
      note: REASON,
      problems: [{ file: 'd.xml', record: 42, field: 'Einddatum', reason: "'2023-02-30' is geen geldige waarde voor een datum" }],
    });
    expect({ ...(await snapshot(store)), import_file: before.import_file }).toEqual(before);
    expect(
      await store.all(
        sql`SELECT kind, status, records_total, records_ok, records_quarantined, note FROM import_file WHERE file_name = 'd.xml'`,
      ),
    ).toEqual([{ kind: 'JW323', status: 'geweigerd', records_total: 0, records_ok: 0, records_quarantined: 0, note: REASON }]);
  });

  it('is refused again when offered again unchanged, and its corrected copy (same message) is then read in full', async () => {
    await load(store, { 'd.xml': invoice('F1', '2023-02-30') });
    const [again] = await load(store, { 'd.xml': invoice('F1', '2023-02-30') });
    expect(again).toMatchObject({ status: 'geweigerd', note: REASON });
    const [fixed] = await load(store, { 'd.xml': invoice('F1', '2023-02-28') });
    expect(fixed).toMatchObject({ status: 'ingelezen', total: 2, ok: 2, unchanged: 0, quarantined: 0, problems: [] });
    expect(await store.all(sql`SELECT reference, period_end, amount_cents FROM invoice_line ORDER BY reference`)).toEqual([
      { reference: 'F1-1', period_end: '2023-02-28', amount_cents: 5000 },
      { reference: 'F1-2', period_end: '2023-02-28', amount_cents: 5000 },
    ]);
    expect(await store.all(sql`SELECT sender, message_id, message_code FROM message`)).toEqual([
      { sender: '12345678', message_id: 'F1', message_code: 'JW323' },
    ]);
    expect(await store.all(sql`SELECT file_name, status FROM import_file ORDER BY status`)).toEqual([
      { file_name: 'd.xml', status: 'geweigerd' },
      { file_name: 'd.xml', status: 'ingelezen' },
    ]);
  });

  it('is refused alone among small messages imported together', async () => {
    const reports = await load(store, {
      'a.xml': invoice('F1', '2023-02-28'),
      'b.xml': invoice('F2', '2023-02-30'),
      'c.xml': invoice('F3', '2023-02-28'),
    });
    expect(reports.map((r) => [r.fileName, r.status, r.ok, r.problems.map((p) => p.record)])).toEqual([
      ['a.xml', 'ingelezen', 2, []],
      ['b.xml', 'geweigerd', 0, [42]],
      ['c.xml', 'ingelezen', 2, []],
    ]);
    expect((await store.all<{ r: string }>(sql`SELECT reference AS r FROM invoice_line ORDER BY r`)).map((x) => x.r)).toEqual([
      'F1-1',
      'F1-2',
      'F3-1',
      'F3-2',
    ]);
  });

  it('is refused whole when it is large (over 1 MB, validated and read as a stream), naming the line', async () => {
    // 4,000 clients of one prestatie each: client i takes lines 24 + 15i to 38 + 15i, its Einddatum is on line 32 + 15i.
    const clients: [string, Prestatie[]][] = Array.from({ length: 4000 }, (_, i) => [
      BSN.a,
      [{ ...line, ref: `R${i}`, to: '2023-02-28' }],
    ]);
    const body = jw323({ ...AANB, id: 'G1', date: '2023-03-05' }, clients).replace(
      /(R3000<\/ijw:ReferentieNummer>[^]*?)2023-02-28/,
      '$12023-02-30',
    );
    expect(body.length).toBeGreaterThan(1024 ** 2);
    const before = await snapshot(store);
    const [r] = await load(store, { 'groot.xml': body });
    expect(r).toMatchObject({
      status: 'geweigerd',
      total: 0,
      ok: 0,
      problems: [
        {
          file: 'groot.xml',
          record: 32 + 15 * 3000,
          field: 'Einddatum',
          reason: "'2023-02-30' is geen geldige waarde voor een datum",
        },
      ],
    });
    expect(r!.note).toBe(REASON.replace('regel 42', `regel ${32 + 15 * 3000}`));
    expect({ ...(await snapshot(store)), import_file: before.import_file }).toEqual(before);
  });
});

describe('a schema-valid message with a rule problem', () => {
  it('keeps its valid records: a BSN failing the 11-proof quarantines only its client', async () => {
    const [r] = await load(store, {
      'd.xml': jw323({ ...AANB, id: 'F1', date: '2023-03-05' }, [
        [BSN.a, [{ ...line, ref: 'X1', to: '2023-02-28' }]],
        [BSN.invalid, [{ ...line, ref: 'X2', to: '2023-02-28' }]],
      ]),
    });
    expect(r).toMatchObject({
      status: 'ingelezen',
      total: 2,
      ok: 1,
      quarantined: 1,
      problems: [{ file: 'd.xml', record: 40, field: 'Bsn', reason: 'het BSN is ongeldig (voldoet niet aan de elfproef)' }],
    });
    expect((await store.all<{ r: string }>(sql`SELECT reference AS r FROM invoice_line`)).map((x) => x.r)).toEqual(['X1']);
  });
});

describe('a validation that fails outright', () => {
  it('refuses a small and a large file with the same Dutch reason (never as an unexpected error)', async () => {
    // The validator's xmllint call breaks down (e.g. out of memory), whichever engine and way of validating.
    vi.spyOn(SchemaValidator.prototype as unknown as { check: () => Promise<unknown> }, 'check').mockRejectedValue(
      new Error('geheugen vol (test)'),
    );
    const clients: [string, Prestatie[]][] = Array.from({ length: 4000 }, (_, i) => [
      BSN.a,
      [{ ...line, ref: `R${i}`, to: '2023-02-28' }],
    ]);
    const before = await snapshot(store);
    const reports = await load(store, {
      'klein.xml': invoice('F1', '2023-02-28'),
      'groot.xml': jw323({ ...AANB, id: 'G1', date: '2023-03-05' }, clients),
    });
    const reason = 'Het bestand kon niet tegen het XSD-schema worden gecontroleerd: de controle liep vast (geheugen vol (test)).';
    expect(reports.map((r) => [r.fileName, r.status, r.note])).toEqual([
      ['groot.xml', 'geweigerd', reason],
      ['klein.xml', 'geweigerd', reason],
    ]);
    expect({ ...(await snapshot(store)), import_file: before.import_file }).toEqual(before);
  });
});
