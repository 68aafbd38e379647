// The view ⇄ URL: every state survives the round trip, and whatever else a URL carries is ignored, not obeyed.
import { describe, expect, it } from 'vitest';
import type { DataSpan } from './period.ts';
import { filtersOf, periodOf, stateOf, urlOf, type ViewState, withChanges, withHome, withPeriod } from './state.ts';

const span: DataSpan = { from: 2016, to: 2018, lastMonth: '2018-11' };
const base: ViewState = { page: 'overzicht', filters: {}, params: {} };
const fromUrl = (url: string) => {
  const u = new URL(url, 'http://roer.test');
  return stateOf(u.pathname, u.search);
};

describe('state → URL → state', () => {
  const states: ViewState[] = [
    base,
    { ...base, page: 'kosten', from: 2017, to: 2018 },
    { ...base, page: 'kosten', period: { kind: 'quarter', year: 2018, quarter: 2 } },
    { ...base, period: { kind: 'month', year: 2017, month: 12 } },
    { ...base, period: { kind: 'ytd' } },
    {
      page: 'verwijzers',
      filters: { municipality: ['0150', '1708'], provider: ['11111111'], referrer: ['02:01000001'], team: ['0150:Team Noord'] },
      from: 2018,
      to: 2018,
      split: ['referrer_type', 'year'],
      view: 'costs_yoy',
      measure: 'cost_change',
      params: { top: '10', threshold: '100000' },
    },
    { ...base, page: 'kosten', split: [] },
    { ...base, filters: { district: ['Oud-Zuid & Oost (centrum)'], age_band: ['18+'] } },
  ];
  for (const s of states)
    it(urlOf(s), () => {
      const back = fromUrl(urlOf(s));
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(s)));
    });

  it('the overview is the root path', () => {
    expect(urlOf(base)).toBe('/');
    expect(urlOf({ ...base, period: { kind: 'ytd' } })).toBe('/?period=ytd');
  });
});

describe('unknown or hostile URL parameters are ignored', () => {
  it('drops parameters it does not know', () => {
    expect(fromUrl('/?colour=red&__proto__=x&constructor=y')).toEqual(fromUrl('/'));
  });
  it('drops split dimensions that do not exist, and bad names for view and measure', () => {
    const s = fromUrl('/kosten?split=provider,evil,__proto__&view=<img>&measure=a b');
    expect(s.split).toEqual(['provider']);
    expect(s.view).toBeUndefined();
    expect(s.measure).toBeUndefined();
  });
  it('drops filter values with markup or control characters, and parameters with odd names', () => {
    const s = fromUrl('/?provider=11111111,%3Cscript%3E,a%00b&p.top=10&p.Bad-Name=1&p.x=%3Cimg%3E');
    expect(s.filters.provider).toEqual(['11111111']);
    expect(s.params).toEqual({ top: '10' });
  });
  it('keeps years and periods only in their own shapes', () => {
    expect(fromUrl('/?from=20188&to=abc')).toMatchObject({ from: undefined, to: undefined });
    expect(fromUrl('/?period=2018-Q9').period).toBeUndefined();
    // A period wins over years given beside it.
    const both = fromUrl('/?period=2018-Q2&from=2016');
    expect([both.period?.kind, both.from]).toEqual(['quarter', undefined]);
  });
  it('sends an odd path to the overview', () => {
    expect(fromUrl('/%3Cscript%3E').page).toBe('overzicht');
    expect(fromUrl('/kosten/').page).toBe('kosten');
    expect(fromUrl('/weergave/a/b').page).toBe('overzicht');
  });
  it("keeps a saved view's link, so the view it names can be opened", () => {
    expect(fromUrl('/weergave/Ab_9-xYz0123456789abcde').page).toBe('weergave/Ab_9-xYz0123456789abcde');
    expect(fromUrl('/weergave/Ab_9?municipality=0150').page).toBe('weergave/Ab_9');
  });
});

describe('periodOf and filtersOf: one meaning of the period on every page', () => {
  it('unchosen: the overview covers the last year, an analysis every year', () => {
    expect(periodOf(base, span)).toEqual({ kind: 'years', from: 2018, to: 2018 });
    expect(periodOf({ ...base, page: 'kosten' }, span)).toEqual({ kind: 'years', from: 2016, to: 2018 });
  });
  it('chosen: "Van" counts on the overview too', () => {
    expect(periodOf({ ...base, from: 2016 }, span)).toEqual({ kind: 'years', from: 2016, to: 2018 });
    expect(periodOf({ ...base, to: 2017 }, span)).toEqual({ kind: 'years', from: 2017, to: 2017 });
  });
  it('a reversed pair from the URL goes to the API as it is, for its Dutch message', () => {
    expect(filtersOf({ ...base, page: 'kosten', from: 2019, to: 2016 }, span)).toEqual({ from: '2019-01-01', to: '2016-12-31' });
  });
  it('gives the API dates and filters', () => {
    const s = withPeriod({ ...base, filters: { provider: ['1'], care_type: [] } }, { kind: 'ytd' });
    expect(filtersOf(s, span)).toEqual({ from: '2018-01-01', to: '2018-11-30', provider: ['1'] });
    expect(filtersOf({ ...base, page: 'kosten' }, span)).toEqual({ from: '2016-01-01', to: '2018-12-31' });
  });
  it('whole years given later (a drill into a year) replace a quarter', () => {
    const q = withPeriod(base, { kind: 'quarter', year: 2018, quarter: 2 });
    expect(periodOf(withChanges(q, { from: 2017, to: 2017 }), span)).toEqual({ kind: 'years', from: 2017, to: 2017 });
    expect(withChanges(q, { page: 'kosten' }).period).toEqual({ kind: 'quarter', year: 2018, quarter: 2 });
  });
});

describe('withHome: the municipality a user starts on', () => {
  it('a one-municipality user starts on it', () => {
    expect(withHome(base, ['1708']).filters.municipality).toEqual(['1708']);
  });
  it('a regional user, or one with several municipalities, starts on all they may see', () => {
    expect(withHome(base, [])).toBe(base);
    expect(withHome(base, ['0150', '1708'])).toBe(base);
  });
  it('a municipality in the URL stays', () => {
    const s = { ...base, filters: { municipality: ['0150'] } };
    expect(withHome(s, ['1708'])).toBe(s);
  });
});
