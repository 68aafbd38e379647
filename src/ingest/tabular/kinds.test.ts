// Each kind of export, imported from the hand-made fixtures in test/ingest/tabular, with the exact values stored.
import { describe, expect, it } from 'vitest';
import { fixture, fixtureMapping, importFile, openStore, SECRET } from '../../../test/ingest/tabular/harness.ts';
import { pseudonymise } from '../pseudonym.ts';
import { sql } from '../../store/index.ts';

const A = pseudonymise(SECRET, '123456782');
const B = pseudonymise(SECRET, '111222333');
const load = async (...files: string[]) => {
  const store = await openStore();
  const results = [];
  for (const f of files) results.push(await importFile(store, fixture(f), fixtureMapping()));
  return { store, results };
};

describe('invoice_lines (declaraties-2019.csv)', () => {
  it('stores signed cents from Dutch and point decimals, both date styles, credit lines, per provider + reference', async () => {
    const { store, results } = await load('declaraties-2019.csv');
    expect(results[0]!.outcome).toEqual({ kind: 'invoice_lines', total: 7, ok: 4, unchanged: 0 });
    const rows = await store.all(
      sql`SELECT provider_agb, reference, previous_reference, client_id, period_start, period_end, amount_cents, debit_credit,
              tariff_cents, volume, unit, message_kind FROM invoice_line ORDER BY provider_agb, reference`,
    );
    expect(rows).toEqual([
      {
        provider_agb: '12345678',
        reference: 'D-001',
        previous_reference: null,
        client_id: A,
        period_start: '2019-01-01',
        period_end: '2019-01-31',
        amount_cents: 123456,
        debit_credit: 'D',
        tariff_cents: 9497,
        volume: 13,
        unit: '04',
        message_kind: 'export',
      },
      {
        provider_agb: '12345678',
        reference: 'D-002',
        previous_reference: null,
        client_id: A,
        period_start: '2019-02-01',
        period_end: '2019-02-28',
        amount_cents: 123450,
        debit_credit: 'D',
        tariff_cents: 9496,
        volume: 13,
        unit: '04',
        message_kind: 'JW303',
      },
      {
        provider_agb: '12345678',
        reference: 'D-003',
        previous_reference: 'D-001',
        client_id: A,
        period_start: '2019-01-01',
        period_end: '2019-01-31',
        amount_cents: -123456,
        debit_credit: 'C',
        tariff_cents: 9497,
        volume: 13,
        unit: '04',
        message_kind: 'export',
      },
      {
        provider_agb: '87654321',
        reference: 'D-001',
        previous_reference: null,
        client_id: B,
        period_start: '2019-03-01',
        period_end: '2019-03-31',
        amount_cents: -1250,
        debit_credit: 'C',
        tariff_cents: null,
        volume: null,
        unit: null,
        message_kind: 'export',
      },
    ]);
    expect(await store.one(sql`SELECT sum(amount_cents) AS s FROM invoice_line`)).toEqual({ s: 122200 });
    expect(await store.all(sql`SELECT agb, name FROM provider ORDER BY agb`)).toEqual([
      { agb: '12345678', name: null },
      { agb: '87654321', name: null },
    ]);
  });

  it("quarantines invalid rows with line, the file's column name and a Dutch reason, BSN masked, no other columns", async () => {
    const { results } = await load('declaraties-2019.csv');
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 6, field: 'Begindatum', reason: 'geen geldige datum (verwacht dd-mm-jjjj of jjjj-mm-dd): "31-02-2019"' },
      { record: 7, field: 'BSN', reason: 'geen geldig BSN (elfproef)' },
      {
        record: 8,
        field: 'Bedrag',
        reason:
          'geen geldig bedrag (euro, hooguit twee decimalen): "twaalf"; ook Debet/Credit: onbekende code (toegestaan: D, C): "X"',
      },
    ]);
    const raw = JSON.parse(results[0]!.quarantined[1]!.raw!);
    expect(raw.BSN).toBe('*********');
    expect(raw.Referentienummer).toBe('D-005');
    expect('Cliëntnaam' in raw).toBe(false);
  });
});

