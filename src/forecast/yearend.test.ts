// Specification of the year-end forecast on small invoice triangles whose answer can be worked out by hand.
import { describe, expect, it } from 'vitest';
import { type CostCell, completionShares, monthIndex, seasonalProfile, yearEndForecast } from './yearend.ts';

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
      remainingCents: 6_000,
      centralCents: 12_000,
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
    expect([f.invoicedCents, f.notYetInvoicedCents, f.remainingCents, f.centralCents]).toEqual([4_600, 1_400, 7_000, 13_000]);
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
    expect([f.invoicedCents, f.notYetInvoicedCents, f.remainingCents]).toEqual([12_000, 0, 0]);
  });
});
