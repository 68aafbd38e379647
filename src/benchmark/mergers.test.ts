import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { municipalityList } from '../reference.ts';
import { readCsv } from './cbs/csv.ts';
import { readMergers, sumOntoToday, todayCode, type Merger } from './mergers.ts';

describe('mergers', () => {
  const mergers = readMergers();

  it('the merger list fits the municipality list: every new code exists today, no old code does', () => {
    const today = new Set(readCsv(readFileSync(municipalityList(), 'utf8')).rows.map((r) => r.cells[0]));
    expect(mergers.length).toBeGreaterThan(0);
    for (const m of mergers) {
      expect(today.has(m.into), m.into).toBe(true);
      expect(today.has(m.from), m.from).toBe(false);
    }
    expect(todayCode('0010', mergers)).toBe('1979');
    expect(todayCode('0150', mergers)).toBe('0150');
  });

  it('sums Appingedam, Delfzijl and Loppersum onto Eemsdelta before 2021, and keeps Eemsdelta after', () => {
    const points = [
      { municipality: '0003', period: '2019', value: 310, missing: null },
      { municipality: '0010', period: '2019', value: 720, missing: null },
      { municipality: '0024', period: '2019', value: 170, missing: null },
      { municipality: '0003', period: '2020', value: 320, missing: null },
      { municipality: '0010', period: '2020', value: null, missing: 'geheim' },
      { municipality: '0024', period: '2020', value: 160, missing: null },
      { municipality: '1979', period: '2021', value: 1230, missing: null },
      { municipality: '0150', period: '2019', value: 2165, missing: null },
    ] as const;
    expect(sumOntoToday(points, mergers)).toEqual([
      { municipality: '0150', period: '2019', value: 2165, missing: null },
      { municipality: '1979', period: '2019', value: 1200, missing: null },
      // Delfzijl's 2020 figure is secret: the sum is missing, not 480.
      { municipality: '1979', period: '2020', value: null, missing: 'deel ontbreekt' },
      { municipality: '1979', period: '2021', value: 1230, missing: null },
    ]);
  });

  it("does not add the old parts when today's municipality already has a figure for that period", () => {
    const points = [
      { municipality: '0003', period: '2019', value: 310, missing: null },
      { municipality: '1979', period: '2019', value: 1200, missing: null },
    ];
    expect(sumOntoToday(points, mergers)).toEqual([{ municipality: '1979', period: '2019', value: 1200, missing: null }]);
  });

  it('follows a merged municipality that merges again', () => {
    const chain: Merger[] = [
      { year: 2001, into: 'B', from: 'A' },
      { year: 2011, into: 'C', from: 'B' },
    ];
    expect(todayCode('A', chain)).toBe('C');
    expect(() => todayCode('A', [...chain, { year: 2020, into: 'A', from: 'C' }])).toThrow('vormen een kring');
  });
});
