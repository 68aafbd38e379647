// The question parser: query strings and JSON bodies become typed MetricRequests, or a Dutch 400 naming the parameter.
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.ts';
import { costFixture } from './fixture.ts';
import { fromBody, fromQuery, parseMetricRequest } from './request.ts';

const parse = (qs: string) => parseMetricRequest(costFixture, fromQuery(new URLSearchParams(qs)));
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, message: e.message, param: e.param };
    throw e;
  }
  throw new Error('expected an ApiError');
};

describe('parsing a query string', () => {
  it('reads lists, period, basis, split and metric parameters', () => {
    expect(
      parse(
        'municipality=0150,1708&care_type=verblijf&from=2018-01-01&to=2018-12-31&basis=invoice&split=year,municipality&p.minimum=100',
      ),
    ).toEqual({
      filters: {
        municipality: ['0150', '1708'],
        care_type: ['verblijf'],
        from: '2018-01-01',
        to: '2018-12-31',
        basis: 'invoice',
      },
      split: ['year', 'municipality'],
      params: { minimum: 100 },
    });
  });

  it('asks nothing when the query is empty, or its values are', () => {
    expect(parse('')).toEqual({ filters: {}, split: [] });
    expect(parse('municipality=&from=&split=&p.minimum=')).toEqual({ filters: {}, split: [] });
  });

  it('normalises municipality codes, financing and repeated keys', () => {
    expect(parse('municipality=GM150&municipality=1708&financing=pgb,zin').filters).toEqual({
      municipality: ['0150', '1708'],
      financing: ['PGB', 'ZIN'],
    });
  });

  it('reads a decimal comma in a number parameter', () => {
    expect(parse('p.minimum=2,5').params).toEqual({ minimum: 2.5 });
  });

  it.each([
    ['gemeentee=0150', 'gemeentee', "Onbekende filter 'gemeentee'"],
    ['from=2018-13-01', 'from', "'from' is geen geldige datum (jjjj-mm-dd)"],
    ['to=2018-02-29', 'to', "'to' is geen geldige datum (jjjj-mm-dd)"],
    ['from=2019-01-01&to=2018-12-31', 'to', "'to' (2018-12-31) ligt vóór 'from' (2019-01-01)"],
    ['basis=betaling', 'basis', "'basis' moet 'care' (zorgperiode) of 'invoice' (declaratiedatum) zijn"],
    ['municipality=Deventer', 'municipality', "'Deventer' is geen gemeentecode (vier cijfers, bijv. 0150)"],
    ['municipality=0150,', 'municipality', "'municipality' bevat een lege waarde"],
    ['split=provider', 'split', "'fixture_cost' kan niet worden uitgesplitst naar 'provider' (mogelijk: year, municipality)"],
    ['split=jaar', 'split', "'fixture_cost' kan niet worden uitgesplitst naar 'jaar' (mogelijk: year, municipality)"],
    ['p.drempel=5', 'p.drempel', "Onbekende parameter 'p.drempel' voor 'fixture_cost' (mogelijk: p.minimum)"],
    ['p.minimum=veel', 'p.minimum', "'p.minimum' moet een getal zijn"],
    ['gemeentee=', 'gemeentee', "Onbekende filter 'gemeentee'"],
    ['p.drempel=', 'p.drempel', "Onbekende parameter 'p.drempel' voor 'fixture_cost' (mogelijk: p.minimum)"],
  ])('refuses %s', (qs, param, message) => {
    const e = failure(() => parse(qs));
    expect(e.status).toBe(400);
    expect(e.param).toBe(param);
    expect(e.message.startsWith(message)).toBe(true);
  });
});

describe('parsing a JSON body', () => {
  it('reads the MetricRequest shape with arrays', () => {
    const body = { filters: { municipality: ['0150'], from: '2018-01-01' }, split: ['year'], params: { minimum: 10 } };
    expect(parseMetricRequest(costFixture, fromBody(body))).toEqual({
      filters: { municipality: ['0150'], from: '2018-01-01' },
      split: ['year'],
      params: { minimum: 10 },
    });
  });

  it('refuses unknown top-level fields and non-objects', () => {
    expect(failure(() => fromBody({ filter: {} }))).toMatchObject({
      param: 'filter',
      message: "Onbekend veld 'filter' (toegestaan: filters, split, params)",
    });
    expect(failure(() => fromBody([1]))).toMatchObject({ param: null });
    expect(failure(() => fromBody({ filters: 'x' }))).toMatchObject({ param: 'filters' });
  });

  it('refuses a list filter that is not a list of strings', () => {
    const e = failure(() => parseMetricRequest(costFixture, fromBody({ filters: { municipality: [150] } })));
    expect(e).toMatchObject({ param: 'municipality', message: "'municipality' moet een lijst van codes zijn" });
  });
});
