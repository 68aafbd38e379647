// The amount parser was rewritten for speed (no CASE yielding text): these tests prove it gives exactly what the former
// form gave — the same cents, the same NULLs — for every decimal style, on the notations the other tests use and on
// 30,000 seeded random cells built from every character that matters (digits, separators, signs, €, kinds of space).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sql, sql, Store } from '../../store/index.ts';
import { amountCentsSql, stripAmountSql } from './parse.ts';
import type { DecimalStyle } from './types.ts';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store.close());

/** The former strip, its SQL text verbatim: replaces only for cells with a euro sign or a kind of space. */
function formerStrip(r: Sql): Sql {
  const common = sql`replace(replace(${r}, '€', ''), ' ', '')`;
  const all = sql`replace(replace(${common}, chr(160), ''), chr(8239), '')`;
  return sql`CASE WHEN regexp_matches(${r}, '[€ \u00A0\u202F]')
            THEN nullif(CASE WHEN regexp_matches(${r}, '[\u00A0\u202F]') THEN ${all} ELSE ${common} END, '') ELSE ${r} END`;
}

/** The former two steps, their SQL text verbatim: the number as text ("digits" + optional ".dd"), then that text as cents. */
function formerCents(r: Sql, style: DecimalStyle): Sql {
  const comma = sql`CASE WHEN regexp_full_match(${r}, '-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d{1,2})?') THEN replace(replace(${r}, '.', ''), ',', '.') END`;
  const point = sql`CASE WHEN regexp_full_match(${r}, '-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?') THEN replace(${r}, ',', '') END`;
  const plainThousands = sql`CASE WHEN regexp_full_match(${r}, '-?\\d{1,3}(\\.\\d{3})+') THEN replace(${r}, '.', '') END`;
  const text =
    style === ','
      ? comma
      : style === '.'
        ? point
        : sql`CASE WHEN strpos(${r}, ',') > 0 AND strpos(${r}, '.') > 0
              THEN (CASE WHEN strpos(${r}, ',') > strpos(${r}, '.') THEN ${comma} ELSE ${point} END)
            WHEN strpos(${r}, ',') > 0 THEN ${comma} ELSE coalesce(${plainThousands}, ${point}) END`;
  const cents = (n: Sql) =>
    sql`TRY_CAST(replace(${n}, '.', '') AS BIGINT) * CASE WHEN strpos(${n}, '.') = 0 THEN 100 WHEN strpos(${n}, '.') = length(${n}) - 1 THEN 10 ELSE 1 END`;
  return sql`(SELECT ${cents(sql`n`)} FROM (SELECT ${text} AS n))`;
}

/** Seeded cells: short strings over the characters an amount parser reacts to (at most 14, so no cents overflow). */
function randomCells(n: number, seed: number): string[] {
  const chars = ['0', '1', '2', '5', '9', '0', '3', '.', ',', '.', ',', '-', '+', '€', ' ', '\u00A0', '\u202F', 'e', 'x'];
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, () =>
    Array.from({ length: Math.floor(next() * 15) }, () => chars[Math.floor(next() * chars.length)]).join(''),
  );
}

/** Notations from parse.test.ts, the fixtures and the bench, in the forms exports really use. */
const NOTATIONS = [
  '€ 1.234,56',
  '-12,5',
  '1234.5',
  '1234,56',
  '€1.234',
  '1.234.567,8',
  '1,234.56',
  '-€ 3,00',
  '0,01',
  '12',
  '7,10',
  '12,345',
  '1.23',
  '1.2.3',
  '12,5,0',
  'twaalf',
  '€',
  '-',
  '1 2',
  '€\u00A01.234,56',
  '1\u202F234,56',
  '1 234,56',
  '€ 10.450.000',
  '€ 1.020.000,00',
  '250000',
  '450,00',
  '450',
  '€ 475,25',
  '94.97',
  '1,096.50',
  '€ 94,97',
  '94,96',
  '95,00',
  '€ 3.800,00',
  '€ 95,00',
  '',
  '0',
  '-0',
  '-0,00',
  '.5',
  ',5',
  '5.',
  '5,',
  '1.000',
  '1,000',
  '100.000.000,00',
];

/** Temp table cells (i, x): the cells in order, then one NULL. */
async function load(cells: string[]): Promise<void> {
  await store.run(sql`CREATE OR REPLACE TEMP TABLE cells (i INTEGER, x VARCHAR)`);
  const app = await store.appender('cells', { temp: true });
  cells.forEach((c, i) => {
    app.appendInteger(i);
    app.appendVarchar(c);
    app.endRow();
  });
  app.appendInteger(cells.length);
  app.appendNull();
  app.endRow();
  app.flushSync();
  app.closeSync();
}

async function compare(cells: string[], style: DecimalStyle): Promise<{ cell: string; former: unknown; now: unknown }[]> {
  await load(cells);
  const rows = await store.all<{ x: string | null; s0: string | null; s1: string | null; v0: number | null; v1: number | null }>(
    sql`SELECT x, s0, s1, ${formerCents(sql`s0`, style)} AS v0, ${amountCentsSql(sql`s1`, style)} AS v1
     FROM (SELECT i, x, ${formerStrip(sql`x`)} AS s0, ${stripAmountSql(sql`x`)} AS s1 FROM cells) ORDER BY i`,
  );
  return rows
    .filter((r) => r.s0 !== r.s1 || r.v0 !== r.v1)
    .map((r) => ({ cell: String(r.x), former: [r.s0, r.v0], now: [r.s1, r.v1] }));
}

describe('amount parsing equals its former form', () => {
  for (const style of [',', '.', 'auto'] as DecimalStyle[]) {
    it(`decimal "${style}": known notations and 30,000 random cells give the same stripped text and cents`, async () => {
      expect(await compare([...NOTATIONS, ...randomCells(30_000, style.charCodeAt(0))], style)).toEqual([]);
    });
  }

  it('the comparison is not vacuous: random cells include accepted amounts of every shape', async () => {
    await load(randomCells(30_000, 44));
    const shapes = await store.one<{ ok: number; dec: number; thousands: number }>(
      sql`SELECT count(v) AS ok, count(v) FILTER (WHERE contains(s, ',')) AS dec, count(v) FILTER (WHERE contains(s, '.')) AS thousands
       FROM (SELECT s, ${amountCentsSql(sql`s`, ',')} AS v FROM (SELECT ${stripAmountSql(sql`x`)} AS s FROM cells))`,
    );
    expect(shapes!.ok).toBeGreaterThan(1000);
    expect(shapes!.dec).toBeGreaterThan(100);
    expect(shapes!.thousands).toBeGreaterThan(10);
  });
});
