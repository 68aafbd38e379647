import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../ingest/pseudonym.ts';
import { BsnSequence } from './bsn.ts';

describe('BsnSequence', () => {
  it('starts at 910000001: 9·9 + 8·1 = 89, and 89 mod 11 = 1 is the check digit', () => {
    expect(new BsnSequence().next()).toBe('910000001');
  });

  it('skips a number whose check digit would be 10 (90000003: 81 + 2·3 = 87, 87 mod 11 = 10)', () => {
    const s = new BsnSequence(0);
    expect([s.next(), s.next(), s.next(), s.next()]).toEqual(['900000004', '900000016', '900000028', '900000041']);
  });

  it('hands out unique numbers that all pass the 11-proof', () => {
    const s = new BsnSequence();
    const seen = new Set(Array.from({ length: 5000 }, () => s.next()));
    expect(seen.size).toBe(5000);
    for (const bsn of seen) expect(isValidBsn(bsn)).toBe(true);
  });
});
