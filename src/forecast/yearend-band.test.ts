// Specification of the year-end forecast's 80 % interval, on pools of errors small enough to work out by hand.
import { describe, expect, it } from 'vitest';
import { band80, type PastError } from './yearend-band.ts';

/** An error of a forecast that was `ratio` times the outcome. */
const err = (year: number, ratio: number, sizeCents: number): PastError => ({ year, logRatio: Math.log(ratio), sizeCents });

describe('80 % interval from pooled errors', () => {
  it('reads P10 and P90 of ln(forecast ÷ outcome) and divides the central value by them', () => {
    // Sorted ln 0.8, 0, ln 1.25: P10 = 0.8 · ln 0.8 (a fifth of the way from ln 0.8 to 0), P90 = 0.8 · ln 1.25.
    // Low = 12,000 ÷ 1.25^0.8 = 12,000 × 0.8^0.8 = 10,038.1; high = 12,000 × 1.25^0.8 = 14,345.3.
    const pool = [err(2020, 1.25, 12_000), err(2021, 0.8, 12_000), err(2022, 1, 12_000)];
    expect(band80(12_000, pool)).toEqual({ low: 10_038, high: 14_345, reason: null });
  });

  it('takes the errors of the groups nearest in size (on a log scale), so a small group gets a small group’s errors', () => {
    const pool = [
      err(2020, 1.25, 12_000), // ln 1.2 away
      err(2021, 0.8, 10_000), // ln 1.2 away
      err(2022, 1, 14_400), // ln 1.44 away
      err(2020, 2, 1_000), // a tenth: far away
      err(2021, 0.5, 144_000), // twelve times: far away
    ];
    expect(band80(12_000, pool, { nearest: 3 })).toEqual({ low: 10_038, high: 14_345, reason: null });
    // With all five the extreme errors of the far groups widen the band: P10 = ln 0.5 + 0.4 · (ln 0.8 − ln 0.5) =
    // ln(0.5 · 1.6^0.4), P90 = ln 1.25 + 0.6 · (ln 2 − ln 1.25) = ln(1.25 · 1.6^0.6).
    expect(band80(12_000, pool, { nearest: 5 })).toEqual({
      low: Math.round(12_000 / (1.25 * 1.6 ** 0.6)),
      high: Math.round(12_000 / (0.5 * 1.6 ** 0.4)),
      reason: null,
    });
    expect([Math.round(12_000 / (1.25 * 1.6 ** 0.6)), Math.round(12_000 / (0.5 * 1.6 ** 0.4))]).toEqual([7_241, 19_887]);
  });

  it('lies wholly below the central value when every earlier forecast was too high, not closed at it', () => {
    // ln 1,1; ln 1,2; ln 1,3 → P10 = ln 1,1 + 0,2 × (ln 1,2 − ln 1,1), P90 = ln 1,2 + 0,8 × (ln 1,3 − ln 1,2).
    const pool = [err(2020, 1.1, 100_000), err(2021, 1.2, 100_000), err(2022, 1.3, 100_000)];
    const p10 = Math.log(1.1) + 0.2 * (Math.log(1.2) - Math.log(1.1));
    const p90 = Math.log(1.2) + 0.8 * (Math.log(1.3) - Math.log(1.2));
    const band = band80(100_000, pool);
    expect(band).toEqual({ low: Math.round(100_000 * Math.exp(-p90)), high: Math.round(100_000 * Math.exp(-p10)), reason: null });
    expect([band.low, band.high]).toEqual([78_164, 89_341]);
  });

  it('gives no interval when the pool covers fewer than three earlier years, and says so', () => {
    const pool = [err(2021, 1.1, 100), err(2022, 0.9, 100), err(2022, 1, 200)];
    expect(band80(100, pool)).toEqual({
      low: null,
      high: null,
      reason: 'Te weinig eerdere jaren om de onzekerheid te schatten (2; er zijn er minstens 3 nodig).',
    });
  });

  it('gives no interval around a forecast of nothing (a care type with a budget but no cost)', () => {
    const pool = [err(2020, 1.25, 12_000), err(2021, 0.8, 12_000), err(2022, 1, 12_000)];
    expect(band80(0, pool)).toEqual({ low: null, high: null, reason: 'Geen verwachte kosten, dus geen interval.' });
  });

  it('holds 81 of 101 outcomes of its own pool (P10 to P90, both ends included)', () => {
    // ln ratios −0.50, −0.49, …, +0.50 of groups as large as this one: P10 = −0.40 and P90 = +0.40 exactly.
    const ratios = Array.from({ length: 101 }, (_, i) => (i - 50) / 100);
    const pool = ratios.map((r, i) => ({ year: 2000 + (i % 5), logRatio: r, sizeCents: 1_000_000 }));
    const band = band80(1_000_000, pool, { nearest: 101 });
    const outcomes = ratios.map((r) => 1_000_000 * Math.exp(-r));
    expect(outcomes.filter((o) => o >= band.low! - 0.5 && o <= band.high! + 0.5).length).toBe(81);
  });
});
