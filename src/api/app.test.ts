// The HTTP app in-process on a real in-memory store: catalogue, computing with filters and split, errors, status,
// dimensions and exact (BigInt-safe) JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { sql, type Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';
import type { ApiEnv } from './route.ts';

let store: Store;
let app: Hono<ApiEnv>;
beforeAll(async () => {
  store = await fixtureStore();
  app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
});
afterAll(() => store.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
};

describe('GET /api/health and /api/metrics', () => {
  it('says the server runs, with its version', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 200, body: { ok: true, version: '0.1.0' } });
  });

  it('lists the catalogue with definitions, splits and parameters', async () => {
    const { body } = await get('/api/metrics');
    expect(body.metrics.map((m: { id: string }) => m.id)).toEqual(['fixture_cost', 'fixture_bigint']);
    expect(body.metrics[0]).toEqual({
      id: 'fixture_cost',
      title: 'Kosten (testanalyse)',
      definition: 'Som van de gedeclareerde bedragen; het jaar van het begin van de zorgperiode telt.',
      splits: ['year', 'municipality'],
      params: [{ name: 'minimum', label: 'Ondergrens per rij (euro)', type: 'number', default: 0 }],
      clientRows: false,
    });
  });
});

describe('computing a metric', () => {
  it('applies filters and split from the query string', async () => {
    const { status, type, body } = await get(
      '/api/metrics/fixture_cost?municipality=0150,1708&from=2018-01-01&to=2018-12-31&split=municipality',
    );
    expect(status).toBe(200);
    expect(type).toBe('application/json; charset=utf-8');
    expect(body.rows).toEqual([
      { municipality: '0150', cost: 2500.5 },
      { municipality: '1708', cost: 390 },
    ]);
    expect(body.filters).toEqual({ municipality: ['0150', '1708'], from: '2018-01-01', to: '2018-12-31' });
    expect(body.split).toEqual(['municipality']);
  });

  it('answers a POSTed MetricRequest the same as the query string', async () => {
    const res = await app.request('/api/metrics/fixture_cost', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ filters: { municipality: ['0150'] }, split: ['year'], params: { minimum: 1500 } }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rows).toEqual([{ year: '2018', cost: 2500.5 }]);
  });

  it('keeps BigInt figures exact and refuses those JSON cannot carry exactly', async () => {
    expect((await get('/api/metrics/fixture_bigint?p.value=9007199254740991')).body.rows).toEqual([{ n: 9007199254740991 }]);
    const original = console.error;
    console.error = () => {};
    const tooBig = await get('/api/metrics/fixture_bigint?p.value=9007199254740993').finally(() => (console.error = original));
    expect(tooBig).toMatchObject({
      status: 500,
      body: { error: { message: 'Het getal 9007199254740993 is te groot om exact als JSON te versturen.', param: null } },
    });
  });
});

