// Specification of the year-end forecast on small invoice triangles whose answer can be worked out by hand.
import { describe, expect, it } from 'vitest';
import type { AllocatedCell } from './yearend-allocations.ts';
import {
  type CostCell,
  completionShares,
  monthIndex,
  seasonalProfile,
  type YearEndForecast,
  yearEndForecast,
} from './yearend.ts';

/** 2020–2023: each care month costs `cost(month)`, invoiced 60 % one month later and 40 % two months later. */
function world(cost: (monthOfYear: number) => number, years = [2020, 2021, 2022, 2023]): CostCell[] {
  return years.flatMap((y) =>
    Array.from({ length: 12 }, (_, m) => {
      const k = monthIndex(y, m + 1);
      return [
        { careMonth: k, invoiceMonth: k + 1, cents: cost(m) * 0.6 },
        { careMonth: k, invoiceMonth: k + 2, cents: cost(m) * 0.4 },
      ];
    }).flat(),
  );
}
const OPTIONS = { maxLag: 3, lagWindow: 6 };
const JUNE_2023 = monthIndex(2023, 6);

describe('year-end forecast', () => {
  it('learns the invoice lag: 0 % in the care month, 60 % a month later, all after two', () => {
    expect(
      completionShares(
        world(() => 1_000),
        JUNE_2023,
        OPTIONS,
      ),
    ).toEqual([0, 0.6, 1, 1]);
  });

  it('at the end of June: € 4,600 invoiced + € 1,400 not yet (May 40 %, June all) + six months to come', () => {
    const f = yearEndForecast(
      world(() => 1_000),
      2023,
      JUNE_2023,
      OPTIONS,
    );
    expect(f).toEqual({
      year: 2023,
      cutoff: JUNE_2023,
      invoicedCents: 4_600,
      notYetInvoicedCents: 1_400,
      // Without allocations everything to come counts as running, at the recent level; no inflow apart.
      runningCents: 6_000,
      inflowCents: 0,
      centralCents: 12_000,
      utilisation: null,
      // The same forecast in June 2020, 2021 and 2022 was exact: the interval closes on the central value.
      low80Cents: 12_000,
      high80Cents: 12_000,
      intervalReason: null,
      lagReason: null,
    });
  });

  it('follows the seasonal profile of earlier years: a December twice as dear is expected again', () => {
    const cost = (m: number) => (m === 11 ? 2_000 : 1_000);
    const profile = seasonalProfile(world(cost), JUNE_2023, OPTIONS);
    expect(profile[11]! / profile[0]!).toBeCloseTo(2, 12);
    const f = yearEndForecast(world(cost), 2023, JUNE_2023, OPTIONS);
    expect([f.invoicedCents, f.notYetInvoicedCents, f.runningCents, f.inflowCents, f.centralCents]).toEqual([
      4_600, 1_400, 7_000, 0, 13_000,
    ]);
  });

  it('grows last year’s level into the new year by last year’s growth (tariffs step at the new year)', () => {
    // Each year 10 % dearer than the last, flat within the year: in January 2023 only December 2022 is credibly invoiced.
    const growing = [2019, 2020, 2021, 2022, 2023].flatMap((y) => world(() => 1_000 * 1.1 ** (y - 2019), [y]));
    const jan = monthIndex(2023, 1);
    // 2023 costs 1,000 × 1.1⁴ = 1,464.1 a month: 17,569.2 in all.
    expect(yearEndForecast(growing, 2023, jan, OPTIONS).centralCents).toBe(17_569);
    // Without the trend, January expects 2022's level again (12 × 1,331).
    expect(yearEndForecast(growing, 2023, jan, { ...OPTIONS, trend: false }).centralCents).toBe(15_972);
  });

  it('widens the interval by the errors of earlier years, and gives none with fewer than three', () => {
    // The second half of each year jumps by its own factor, which no June forecast can see coming.
    const jump: Record<number, number> = { 2019: 1, 2020: 1.2, 2021: 0.9, 2022: 1.1, 2023: 1 };
    const jumpy = [2019, 2020, 2021, 2022, 2023].flatMap((y) => world((m) => (m < 6 ? 1_000 : 1_000 * jump[y]!), [y]));
    const f = yearEndForecast(jumpy, 2023, JUNE_2023, OPTIONS);
    expect(f.low80Cents!).toBeLessThan(f.centralCents);
    expect(f.high80Cents!).toBeGreaterThan(f.centralCents);
    const short = yearEndForecast(
      world(() => 1_000, [2022, 2023]),
      2023,
      JUNE_2023,
      OPTIONS,
    );
    expect(short.centralCents).toBe(12_000);
    expect([short.low80Cents, short.high80Cents]).toEqual([null, null]);
    expect(short.intervalReason).toBe('Te weinig eerdere jaren om de onzekerheid te schatten (1; er zijn er minstens 3 nodig).');
    // Without one fully invoiced month before the cut-off the lag is unknown, and the forecast says so.
    const fresh = yearEndForecast(
      world(() => 1_000, [2023]),
      2023,
      monthIndex(2023, 2),
      OPTIONS,
    );
    expect(fresh.lagReason).toBe(
      'Geen volledig gedeclareerde maanden om de declaratievertraging van te leren: nog niet gedeclareerde zorg is niet geschat.',
    );
  });

  it('adds nothing once the year is fully invoiced', () => {
    const f = yearEndForecast(
      world(() => 1_000),
      2022,
      monthIndex(2023, 6),
      OPTIONS,
    );
    expect([f.invoicedCents, f.notYetInvoicedCents, f.runningCents, f.inflowCents]).toEqual([12_000, 0, 0, 0]);
  });
});