describe('allocations (toewijzingen-2019.csv)', () => {
  it('stores allocations by municipality + number, with referrer, team, financing and the deleted flag', async () => {
    const { store, results } = await load('toewijzingen-2019.csv');
    expect(results[0]!.outcome).toEqual({ kind: 'allocations', total: 4, ok: 3, unchanged: 0 });
    expect(
      await store.all(
        sql`SELECT municipality, allocation_no, client_id, provider_agb, provider_reference, product_category, product_code,
              CAST(allocated_at AS VARCHAR) AS allocated_at, start_date, end_date, volume, unit, frequency, budget_cents,
              change_reason, deleted, referrer_id, team_id, financing
       FROM allocation ORDER BY municipality, allocation_no`,
      ),
    ).toEqual([
      {
        municipality: '0166',
        allocation_no: 'T-001',
        client_id: B,
        provider_agb: '87654321',
        provider_reference: 'export:T-001',
        product_category: '41',
        product_code: '41A01',
        allocated_at: '2019-04-01 00:00:00',
        start_date: '2019-04-01',
        end_date: '2019-06-30',
        volume: null,
        unit: null,
        frequency: null,
        budget_cents: null,
        change_reason: '13',
        deleted: true,
        referrer_id: '01:',
        team_id: '0166:Noord',
        financing: 'ZIN',
      },
      {
        municipality: '0193',
        allocation_no: 'T-001',
        client_id: A,
        provider_agb: '12345678',
        provider_reference: 'export:T-001',
        product_category: '45',
        product_code: '45A03',
        allocated_at: '2018-12-20 00:00:00',
        start_date: '2019-01-01',
        end_date: '2019-12-31',
        volume: 13,
        unit: '04',
        frequency: '2',
        budget_cents: null,
        change_reason: null,
        deleted: false,
        referrer_id: '02:01234567',
        team_id: '0193:Noord',
        financing: 'ZIN',
      },
      {
        municipality: '0193',
        allocation_no: 'T-002',
        client_id: B,
        provider_agb: '87654321',
        provider_reference: 'export:T-002',
        product_category: '41',
        product_code: '41A01',
        allocated_at: '2019-03-01 00:00:00',
        start_date: '2019-03-01',
        end_date: null,
        volume: null,
        unit: null,
        frequency: null,
        budget_cents: 500000,
        change_reason: null,
        deleted: false,
        referrer_id: '00:',
        team_id: null,
        financing: 'PGB',
      },
    ]);
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 5, field: 'Verwijzer', reason: 'onbekende code (toegestaan: 01, 02, 03, 04, 05, 06, 08): "Buurman"' },
    ]);
  });

  it('fills providers, referrers (unknown = 00:), teams, requests, care periods and clients', async () => {
    const { store } = await load('toewijzingen-2019.csv');
    expect(await store.all(sql`SELECT * FROM provider ORDER BY agb`)).toEqual([
      { agb: '12345678', name: 'Zorg BV' },
      { agb: '87654321', name: 'Jeugdhulp NV' },
    ]);
    expect(await store.all(sql`SELECT * FROM referrer ORDER BY referrer_id`)).toEqual([
      { referrer_id: '00:', type: '00', agb: null, name: null },
      { referrer_id: '01:', type: '01', agb: null, name: null },
      { referrer_id: '02:01234567', type: '02', agb: '01234567', name: 'Dr. Smit' },
    ]);
    expect(await store.all(sql`SELECT * FROM team ORDER BY team_id`)).toEqual([
      { team_id: '0166:Noord', municipality: '0166', name: 'Noord' },
      { team_id: '0193:Noord', municipality: '0193', name: 'Noord' },
    ]);
    expect(await store.all(sql`SELECT * EXCLUDE (file_id) FROM request`)).toEqual([
      {
        provider_agb: '12345678',
        provider_reference: 'export:T-001',
        municipality: '0193',
        client_id: A,
        request_date: '2018-12-01',
        product_category: '45',
        product_code: '45A03',
        requested_start: null,
        requested_end: null,
        referrer_type: '02',
        referrer_agb: '01234567',
      },
    ]);
    expect(await store.all(sql`SELECT * FROM care_period ORDER BY municipality`)).toEqual([
      {
        municipality: '0166',
        allocation_no: 'T-001',
        provider_agb: '87654321',
        client_id: B,
        start_date: '2019-04-01',
        end_date: '2019-06-30',
        end_reason: '01',
        start_file_id: 'toewijzingen-2019.csv',
        stop_file_id: 'toewijzingen-2019.csv',
      },
      {
        municipality: '0193',
        allocation_no: 'T-001',
        provider_agb: '12345678',
        client_id: A,
        start_date: '2019-01-07',
        end_date: null,
        end_reason: null,
        start_file_id: 'toewijzingen-2019.csv',
        stop_file_id: null,
      },
    ]);
    // The client's attributes come from its latest line that has them; the birth date is kept for ages to the day, the
    // month is what users may see.
    expect(await store.all(sql`SELECT * FROM client ORDER BY birth_month`)).toEqual([
      {
        client_id: B,
        birth_date: '2008-03-02',
        birth_month: '2008-03-01',
        sex: '2',
        municipality: '0166',
        district: null,
        postcode4: '8012',
      },
      {
        client_id: A,
        birth_date: '2010-06-15',
        birth_month: '2010-06-01',
        sex: '1',
        municipality: '0193',
        district: 'Centrum',
        postcode4: '8011',
      },
    ]);
  });
});