describe('errors', () => {
  it.each([
    ['/api/metrics/fixture_cost?gemeentee=0150', 400, 'gemeentee', "Onbekende filter 'gemeentee'"],
    ['/api/metrics/fixture_cost?from=01-01-2018', 400, 'from', "'from' is geen geldige datum (jjjj-mm-dd)"],
    ['/api/metrics/fixture_cost?split=provider', 400, 'split', "'fixture_cost' kan niet worden uitgesplitst naar 'provider'"],
    ['/api/metrics/fixture_cost?p.minimum=veel', 400, 'p.minimum', "'p.minimum' moet een getal zijn"],
    ['/api/metrics/onbekend', 404, 'id', "Onbekende analyse 'onbekend'"],
    ['/api/bestaatniet', 404, null, 'Onbekende API-route: GET /api/bestaatniet'],
  ])('%s → %i', async (path, status, param, message) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body.error.param).toBe(param);
    expect(res.body.error.message.startsWith(message)).toBe(true);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await app.request('/api/metrics/fixture_cost', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{filters',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message: 'De inhoud van het verzoek is geen geldige JSON.', param: null } });
  });

  it('requires the JSON content type on POST (no cross-site form posts) and refuses large bodies', async () => {
    const form = await app.request('/api/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"metric":"fixture_cost"}',
    });
    expect(form.status).toBe(400);
    expect(await form.json()).toEqual({
      error: { message: 'Stuur de inhoud als JSON, met de kop Content-Type: application/json.', param: null },
    });
    const big = await app.request('/api/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'x'.repeat(70_000),
    });
    expect(big.status).toBe(400);
    expect(await big.json()).toEqual({ error: { message: 'Het verzoek is te groot (hoogstens 64 kB).', param: null } });
  });

  it("answers the engine's refusal with its status and every problem with its path", async () => {
    const { invalidRequest } = await import('../errors.ts');
    const failing = createApp({
      store,
      webDist: '/nonexistent',
      engine: {
        ...fixtureEngine,
        compute: async () => {
          throw invalidRequest([{ path: 'p.minimum', message: 'Ondergrens moet positief zijn' }]);
        },
      },
    });
    const res = await failing.request('/api/metrics/fixture_cost?p.minimum=1');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: 'Ondergrens moet positief zijn',
        param: 'p.minimum',
        problems: [{ path: 'p.minimum', message: 'Ondergrens moet positief zijn' }],
      },
    });
  });

  it('hides internal errors behind a Dutch 500', async () => {
    const failing = createApp({
      store,
      webDist: '/nonexistent',
      engine: { ...fixtureEngine, compute: async () => store.all(sql`SELECT * FROM no_such_table`) as never },
    });
    const original = console.error;
    console.error = () => {};
    const res = await Promise.resolve(failing.request('/api/metrics/fixture_cost')).finally(() => (console.error = original));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { message: 'Er ging iets mis in Roer bij het beantwoorden van deze vraag.', param: null },
    });
  });
});

describe('GET /api/dimensions', () => {
  it('lists filter values with Dutch labels', async () => {
    const { body } = await get('/api/dimensions');
    expect(body.municipality).toEqual([
      { value: '0150', label: 'Deventer' },
      { value: '1708', label: 'Steenwijkerland' },
    ]);
    expect(body.provider).toEqual([
      { value: '22220002', label: '22220002' },
      { value: '11110001', label: 'Zorg & Co' },
    ]);
    expect(body.referrer_type).toEqual([
      { value: '00', label: 'onbekend' },
      { value: '02', label: 'huisarts' },
    ]);
    expect(body.care_type).toEqual([{ value: 'ambulant', label: 'ambulant' }]);
    expect(body.product_category).toEqual([{ value: '45', label: '45 (ambulant)' }]);
    expect(body.product).toEqual([{ value: '45A03', label: 'Ambulante begeleiding' }]);
    expect(body.sex).toEqual([
      { value: '0', label: 'onbekend' },
      { value: '1', label: 'man' },
      { value: '2', label: 'vrouw' },
    ]);
    expect(body.financing).toEqual([
      { value: 'ZIN', label: 'zorg in natura' },
      { value: 'PGB', label: 'persoonsgebonden budget' },
    ]);
    expect(body.years).toEqual([2017, 2018]);
    // The last month with care, which year-to-date in the period picker runs to.
    expect(body.last_month).toMatch(/^2018-\d\d$/);
  });
});

describe('GET /api/status', () => {
  it('reports counts, imported files and open quarantine', async () => {
    await store.run(
      sql`INSERT INTO import_file VALUES ('f1', 'jw323.xml', 'JW323', '2024-03-01 10:15:00', 5, 4, 1, 'ingelezen', NULL)`,
    );
    await store.run(
      sql`INSERT INTO quarantine VALUES ('f1', 'jw323.xml', 12, 'Bedrag', 'geen geldig bedrag', NULL, '2024-03-01 10:15:00', false)`,
    );
    const { status, body } = await get('/api/status');
    expect(status).toBe(200);
    expect(body.counts.invoice_line).toBe(4);
    expect(body.counts.municipality).toBe(2);
    expect(body.files).toEqual([
      {
        file_name: 'jw323.xml',
        kind: 'JW323',
        imported_at: '01-03-2024 10:15',
        records_ok: 4,
        records_quarantined: 1,
        status: 'ingelezen',
        note: null,
      },
    ]);
    expect(body.quarantine).toEqual([{ file: 'jw323.xml', record: 12, field: 'Bedrag', reason: 'geen geldig bedrag' }]);
    expect(body.quarantineTotal).toBe(1);
  });
});
