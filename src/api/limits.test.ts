// What one question may cost: at most four split dimensions, 50,000 answer rows and 30 seconds (smaller limits here);
// a question over a limit gets a Dutch 400 or 503 and leaves the server answering others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metric } from '../metrics/types.ts';
import { sql, type Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { engineOf } from './engine.ts';
import { costFixture, fixtureStore } from './fixture.ts';

/** A question DuckDB would need hours for: counting ten trillion generated rows. */
const slowFixture: Metric = {
  id: 'fixture_slow',
  title: 'Trage vraag (testanalyse)',
  definition: 'Telt tien biljoen rijen.',
  splits: [],
  async compute(store, request) {
    const rows = await store.all<{ n: number }>(sql`SELECT count(*)::DOUBLE AS n FROM range(10000000000000)`);
    return {
      metric: 'fixture_slow',
      title: this.title,
      columns: [{ name: 'n', label: 'Aantal', unit: 'count' }],
      rows,
      filters: request.filters,
      split: [],
    };
  },
};

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store.close());

const body = async (res: Response) => [res.status, await res.json()];

describe('limits of one question', () => {
  it('refuses more than four split dimensions, naming the split', async () => {
    const app = createApp({ store, engine: engineOf([costFixture]), webDist: '/nonexistent' });
    // All problems at once: too many, and the three the metric cannot split by, each at its place in the list.
    const [status, answer] = await body(
      await app.request('/api/metrics/fixture_cost?split=year,municipality,provider,team,care_type'),
    );
    expect(status).toBe(400);
    expect(answer.error.param).toBe('split');
    expect(answer.error.problems.map((p: { path: string }) => p.path)).toEqual(['split', 'split[2]', 'split[3]', 'split[4]']);
    expect(answer.error.problems[0].message).toBe('Uitsplitsen kan naar hoogstens 4 dimensies tegelijk (gevraagd: 5).');
    expect(answer.error.message).toMatch(/^De vraag heeft 4 problemen: Uitsplitsen kan naar hoogstens 4 dimensies/);
    const post = await app.request('/api/metrics/fixture_cost', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        split: [
          'year',
          'month',
          'quarter',
          'half_year',
          'municipality',
          'provider',
          'team',
          'care_type',
          'product',
          'referrer',
          'sex',
          'age_band',
        ],
      }),
    });
    const [postStatus, postAnswer] = await body(post);
    expect(postStatus).toBe(400);
    expect(postAnswer.error.problems[0]).toEqual({
      path: 'split',
      message: 'Uitsplitsen kan naar hoogstens 4 dimensies tegelijk (gevraagd: 12).',
    });
  });

  it('refuses an answer with more rows than the limit, in JSON and in exports', async () => {
    const app = createApp({ store, engine: engineOf([costFixture]), webDist: '/nonexistent', limits: { maxRows: 1 } });
    const refusal = {
      error: {
        message:
          'Deze vraag levert 2 rijen op; het maximum is 1. Kies een kortere periode, minder uitsplitsingen of meer filters.',
        param: null,
      },
    };
    expect(await body(await app.request('/api/metrics/fixture_cost?split=year'))).toEqual([400, refusal]);
    expect(await body(await app.request('/api/metrics/fixture_cost/export.csv?split=year'))).toEqual([400, refusal]);
    // one year (2018) is one row: answered
    expect((await app.request('/api/metrics/fixture_cost?split=year&from=2018-01-01')).status).toBe(200);
  });

  it('interrupts a question over its time limit with a Dutch 503 and keeps answering the next one', async () => {
    const app = createApp({
      store,
      engine: engineOf([costFixture, slowFixture]),
      webDist: '/nonexistent',
      limits: { timeoutMs: 200 },
    });
    expect(await body(await app.request('/api/metrics/fixture_slow'))).toEqual([
      503,
      {
        error: {
          message:
            'Deze vraag duurde langer dan 0,2 seconden en is afgebroken. Kies een kortere periode, minder uitsplitsingen of meer filters.',
          param: null,
        },
      },
    ]);
    // 1,000 + 2,500.50 − 10 + 400 euros (src/api/fixture.ts)
    expect(await body(await app.request('/api/metrics/fixture_cost'))).toEqual([
      200,
      expect.objectContaining({ rows: [{ cost: 3890.5 }] }),
    ]);
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