/** An allocation of `allocated` cents a month from `start` to `end` (absolute months), costing `cost(month)` a month,
 * invoiced in the month of care itself (so the lag adds nothing and every figure can be checked by hand). */
interface Alloc {
  start: number;
  end: number;
  allocated: number;
  cost: (month: number) => number;
}
function allocations(list: Alloc[]): { cells: CostCell[]; allocated: AllocatedCell[] } {
  const cells: CostCell[] = [];
  const allocated: AllocatedCell[] = [];
  for (const a of list)
    for (let k = a.start; k <= a.end; k++) {
      cells.push({ careMonth: k, invoiceMonth: k, cents: a.cost(k), start: a.start });
      allocated.push({ start: a.start, careMonth: k, cents: a.allocated });
    }
  return { cells, allocated };
}
/** Each year 2020–2023: A all year (€ 1,000 allocated, € 500 a month), B from July (€ 1,000 allocated, € 300 a month),
 * D from October (€ 1,000 allocated, € 100 a month); `overrides` replaces a year's A. */
function yearly(overrides: Record<number, Partial<Alloc>> = {}): Alloc[] {
  return [2020, 2021, 2022, 2023].flatMap((y) => [
    { start: monthIndex(y, 1), end: monthIndex(y, 12), allocated: 1_000, cost: () => 500, ...overrides[y] },
    { start: monthIndex(y, 7), end: monthIndex(y, 12), allocated: 1_000, cost: () => 300 },
    { start: monthIndex(y, 10), end: monthIndex(y, 12), allocated: 1_000, cost: () => 100 },
  ]);
}
const ALLOCATIONS = { maxLag: 3, lagWindow: 6, trend: false, model: 'allocations' } as const;
const parts = (f: YearEndForecast) => [f.invoicedCents, f.notYetInvoicedCents, f.runningCents, f.inflowCents, f.centralCents];

describe('year-end forecast from allocations', () => {
  it('is invoiced + not yet invoiced + running allocations × utilisation + new inflow, to the cent', () => {
    const { cells, allocated } = allocations(yearly());
    const f = yearEndForecast(cells, 2023, JUNE_2023, { ...ALLOCATIONS, allocated });
    // January–June: € 500 a month invoiced. Running: A's July–December, € 6,000 allocated × 0.5 = € 3,000. Inflow: B
    // and D cost € 1,800 + € 300 after June 2021 and 2022 (2020 has no year of data before it to tell new from old).
    expect(parts(f)).toEqual([3_000, 0, 3_000, 2_100, 8_100]);
    expect(f.utilisation).toBe(0.5);
    expect(f.centralCents).toBe(f.invoicedCents + f.notYetInvoicedCents + f.runningCents + f.inflowCents);
  });

  it('learns utilisation on the allocations running at the same month of earlier years, to their year-end', () => {
    // A used 40 % of its allocation after June 2021 and 60 % after June 2022: 0.5 over both. B and D, which start
    // after June, do not count, nor does January–June.
    const { cells, allocated } = allocations(
      yearly({
        2021: { cost: (k) => (k % 12 < 6 ? 900 : 400) },
        2022: { cost: (k) => (k % 12 < 6 ? 100 : 600) },
      }),
    );
    const f = yearEndForecast(cells, 2023, JUNE_2023, { ...ALLOCATIONS, allocated });
    expect(f.utilisation).toBe(0.5);
    expect(f.runningCents).toBe(3_000);
  });

  it('counts an allocation ending mid-year only in its own months', () => {
    // This year's A ends in September: July–September, € 3,000 allocated × 0.5.
    const { cells, allocated } = allocations(yearly({ 2023: { end: monthIndex(2023, 9) } }));
    const f = yearEndForecast(cells, 2023, JUNE_2023, { ...ALLOCATIONS, allocated });
    expect(f.runningCents).toBe(1_500);
  });

  it('expects new inflow by the month of the year, as earlier years had it', () => {
    const { cells, allocated } = allocations(yearly());
    const at = (month: number) => yearEndForecast(cells, 2023, monthIndex(2023, month), { ...ALLOCATIONS, allocated });
    // After June B and D are still to start (€ 1,800 + € 300), after September only D (€ 300), after December nothing.
    expect([6, 9, 12].map((m) => at(m).inflowCents)).toEqual([2_100, 300, 0]);
    // After September B runs: A and B, October–December, € 6,000 allocated × utilisation 0.4 (€ 1,200 + € 900 of € 6,000
    // after September 2021 and 2022), plus D's € 300 as inflow; invoiced: nine months of A and three of B.
    expect(parts(at(9))).toEqual([5_400, 0, 2_400, 300, 8_100]);
  });

  it('keeps the level model’s central value on request, divided in the allocation model’s proportion', () => {
    // This year's A costs € 550 (10 % more): the level model expects July–December at 10 % more (€ 5,280) where the
    // allocation model, at last year's utilisation, expects € 3,000 running and € 2,100 inflow.
    const { cells, allocated } = allocations(yearly({ 2023: { cost: () => 550 } }));
    const f = yearEndForecast(cells, 2023, JUNE_2023, { ...ALLOCATIONS, allocated, model: 'level' });
    const level = yearEndForecast(cells, 2023, JUNE_2023, { maxLag: 3, lagWindow: 6, trend: false });
    expect(f.centralCents).toBe(level.centralCents);
    // € 5,280.02 … to come, 3,000 : 2,100 → running rounded, inflow the rest.
    expect(f.runningCents + f.inflowCents).toBe(level.runningCents);
    expect(f.runningCents).toBe(Math.round((level.runningCents * 3_000) / 5_100));
    expect(f.centralCents).toBe(f.invoicedCents + f.notYetInvoicedCents + f.runningCents + f.inflowCents);
  });
});
