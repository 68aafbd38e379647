// The SQL 11-proof that runs over every row must agree exactly with isValidBsn, the one used for the pseudonyms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, sql } from '../../store/index.ts';
import { isValidBsn } from '../pseudonym.ts';
import { bsnValidSql } from './bsn.ts';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store.close());

describe('bsnValidSql', () => {
  it('agrees with isValidBsn on edge cases and on 20,000 seeded nine-digit strings', async () => {
    const edge = [
      '123456782',
      '111222333',
      '000000000',
      '999999990',
      '12345678',
      '1234567820',
      '12345678x',
      '+12345678',
      ' 23456782',
      '1_2345678',
      '',
      '100000009',
      '000000019',
      '999990007',
    ];
    let seed = 42;
    const random = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String(seed % 1_000_000_000).padStart(9, '0');
    });
    const values = [...edge, ...random];
    const rows = await store.all<{ b: string; ok: boolean }>(
      sql`SELECT b, ${bsnValidSql(sql`b`)} AS ok FROM (SELECT unnest(CAST(${JSON.stringify(values)} AS VARCHAR[])) AS b)`,
    );
    const inSql = new Map(rows.map((r) => [r.b, r.ok]));
    const disagree = values.filter((v) => inSql.get(v) !== isValidBsn(v));
    expect(disagree).toEqual([]);
    expect(values.filter((v) => isValidBsn(v)).length).toBeGreaterThan(1500); // about one in eleven passes
  });
});