describe('products, providers, clients, budgets, pgb_costs, population', () => {
  it('products: care type per code, tariffs per year; a multi-line quoted description keeps the line numbers right', async () => {
    const { store, results } = await load('producten-2019.csv');
    expect(results[0]!.outcome).toEqual({ kind: 'products', total: 5, ok: 4, unchanged: 0 });
    expect(await store.all(sql`SELECT * FROM product ORDER BY code`)).toEqual([
      { code: '41A01', category: '41', care_type: 'verblijf', description: 'Verblijf\nmet behandeling' },
      { code: '45A03', category: '45', care_type: 'ambulant', description: 'Ambulante hulp, individueel' },
      { code: '54001', category: '54', care_type: 'jeugdbescherming', description: 'Voogdij' },
    ]);
    expect(await store.all(sql`SELECT * FROM product_tariff ORDER BY code, year`)).toEqual([
      { code: '41A01', year: 2019, unit: '14', tariff_cents: 25000 },
      { code: '45A03', year: 2019, unit: '04', tariff_cents: 9497 },
      { code: '45A03', year: 2020, unit: '14', tariff_cents: 109650 },
    ]);
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 7, field: 'Categorie', reason: 'ontbreekt' },
    ]);
  });

  it('providers: AGB codes a spreadsheet shortened get their leading zero back', async () => {
    const { store } = await load('aanbieders.csv');
    expect(await store.all(sql`SELECT * FROM provider ORDER BY agb`)).toEqual([
      { agb: '01234567', name: 'Kleine Praktijk' },
      { agb: '12345678', name: 'Zorg BV' },
    ]);
  });

  it('referrers: the AGB list of practices with name, type and place; a row without a name is quarantined in Dutch', async () => {
    const { store, results } = await load('verwijzers.csv');
    expect(results[0]!.outcome).toEqual({ kind: 'referrers', total: 4, ok: 3, unchanged: 0 });
    expect(await store.all(sql`SELECT * FROM referrer_agb ORDER BY agb`)).toEqual([
      { agb: '01598930', name: 'Huisartsenpraktijk De Linde', type: '02', place: 'Deventer' },
      { agb: '01598931', name: 'Huisartsen Dalfsen', type: '02', place: 'Dalfsen' },
      { agb: '03222222', name: 'Kinderartsenpraktijk Isala', type: '05', place: null },
    ]);
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 4, field: 'Naam praktijk', reason: 'ontbreekt' },
    ]);
    const again = await importFile(store, fixture('verwijzers.csv'), fixtureMapping(), 'verwijzers-opnieuw.csv');
    expect(again.outcome).toEqual({ kind: 'referrers', total: 4, ok: 0, unchanged: 3 });
    expect(await store.one(sql`SELECT count(*)::INT AS n FROM referrer_agb`)).toEqual({ n: 3 });
  });

  it('clients: birth date and month, sex, constant municipality, postcode-4; never the address', async () => {
    const { store, results } = await load('clienten.csv');
    expect(await store.all(sql`SELECT * FROM client`)).toEqual([
      {
        client_id: A,
        birth_date: '2010-06-15',
        birth_month: '2010-06-01',
        sex: '1',
        municipality: '0193',
        district: 'Centrum',
        postcode4: '8011',
      },
    ]);
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      {
        record: 3,
        field: 'Geboortedatum',
        reason: 'geen geldige datum (verwacht dd-mm-jjjj): "2008-03-02"; ook Geslacht: onbekende code (toegestaan: 0, 1, 2): "3"',
      },
    ]);
    expect(results[0]!.quarantined[0]!.raw).toBe(
      '{"BSN":"*********","Geboortedatum":"2008-03-02","Geslacht":"3","Wijk":null,"Postcode":null}',
    );
  });

  it('budgets: thousands separators, defaults for care type/team/kind; within a file the later duplicate wins', async () => {
    const { store, results } = await load('budgetten-2019.csv');
    expect(await store.all(sql`SELECT * EXCLUDE (file_id) FROM budget ORDER BY kind, care_type`)).toEqual([
      { year: 2019, municipality: '0193', care_type: '', team_id: '', kind: 'begroting', amount_cents: 1_050_000_000 },
      {
        year: 2019,
        municipality: '0193',
        care_type: 'ambulant',
        team_id: '0193:Noord',
        kind: 'begroting',
        amount_cents: 25_000_000,
      },
      { year: 2019, municipality: '0193', care_type: '', team_id: '', kind: 'burap', amount_cents: 102_000_000 },
    ]);
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      { record: 2, field: null, reason: 'dubbel: regel 5 heeft dezelfde sleutel en vervangt deze regel' },
    ]);
  });

  it('pgb_costs: the same line in another file (other notation) is not counted twice', async () => {
    const { store, results } = await load('pgb-2019-01.csv', 'pgb-2019-02.csv');
    expect(results.map((r) => r.outcome)).toEqual([
      { kind: 'pgb_costs', total: 2, ok: 2, unchanged: 0 },
      { kind: 'pgb_costs', total: 2, ok: 1, unchanged: 1 },
    ]);
    expect(await store.all(sql`SELECT period_start, amount_cents, file_id FROM pgb_cost ORDER BY period_start`)).toEqual([
      { period_start: '2019-01-01', amount_cents: 45000, file_id: 'pgb-2019-01.csv' },
      { period_start: '2019-02-01', amount_cents: 45000, file_id: 'pgb-2019-01.csv' },
      { period_start: '2019-03-01', amount_cents: 47525, file_id: 'pgb-2019-02.csv' },
    ]);
  });

  it('population: inhabitants with a thousands separator, municipality code padded', async () => {
    const { store } = await load('bevolking-2019.csv');
    expect(await store.all(sql`SELECT * FROM population ORDER BY age_band`)).toEqual([
      { municipality: '0193', year: 2019, age_band: '0-3', inhabitants: 3512 },
      { municipality: '0193', year: 2019, age_band: '4-11', inhabitants: 9876 },
    ]);
  });
});

