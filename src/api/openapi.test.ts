// The OpenAPI document is generated: it lists every route the app serves, and every catalogue metric with its splits
// and parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';
import { catalogue } from '../metrics/index.ts';
import { buildOpenApi, openApiPath, resultSchemas } from './openapi.ts';
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
    expect(served.length).toBe(11);
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
      expect(split.schema.items.enum).toEqual(m.splits);
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
    expect(ids.length).toBe(11 + 2 * 4); // 11 routes, and per metric: GET, POST, export.csv, export.xlsx
    expect(new Set(ids).size).toBe(ids.length);
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
    const schemas: any = resultSchemas(catalogue);
    expect(Object.keys(schemas)).toHaveLength(catalogue.length);
    const costs = schemas.Result_costs.allOf[1];
    expect(Object.keys(costs.properties.rows.items.properties)).toEqual([
      'cost',
      'clients',
      'cost_per_client',
      'care_days',
      'cost_per_care_day',
    ]);
    expect(costs.properties.rows.items.properties.cost).toMatchObject({ title: 'Kosten', 'x-unit': 'eur', 'x-kind': 'value' });
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document read by path
    const real: any = buildOpenApi(metricRoutes({ engine: { catalogue } } as never), catalogue, '0');
    expect(real.paths['/api/metrics/costs'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Result_costs',
    });
    expect(real.components.schemas.Result_budget).toBeDefined();
  });

  it('offers the fixed code lists of the contract as enums', () => {
    const sex = doc.paths['/api/metrics/{id}'].get.parameters.find((p: { name: string }) => p.name === 'sex');
    expect(sex.schema.items).toEqual({ enum: ['0', '1', '2'] });
  });
});
