// Specification of the year-end forecast's sentence, from forecast totals in cents.
import { describe, expect, it } from 'vitest';
import type { YearEndRow } from '../../forecast/yearend-view.ts';
import { yearEndSentence } from './forecast-yearend.ts';

const row = (central: number, low: number | null, high: number | null, budget: number | null): YearEndRow => ({
  key: null,
  invoicedCents: 0,
  notYetInvoicedCents: 0,
  runningCents: central,
  inflowCents: 0,
  utilisation: null,
  centralCents: central,
  low80Cents: low,
  high80Cents: high,
  budgetCents: budget,
  overspendCents: budget === null ? null : central - budget,
  intervalReason: null,
  lagReason: null,
});
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('year-end sentence', () => {
  it('names the central value, the 80 % interval and the overspend in millions with one decimal', () => {
    expect(plain(yearEndSentence(2024, row(11_912_345_00, 11_634_000_00, 12_281_000_00, 11_500_000_00)))).toBe(
      'Naar verwachting komen de kosten over 2024 uit op € 11,9 mln (80 %-interval € 11,6–12,3 mln), € 0,4 mln boven de jaarkosten (begroting + burap − taakstelling).',
    );
  });

  it('says "onder" for an underspend, and "gelijk" when the difference rounds away', () => {
    expect(plain(yearEndSentence(2024, row(9_000_000_00, 8_800_000_00, 9_300_000_00, 9_750_000_00)))).toBe(
      'Naar verwachting komen de kosten over 2024 uit op € 9,0 mln (80 %-interval € 8,8–9,3 mln), € 0,8 mln onder de jaarkosten (begroting + burap − taakstelling).',
    );
    expect(plain(yearEndSentence(2024, row(9_000_000_00, null, null, 9_020_000_00)))).toBe(
      'Naar verwachting komen de kosten over 2024 uit op € 9,0 mln, gelijk aan de jaarkosten (begroting + burap − taakstelling).',
    );
  });

  it('writes small amounts in euros and leaves out a missing budget', () => {
    expect(plain(yearEndSentence(2029, row(1_800_00, 1_800_00, 1_928_57, null)))).toBe(
      'Naar verwachting komen de kosten over 2029 uit op € 1.800 (80 %-interval € 1.800–€ 1.929).',
    );
  });
});
