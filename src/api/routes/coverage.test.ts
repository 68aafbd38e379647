// The coverage line's source: the last care month with invoice lines, within the asker's scope only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, sql } from '../../store/index.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import type { Hono } from 'hono';

let store: Store;
let app: Hono<AuthEnv>;
beforeAll(async () => {
  ({ store, app } = await secureFixture());
});
afterAll(() => store.close());

const through = async (name: string) => (await (await (await loginAs(app, name)).request('/api/coverage')).json()).through;

describe('/api/coverage', () => {
  // Fixture invoice lines start in 2017-03 and 2018-03 (0150) and 2018-06 and 2018-07 (1708), by providers 11110001
  // and 22220002.
  it('is the last care month invoiced in the whole region for an administrator', async () => {
    expect(await through('anna')).toBe('2018-07');
  });

  it("is the last month of the user's own municipalities, not the region's", async () => {
    expect(await through('bert')).toBe('2018-03');
    expect(await through('bea')).toBe('2018-07');
  });

  it('is null when the scope has no invoices (a provider without lines)', async () => {
    expect(await through('dirk')).toBeNull();
  });

  it('needs a login and is audited', async () => {
    expect((await app.request('/api/coverage')).status).toBe(401);
    const row = await store.one<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'coverage_read' AND actor = 'bert'`,
    );
    expect(row?.n).toBe(1);
  });
});
