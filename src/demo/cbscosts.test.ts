// The demo's own cost per municipality and year, which the fictitious CBS cost table follows: accepted invoice lines
// (credit lines negative, rejected ones left out) plus PGB, in the year the care period starts.
import { describe, expect, it } from 'vitest';
import { addOwnCosts, type OwnCosts } from './cbscosts.ts';
import { day } from './dates.ts';
import type { InvoiceLine, PgbLine } from './model.ts';

const line = (start: number, amountCents: number, rejected: string | null = null) =>
  ({ periodStart: start, amountCents, rejected }) as InvoiceLine;
const pgb = (start: number, amountCents: number) => ({ periodStart: start, amountCents }) as PgbLine;

describe('addOwnCosts', () => {
  it('sums accepted lines and PGB per year of the care period', () => {
    const costs: OwnCosts = new Map();
    addOwnCosts(
      costs,
      '1708',
      [
        line(day(2020, 12, 1), 100_00),
        line(day(2021, 1, 1), 250_00),
        // Rejected in JW325: not a cost.
        line(day(2021, 2, 1), 999_00, '8001'),
        // A credit line counts negative, in the year of its care.
        line(day(2020, 12, 1), -30_00),
        line(day(2021, 3, 1), 50_00),
      ],
      [pgb(day(2020, 6, 1), 1_000_00)],
    );
    // A second batch for the same municipality adds up.
    addOwnCosts(costs, '1708', [line(day(2021, 12, 31), 1_00)], []);
    expect([...costs].sort()).toEqual([
      // € 100 − € 30 + € 1,000 PGB; € 250 + € 50 + € 1.
      ['1708|2020', 1_070_00],
      ['1708|2021', 301_00],
    ]);
  });
});
