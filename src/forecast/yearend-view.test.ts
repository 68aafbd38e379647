// The year-end view reads the region once per data state and sums the chosen municipalities' cells per care type: its
// figures must be those of forecasting each row from the store's cells directly, to the cent.
import { describe, expect, it } from 'vitest';
import { addAllocation, addTariff, derive, fixtureStore, insertRows, invoiceRow } from '../metrics/fixtures.ts';
import type { Store } from '../store/index.ts';
import { errorPool, readAllocated, readCostTriangle, regionLearning } from './yearend-store.ts';
import { yearEndView } from './yearend-view.ts';
import { monthIndex, yearEndForecast } from './yearend.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const label = (k: number) => `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;

/** 2019 – May 2023, three municipalities, ambulant on an allocation with an amount and verblijf without: uneven monthly
 * amounts (in cents, some odd), part invoiced the next month and the rest two months later. */
async function region(): Promise<Store> {
  const store = await fixtureStore();
  for (const year of [2019, 2020, 2021, 2022, 2023]) await addTariff(store, { code: 'AMB', year, cents: 50_00, unit: '04' });
  const rows = [];
  for (const [i, municipality] of ['0150', '0193', '1708'].entries()) {
    const allocation = await addAllocation(store, {
      client: `a${municipality}`,
      municipality,
      start: '2019-01-01',
      // Ambulant on a team of its municipality, verblijf without one: per team the rows are not the care types.
      team: `t${municipality}`,
      volume: 3 + i,
      unit: '04',
      frequency: '4',
    });
    for (let k = monthIndex(2019, 1); k <= monthIndex(2023, 5); k++) {
      const period = { periodStart: `${label(k)}-01`, periodEnd: `${label(k)}-28` };
      const cents = 10_000 + ((k * 37 + i * 101) % 4_999);
      for (const [lag, part] of [
        [1, Math.round(cents * 0.7)],
        [2, cents - Math.round(cents * 0.7)],
      ] as const) {
        const invoiceDate = `${label(k + lag)}-05`;
        rows.push(invoiceRow({ client: `a${municipality}`, allocation, municipality, cents: part, invoiceDate, ...period }));
        rows.push(
          invoiceRow({ client: `v${municipality}`, product: 'VBL', municipality, cents: part * (2 + i), invoiceDate, ...period }),
        );
      }
    }
  }
  await insertRows(store, 'invoice_line', rows);
  await derive(store);
  return store;
}

/** The rows as they were computed before the view read the region once: every row from the store's cells directly. */
async function direct(store: Store, municipalities: string[], year: number, cutoff: number) {
  const groups = await readCostTriangle(store);
  const allocated = await readAllocated(store);
  const learned = regionLearning(groups, allocated, 'care_type');
  const pool = errorPool(groups, year, cutoff, learned.pattern);
  const totalPool = errorPool(groups, year, cutoff, learned.pattern, true);
  const chosen = groups.filter((g) => municipalities.includes(g.municipality));
  const alloc = allocated.filter((a) => municipalities.includes(a.municipality));
  const forecast = (key: string | null) => {
    const f = yearEndForecast(
      chosen.filter((g) => key === null || g.split === key).flatMap((g) => g.cells),
      year,
      cutoff,
      {
        pattern: learned.pattern,
        allocated: alloc.filter((a) => key === null || a.split === key).flatMap((a) => a.allocated),
        utilisationFrom: learned.utilisationFrom(key),
        pool: key === null ? totalPool : pool,
      },
    );
    const { year: _y, cutoff: _c, ...figures } = f;
    return { key, ...figures };
  };
  return { rows: ['ambulant', 'verblijf'].map(forecast), total: forecast(null) };
}

describe('year-end view', () => {
  it('gives every row and the total exactly as forecasting them from the store’s cells directly', async () => {
    const store = await region();
    const cutoff = monthIndex(2023, 5);
    for (const municipalities of [['0150'], ['0193', '1708']]) {
      const view = (await yearEndView(store, { municipalities, per: 'care_type', year: 2023, cutoff }))!;
      const expected = await direct(store, municipalities, 2023, cutoff);
      const figures = ({ budgetCents: _b, overspendCents: _o, ...rest }: (typeof view.rows)[number]) => rest;
      expect(view.rows.map(figures)).toEqual(expected.rows);
      expect(figures(view.total)).toEqual(expected.total);
      // The pool has earlier years to read a band from; the allocation split is learned.
      expect(view.total.low80Cents).not.toBeNull();
      expect(view.rows[0]!.utilisation).not.toBeNull();
    }
    store.close();
  });

  it('gives the total the same band per care type and per team: read from the municipalities’ and region’s errors', async () => {
    const store = await region();
    const cutoff = monthIndex(2023, 5);
    for (const municipalities of [['0150'], ['0193', '1708']]) {
      const byCare = (await yearEndView(store, { municipalities, per: 'care_type', year: 2023, cutoff }))!;
      const byTeam = (await yearEndView(store, { municipalities, per: 'team', year: 2023, cutoff }))!;
      expect(byTeam.rows.map((r) => r.key)).toEqual(['', ...municipalities.map((m) => `t${m}`)]);
      expect(byCare.total.centralCents).toBe(byTeam.total.centralCents);
      expect([byTeam.total.low80Cents, byTeam.total.high80Cents]).toEqual([byCare.total.low80Cents, byCare.total.high80Cents]);
      expect(byCare.total.low80Cents).not.toBeNull();
    }
    store.close();
  });

  it('reads the store again once its derived tables are rebuilt', async () => {
    const store = await region();
    const q = { municipalities: ['0150'], per: 'care_type', year: 2023, cutoff: monthIndex(2023, 5) } as const;
    const before = (await yearEndView(store, q))!.total.invoicedCents;
    await insertRows(store, 'invoice_line', [
      invoiceRow({
        client: 'x',
        municipality: '0150',
        product: 'VBL',
        cents: 123_45,
        periodStart: '2023-02-01',
        invoiceDate: '2023-03-05',
      }),
    ]);
    // Not yet derived: the answer is the one for the tables as they are.
    expect((await yearEndView(store, q))!.total.invoicedCents).toBe(before);
    await derive(store);
    expect((await yearEndView(store, q))!.total.invoicedCents).toBe(before + 123_45);
    store.close();
  });
});
