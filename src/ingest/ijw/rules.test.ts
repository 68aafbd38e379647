// The iJw rules an importer must follow, each on a tiny hand-made message with exact expected rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, Store } from '../../store/index.ts';
import { pseudonymise } from '../pseudonym.ts';
import { BSN, jw301, jw305, jw307, jw315, jw323, jw325, type Allocated } from '../../../test/ingest/ijw-messages.ts';
import { SECRET, load, snapshot } from '../../../test/ingest/harness.ts';

const GEM = { afzender: '0384', ontvanger: '12345678' };
const AANB = { afzender: '12345678', ontvanger: '0384' };
const base: Allocated = {
  no: '1001',
  ref: 'R1',
  cat: '45',
  code: '45A03',
  date: '2026-01-05',
  time: '10:00:00',
  start: '2026-01-01',
  end: '2026-06-30',
  omvang: [2, '04', '2'],
};

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
});
afterEach(() => store.close());

const allocation = (no = '1001') =>
  store.one(
    sql`SELECT allocated_at, end_date, volume, unit, frequency, budget_cents, change_reason, deleted, referrer_id, product_code FROM allocation WHERE municipality = ${'0384'} AND allocation_no = ${no}`,
  );

describe('JW301 toewijzing', () => {
  it('stores all allocation variants: volume, aspecific budget, generic budget without product', async () => {
    const [r] = await load(store, {
      'a.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [
        base,
        { no: '1002', cat: '45', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', budget: 150000 },
        { no: '1003', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', budget: 2500 },
      ]),
    });
    expect(r).toMatchObject({ kind: 'JW301', status: 'ingelezen', total: 3, ok: 3, quarantined: 0 });
    expect(
      await store.all(
        sql`SELECT allocation_no, client_id, provider_agb, product_category, product_code, start_date, end_date, volume, unit, frequency, budget_cents, referrer_id FROM allocation ORDER BY allocation_no`,
      ),
    ).toEqual([
      {
        allocation_no: '1001',
        client_id: pseudonymise(SECRET, BSN.a),
        provider_agb: '12345678',
        product_category: '45',
        product_code: '45A03',
        start_date: '2026-01-01',
        end_date: '2026-06-30',
        volume: 2,
        unit: '04',
        frequency: '2',
        budget_cents: null,
        referrer_id: '00:',
      },
      {
        allocation_no: '1002',
        client_id: pseudonymise(SECRET, BSN.a),
        provider_agb: '12345678',
        product_category: '45',
        product_code: null,
        start_date: '2026-01-01',
        end_date: null,
        volume: null,
        unit: null,
        frequency: null,
        budget_cents: 150000,
        referrer_id: '00:',
      },
      {
        allocation_no: '1003',
        client_id: pseudonymise(SECRET, BSN.a),
        provider_agb: '12345678',
        product_category: null,
        product_code: null,
        start_date: '2026-01-01',
        end_date: null,
        volume: null,
        unit: null,
        frequency: null,
        budget_cents: 2500,
        referrer_id: '00:',
      },
    ]);
    expect(await store.all(sql`SELECT * FROM client`)).toEqual([
      {
        client_id: pseudonymise(SECRET, BSN.a),
        birth_date: '2010-02-14',
        birth_month: '2010-02-01',
        sex: '1',
        municipality: '0384',
        district: null,
        postcode4: null,
      },
    ]);
    expect(await store.all(sql`SELECT * FROM provider`)).toEqual([{ agb: '12345678', name: null }]);
    expect(await store.all(sql`SELECT code, category, care_type FROM product`)).toEqual([
      { code: '45A03', category: '45', care_type: null },
    ]);
  });

  it('replaces an allocation by a later version and not by an earlier one', async () => {
    await load(store, { 'v1.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [base]) });
    const [later] = await load(store, {
      'v2.xml': jw301({ ...GEM, id: 'T2', date: '2026-01-05' }, BSN.a, [
        { ...base, time: '10:00:01', end: '2026-03-31', omvang: [3, '04', '2'] },
      ]),
    });
    expect(later).toMatchObject({ total: 1, ok: 1, unchanged: 0 });
    expect(await allocation()).toMatchObject({ allocated_at: '2026-01-05T10:00:01', end_date: '2026-03-31', volume: 3 });
    const [earlier] = await load(store, {
      'v0.xml': jw301({ ...GEM, id: 'T0', date: '2026-01-04' }, BSN.a, [
        { ...base, date: '2026-01-04', end: '2026-12-31', omvang: [9, '04', '2'] },
      ]),
    });
    expect(earlier).toMatchObject({ total: 1, ok: 0, unchanged: 1 });
    const [same] = await load(store, {
      'v2b.xml': jw301({ ...GEM, id: 'T3', date: '2026-01-05' }, BSN.a, [{ ...base, time: '10:00:01', omvang: [7, '04', '2'] }]),
    });
    expect(same).toMatchObject({ ok: 0, unchanged: 1 });
    expect(await allocation()).toMatchObject({ allocated_at: '2026-01-05T10:00:01', end_date: '2026-03-31', volume: 3 });
    expect(await store.one(sql`SELECT count(*) AS n FROM allocation`)).toEqual({ n: 1 });
  });

  it('keeps a deleted allocation (RedenWijziging 13) marked deleted', async () => {
    await load(store, {
      'v1.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [base]),
      'v2.xml': jw301({ ...GEM, id: 'T2', date: '2026-02-01' }, BSN.a, [{ ...base, date: '2026-02-01', reden: '13' }]),
    });
    expect(await allocation()).toMatchObject({
      allocated_at: '2026-02-01T10:00:00',
      change_reason: '13',
      deleted: true,
      volume: 2,
    });
  });

  it('quarantines a client whose BSN fails the 11-proof, without storing the BSN', async () => {
    const [r] = await load(store, {
      'bad.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.invalid, [base, { ...base, no: '1002' }]),
    });
    expect(r).toMatchObject({ total: 2, ok: 0, quarantined: 2 });
    expect(r!.problems[0]).toEqual({
      file: 'bad.xml',
      record: 19,
      field: 'Bsn',
      reason: 'het BSN is ongeldig (voldoet niet aan de elfproef)',
    });
    expect(await store.one(sql`SELECT count(*) AS n FROM allocation`)).toEqual({ n: 0 });
    expect(await store.one(sql`SELECT count(*) AS n FROM client`)).toEqual({ n: 0 });
    const raws = await store.all<{ raw: string }>(sql`SELECT raw FROM quarantine`);
    expect(raws).toHaveLength(2);
    for (const { raw } of raws) {
      expect(raw).not.toContain(BSN.invalid);
      expect(raw).not.toContain('Jansen');
      expect(JSON.parse(raw)).toMatchObject({ allocation_no: expect.any(String), product_code: '45A03' });
    }
  });
});

describe('referrer: JW301 has none, the matching JW315 gives it', () => {
  const request = (ref = 'R1') =>
    jw315({ ...AANB, id: 'V1', date: '2025-12-20' }, BSN.a, [
      { ref, cat: '45', code: '45A03', start: '2026-01-01', referrer: { type: '02', agb: '01234567' } },
    ]);

  it('links a request that arrived first (JW315 → JW301)', async () => {
    await load(store, { 'v.xml': request() });
    expect(
      await store.all(
        sql`SELECT provider_agb, provider_reference, municipality, request_date, referrer_type, referrer_agb FROM request`,
      ),
    ).toEqual([
      {
        provider_agb: '12345678',
        provider_reference: 'R1',
        municipality: '0384',
        request_date: '2025-12-20',
        referrer_type: '02',
        referrer_agb: '01234567',
      },
    ]);
    await load(store, {
      't.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [base, { ...base, no: '1002', ref: 'R9' }]),
    });
    expect((await allocation('1001'))!.referrer_id).toBe('02:01234567');
    expect((await allocation('1002'))!.referrer_id).toBe('00:');
    expect(await store.all(sql`SELECT * FROM referrer ORDER BY referrer_id`)).toEqual([
      { referrer_id: '00:', type: '00', agb: null, name: null },
      { referrer_id: '02:01234567', type: '02', agb: '01234567', name: null },
    ]);
  });

  it('links a request that arrives later (JW301 → JW315), never overriding a known referrer', async () => {
    await load(store, { 't.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [base]) });
    expect((await allocation())!.referrer_id).toBe('00:');
    await load(store, { 'v.xml': request() });
    expect((await allocation())!.referrer_id).toBe('02:01234567');
    // A later version of the allocation keeps the linked referrer.
    await load(store, { 't2.xml': jw301({ ...GEM, id: 'T2', date: '2026-01-06' }, BSN.a, [{ ...base, date: '2026-01-06' }]) });
    expect((await allocation())!.referrer_id).toBe('02:01234567');
  });

  it('does not link a request of another client', async () => {
    await load(store, {
      'v.xml': jw315({ ...AANB, id: 'V1', date: '2025-12-20' }, BSN.b, [
        { ref: 'R1', start: '2026-01-01', referrer: { type: '06' } },
      ]),
    });
    await load(store, { 't.xml': jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [base]) });
    expect((await allocation())!.referrer_id).toBe('00:');
    expect(await store.one(sql`SELECT referrer_id FROM referrer WHERE type = '06'`)).toEqual({ referrer_id: '06:' });
  });
});

describe('JW305 / JW307 start and stop of care', () => {
  const start = (id: string, start: string, status: string) =>
    jw305({ ...AANB, id, date: '2026-01-10' }, BSN.a, [{ no: '1001', cat: '45', code: '45A03', start, status }]);
  const period = () =>
    store.one(
      sql`SELECT start_date, end_date, end_reason FROM care_period WHERE municipality = ${'0384'} AND allocation_no = ${'1001'}`,
    );

  it('applies a correction (2) and a deletion (3)', async () => {
    await load(store, { 's1.xml': start('S1', '2026-01-03', '1') });
    expect(await period()).toEqual({ start_date: '2026-01-03', end_date: null, end_reason: null });
    const [corr] = await load(store, { 's2.xml': start('S2', '2026-01-05', '2') });
    expect(corr).toMatchObject({ total: 1, ok: 1 });
    expect(await period()).toEqual({ start_date: '2026-01-05', end_date: null, end_reason: null });
    await load(store, {
      'e1.xml': jw307({ ...AANB, id: 'E1', date: '2026-03-02' }, BSN.a, [
        { no: '1001', cat: '45', code: '45A03', start: '2026-01-05', end: '2026-03-01', reason: '31', status: '1' },
      ]),
    });
    expect(await period()).toEqual({ start_date: '2026-01-05', end_date: '2026-03-01', end_reason: '31' });
    await load(store, {
      'e2.xml': jw307({ ...AANB, id: 'E2', date: '2026-03-03' }, BSN.a, [
        { no: '1001', cat: '45', code: '45A03', start: '2026-01-05', end: '2026-03-01', reason: '31', status: '3' },
      ]),
    });
    expect(await period()).toEqual({ start_date: '2026-01-05', end_date: null, end_reason: null });
    await load(store, { 's3.xml': start('S3', '2026-01-05', '3') });
    expect(await period()).toBeUndefined();
  });
});

describe('JW323 / JW325 invoices', () => {
  const line = { no: '1001', from: '2026-01-01', to: '2026-01-31', volume: 4, tariff: 1250 };

  it('stores a credit negative with its previous reference; credit and new debit both count', async () => {
    await load(store, {
      'd1.xml': jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [[BSN.a, [{ ...line, ref: 'X1', amount: 5000, dc: 'D' }]]]),
    });
    const [r] = await load(store, {
      'd2.xml': jw323({ ...AANB, id: 'F2', date: '2026-03-05' }, [
        [
          BSN.a,
          [
            { ...line, ref: 'X2', prev: 'X1', amount: 5000, dc: 'C' },
            { ...line, ref: 'X3', volume: 3, amount: 3750, dc: 'D' },
          ],
        ],
      ]),
    });
    expect(r).toMatchObject({ kind: 'JW323', total: 2, ok: 2, quarantined: 0 });
    expect(
      await store.all(
        sql`SELECT reference, previous_reference, municipality, period_start, volume, amount_cents, debit_credit, invoice_no FROM invoice_line ORDER BY reference`,
      ),
    ).toEqual([
      {
        reference: 'X1',
        previous_reference: null,
        municipality: '0384',
        period_start: '2026-01-01',
        volume: 4,
        amount_cents: 5000,
        debit_credit: 'D',
        invoice_no: 'DF1',
      },
      {
        reference: 'X2',
        previous_reference: 'X1',
        municipality: '0384',
        period_start: '2026-01-01',
        volume: -4,
        amount_cents: -5000,
        debit_credit: 'C',
        invoice_no: 'DF2',
      },
      {
        reference: 'X3',
        previous_reference: null,
        municipality: '0384',
        period_start: '2026-01-01',
        volume: 3,
        amount_cents: 3750,
        debit_credit: 'D',
        invoice_no: 'DF2',
      },
    ]);
    expect(await store.one(sql`SELECT sum(amount_cents) AS s FROM invoice_line`)).toEqual({ s: 3750 });
  });

  it('quarantines a reference used twice in one message, and a reused reference with other content', async () => {
    await load(store, {
      'd1.xml': jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [
        [
          BSN.a,
          [
            { ...line, ref: 'X1', amount: 5000, dc: 'D' },
            { ...line, ref: 'X1', amount: 100, dc: 'D' },
          ],
        ],
      ]),
    });
    const [again] = await load(store, {
      'd2.xml': jw323({ ...AANB, id: 'F2', date: '2026-02-06' }, [
        [
          BSN.a,
          [
            { ...line, ref: 'X1', amount: 5000, dc: 'D' },
            { ...line, ref: 'X1', amount: 7000, dc: 'D' },
          ],
        ],
      ]),
    });
    expect(again).toMatchObject({ total: 2, ok: 0, unchanged: 1, quarantined: 1 });
    expect(await store.all(sql`SELECT file_name, field, reason FROM quarantine ORDER BY file_name`)).toEqual([
      { file_name: 'd1.xml', field: 'ReferentieNummer', reason: 'ReferentieNummer X1 komt in dit bericht al eerder voor' },
      { file_name: 'd2.xml', field: 'ReferentieNummer', reason: 'ReferentieNummer X1 komt in dit bericht al eerder voor' },
    ]);
    expect(await store.one(sql`SELECT sum(amount_cents) AS s FROM invoice_line`)).toEqual({ s: 5000 });
  });

  it('stores only rejected lines of a JW325; accepted = claimed − rejected', async () => {
    await load(store, {
      'd1.xml': jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [
        [
          BSN.a,
          [
            { ...line, ref: 'X1', amount: 5000, dc: 'D' },
            { ...line, ref: 'X2', amount: 2500, dc: 'D' },
          ],
        ],
      ]),
    });
    const [r] = await load(store, {
      'a1.xml': jw325({ ...GEM, id: 'A1', date: '2026-02-20' }, [
        [
          BSN.a,
          [
            { ...line, ref: 'X2', amount: 2500, dc: 'D', codes: ['9307', '0611'] },
            { ...line, ref: 'X1', amount: 5000, dc: 'D', codes: ['0200'] },
          ],
        ],
      ]),
    });
    expect(r).toMatchObject({ kind: 'JW325', total: 2, ok: 1, unchanged: 1 });
    expect(
      await store.all(sql`SELECT provider_agb, reference, return_codes, amount_cents, answered_on FROM invoice_rejection`),
    ).toEqual([
      { provider_agb: '12345678', reference: 'X2', return_codes: '9307,0611', amount_cents: 2500, answered_on: '2026-02-20' },
    ]);
    expect(
      await store.one(sql`SELECT sum(i.amount_cents) - coalesce(sum(r.amount_cents), 0) AS accepted
      FROM invoice_line i LEFT JOIN invoice_rejection r USING (provider_agb, reference)`),
    ).toEqual({ accepted: 5000 });
  });
});