describe('cost_lines (kostenregels-2019.csv): youth-care costs that are not invoices', () => {
  it('stores each kind with its description; bad rows are quarantined in Dutch with line and field', async () => {
    const { store, results } = await load('kostenregels-2019.csv');
    expect(results[0]!.outcome).toEqual({ kind: 'cost_lines', total: 5, ok: 3, unchanged: 0 });
    expect(await store.all(sql`SELECT * EXCLUDE (file_id) FROM cost_line ORDER BY year, cost_kind`)).toEqual([
      { year: 2019, municipality: '0193', cost_kind: 'subsidie', description: 'Veilig Thuis', amount_cents: 30_000_000 },
      { year: 2019, municipality: '0193', cost_kind: 'toegang', description: 'Jeugdteam Zwolle', amount_cents: 125_000_000 },
      { year: 2020, municipality: '0193', cost_kind: 'lumpsum', description: 'Crisisdienst', amount_cents: 7_500_050 },
    ]);
    expect(results[0]!.quarantined.map(({ record, field, reason }) => ({ record, field, reason }))).toEqual([
      {
        record: 4,
        field: 'Soort',
        reason: 'onbekende code (toegestaan: toegang, subsidie, lumpsum, preventie, overig): "koffie"',
      },
      { record: 5, field: 'Bedrag', reason: 'geen geldig bedrag (euro, hooguit twee decimalen): "abc"' },
    ]);
  });

  it('a re-import of the same file changes nothing; a revised amount replaces the old one', async () => {
    const { store, results } = await load('kostenregels-2019.csv', 'kostenregels-2019.csv', 'kostenregels-2019-herzien.csv');
    expect(results.map((r) => r.outcome)).toEqual([
      { kind: 'cost_lines', total: 5, ok: 3, unchanged: 0 },
      { kind: 'cost_lines', total: 5, ok: 0, unchanged: 3 },
      { kind: 'cost_lines', total: 1, ok: 1, unchanged: 0 },
    ]);
    expect(await store.all(sql`SELECT cost_kind, amount_cents, file_id FROM cost_line WHERE cost_kind = 'toegang'`)).toEqual([
      { cost_kind: 'toegang', amount_cents: 130_000_000, file_id: 'kostenregels-2019-herzien.csv' },
    ]);
    expect(await store.one(sql`SELECT count(*)::INTEGER AS n FROM cost_line`)).toEqual({ n: 3 });
  });
});
