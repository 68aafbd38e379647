// The socket server: answers over HTTP on a free port, refuses a port in use with a Dutch RoerError, and closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoerError } from '../errors.ts';
import type { Store } from '../store/index.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';
import { startServer } from './server.ts';

let store: Store;
beforeAll(async () => (store = await fixtureStore()));
afterAll(() => store.close());

describe('startServer', () => {
  it('serves the API on a socket and stops cleanly', async () => {
    const server = await startServer({ store, engine: fixtureEngine, port: 0, webDist: '/nonexistent' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/api/metrics/fixture_cost?split=year`);
    expect(await res.json()).toMatchObject({
      rows: [
        { year: '2017', cost: 1000 },
        { year: '2018', cost: 2890.5 },
      ],
    });

    const busy = await startServer({ store, engine: fixtureEngine, port: server.port }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(RoerError);
    expect((busy as RoerError).message).toBe(`Poort ${server.port} op 127.0.0.1 is al in gebruik.`);
    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});