describe('nothing twice', () => {
  const msg = jw301({ ...GEM, id: 'T1', date: '2026-01-05' }, BSN.a, [base]);

  it('the same message again (other bytes) changes nothing', async () => {
    await load(store, { 'a.xml': msg });
    const before = await snapshot(store);
    const [r] = await load(store, {
      'b.xml': msg.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- opnieuw verzonden -->',
      ),
    });
    expect(r).toMatchObject({
      status: 'ingelezen',
      total: 1,
      ok: 0,
      unchanged: 1,
      note: 'bericht al eerder ingelezen (afzender 0384, identificatie T1); niets gewijzigd',
    });
    expect({ ...(await snapshot(store)), import_file: before.import_file }).toEqual(before);
  });

  it('a corrected copy of a message with quarantined records is read again: the fixed records are stored', async () => {
    const line = { no: '1001', from: '2026-01-01', to: '2026-01-31', volume: 4 };
    const sent = (second: string) =>
      jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [
        [
          BSN.a,
          [
            { ...line, ref: 'X1', amount: 5000, dc: 'D' },
            { ...line, ref: second, amount: 100, dc: 'D' },
          ],
        ],
      ]);
    const [first] = await load(store, { 'd.xml': sent('X1') });
    expect(first).toMatchObject({ status: 'ingelezen', total: 2, ok: 1, quarantined: 1 });
    expect(await store.one(sql`SELECT count(*) AS n FROM message`)).toEqual({ n: 0 });
    const [fixed] = await load(store, { 'd-verbeterd.xml': sent('X2') });
    expect(fixed).toMatchObject({ status: 'ingelezen', total: 2, ok: 1, unchanged: 1, quarantined: 0 });
    expect(await store.all(sql`SELECT reference, amount_cents FROM invoice_line ORDER BY reference`)).toEqual([
      { reference: 'X1', amount_cents: 5000 },
      { reference: 'X2', amount_cents: 100 },
    ]);
    expect(await store.one(sql`SELECT count(*) AS n FROM message`)).toEqual({ n: 1 });
  });

  it('never overwrites the care type of a known product', async () => {
    await store.run(sql`INSERT INTO product (code, category, care_type) VALUES ('45A03', NULL, 'ambulant')`);
    await load(store, { 'a.xml': msg });
    expect(await store.all(sql`SELECT code, category, care_type FROM product`)).toEqual([
      { code: '45A03', category: null, care_type: 'ambulant' },
    ]);
  });

  it('the same file again is skipped and changes nothing, not even the log', async () => {
    const { writeFiles } = await import('../../../test/ingest/ijw-messages.ts');
    const { importPaths } = await import('../importer.ts');
    const { dir } = writeFiles({
      'a.xml': msg,
      'd.xml': jw323({ ...AANB, id: 'F1', date: '2026-02-05' }, [
        [BSN.a, [{ no: '1001', from: '2026-01-01', to: '2026-01-31', volume: 4, ref: 'X1', amount: 5000, dc: 'D' }]],
      ]),
    });
    await importPaths(store, [dir], { secret: SECRET });
    const before = await snapshot(store);
    const again = await importPaths(store, [dir], { secret: SECRET });
    expect(again.map((r) => [r.fileName, r.status, r.note])).toEqual([
      ['a.xml', 'overgeslagen', 'al eerder ingelezen'],
      ['d.xml', 'overgeslagen', 'al eerder ingelezen'],
    ]);
    expect(await snapshot(store)).toEqual(before);
  });
});
