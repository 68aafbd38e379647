// Specification of the sample quantile: interpolated between order statistics.
import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile.ts';

describe('quantileSorted', () => {
  it('interpolates between order statistics', () => {
    const xs = [10, 20, 30, 40, 50];
    expect([0, 0.1, 0.5, 0.9, 1].map((p) => quantileSorted(xs, p))).toEqual([10, 14, 30, 46, 50]);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(() => quantileSorted(xs, 1.5)).toThrow('Kwantiel buiten 0–1');
  });
});
