// Privacy of the birth date: the store keeps the day of birth to compute ages to the day, but no API answer and no
// export (JSON, CSV, XLSX) ever shows it, in any date format, for any metric and every split it offers.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  addAllocation,
  addCarePeriod,
  addClient,
  addInvoice,
  addPgb,
  addRequest,
  derive,
  fixtureStore,
} from '../metrics/fixtures.ts';
import { catalogue } from '../metrics/index.ts';
import { sql, type Store } from '../store/index.ts';
import { createApp } from './app.ts';

/** Birth dates whose day is not the 1st (the month alone may be shown), one of them 29 February. */
const BIRTHS = ['2005-07-15', '2005-08-31', '2011-05-17', '2004-02-29'];
const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** Every way a birth date could be written: ISO, Dutch dd-mm-jjjj (with - / . and without leading zeros), compact, long. */
function spellings(iso: string): string[] {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const [dn, mn] = [String(Number(d)), String(Number(m))];
  return [
    iso,
    `${y}/${m}/${d}`,
    `${y}${m}${d}`,
    ...['-', '/', '.'].flatMap((s) => [`${d}${s}${m}${s}${y}`, `${dn}${s}${mn}${s}${y}`]),
    `${dn} ${MONTHS[Number(m) - 1]} ${y}`,
  ];
}
const NEEDLES = BIRTHS.flatMap(spellings);
const shown = (text: string) => NEEDLES.filter((n) => text.includes(n));

/** The text of every cell of every sheet (dates written as ISO). */
async function xlsxText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: string[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        out.push(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.text));
      }),
    ),
  );
  return out.join('\n');
}

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  for (const [i, birthDate] of BIRTHS.entries()) {
    const client = `b${i}`;
    await addClient(store, { id: client, birthDate, sex: String(1 + (i % 2)), district: 'Noord' });
    const no = await addAllocation(store, { client, start: '2022-01-01', end: '2023-08-31', providerReference: `R${i}` });
    await addCarePeriod(store, { no, client, start: '2022-01-10', end: '2023-08-31', reason: '31' });
    await addRequest(store, { client, date: '2021-12-01', reference: `R${i}` });
    for (const month of ['2022-03', '2023-02', '2023-08']) {
      await addInvoice(store, {
        client,
        allocation: no,
        periodStart: `${month}-01`,
        periodEnd: `${month}-28`,
        euros: 1000 + 100 * i,
      });
    }
    await addPgb(store, { client, periodStart: '2023-05-01', periodEnd: '2023-05-31', euros: 300 });
  }
  await derive(store);
});

describe('the birth date', () => {
  it('is in the store (ages to the day need it)', async () => {
    expect((await store.all(sql`SELECT birth_date FROM client ORDER BY client_id`)).map((r) => r.birth_date)).toEqual(BIRTHS);
  });

  it('is shown by no answer or export of any metric, split or not, nor by the other endpoints', async () => {
    const app = createApp({ store, webDist: '/nonexistent' });
    let answers = 0;
    for (const m of catalogue) {
      for (const split of [[], ...m.splits.map((s) => [s])]) {
        const query = `?from=2022-01-01&to=2023-12-31${split.length ? `&split=${split.join(',')}` : ''}`;
        const json = await app.request(`/api/metrics/${m.id}${query}`);
        expect(json.status, `${m.id}${query}`).toBe(200);
        expect(shown(await json.text()), `${m.id}${query}`).toEqual([]);
        const csv = await app.request(`/api/metrics/${m.id}/export.csv${query}`);
        expect(shown(await csv.text()), `${m.id} CSV${query}`).toEqual([]);
        answers++;
      }
      const xlsx = await app.request(`/api/metrics/${m.id}/export.xlsx?split=age_band`);
      const body = xlsx.status === 200 ? await xlsxText(await xlsx.arrayBuffer()) : await xlsx.text();
      expect(shown(body), `${m.id} XLSX`).toEqual([]);
    }
    for (const path of ['/api/dimensions', '/api/status', '/api/metrics', '/api/notes', '/api/openapi.json']) {
      expect(shown(await (await app.request(path)).text()), path).toEqual([]);
    }
    expect(answers).toBeGreaterThan(100);
  });
});
