// The 14 published iJw 3.2 example messages: exact records, amounts, the two refused for schema faults, skipped messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, Store } from '../../store/index.ts';
import { importPaths, type FileReport } from '../importer.ts';
import { pseudonymise } from '../pseudonym.ts';
import { SECRET } from '../../../test/ingest/harness.ts';
import { IJW_EXAMPLES } from '../../../test/fixtures/index.ts';

let store: Store;
let reports: FileReport[];
const by = (name: string) => reports.find((r) => r.fileName === name)!;
const client = (bsn: string) => pseudonymise(SECRET, bsn);

beforeAll(async () => {
  store = await Store.open(':memory:');
  reports = await importPaths(store, [IJW_EXAMPLES], { secret: SECRET });
});
afterAll(() => store.close());

describe('the published example messages', () => {
  it('are imported in dependency order; the two that fail their XSD are refused', () => {
    expect(reports.map((r) => [r.fileName, r.status, r.total, r.ok, r.quarantined])).toEqual([
      ['JW315.xml', 'geweigerd', 0, 0, 0],
      ['JW301.xml', 'ingelezen', 2, 2, 0],
      ['JW305.xml', 'ingelezen', 2, 2, 0],
      ['JW307.xml', 'ingelezen', 2, 2, 0],
      ['JW323.xml', 'ingelezen', 5, 4, 1],
      ['JW325.xml', 'ingelezen', 3, 3, 0],
      ['JW302.xml', 'ingelezen', 0, 0, 0],
      ['JW306.xml', 'ingelezen', 0, 0, 0],
      ['JW308.xml', 'ingelezen', 0, 0, 0],
      ['JW316.xml', 'ingelezen', 0, 0, 0],
      ['JW317.xml', 'ingelezen', 0, 0, 0],
      ['JW318.xml', 'geweigerd', 0, 0, 0],
      ['JW319.xml', 'ingelezen', 0, 0, 0],
      ['JW320.xml', 'ingelezen', 0, 0, 0],
    ]);
  });

  it('JW315: the impossible date 2027-06-31 refuses the whole message, naming both lines; nothing of it is stored', async () => {
    expect(by('JW315.xml').note).toBe(
      'Het bericht voldoet niet aan het XSD-schema en is in zijn geheel geweigerd (iJw-retourcode 0001, ' +
        "afgekeurd om technische redenen): regel 44, veld ToewijzingEinddatum: '2027-06-31' is geen geldige waarde voor een datum " +
        '(en nog 1 fout). Niets uit dit bestand is opgeslagen; lees het verbeterde bericht opnieuw in.',
    );
    expect(by('JW315.xml').problems).toEqual([
      {
        file: 'JW315.xml',
        record: 44,
        field: 'ToewijzingEinddatum',
        reason: "'2027-06-31' is geen geldige waarde voor een datum",
      },
      {
        file: 'JW315.xml',
        record: 66,
        field: 'ToewijzingEinddatum',
        reason: "'2027-06-31' is geen geldige waarde voor een datum",
      },
    ]);
    expect(await store.all(sql`SELECT * FROM request`)).toEqual([]);
    expect(await store.all(sql`SELECT * FROM quarantine WHERE file_name = 'JW315.xml'`)).toEqual([]);
    expect(
      await store.all(
        sql`SELECT status, records_total, records_ok, records_quarantined, note FROM import_file WHERE file_name = 'JW315.xml'`,
      ),
    ).toEqual([{ status: 'geweigerd', records_total: 0, records_ok: 0, records_quarantined: 0, note: by('JW315.xml').note }]);
  });

  it('JW318: RetourCode where RetourCodes is expected refuses the return message too; the others are only checked', () => {
    expect(by('JW318.xml').problems).toEqual([
      {
        file: 'JW318.xml',
        record: 33,
        field: 'RetourCode',
        reason: 'element hier niet verwacht; verwacht: OngewijzigdeProducten, TeWijzigenProducten, NieuweProducten, RetourCodes',
      },
    ]);
    expect(by('JW318.xml').note).toMatch(
      /^Het bericht voldoet niet aan het XSD-schema en is in zijn geheel geweigerd .*: regel 33, veld RetourCode: /,
    );
    expect(by('JW302.xml').note).toBe('JW302 (retourbericht toewijzing) wordt door Roer niet gebruikt; alleen gecontroleerd');
  });

  it('JW301: two allocations with volume, unit and frequency; referrer unknown (the JW315 was refused)', async () => {
    expect(await store.all(sql`SELECT * EXCLUDE (file_id) FROM allocation ORDER BY allocation_no`)).toEqual([
      {
        municipality: '0384',
        allocation_no: '300201',
        client_id: client('999900006'),
        provider_agb: '42420001',
        provider_reference: '40A12341234',
        product_category: '55',
        product_code: '55A11',
        allocated_at: '2026-04-01T12:34:56',
        start_date: '2026-04-01',
        end_date: '2026-07-14',
        volume: 2,
        unit: '04',
        frequency: '2',
        budget_cents: null,
        change_reason: null,
        deleted: false,
        referrer_id: '00:',
        team_id: null,
        financing: 'ZIN',
      },
      {
        municipality: '0384',
        allocation_no: '300202',
        client_id: client('999900006'),
        provider_agb: '42420001',
        provider_reference: '40A12341235',
        product_category: '55',
        product_code: '55A12',
        allocated_at: '2026-04-01T12:34:56',
        start_date: '2026-04-01',
        end_date: '2026-07-19',
        volume: 2,
        unit: '16',
        frequency: '2',
        budget_cents: null,
        change_reason: null,
        deleted: false,
        referrer_id: '00:',
        team_id: null,
        financing: 'ZIN',
      },
    ]);
    expect(await store.all(sql`SELECT * FROM client ORDER BY birth_month NULLS LAST`)).toEqual([
      {
        client_id: client('999900006'),
        birth_date: '2010-02-14',
        birth_month: '2010-02-01',
        sex: '1',
        municipality: '0384',
        district: null,
        postcode4: null,
      },
      {
        client_id: client('999900018'),
        birth_date: null,
        birth_month: null,
        sex: null,
        municipality: '0384',
        district: null,
        postcode4: null,
      },
    ]);
  });

  it('JW305/JW307: start and stop of care for both allocations', async () => {
    expect(
      await store.all(
        sql`SELECT municipality, allocation_no, provider_agb, start_date, end_date, end_reason FROM care_period ORDER BY allocation_no`,
      ),
    ).toEqual([
      {
        municipality: '0363',
        allocation_no: '300201',
        provider_agb: '65656055',
        start_date: '2026-04-03',
        end_date: '2026-07-17',
        end_reason: '31',
      },
      {
        municipality: '0363',
        allocation_no: '300202',
        provider_agb: '65656055',
        start_date: '2026-04-15',
        end_date: '2026-07-17',
        end_reason: '31',
      },
    ]);
  });

  it('JW323: four prestaties, € 580,00; the second RN004 of the same provider is quarantined', async () => {
    expect(
      await store.all(
        sql`SELECT reference, client_id, allocation_no, product_code, period_start, period_end, volume, tariff_cents, amount_cents FROM invoice_line ORDER BY reference`,
      ),
    ).toEqual([
      {
        reference: 'RN001',
        client_id: client('999900006'),
        allocation_no: '10072',
        product_code: '45A03',
        period_start: '2026-04-01',
        period_end: '2026-04-30',
        volume: 4,
        tariff_cents: 1250,
        amount_cents: 5000,
      },
      {
        reference: 'RN002',
        client_id: client('999900006'),
        allocation_no: '10073',
        product_code: '45A04',
        period_start: '2026-04-01',
        period_end: '2026-04-30',
        volume: 16,
        tariff_cents: 1500,
        amount_cents: 24000,
      },
      {
        reference: 'RN003',
        client_id: client('999900018'),
        allocation_no: '10074',
        product_code: '45A03',
        period_start: '2026-04-01',
        period_end: '2026-04-30',
        volume: 4,
        tariff_cents: 1250,
        amount_cents: 5000,
      },
      {
        reference: 'RN004',
        client_id: client('999900018'),
        allocation_no: '10073',
        product_code: '45A04',
        period_start: '2026-04-01',
        period_end: '2026-04-30',
        volume: 16,
        tariff_cents: 1500,
        amount_cents: 24000,
      },
    ]);
    expect(by('JW323.xml').problems).toEqual([
      {
        file: 'JW323.xml',
        record: 114,
        field: 'ReferentieNummer',
        reason: 'ReferentieNummer RN004 komt in dit bericht al eerder voor',
      },
    ]);
  });

  it('JW325: three rejected prestaties with their return codes, credit amounts negative', async () => {
    expect(
      await store.all(
        sql`SELECT provider_agb, reference, return_codes, amount_cents, answered_on FROM invoice_rejection ORDER BY reference`,
      ),
    ).toEqual([
      { provider_agb: '65656055', reference: 'RN001', return_codes: '0611', amount_cents: -5000, answered_on: '2023-05-07' },
      {
        provider_agb: '65656055',
        reference: 'RN002',
        return_codes: '9339,9340,9341',
        amount_cents: -14000,
        answered_on: '2023-05-07',
      },
      { provider_agb: '65656055', reference: 'RN003', return_codes: '9307', amount_cents: -5000, answered_on: '2023-05-07' },
    ]);
  });

  it('remembers the messages read without problems, adds providers and products, and no names', async () => {
    expect((await store.all<{ c: string }>(sql`SELECT message_code AS c FROM message ORDER BY c`)).map((r) => r.c)).toEqual([
      'JW301',
      'JW302',
      'JW305',
      'JW306',
      'JW307',
      'JW308',
      'JW316',
      'JW317',
      'JW319',
      'JW320',
      'JW325',
    ]);
    expect(await store.all(sql`SELECT agb, name FROM provider ORDER BY agb`)).toEqual([
      { agb: '42420001', name: null },
      { agb: '65656055', name: null },
    ]);
    expect(await store.all(sql`SELECT code, category FROM product ORDER BY code`)).toEqual([
      { code: '45A03', category: '45' },
      { code: '45A04', category: '45' },
      { code: '55A11', category: '55' },
      { code: '55A12', category: '55' },
    ]);
    expect(await store.all(sql`SELECT * FROM referrer`)).toEqual([{ referrer_id: '00:', type: '00', agb: null, name: null }]);
  });
});
