// The cell parsers, run in real DuckDB: amounts to cents in every decimal style, dates in both styles, integers, codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, sql, Store } from '../../store/index.ts';
import type { FieldDef } from './fields.ts';
import { stripAmountSql, valueSql, type ParseStyle } from './parse.ts';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store.close());

/** Parses each input with `def` in `style`; returns the values in order (null = refused). */
async function parse(def: FieldDef, style: ParseStyle, inputs: string[]): Promise<unknown[]> {
  const trimmed = sql`nullif(trim(x), '')`;
  const cell = def.type === 'amount' ? stripAmountSql(trimmed) : trimmed;
  const list = join(inputs);
  const rows = await store.all<{ v: unknown }>(
    sql`SELECT ${valueSql(def, sql`c`, style)} AS v FROM (SELECT ${cell} AS c, i FROM (SELECT unnest([${list}]) AS x, generate_subscripts([${list}], 1) AS i)) ORDER BY i`,
  );
  return rows.map((r) => r.v);
}

const auto: ParseStyle = { dateFormat: 'auto', decimal: 'auto' };

describe('amounts in euros → cents', () => {
  it('auto: Dutch comma, point, thousands separators, euro sign, negatives', async () => {
    expect(
      await parse({ type: 'amount' }, auto, [
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
        ' 7,10 ',
      ]),
    ).toEqual([123456, -1250, 123450, 123456, 123400, 123456780, 123456, -300, 1, 1200, 710]);
  });

  it('auto: refuses more than two decimals, misplaced separators and words', async () => {
    expect(await parse({ type: 'amount' }, auto, ['12,345', '1.23', '1.2.3', '12,5,0', 'twaalf', '€', '-', '1 2'])).toEqual([
      null,
      123,
      null,
      null,
      null,
      null,
      null,
      1200,
    ]);
  });

  it('declared "," reads a point as thousands separator only; declared "." the other way round', async () => {
    expect(await parse({ type: 'amount' }, { dateFormat: 'auto', decimal: ',' }, ['1.234,56', '1234.5', '12,5'])).toEqual([
      123456,
      null,
      1250,
    ]);
    expect(await parse({ type: 'amount' }, { dateFormat: 'auto', decimal: '.' }, ['1,234.56', '1234,5', '12.5'])).toEqual([
      123456,
      null,
      1250,
    ]);
  });
});

describe('dates', () => {
  it('dd-mm-jjjj, jjjj-mm-dd, or both (auto); impossible dates and two-digit years are refused', async () => {
    const inputs = ['31-01-2019', '1-2-2019', '2019-02-28', '31-02-2019', '01-02-19', '2019/02/01'];
    expect(await parse({ type: 'date' }, auto, inputs)).toEqual(['2019-01-31', '2019-02-01', '2019-02-28', null, null, null]);
    expect(await parse({ type: 'date' }, { dateFormat: 'dd-mm-jjjj', decimal: 'auto' }, inputs)).toEqual([
      '2019-01-31',
      '2019-02-01',
      null,
      null,
      null,
      null,
    ]);
    expect(await parse({ type: 'date' }, { dateFormat: 'jjjj-mm-dd', decimal: 'auto' }, inputs)).toEqual([
      null,
      null,
      '2019-02-28',
      null,
      null,
      null,
    ]);
  });
});

describe('integers, years, codes', () => {
  it('integers allow thousands separators; years are 19xx or 20xx', async () => {
    expect(await parse({ type: 'int' }, auto, ['3.512', '9876', '-4', '1,5', '12.34'])).toEqual([3512, 9876, -4, null, null]);
    expect(await parse({ type: 'year' }, auto, ['2019', '19', '2019,0'])).toEqual([2019, null, null]);
  });

  it('enums match case-insensitively and store the canonical code; ja/nee become booleans', async () => {
    expect(await parse({ type: 'enum', codes: ['D', 'C'] }, auto, ['c', 'D', 'X'])).toEqual(['C', 'D', null]);
    expect(await parse({ type: 'yesno' }, auto, ['ja', 'Nee', 'misschien'])).toEqual([true, false, null]);
  });
});

describe('amount cells with non-breaking spaces', () => {
  it('strips the euro sign, spaces and (narrow) no-break spaces as thousands separators', async () => {
    expect(await parse({ type: 'amount' }, auto, ['€\u00A01.234,56', '1\u202F234,56', '1 234,56'])).toEqual([
      123456, 123456, 123456,
    ]);
  });
});
