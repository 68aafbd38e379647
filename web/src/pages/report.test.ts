// The report page's prefill from the filters the user came with, and the API address it opens.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import type { ViewState } from '../state.ts';
import { choiceOf, reportUrl } from './report.ts';

/** Data from 2016 up to and including May 2018. */
const ctx = {
  metrics: [],
  dims: {},
  years: [2016, 2017, 2018],
  span: { from: 2016, to: 2018, lastMonth: '2018-05' },
  home: [],
} as AppContext;
const state = (change: Partial<ViewState>): ViewState => ({ page: 'kosten', filters: {}, params: {}, ...change });

describe('choiceOf', () => {
  it('takes the one chosen municipality, the last year of the period and the year before', () => {
    expect(choiceOf(state({ filters: { municipality: ['1708'] }, from: 2016, to: 2017 }), ctx)).toEqual({
      municipality: '1708',
      year: 2017,
      compare: 2016,
      through: '',
    });
  });

  it('takes the region when none or several municipalities are chosen', () => {
    expect(choiceOf(state({ filters: { municipality: ['0150', '1708'] } }), ctx).municipality).toBe('');
    expect(choiceOf(state({}), ctx)).toMatchObject({ municipality: '', year: 2018, compare: 2017 });
  });

  it("takes a quarter's or month's year, and year-to-date's last year", () => {
    expect(choiceOf(state({ period: { kind: 'quarter', year: 2017, quarter: 2 } }), ctx).year).toBe(2017);
    expect(choiceOf(state({ period: { kind: 'month', year: 2016, month: 3 } }), ctx).year).toBe(2016);
    expect(choiceOf(state({ period: { kind: 'ytd' } }), ctx).year).toBe(2018);
  });
});

describe('reportUrl', () => {
  it('names the API parameters, leaving out the region and an empty end date', () => {
    const c = { municipality: '', year: 2018, compare: 2017, through: '' };
    expect(reportUrl(c, 'html')).toBe('/api/report?jaar=2018&vergelijk=2017');
    expect(reportUrl({ ...c, municipality: '1708', through: '2018-06-30' }, 'pdf')).toBe(
      '/api/report?gemeente=1708&jaar=2018&vergelijk=2017&tot=2018-06-30&formaat=pdf',
    );
  });
});
