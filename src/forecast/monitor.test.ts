// Specification of the monitoring windows: equally long before and after a measure's start.
import { describe, expect, it } from 'vitest';
import { monitorWindows, monthEnd } from './monitor.ts';

describe('monitor windows', () => {
  it('sets the stretch from the start through the last day beside an equally long stretch before it', () => {
    expect(monitorWindows('2018-01-01', '2018-12-31')).toEqual({
      before: { from: '2017-01-01', to: '2017-12-31' },
      after: { from: '2018-01-01', to: '2018-12-31' },
      days: 365,
    });
    expect(monitorWindows('2020-03-01', '2020-03-10')).toEqual({
      before: { from: '2020-02-20', to: '2020-02-29' },
      after: { from: '2020-03-01', to: '2020-03-10' },
      days: 10,
    });
  });

  it('has nothing to show before the start', () => {
    expect(monitorWindows('2021-01-01', '2020-12-31')).toBeNull();
  });

  it('ends a month on its last day', () => {
    expect([monthEnd('2020-02'), monthEnd('2018-12')]).toEqual(['2020-02-29', '2018-12-31']);
  });
});
