// Uploads in the browser, through the secured app as the dashboard calls it: the one importer behind a multipart upload
// (a message, a zip of messages, a CSV), progress by polling the job, the quarantine report, saved mappings, scope for analysts, refusals and the audit log.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BSN, jw301 } from '../../../test/ingest/ijw-messages.ts';
import { zipOf } from '../../../test/ingest/zip.ts';
import { type Store, sql } from '../../store/index.ts';
import { type Client, loginAs, secureFixture } from '../auth/testing.ts';
import type { UploadJob } from '../uploads.ts';

const SECRET = Buffer.alloc(32, 7);
let store: Store | undefined;
afterEach(() => store?.close());

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'roer-upload-'));
  const f = await secureFixture({ upload: { secret: SECRET, dataDir, maxBytes: 100_000 } });
  store = f.store;
  return { app: f.app, store: f.store, dataDir };
}

/** A JW301 from municipality `gemeente` allocating product 45A03 to client `bsn` under number `no`. */
const allocation = (gemeente: string, id: string, no: string, bsn: string = BSN.a) =>
  jw301({ afzender: gemeente, ontvanger: '11110001', id, date: '2026-01-05' }, bsn, [
    { no, cat: '45', code: '45A03', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', omvang: [2, '04', '2'] },
  ]);

/** Budgets in euros: line 3 has no valid amount and goes to quarantine. */
const BUDGETS = 'Jaar;Gemeente;Bedrag\n2026;0150;€ 1.000.000\n2026;0150;veel\n';
const BUDGET_MAPPING = {
  source: 'Financieel systeem',
  tables: [{ kind: 'budgets', files: 'budget*.csv', columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag' } }],
};

function form(name: string, content: string | Buffer, mapping?: string): FormData {
  const fd = new FormData();
  fd.set('file', new File([typeof content === 'string' ? content : new Uint8Array(content)], name));
  if (mapping) fd.set('mapping', mapping);
  return fd;
}

/** Uploads and polls the job until it is done (the import runs after the answer). */
async function upload(client: Client, name: string, content: string | Buffer, mapping?: string): Promise<UploadJob> {
  const res = await client.request('/api/uploads', { method: 'POST', body: form(name, content, mapping) });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as UploadJob;
  for (;;) {
    const job = (await (await client.request(`/api/uploads/${id}`)).json()) as UploadJob;
    if (job.status === 'klaar' || job.status === 'mislukt') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const counts = async (s: Store) =>
  s.one<{ a: number; b: number }>(
    sql`SELECT (SELECT count(*) FROM allocation)::INTEGER AS a, (SELECT count(*) FROM budget)::INTEGER AS b`,
  );

describe('upload in the browser', () => {
  it('an administrator uploads an iJw message and a CSV with a saved mapping, sees the counts and the quarantine', async () => {
    const { app, store, dataDir } = await setup();
    const anna = await loginAs(app, 'anna');
    const xml = await upload(anna, 'toewijzing.xml', allocation('0150', 'T1', '1'));
    expect(xml).toMatchObject({ status: 'klaar', fileName: 'toewijzing.xml', owner: 'anna', mapping: null });
    expect(xml.files).toEqual([
      expect.objectContaining({ kind: 'JW301', status: 'ingelezen', total: 1, ok: 1, quarantined: 0, problems: [] }),
    ]);

    // A zip of messages: each message imported and reported on its own.
    const zip = zipOf([
      { name: 'januari/toewijzing-5.xml', data: allocation('0150', 'T5', '5', BSN.b) },
      { name: 'januari/toewijzing-6.xml', data: allocation('0150', 'T6', '6', BSN.c), deflate: true },
    ]);
    const zipped = await upload(anna, 'januari.zip', zip);
    expect(zipped.files.map((f) => [f.fileName, f.kind, f.status, f.ok])).toEqual([
      ['toewijzing-5.xml', 'JW301', 'ingelezen', 1],
      ['toewijzing-6.xml', 'JW301', 'ingelezen', 1],
    ]);

    const saved = await anna.request('/api/mappings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'financieel', mapping: BUDGET_MAPPING }),
    });
    expect(saved.status).toBe(201);
    expect(await (await anna.request('/api/mappings')).json()).toEqual({
      mappings: [{ name: 'financieel', source: 'Financieel systeem', tables: [{ kind: 'budgets', files: 'budget*.csv' }] }],
    });
    const csv = await upload(anna, 'budget-2026.csv', BUDGETS, 'financieel');
    expect(csv.files).toEqual([
      {
        fileName: 'budget-2026.csv',
        kind: 'budgets',
        status: 'ingelezen',
        total: 2,
        ok: 1,
        unchanged: 0,
        quarantined: 1,
        note: null,
        problems: [{ record: 3, field: 'Bedrag', reason: 'geen geldig bedrag (euro, hooguit twee decimalen): "veel"' }],
      },
    ]);
    expect(await counts(store)).toEqual({ a: 3, b: 1 });
    // The uploaded files are gone once read (they hold BSNs); the saved mapping stays.
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'kolomindelingen'))).toEqual(['financieel.json']);

    // The same bytes again change nothing.
    const again = await upload(anna, 'budget-2026.csv', BUDGETS, 'financieel');
    expect(again.files).toEqual([expect.objectContaining({ status: 'overgeslagen', ok: 0, note: 'al eerder ingelezen' })]);
    expect(await counts(store)).toEqual({ a: 3, b: 1 });
  });

  it("an analyst of 0150 cannot write 1708's data, and sees only the own uploads", async () => {
    const { app, store } = await setup();
    const anna = await loginAs(app, 'anna');
    const bert = await loginAs(app, 'bert'); // analyst of 0150
    const admins = await upload(anna, 'steenwijk.xml', allocation('1708', 'S1', '2'));
    expect(admins.files[0]!.status).toBe('ingelezen');

    const own = await upload(bert, 'deventer.xml', allocation('0150', 'D1', '3', BSN.b));
    expect(own.files[0]).toMatchObject({ status: 'ingelezen', ok: 1 });
    const other = await upload(bert, 'andere-gemeente.xml', allocation('1708', 'S2', '4', BSN.c));
    expect(other.files[0]).toMatchObject({
      status: 'geweigerd',
      ok: 0,
      note: 'andere-gemeente.xml: het bestand bevat gegevens van gemeente 1708; u mag alleen gegevens van 0150 inlezen. Er is niets uit dit bestand opgeslagen.',
    });
    expect(await store.all(sql`SELECT municipality, allocation_no FROM allocation ORDER BY 1, 2`)).toEqual([
      { municipality: '0150', allocation_no: '3' },
      { municipality: '1708', allocation_no: '2' },
    ]);
    // Region-wide tables are the administrator's.
    await anna.request('/api/mappings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'aanbieders',
        mapping: { tables: [{ kind: 'providers', files: '*.csv', columns: { provider_agb: 'AGB', provider_name: 'Naam' } }] },
      }),
    });
    await anna.request('/api/mappings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'financieel', mapping: BUDGET_MAPPING }),
    });
    const budgets = await upload(bert, 'budget-mix.csv', 'Jaar;Gemeente;Bedrag\n2026;0150;100\n2026;1708;200\n', 'financieel');
    expect(budgets.files[0]).toMatchObject({ status: 'geweigerd', ok: 0 });
    expect(budgets.files[0]!.note).toMatch(/^budget-mix\.csv: het bestand bevat gegevens van gemeente 1708;/);
    expect(await store.one(sql`SELECT count(*)::INTEGER AS n FROM budget`)).toEqual({ n: 0 });
    const providers = await upload(bert, 'aanbieders.csv', 'AGB;Naam\n11110001;Andere naam\n', 'aanbieders');
    expect(providers.files[0]!.note).toMatch(/gelden voor de hele regio; alleen de beheerder/);
    expect(await store.one(sql`SELECT name FROM provider WHERE agb = ${'11110001'}`)).toEqual({ name: 'Zorg & Co' });

    // Bert sees his own uploads only; the administrator's job is not found for him, the administrator sees all.
    const list = (await (await bert.request('/api/uploads')).json()) as { uploads: UploadJob[] };
    expect(list.uploads.map((j) => j.fileName)).toEqual([
      'aanbieders.csv',
      'budget-mix.csv',
      'andere-gemeente.xml',
      'deventer.xml',
    ]);
    expect(list.uploads[0]).not.toHaveProperty('owner');
    expect((await bert.request(`/api/uploads/${admins.id}`)).status).toBe(404);
    const all = (await (await anna.request('/api/uploads')).json()) as { uploads: UploadJob[] };
    expect(all.uploads).toHaveLength(5);
    // The region-wide import log stays the administrator's.
    expect((await bert.request('/api/status')).status).toBe(403);
  });

  it('refuses readers and providers (403), a request without CSRF token (403) and an oversized file (413, in Dutch)', async () => {
    const { app, store } = await setup();
    for (const name of ['els', 'dirk', 'cor']) {
      const user = await loginAs(app, name);
      const res = await user.request('/api/uploads', { method: 'POST', body: form('a.xml', allocation('0150', 'X', '9')) });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Met de rol \w+ mag u/);
      expect((await user.request('/api/uploads')).status).toBe(403);
      expect((await user.request('/api/mappings')).status).toBe(403);
    }
    const anna = await loginAs(app, 'anna');
    const noToken = await app.request('/api/uploads', {
      method: 'POST',
      headers: { cookie: anna.cookie },
      body: form('a.xml', allocation('0150', 'X', '9')),
    });
    expect(noToken.status).toBe(403);
    const big = await anna.request('/api/uploads', { method: 'POST', body: form('groot.xml', 'x'.repeat(100_001)) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      error: { message: 'Het bestand is te groot: hoogstens 0 MB per upload.', param: 'file' },
    });
    const csvWithout = await anna.request('/api/uploads', { method: 'POST', body: form('a.csv', BUDGETS) });
    expect(csvWithout.status).toBe(400);
    expect(((await csvWithout.json()) as { error: { message: string } }).error.message).toBe(
      'Kies voor een CSV- of XLSX-bestand een opgeslagen kolomindeling.',
    );
    const unknownMapping = await anna.request('/api/uploads', { method: 'POST', body: form('a.csv', BUDGETS, 'onbekend') });
    expect(await unknownMapping.json()).toEqual({
      error: { message: "Er is geen kolomindeling met de naam 'onbekend'.", param: 'file' },
    });
    const saveMapping = (body: unknown) =>
      anna.request('/api/mappings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const badName = await saveMapping({ name: '../Etc', mapping: BUDGET_MAPPING });
    expect(badName.status).toBe(400);
    const badMapping = await saveMapping({
      name: 'fout',
      mapping: { tables: [{ kind: 'budgets', files: '*.csv', columns: {} }] },
    });
    expect(badMapping.status).toBe(400);
    expect(((await badMapping.json()) as { error: { message: string } }).error.message).toMatch(/tables\[0\]/);
    expect(await store.one(sql`SELECT count(*)::INTEGER AS n FROM allocation`)).toEqual({ n: 0 });
  });

  it('audits every upload (who, file, size, sha-256, outcome) and every refusal', async () => {
    const { app, store } = await setup();
    const bert = await loginAs(app, 'bert');
    const content = allocation('1708', 'S2', '4');
    await upload(bert, 'andere-gemeente.xml', content);
    await upload(bert, 'deventer.xml', allocation('0150', 'D1', '3'));
    const els = await loginAs(app, 'els');
    await els.request('/api/uploads', { method: 'POST', body: form('a.xml', content) });
    const rows = await store.all<{ actor: string; target: string | null; outcome: string; detail: string; row_count: number }>(
      sql`SELECT actor, target, outcome, detail, row_count FROM audit_log WHERE action = 'import' ORDER BY id`,
    );
    expect(rows.map((r) => [r.actor, r.target, r.outcome, r.row_count])).toEqual([
      ['bert', 'andere-gemeente.xml', 'geweigerd', 0],
      ['bert', 'deventer.xml', 'ok', 1],
      ['els', null, 'geweigerd', null],
    ]);
    const detail = JSON.parse(rows[0]!.detail);
    expect(detail).toMatchObject({ via: 'browser', size: Buffer.byteLength(content), mapping: null });
    expect(detail.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.files[0]).toMatchObject({ status: 'geweigerd', kind: 'JW301' });
    expect(JSON.parse(rows[2]!.detail).reason).toBe('Met de rol lezer mag u bestanden inlezen niet.');
  });
});
