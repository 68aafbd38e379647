// Specification of reading the invoice triangle from a tiny store.
import { describe, expect, it } from 'vitest';
import { addAllocation, addInvoice, addTariff, derive, fixtureStore } from '../metrics/fixtures.ts';
import { readAllocated, readCostTriangle, yearEndFromStore } from './yearend-store.ts';
import { monthIndex, yearEndForecast } from './yearend.ts';

describe('invoice triangle from the store', () => {
  it('sums accepted cost per municipality and care type by month of care and month of invoice', async () => {
    const store = await fixtureStore();
    await addInvoice(store, {
      client: 'c1',
      periodStart: '2023-05-01',
      periodEnd: '2023-05-31',
      euros: 100,
      invoiceDate: '2023-06-10',
    });
    await addInvoice(store, {
      client: 'c2',
      periodStart: '2023-05-03',
      periodEnd: '2023-05-20',
      euros: 50,
      invoiceDate: '2023-06-28',
    });
    await addInvoice(store, { client: 'c2', periodStart: '2023-05-03', euros: 20, invoiceDate: '2023-08-01', credit: true });
    await addInvoice(store, { client: 'c3', periodStart: '2023-06-01', euros: 300, product: 'VBL', municipality: '0193' });
    await derive(store);
    const groups = await readCostTriangle(store);
    expect(groups).toEqual([
      {
        municipality: '0150',
        split: 'ambulant',
        cells: [
          { careMonth: monthIndex(2023, 5), invoiceMonth: monthIndex(2023, 6), cents: 150_00 },
          { careMonth: monthIndex(2023, 5), invoiceMonth: monthIndex(2023, 8), cents: -20_00 },
        ],
      },
      // Without an invoice date the line counts as invoiced at the end of its period.
      {
        municipality: '0193',
        split: 'verblijf',
        cells: [{ careMonth: monthIndex(2023, 6), invoiceMonth: monthIndex(2023, 6), cents: 300_00 }],
      },
    ]);
    expect((await readCostTriangle(store, { municipalities: ['0193'] })).map((g) => g.municipality)).toEqual(['0193']);
    store.close();
  });

  it('splits by team instead of care type on request (cost without a team under "")', async () => {
    const store = await fixtureStore();
    const a = await addAllocation(store, { client: 't', start: '2023-01-01', end: '2023-12-31', team: 'J1' });
    await addInvoice(store, { client: 't', allocation: a, periodStart: '2023-01-01', periodEnd: '2023-01-31', euros: 10 });
    await addInvoice(store, { client: 'u', periodStart: '2023-01-01', periodEnd: '2023-01-31', euros: 20 });
    await derive(store);
    const groups = await readCostTriangle(store, { by: 'team' });
    expect(groups.map((g) => [g.split, g.cells.reduce((s, c) => s + c.cents, 0)])).toEqual([
      ['', 20_00],
      ['J1', 10_00],
    ]);
    store.close();
  });

  it('forecasts each municipality × care type at the peildatum, learning the lag on the region', async () => {
    const store = await fixtureStore();
    // Ambulant care in 0150 and 0193, € 100 a month each through May 2023, invoiced the month after.
    for (const municipality of ['0150', '0193'])
      for (let m = 1; m <= 5; m++) {
        const month = String(m).padStart(2, '0');
        await addInvoice(store, {
          client: `c${municipality}`,
          municipality,
          periodStart: `2023-${month}-01`,
          periodEnd: `2023-${month}-28`,
          euros: 100,
          invoiceDate: `2023-${String(m + 1).padStart(2, '0')}-05`,
        });
      }
    await derive(store);
    const result = await yearEndFromStore(store, 2023);
    const cells = (await readCostTriangle(store)).flatMap((g) => g.cells);
    // The peildatum is 28 May 2023: the cut-off is May.
    expect(result.map((r) => [r.municipality, r.split, r.forecast.cutoff])).toEqual([
      ['0150', 'ambulant', monthIndex(2023, 5)],
      ['0193', 'ambulant', monthIndex(2023, 5)],
    ]);
    const own = (await readCostTriangle(store, { municipalities: ['0150'] }))[0]!.cells;
    // Five months of history hold no fully invoiced month (lag up to 12): the forecast says the lag is unknown.
    expect(result[0]!.forecast.lagReason).not.toBeNull();
    expect(result[0]!.forecast).toEqual(yearEndForecast(own, 2023, monthIndex(2023, 5), { pattern: cells }));
    store.close();
  });

  it('reads the allocated value per start and care month, an open-ended allocation to the end of the year', async () => {
    const store = await fixtureStore();
    // Ambulant care at € 50 an hour in 2023.
    await addTariff(store, { code: 'AMB', year: 2023, cents: 50_00, unit: '04' });
    // Two hours a month, March–May: € 100 a month.
    const a = await addAllocation(store, {
      client: 'a',
      start: '2023-03-01',
      end: '2023-05-31',
      volume: 2,
      unit: '04',
      frequency: '4',
    });
    // One hour a month from 15 April, open-ended: € 50 for every month touched, to December (the peildatum's year).
    await addAllocation(store, { client: 'b', start: '2023-04-15', volume: 1, unit: '04', frequency: '4' });
    await addInvoice(store, { client: 'a', allocation: a, periodStart: '2023-03-01', periodEnd: '2023-03-31', euros: 80 });
    // Cost on no allocation (PGB-like) has no start month.
    await addInvoice(store, { client: 'c', periodStart: '2023-03-01', periodEnd: '2023-03-31', euros: 20 });
    await derive(store);
    const [group] = await readAllocated(store);
    const [mar, apr] = [monthIndex(2023, 3), monthIndex(2023, 4)];
    expect(group!.allocated).toEqual([
      ...[0, 1, 2].map((i) => ({ start: mar, careMonth: mar + i, cents: 100_00 })),
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ start: apr, careMonth: apr + i, cents: 50_00 })),
    ]);
    expect((await readCostTriangle(store))[0]!.cells).toEqual([
      { careMonth: mar, invoiceMonth: mar, cents: 20_00 },
      { careMonth: mar, invoiceMonth: mar, cents: 80_00, start: mar },
    ]);
    store.close();
  });
});
