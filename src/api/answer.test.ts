// The guard sees every question that reaches data (metrics, exports, notes, dimensions, status) and can narrow it,
// refuse it, or alter the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../access/errors.ts';
import type { Store } from '../store/index.ts';
import type { Guard, Question } from './answer.ts';
import { createApp } from './app.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';

let store: Store;
beforeAll(async () => (store = await fixtureStore()));
afterAll(() => store.close());

describe('the guard', () => {
  it('is asked for every data route, with the question the route parsed', async () => {
    const seen: string[] = [];
    const guard: Guard = (_ctx, q, next) => (seen.push(q.kind), next(q));
    const app = createApp({ store, engine: fixtureEngine, guard, webDist: '/nonexistent' });
    const paths = [
      '/api/metrics/fixture_cost',
      '/api/metrics/fixture_cost/export.csv',
      '/api/metrics/fixture_cost/export.xlsx',
      '/api/notes',
      '/api/dimensions',
      '/api/status',
    ];
    for (const p of paths) expect((await app.request(p)).status).toBe(200);
    await app.request('/api/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ metric: 'fixture_cost', from: '2018-01-01', to: '2018-01-01', text: 'x' }),
    });
    await app.request('/api/metrics/fixture_cost', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(seen).toEqual(['compute', 'export', 'export', 'notes.read', 'dimensions', 'status', 'notes.write', 'compute']);
  });

  it('can narrow a question and alter its answer', async () => {
    const guard: Guard = async (_ctx, q, next) => {
      if (q.kind !== 'compute') return next(q);
      const narrowed = { ...q, request: { ...q.request, filters: { ...q.request.filters, municipality: ['1708'] } } } as typeof q;
      const result = await next(narrowed);
      return { ...result, notes: ['beperkt tot uw gemeente'] } as typeof result;
    };
    const app = createApp({ store, engine: fixtureEngine, guard, webDist: '/nonexistent' });
    const body = await (await app.request('/api/metrics/fixture_cost?split=municipality')).json();
    expect(body.rows).toEqual([{ municipality: '1708', cost: 390 }]);
    expect(body.notes).toEqual(['beperkt tot uw gemeente']);
  });

  it("turns the access layer's refusal into its status, Dutch message and parameter", async () => {
    const guard: Guard = async (_ctx, q: Question) => {
      throw new AccessError(`U heeft geen toegang tot gemeente 0150 (${q.kind}).`, 403, 'municipality');
    };
    const app = createApp({ store, engine: fixtureEngine, guard, webDist: '/nonexistent' });
    const res = await app.request('/api/metrics/fixture_cost?municipality=0150');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { message: 'U heeft geen toegang tot gemeente 0150 (compute).', param: 'municipality' },
    });
  });
});
