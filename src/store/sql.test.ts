// Specification of the one SQL convention: values bound, identifiers quoted on request, raw text only through raw().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, idents, join, leading, literal, raw, sql, Store } from './index.ts';

describe('the sql tag', () => {
  it('binds every interpolated value as a parameter, in text order', () => {
    const q = sql`SELECT * FROM note WHERE metric = ${'costs'} AND id > ${7} AND done = ${true} AND x IS ${null}`;
    expect(q.text).toBe('SELECT * FROM note WHERE metric = ? AND id > ? AND done = ? AND x IS ?');
    expect(q.params).toEqual(['costs', 7, true, null]);
  });

  it('inserts nested fragments with their parameters carried along', () => {
    const where = sql`municipality = ${'0150'} AND year = ${2024}`;
    const inner = sql`(SELECT * FROM d_cost f WHERE ${where})`;
    const q = sql`SELECT count(*) FROM ${inner} f WHERE f.amount_cents > ${100}`;
    expect(q.text).toBe(
      'SELECT count(*) FROM (SELECT * FROM d_cost f WHERE municipality = ? AND year = ?) f WHERE f.amount_cents > ?',
    );
    expect(q.params).toEqual(['0150', 2024, 100]);
  });

  it('quotes identifiers only when asked, and inserts raw text only through raw()', () => {
    expect(sql`SELECT * FROM ${ident('d_cost')}`.text).toBe('SELECT * FROM "d_cost"');
    expect(ident('temp', 'main', 'we"ird').text).toBe('"temp"."main"."we""ird"');
    expect(sql`SELECT ${raw('f.care_type')} FROM d_cost f`).toEqual(sql`SELECT f.care_type FROM d_cost f`);
  });

  it('joins values and fragments with a separator', () => {
    const q = sql`WHERE code IN (${join(['a', 'b'])}) AND ${join([sql`x = ${1}`, sql`y = ${2}`], ' AND ')}`;
    expect(q.text).toBe('WHERE code IN (?, ?) AND x = ? AND y = ?');
    expect(q.params).toEqual(['a', 'b', 1, 2]);
  });

  it('quotes a list of column names, qualified when asked, and puts keys before further items', () => {
    expect(join(idents(['year', 'care_type'], 'g')).text).toBe('"g"."year", "g"."care_type"');
    expect(sql`SELECT ${leading(idents(['year']))} count(*)`.text).toBe('SELECT "year",  count(*)');
    expect(sql`SELECT ${leading([])}count(*)`.text).toBe('SELECT count(*)');
  });

  it('writes only whole numbers of the code as literals', () => {
    expect(sql`WHERE age < ${literal(18)}`).toEqual(sql`WHERE age < 18`);
    expect(() => literal(1.5)).toThrow(/whole number/);
    expect(() => literal(Number.NaN)).toThrow(/whole number/);
  });

  it('refuses undefined (a missing value is not SQL NULL by accident)', () => {
    expect(() => sql`SELECT ${undefined as unknown as null}`).toThrow(/undefined/);
  });
});

describe('on the store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await store.run(sql`CREATE TABLE x (name VARCHAR)`);
  });
  afterAll(() => store.close());

  it('keeps a plain string a value: an injection attempt is stored as text and drops nothing', async () => {
    const hostile = "'; DROP TABLE x; --";
    await store.run(sql`INSERT INTO x VALUES (${hostile})`);
    expect(await store.all(sql`SELECT name FROM x WHERE name = ${hostile}`)).toEqual([{ name: hostile }]);
    expect(await store.one(sql`SELECT count(*) AS n FROM ${ident('x')}`)).toEqual({ n: 1 });
  });

  it('runs a statement and returns how many rows it changed', async () => {
    expect(await store.run(sql`INSERT INTO x VALUES (${'a'}), (${'b'}), (${'c'})`)).toBe(3);
    expect(await store.run(sql`UPDATE x SET name = upper(name) WHERE name IN (${join(['a', 'b'])})`)).toBe(2);
    expect(await store.run(sql`DELETE FROM x WHERE name = ${'nobody'}`)).toBe(0);
  });
});

describe('literal', () => {
  it('writes a constant into the text, for a view body that cannot take parameters', async () => {
    expect(sql`SELECT ${literal("it's")}, ${literal(12n)}, ${literal(-15)}`).toEqual(sql`SELECT 'it''s', 12, -15`);
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    const store = await Store.open(':memory:');
    try {
      await store.run(sql`CREATE TEMP VIEW v AS SELECT ${literal("O'Brien; DROP TABLE x")} AS name, ${literal(7n)} AS n`);
      expect(await store.all(sql`SELECT * FROM v`)).toEqual([{ name: "O'Brien; DROP TABLE x", n: 7 }]);
    } finally {
      store.close();
    }
  });
});
