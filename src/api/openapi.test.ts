// The OpenAPI document is generated: it lists every route the app serves, and every catalogue metric with its splits
// and parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { createSecureApp } from './auth/index.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';
import { catalogue } from '../metrics/index.ts';
import { buildOpenApi, openApiPath } from './openapi.ts';
import { metricRoutes } from './routes/metrics.ts';

let store: Store;
// biome-ignore lint/suspicious/noExplicitAny: a JSON document read by path
let doc: any;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await fixtureStore();
  app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => store.close());

describe('/api/openapi.json', () => {
  it('is OpenAPI 3.1 with the package version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('0.1.0');
  });

  it('describes every route registered on the app', () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
    expect(served.length).toBe(41);
    for (const route of served) {
      const [method, path] = route.split(' ');
      expect(doc.paths[path]?.[method], route).toBeDefined();
    }
  });

  it('lists every catalogue metric with its title, definition, splits and parameters', () => {
    for (const m of fixtureEngine.catalogue) {
      const op = doc.paths[`/api/metrics/${m.id}`].get;
      expect(op.summary.startsWith(m.title)).toBe(true);
      expect(op.description).toBe(m.definition);
      expect(op['x-metric']).toEqual({ id: m.id, splits: m.splits, params: m.params ?? [], clientRows: false });
      const split = op.parameters.find((p: { name: string }) => p.name === 'split');
      if (m.splits.length) expect(split.schema.items.enum).toEqual(m.splits);
      else expect(split).toBeUndefined(); // no split to offer: no parameter, rather than an empty enum
      for (const p of m.params ?? []) expect(op.parameters.some((q: { name: string }) => q.name === `p.${p.name}`)).toBe(true);
      expect(doc.paths[`/api/metrics/${m.id}/export.csv`].get).toBeDefined();
      expect(doc.paths[`/api/metrics/${m.id}`].post).toBeDefined();
    }
    expect(doc.components.schemas.MetricInfo.properties.id.enum).toEqual(['fixture_cost', 'fixture_bigint']);
  });

  it('documents the filters the parser accepts and the Dutch error shape', () => {
    const names = doc.paths['/api/metrics/{id}'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual([
      'id',
      'municipality',
      'care_type',
      'product_category',
      'product',
      'provider',
      'referrer_type',
      'referrer',
      'team',
      'district',
      'age_band',
      'sex',
      'financing',
      'from',
      'to',
      'basis',
      'split',
    ]);
    expect(doc.paths['/api/notes'].post.responses['400']).toEqual({ $ref: '#/components/responses/E400' });
    expect(doc.components.responses.E400.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    // 41 routes, 6 of the login layer, and per metric: GET, POST, export.csv, export.xlsx
    expect(ids.length).toBe(41 + 6 + 2 * 4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes every route of the secured app, login and administration included', () => {
    const secure = createSecureApp({ store, engine: fixtureEngine, webDist: '/nonexistent', tls: false });
    const served = secure.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
    expect(served).toContain('post /api/login');
    for (const route of served) {
      const [method, path] = route.split(' ');
      expect(doc.paths[path]?.[method], route).toBeDefined();
    }
  });

  it('declares the session cookie and the CSRF header, and which operations need them', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      sessieCookie: { type: 'apiKey', in: 'cookie', name: 'roer_sessie' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    expect(doc.security).toEqual([{ sessieCookie: [] }]);
    expect(doc.paths['/api/login'].post.security).toEqual([]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/session'].get.security).toEqual([{}, { sessieCookie: [] }]);
    expect(doc.paths['/api/metrics/{id}'].get.security).toEqual([{ sessieCookie: [] }]);
    expect(doc.paths['/api/notes'].post.security).toEqual([{ sessieCookie: [], csrfToken: [] }]);
    expect(doc.paths['/api/logout'].post.security).toEqual([{ sessieCookie: [], csrfToken: [] }]);
  });

  it('lists the metric ids for {id} and has no empty enum anywhere', () => {
    const id = doc.paths['/api/metrics/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id');
    expect(id.schema.enum).toEqual(['fixture_cost', 'fixture_bigint']);
    expect(JSON.stringify(doc)).not.toContain('"enum":[]');
    // The JSON question per metric: its own splits and parameters.
    expect(doc.paths['/api/metrics/fixture_cost'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/MetricRequest_fixture_cost',
    });
    const { split, params } = doc.components.schemas.MetricRequest_fixture_cost.properties;
    expect(split.items.enum).toEqual(['year', 'municipality']);
    expect(Object.keys(params.properties)).toEqual(['minimum']);
    expect(doc.components.schemas.MetricRequest_fixture_bigint.properties.split).toEqual({ type: 'array', maxItems: 0 });
  });

  type Operation = { description?: string; tags: string[]; responses: Record<string, unknown> };
  it('gives every operation a description, a declared tag and a 4xx answer', () => {
    const tags = doc.tags.map((t: { name: string }) => t.name);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>))
      for (const [method, op] of Object.entries(item)) {
        expect(op.description, `${method} ${path}`).toMatch(/\S/);
        expect(tags, `${method} ${path}`).toContain(op.tags[0]);
        expect(
          Object.keys(op.responses).some((s) => s.startsWith('4')),
          `${method} ${path}`,
        ).toBe(true);
      }
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of new Set(refs)) {
      const path = r.slice(8, -1).replace(/^#\//, '').split('/');
      expect(
        path.reduce((o, k) => o?.[k], doc),
        r,
      ).toBeDefined();
    }
  });

  it("gives each metric of the real catalogue a result schema listing the contract's columns, and uses it", () => {
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document read by path
    const real: any = buildOpenApi(metricRoutes({ engine: { catalogue } } as never), catalogue, '0');
    for (const m of catalogue) expect(real.components.schemas[`MetricResult_${m.id}`], m.id).toBeDefined();
    const costs = real.components.schemas.MetricResult_costs.properties.rows.items;
    expect(costs.required).toEqual(['cost', 'clients', 'cost_per_client', 'care_days', 'cost_per_care_day']);
    expect(costs.properties.cost.description).toBe('Kosten (euro)');
    expect(real.paths['/api/metrics/costs'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/MetricResult_costs',
    });
  });

  it('names the four parts of the year-end forecast, which add up to its central value', () => {
    const op = doc.paths['/api/forecast/yearend'].get;
    const row = op.responses['200'].content['application/json'].schema.properties.total;
    const parts = ['invoicedCents', 'notYetInvoicedCents', 'runningCents', 'inflowCents'];
    for (const part of parts) expect(row.properties[part]?.type, part).toBe('integer');
    expect(row.properties.centralCents.description).toMatch(/som van de vier delen/);
    expect(row.properties.remainingCents).toBeUndefined();
  });

  it('offers the fixed code lists of the contract as enums', () => {
    const sex = doc.paths['/api/metrics/{id}'].get.parameters.find((p: { name: string }) => p.name === 'sex');
    expect(sex.schema.items).toEqual({ enum: ['0', '1', '2'] });
  });
});
