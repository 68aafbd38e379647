// The app with the real metrics engine: every catalogue metric is listed, documented and answers; 'costs' gives
// hand-computed figures with filters and split; its CSV export carries the same figures; engine refusals become 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAllocation, addInvoice, derive, fixtureStore, insertRows } from '../metrics/fixtures.ts';
import { catalogue } from '../metrics/index.ts';
import type { MetricResult } from '../metrics/types.ts';
import type { Store } from '../store/index.ts';
import { createApp } from './app.ts';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await fixtureStore();
  await insertRows(store, 'municipality', [
    { code: '0150', name: 'Deventer' },
    { code: '1708', name: 'Steenwijkerland' },
  ]);
  // c1 (Deventer): ambulant in January 2018, 31 care-days, € 310.
  const a1 = await addAllocation(store, { client: 'c1', start: '2018-01-01', end: '2018-01-31' });
  await addInvoice(store, { client: 'c1', allocation: a1, periodStart: '2018-01-01', periodEnd: '2018-01-31', euros: 310 });
  // c2 (Steenwijkerland): residential care all of 2018, 365 care-days, € 36,500.
  const a2 = await addAllocation(store, {
    client: 'c2',
    start: '2018-01-01',
    end: '2018-12-31',
    product: 'VBL',
    municipality: '1708',
  });
  await addInvoice(store, {
    client: 'c2',
    allocation: a2,
    periodStart: '2018-01-01',
    periodEnd: '2018-12-31',
    euros: 36_500,
    product: 'VBL',
    municipality: '1708',
  });
  // c3 (Steenwijkerland): ambulant in the second half of 2017 only (outside the 2018 filter).
  const a3 = await addAllocation(store, { client: 'c3', start: '2017-07-01', end: '2017-12-31', municipality: '1708' });
  await addInvoice(store, {
    client: 'c3',
    allocation: a3,
    periodStart: '2017-07-01',
    periodEnd: '2017-12-31',
    euros: 920,
    municipality: '1708',
  });
  await derive(store);
  app = createApp({ store, webDist: '/nonexistent' });
});
afterAll(() => store.close());

const getJson = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
};

describe('the real catalogue through the API', () => {
  it('lists every catalogue metric and documents each in OpenAPI', async () => {
    const { body } = await getJson('/api/metrics');
    expect(body.metrics.map((m: { id: string }) => m.id)).toEqual(catalogue.map((m) => m.id));
    const doc = (await getJson('/api/openapi.json')).body;
    for (const m of catalogue) expect(doc.paths[`/api/metrics/${m.id}`]?.get?.description, m.id).toBe(m.definition);
  });

  it('answers every catalogue metric for the whole region', async () => {
    for (const m of catalogue) expect((await getJson(`/api/metrics/${m.id}`)).status, m.id).toBe(200);
  });

  it("computes 'costs' for 2018 split by municipality, with exact totals", async () => {
    const { status, body } = await getJson('/api/metrics/costs?from=2018-01-01&to=2018-12-31&split=municipality');
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      { municipality: '0150', cost: 310, clients: 1, cost_per_client: 310, care_days: 31, cost_per_care_day: 10 },
      { municipality: '1708', cost: 36_500, clients: 1, cost_per_client: 36_500, care_days: 365, cost_per_care_day: 100 },
    ]);
    expect(body.totals).toMatchObject({ cost: 36_810, clients: 2, cost_per_client: 18_405, care_days: 396 });
  });

  it("filters 'costs' on municipality and care type, split by year", async () => {
    const { body } = await getJson('/api/metrics/costs?municipality=1708&care_type=ambulant&split=year');
    expect(body.rows).toEqual([
      { year: 2017, cost: 920, clients: 1, cost_per_client: 920, care_days: 184, cost_per_care_day: 5 },
    ]);
  });

  it('exports the same figures as CSV', async () => {
    const query = '?from=2018-01-01&to=2018-12-31&split=municipality';
    const json = (await getJson(`/api/metrics/costs${query}`)).body as MetricResult;
    const csv = await (await app.request(`/api/metrics/costs/export.csv${query}`)).text();
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'));
    // The municipality's name follows its code, as on the screen; the figures are the JSON answer's.
    expect(header).toEqual([json.columns[0].label, 'Naam gemeente', ...json.columns.slice(1).map((c) => c.label)]);
    const figures = (cells: string[]) => cells.map((v, i) => (i < 2 ? v : Number(v.replace(',', '.'))));
    const NAMES: Record<string, string> = { '0150': 'Deventer', '1708': 'Steenwijkerland' };
    expect(lines.map(figures)).toEqual([
      ...json.rows.map((r) => [r.municipality, NAMES[String(r.municipality)], ...json.columns.slice(1).map((c) => r[c.name])]),
      ['Totaal', '', ...json.columns.slice(1).map((c) => json.totals![c.name])],
    ]);
  });

  it("offers the return-code split on 'claims' only, and never as a filter", async () => {
    const doc = (await getJson('/api/openapi.json')).body;
    const splitEnum = (id: string) =>
      doc.paths[`/api/metrics/${id}`].get.parameters.find((p: { name: string }) => p.name === 'split').schema.items.enum;
    expect(splitEnum('claims')).toContain('return_code');
    expect(splitEnum('costs')).not.toContain('return_code');
    const { status, body } = await getJson('/api/metrics/claims?from=2018-01-01&to=2018-12-31&split=return_code');
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      {
        return_code: 'geen',
        return_code_name: 'Niet afgewezen',
        claimed: 36_810,
        rejected: 0,
        accepted: 36_810,
        rejected_pct: 0,
        lines: 2,
        clients: 2,
      },
    ]);
    expect(await getJson('/api/metrics/costs?split=return_code')).toMatchObject({
      status: 400,
      body: { error: { param: 'split' } },
    });
    expect(await getJson('/api/metrics/claims?return_code=0611')).toMatchObject({
      status: 400,
      body: { error: { param: 'return_code' } },
    });
  });

  it("passes the engine's refusals on as 400 with the filter's query name", async () => {
    expect(await getJson('/api/metrics/costs?sex=3')).toMatchObject({ status: 400, body: { error: { param: 'sex' } } });
    expect(await getJson('/api/metrics/costs?financing=zim')).toMatchObject({
      status: 400,
      body: { error: { param: 'financing' } },
    });
  });
});
