// Specification of allocated euros per the iJw maxima (allocated.ts): per allocation and year, tariff of that year,
// weeks and months touched, pro rata budgets and totals, rounded half up once per allocation and year.
import { describe, expect, it } from 'vitest';
import { addAllocation, addTariff, derive, fixtureStore } from '../metrics/fixtures.ts';
import { sql } from './sql.ts';

describe('allocated euros (d_util_year)', () => {
  it("follows the standard's maxima per allocation and year, with the tariff of each year", async () => {
    const store = await fixtureStore();
    await addTariff(store, { code: 'AMB', year: 2018, cents: 100_00, unit: '04' }); // € 100 an hour
    await addTariff(store, { code: 'AMB', year: 2019, cents: 110_00, unit: '04' }); // € 110 an hour
    const hours = { unit: '04' };
    // Per week across New Year, Thu 27 Dec 2018 – Wed 9 Jan 2019: ISO weeks of Mon 24 Dec and Mon 31 Dec in 2018; the
    // week of Mon 31 Dec again (1–6 Jan) and that of Mon 7 Jan in 2019 (IV077): 2 h × € 100 × 2, 2 h × € 110 × 2.
    await addAllocation(store, {
      client: 'c1',
      no: 'WEEK-NY',
      start: '2018-12-27',
      end: '2019-01-09',
      volume: 2,
      ...hours,
      frequency: '2',
    });
    // Per week within a year over a month end, Mon 29 Jan – Sun 11 Feb 2018: 2 weeks, not 3 (one per month touched).
    await addAllocation(store, {
      client: 'c2',
      no: 'WEEK-M',
      start: '2018-01-29',
      end: '2018-02-11',
      volume: 1,
      ...hours,
      frequency: '2',
    });
    // Per month, 15 Jan – 10 Mar 2018: three months touched, broken months in full (IV078): 10 h × € 100 × 3.
    await addAllocation(store, {
      client: 'c3',
      no: 'MONTH',
      start: '2018-01-15',
      end: '2018-03-10',
      volume: 10,
      ...hours,
      frequency: '4',
    });
    // Per day, 1–10 Feb 2018: 3 h × € 100 × 10 days.
    await addAllocation(store, {
      client: 'c4',
      no: 'DAY',
      start: '2018-02-01',
      end: '2018-02-10',
      volume: 3,
      ...hours,
      frequency: '1',
    });
    // Total within validity, 1 Dec 2018 – 31 Jan 2019 (62 days, 31 in each year): 31 h × € 100 × 31/62, 31 h × € 110 × 31/62.
    await addAllocation(store, {
      client: 'c5',
      no: 'TOTAL',
      start: '2018-12-01',
      end: '2019-01-31',
      volume: 31,
      ...hours,
      frequency: '6',
    });
    // 90 minutes a week against an hourly tariff, Mon 1 – Sun 7 Jan 2018: 1.5 h × € 100.
    await addAllocation(store, {
      client: 'c6',
      no: 'MIN',
      start: '2018-01-01',
      end: '2018-01-07',
      volume: 90,
      unit: '01',
      frequency: '2',
    });
    // Budget € 10.00 over 30 Dec 2018 – 1 Jan 2019 (3 days) pro rata: 666.67 → 667 cents and 333.33 → 333 cents.
    await addAllocation(store, { client: 'c7', no: 'BUDGET', start: '2018-12-30', end: '2019-01-01', budgetCents: 1000 });
    // Budget of 101 cents over 31 Dec 2018 – 1 Jan 2019: 50.5 cents a year, rounded half up to 51 in each year.
    await addAllocation(store, { client: 'c8', no: 'HALF', start: '2018-12-31', end: '2019-01-01', budgetCents: 101 });
    // Per week without a tariff for its product: no known amount.
    await addAllocation(store, {
      client: 'c9',
      no: 'NOPRICE',
      start: '2018-03-01',
      end: '2018-03-31',
      product: 'GGZZ',
      volume: 1,
      ...hours,
      frequency: '2',
    });
    await derive(store);
    expect(
      await store.all(sql`SELECT split_part(alloc_key, '/', 2) AS no, year(first_day) AS year, allocated_cents, priced
      FROM d_util_year ORDER BY no, year`),
    ).toEqual([
      { no: 'BUDGET', year: 2018, allocated_cents: 667, priced: true },
      { no: 'BUDGET', year: 2019, allocated_cents: 333, priced: true },
      { no: 'DAY', year: 2018, allocated_cents: 3_000_00, priced: true },
      { no: 'HALF', year: 2018, allocated_cents: 51, priced: true },
      { no: 'HALF', year: 2019, allocated_cents: 51, priced: true },
      { no: 'MIN', year: 2018, allocated_cents: 150_00, priced: true },
      { no: 'MONTH', year: 2018, allocated_cents: 3_000_00, priced: true },
      { no: 'NOPRICE', year: 2018, allocated_cents: null, priced: false },
      { no: 'TOTAL', year: 2018, allocated_cents: 1_550_00, priced: true },
      { no: 'TOTAL', year: 2019, allocated_cents: 1_705_00, priced: true },
      { no: 'WEEK-M', year: 2018, allocated_cents: 200_00, priced: true },
      { no: 'WEEK-NY', year: 2018, allocated_cents: 400_00, priced: true },
      { no: 'WEEK-NY', year: 2019, allocated_cents: 440_00, priced: true },
    ]);
    store.close();
  });
});
