import { describe, expect, it } from 'vitest';
import { baseIndex } from './baseindex.ts';

describe('baseIndex', () => {
  const series = [
    { period: '2017-H1', value: 840 },
    { period: '2017-H2', value: 882 },
    { period: '2018-H1', value: null },
    { period: '2018-H2', value: 756 },
  ];

  it('puts the base period at 100 and keeps a missing figure missing', () => {
    expect(baseIndex(series, '2017-H1')).toEqual([
      { period: '2017-H1', index: 100, reason: null },
      { period: '2017-H2', index: 105, reason: null },
      { period: '2018-H1', index: null, reason: 'het cijfer van 2018-H1 ontbreekt' },
      { period: '2018-H2', index: 90, reason: null },
    ]);
  });

  it('gives no index at all without a usable base figure', () => {
    expect(baseIndex(series, '2018-H1').map((p) => p.reason)).toEqual(
      Array(4).fill('het cijfer van de basisperiode 2018-H1 ontbreekt'),
    );
    expect(baseIndex(series, '2016-H1')[0]).toEqual({
      period: '2017-H1',
      index: null,
      reason: 'de basisperiode 2016-H1 komt niet voor in de reeks',
    });
    expect(baseIndex([{ period: '2020', value: 0 }], '2020')[0]!.reason).toBe(
      'het cijfer van de basisperiode 2020 is 0: geen basis voor een index',
    );
  });
});
