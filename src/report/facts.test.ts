// Specification of the data a report rests on: the import log's digest changes with the data and only then, and the
// facts behind the caveats (quarantine, product-list changes) are counted from the store.
import { describe, expect, it } from 'vitest';
import { addTariff, fixtureStore, insertRows } from '../metrics/fixtures.ts';
import { sql } from '../store/index.ts';
import { dataFacts } from './facts.ts';
import { dataVersion } from './version.ts';

const logRow = (id: string, at: string) => ({
  file_id: id,
  file_name: `${id}.csv`,
  kind: 'invoice_lines',
  imported_at: at,
  records_total: 10,
  records_ok: 9,
  records_quarantined: 1,
  status: 'ingelezen',
  note: null,
});

describe('data version', () => {
  it('is one digest over the import log, the same until a file is added', async () => {
    const store = await fixtureStore();
    const empty = await dataVersion(store, null);
    expect(empty).toMatchObject({ importedAt: null, files: 0, through: null });
    await insertRows(store, 'import_file', [logRow('a', '2019-02-01 10:00:00'), logRow('b', '2019-03-01 09:30:00')]);
    const one = await dataVersion(store, '2018-12');
    expect(one).toMatchObject({ importedAt: '2019-03-01T09:30:00', files: 2, through: '2018-12' });
    expect(await dataVersion(store, '2018-12')).toEqual(one);
    await insertRows(store, 'import_file', [logRow('c', '2019-04-01 08:00:00')]);
    const two = await dataVersion(store, '2018-12');
    expect(new Set([empty.digest, one.digest, two.digest]).size).toBe(3);
  });
});

describe('data facts', () => {
  it('counts unresolved quarantined records and product codes added, removed or re-priced between the years', async () => {
    const store = await fixtureStore();
    for (const [id, resolved] of [
      [1, false],
      [2, false],
      [3, true],
    ] as const) {
      await store.run(
        sql`INSERT INTO quarantine VALUES ('f', 'f.csv', ${id}, NULL, 'geen geldig bedrag', NULL, '2019-01-01'::TIMESTAMP, ${resolved})`,
      );
    }
    await addTariff(store, { code: 'AMB', year: 2017, cents: 100_00 });
    await addTariff(store, { code: 'AMB', year: 2018, cents: 104_00 });
    await addTariff(store, { code: 'DAG', year: 2017, cents: 200_00 });
    await addTariff(store, { code: 'DAG', year: 2018, cents: 200_00 });
    await addTariff(store, { code: 'VBL', year: 2017, cents: 300_00 });
    await addTariff(store, { code: 'LVB', year: 2018, cents: 90_00 });
    expect(await dataFacts(store, 2018, 2017)).toEqual({
      quarantined: 2,
      productsAdded: 1,
      productsRemoved: 1,
      tariffsChanged: 1,
    });
  });
});
