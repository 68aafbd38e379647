// The document's examples are real: the app, with the real catalogue on the API's fixture store, answers each example
// question with exactly the example answer, and words each error as the examples do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived, type Store } from '../../store/index.ts';
import { DEFAULT_LIMITS } from '../answer.ts';
import { createApp, VERSION } from '../app.ts';
import { createSecureApp } from '../auth/index.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';
import { errorBody, toApiError } from '../errors.ts';
import { fixtureStore } from '../fixture.ts';
import { asStoreError, timeLimitError } from '../../store/limits.ts';
import {
  CSV_EXAMPLE,
  DIMENSIONS_EXAMPLE,
  ERROR_EXAMPLES,
  METRIC_QUERY,
  METRIC_REQUEST_EXAMPLE,
  METRIC_RESULT_EXAMPLE,
  NEW_NOTE_EXAMPLE,
  NOTE_EXAMPLE,
  STATUS_EXAMPLE,
  routeExamples,
} from './examples.ts';
import { EXAMPLE_CSRF, EXAMPLE_USER } from './auth-paths.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await fixtureStore();
  await refreshDerived(store);
  app = createApp({ store, webDist: '/nonexistent' });
});
afterAll(() => store.close());

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('OpenAPI examples', () => {
  it('health', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual(routeExamples(VERSION)['get /api/health']!.response);
  });

  it('a metric asked in the query string, as a JSON body and as CSV', async () => {
    expect(await (await app.request(`/api/metrics/costs?${METRIC_QUERY}`)).json()).toEqual(METRIC_RESULT_EXAMPLE);
    expect(await (await post('/api/metrics/costs', METRIC_REQUEST_EXAMPLE)).json()).toEqual(METRIC_RESULT_EXAMPLE);
    expect(await (await app.request(`/api/metrics/costs/export.csv?${METRIC_QUERY}`)).text()).toBe(CSV_EXAMPLE);
  });

  it('dimensions and status', async () => {
    expect(await (await app.request('/api/dimensions')).json()).toEqual(DIMENSIONS_EXAMPLE);
    expect(await (await app.request('/api/status')).json()).toEqual(STATUS_EXAMPLE);
  });

  it('a note stored and listed (the author is the logged-in user; without login "onbekend")', async () => {
    const stored = await (await post('/api/notes', NEW_NOTE_EXAMPLE)).json();
    expect(stored).toEqual({ ...NOTE_EXAMPLE, author: 'onbekend', created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(await (await app.request('/api/notes')).json()).toEqual({ notes: [stored] });
  });

  it('errors: 400, 401 and 404 from the app; 409, 500 and 503 as the error mapping words them', async () => {
    const error = async (res: Response) => ({ status: res.status, body: (await res.json()).error });
    expect(await error(await app.request('/api/metrics/costs?gemeentee=0150'))).toEqual({
      status: 400,
      body: ERROR_EXAMPLES[400],
    });
    expect(await error(await app.request('/api/metrics/kosten'))).toEqual({ status: 404, body: ERROR_EXAMPLES[404] });
    const secure = createSecureApp({ store, webDist: '/nonexistent', tls: false });
    expect(await error(await secure.request('/api/metrics'))).toEqual({ status: 401, body: ERROR_EXAMPLES[401] });
    const mapped = (e: unknown) => {
      const a = toApiError(e);
      return { status: a.status, body: errorBody(a).error };
    };
    expect(mapped(timeLimitError(DEFAULT_LIMITS))).toEqual({ status: 503, body: ERROR_EXAMPLES[503] });
    expect(mapped(asStoreError(new Error('Transaction conflict')))).toEqual({ status: 409, body: ERROR_EXAMPLES[409] });
    expect(mapped(new TypeError('x is undefined'))).toEqual({ status: 500, body: ERROR_EXAMPLES[500] });
  });

  it('the login layer: the session of an analyst of Deventer, and the 403 when asking another municipality', async () => {
    const secured = await secureFixture();
    try {
      const bert = await loginAs(secured.app, 'bert'); // analyst of 0150, like the example user
      const session = await (await bert.request('/api/session')).json();
      expect(session).toEqual({ user: { ...EXAMPLE_USER, name: 'bert' }, csrfToken: bert.csrf });
      expect(EXAMPLE_CSRF).toMatch(new RegExp(`^[\\w-]{${bert.csrf.length}}$`));
      const refused = await bert.request('/api/notes?municipality=1708');
      expect({ status: refused.status, body: (await refused.json()).error }).toEqual({ status: 403, body: ERROR_EXAMPLES[403] });
      expect(await (await bert.request('/api/logout', { method: 'POST' })).json()).toEqual({ ok: true });
    } finally {
      secured.store.close();
    }
  });
});
