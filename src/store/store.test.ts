import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAllocation, addTariff, insertRows } from '../metrics/fixtures.ts';
import { QueryLimitError, Store, refreshDerived, schemaVersion, migrations } from './index.ts';
import { sql } from './sql.ts';
import { WriteConflictError } from './limits.ts';

describe('Store', () => {
  it('creates the schema on open and reports its version', async () => {
    const store = await Store.open(':memory:');
    expect(await schemaVersion(store)).toBe(migrations().at(-1)!.version);
    const tables = await store.all<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`);
    expect(tables.map((t) => t.name)).toContain('allocation');
    store.close();
  });

  it('returns BIGINT as exact numbers and dates as ISO strings', async () => {
    const store = await Store.open(':memory:');
    const row = await store.one(sql`SELECT 12345678901::BIGINT AS c, DATE '2024-12-31' AS d, count(*) AS n FROM range(3)`);
    expect(row).toEqual({ c: 12345678901, d: '2024-12-31', n: 3 });
    store.close();
  });

  it('rolls a failed transaction back completely', async () => {
    const store = await Store.open(':memory:');
    await expect(
      store.transaction(async () => {
        await store.run(sql`INSERT INTO provider VALUES ('12345678', 'A')`);
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await store.all(sql`SELECT * FROM provider`)).toEqual([]);
    store.close();
  });

  it('is idempotent when reopened (migrations run once)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roer-')), 'x.duckdb');
    (await Store.open(file)).close();
    const again = await Store.open(file);
    expect(await again.all(sql`SELECT version FROM schema_version`)).toHaveLength(migrations().length);
    again.close();
  });

  it('corrects zero-padded frequency codes of an older store and rebuilds its derived tables (migration 002)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roer-')), 'old.duckdb');
    const old = await Store.open(file);
    await insertRows(old, 'product', [{ code: 'AMB', category: '45', care_type: 'ambulant' }]);
    await addTariff(old, { code: 'AMB', year: 2018, cents: 100_00, unit: '04' });
    // 10 hours per month over January–February 2018, stored as a CSV import once did: '04'.
    await addAllocation(old, { client: 'c1', start: '2018-01-01', end: '2018-02-28', volume: 10, unit: '04', frequency: '04' });
    await refreshDerived(old);
    await old.run(sql`DELETE FROM schema_version WHERE version = 2`);
    old.close();
    const again = await Store.open(file);
    expect(await again.all(sql`SELECT frequency FROM allocation`)).toEqual([{ frequency: '4' }]);
    expect(await again.all(sql`SELECT allocated_cents FROM d_util_year`)).toEqual([{ allocated_cents: 2_000_00 }]);
    again.close();
  });

  it('gives an older store the birth date (the month it knew, until a re-import gives the day) and rebuilds (migration 003)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roer-')), 'old3.duckdb');
    const old = await Store.open(file);
    await insertRows(old, 'product', [{ code: 'AMB', category: '45', care_type: 'ambulant' }]);
    await addAllocation(old, { client: 'c1', start: '2023-06-01', end: '2023-07-31' });
    await refreshDerived(old);
    await old.run(sql`ALTER TABLE client DROP COLUMN birth_date`);
    await insertRows(old, 'client', [{ client_id: 'c1', birth_month: '2005-07-01' }]);
    await old.run(sql`DELETE FROM schema_version WHERE version = 3`);
    old.close();
    const again = await Store.open(file);
    expect(await again.all(sql`SELECT client_id, birth_date, birth_month FROM client`)).toEqual([
      { client_id: 'c1', birth_date: '2005-07-01', birth_month: '2005-07-01' },
    ]);
    // Derived anew: 18 from 1 July 2023 (the day is not known yet), so June is 12-17 and July 18-22.
    expect(await again.all(sql`SELECT first_day, last_day, birth_date FROM d_care_piece ORDER BY first_day`)).toEqual([
      { first_day: '2023-06-01', last_day: '2023-06-30', birth_date: '2005-07-01' },
      { first_day: '2023-07-01', last_day: '2023-07-31', birth_date: '2005-07-01' },
    ]);
    again.close();
  });

  it('runs a limited question on its own connection: same data, rows and time capped, the store usable afterwards', async () => {
    const store = await Store.open(':memory:');
    await store.run(sql`INSERT INTO provider VALUES ('12345678', 'A'), ('87654321', 'B')`);
    const limits = { timeoutMs: 60_000, maxRows: 2 };
    expect(
      await store.limited(limits, async (s) => [s.root === store, await s.all(sql`SELECT agb FROM provider ORDER BY 1`)]),
    ).toEqual([true, [{ agb: '12345678' }, { agb: '87654321' }]]);
    const tooMany = store.limited(limits, (s) => s.all(sql`SELECT * FROM range(3)`));
    await expect(tooMany).rejects.toBeInstanceOf(QueryLimitError);
    await expect(tooMany).rejects.toMatchObject({
      limit: 'rows',
      message: 'Deze vraag levert 3 rijen op; het maximum is 2.',
      hint: 'Kies een kortere periode, minder uitsplitsingen of meer filters.',
    });
    const slow = store.limited({ timeoutMs: 100, maxRows: 2 }, (s) =>
      s.all(sql`SELECT count(*) AS n FROM range(10000000000000)`),
    );
    await expect(slow).rejects.toMatchObject({
      name: 'QueryLimitError',
      limit: 'time',
      message: 'Deze vraag duurde langer dan 0,1 seconden en is afgebroken.',
    });
    expect(await store.one(sql`SELECT count(*) AS n FROM provider`)).toEqual({ n: 2 });
    store.close();
  });

  it("reports a write that meets another connection's write as a WriteConflictError (409), never DuckDB's own message", async () => {
    const store = await Store.open(':memory:');
    await store.run(sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)`);
    await store.run(sql`INSERT INTO t VALUES (1, 0)`);
    const limits = { timeoutMs: 60_000, maxRows: 10 };
    await store.limited(limits, (a) =>
      store.limited(limits, async (b) => {
        await a.run(sql`BEGIN TRANSACTION`);
        await b.run(sql`BEGIN TRANSACTION`);
        await a.run(sql`UPDATE t SET v = 1 WHERE id = 1`);
        const refused = await b.run(sql`UPDATE t SET v = 2 WHERE id = 1`).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(WriteConflictError);
        expect((refused as WriteConflictError).status).toBe(409);
        await b.run(sql`ROLLBACK`);
        await a.run(sql`COMMIT`);
      }),
    );
    expect(await store.one(sql`SELECT v FROM t`)).toEqual({ v: 1 });
    store.close();
  });
});
