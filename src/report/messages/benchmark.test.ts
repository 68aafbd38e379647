// The benchmark's key message: said only for a clear gap to the region, on the report year's last half-year with both
// shares, the gap relative to the region's share.
import { describe, expect, it } from 'vitest';
import type { BenchmarkSeries } from '../../benchmark/series.ts';
import { regionGap } from './benchmark.ts';

const series = (own: (number | null)[], region: (number | null)[]): BenchmarkSeries => {
  const periods = ['2020-H1', '2020-H2', '2021-H1'];
  const line = (who: 'gemeente' | 'regio', label: string, values: (number | null)[]) => ({
    who,
    label,
    points: periods.map((period, i) => ({
      period,
      value: values[i] ?? null,
      percent: values[i] ?? null,
      index: null,
      reason: null,
    })),
  });
  return {
    measure: 'zonder-verblijf',
    label: 'Jongeren met jeugdhulp zonder verblijf (% van 0–17 jaar)',
    unit: 'pct',
    base: '2020-H1',
    lines: [line('gemeente', 'Steenwijkerland', own), line('regio', 'jeugdzorgregio IJsselland', region)],
    leftOut: [],
  };
};

describe('regionGap', () => {
  it('says how far the share lies above the region, relative to the region, on the last half-year of the year', () => {
    // H2 2020: 11.2 against 10.0 is 12 % above; 2021 is not the report year.
    const m = regionGap(series([9.0, 11.2, 20], [10.0, 10.0, 10]), 2020, 'B7');
    expect(m?.message).toEqual({
      rule: 'benchmark-region',
      text:
        'Het aandeel jongeren met jeugdhulp zonder verblijf is 12,0 % hoger dan in de regio: 11,2 % tegen 10,0 % in ' +
        'jeugdzorgregio IJsselland (H2 2020), 1,2 procentpunt verschil.',
      sources: ['B7'],
    });
  });

  it('says below, and falls back to the last half-year with both shares', () => {
    const m = regionGap(series([9.0, 9.9, null], [10.0, null, null]), 2020, 'B1');
    expect(m?.message.text).toBe(
      'Het aandeel jongeren met jeugdhulp zonder verblijf is 10,0 % lager dan in de regio: 9,0 % tegen 10,0 % in ' +
        'jeugdzorgregio IJsselland (H1 2020), 1,0 procentpunt verschil.',
    );
  });

  it('stays silent on a gap under 5 % or without figures', () => {
    expect(regionGap(series([10.4, 10.49, null], [10.0, 10.0, null]), 2020, 'B1')).toBeNull();
    expect(regionGap(series([null, null, null], [10.0, 10.0, 10.0]), 2020, 'B1')).toBeNull();
  });
});
