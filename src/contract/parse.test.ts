// The one parser: every problem of a question at once, each with its path and a Dutch message; the same rules for a
// query string, a JSON body and the engine's typed question.
import { describe, expect, it } from 'vitest';
import { fromBody, fromQuery, parseRequest, withDefaults, type MetricShape } from './parse.ts';

const metric: MetricShape = {
  id: 'kosten',
  splits: ['year', 'municipality'],
  params: [
    { name: 'top', label: 'Aantal', type: 'number', default: 10, min: 1, max: 100, integer: true },
    { name: 'peildatum', label: 'Peildatum', type: 'string', default: '', format: 'date' },
  ],
};
const query = (qs: string) => parseRequest(metric, fromQuery(new URLSearchParams(qs)));
const typed = (q: object) => parseRequest(metric, { filters: {}, params: {}, ...q });

describe('the request parser', () => {
  it('returns the typed question, codes spelled one way, without defaults until asked', () => {
    const parsed = query('municipality=GM150,1708,0150&financing=pgb&from=2018-01-01&split=year&p.top=5');
    expect(parsed).toEqual({
      ok: true,
      value: {
        filters: { municipality: ['0150', '1708'], financing: ['PGB'], from: '2018-01-01' },
        split: ['year'],
        params: { top: 5 },
      },
    });
    if (parsed.ok) expect(withDefaults(metric, parsed.value).params).toEqual({ top: 5, peildatum: '' });
  });

  it('lists every problem at once, each with its path, in Dutch', () => {
    const parsed = typed({
      filters: { municipality: ['0150', 'Deventer'], sex: ['3'], from: '2019-01-01', to: '2018-12-31', kleur: ['rood'] },
      split: ['year', 'provider'],
      params: { top: -1, peildatum: '31-12-2018', drempel: 5 },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { path: 'filters.municipality[1]', message: "'Deventer' is geen gemeentecode (vier cijfers, bijv. 0150)" },
      { path: 'filters.sex[0]', message: "Onbekende waarde '3' voor filter 'sex'; toegestaan: 0, 1, 2" },
      { path: 'filters.kleur', message: expect.stringMatching(/^Onbekende filter 'kleur' \(toegestaan: municipality, /) },
      { path: 'filters.to', message: "'to' (2018-12-31) ligt vóór 'from' (2019-01-01)" },
      { path: 'split[1]', message: "'kosten' kan niet worden uitgesplitst naar 'provider' (mogelijk: year, municipality)" },
      { path: 'p.top', message: "'p.top' moet een geheel getal van 1 tot en met 100 zijn" },
      { path: 'p.peildatum', message: "'p.peildatum' is geen geldige datum (jjjj-mm-dd)" },
      { path: 'p.drempel', message: "Onbekende parameter 'p.drempel' voor 'kosten' (mogelijk: p.top, p.peildatum)" },
    ]);
  });

  it('applies the same rules to a query string as to a typed question', () => {
    expect(query('p.top=-1')).toEqual(typed({ params: { top: -1 } }));
    expect(query('p.top=2.5')).toEqual({
      ok: false,
      problems: [{ path: 'p.top', message: "'p.top' moet een geheel getal van 1 tot en met 100 zijn" }],
    });
    expect(query('from=2018-02-30&to=2018-01-01')).toEqual({
      ok: false,
      problems: [{ path: 'filters.from', message: "'from' is geen geldige datum (jjjj-mm-dd)" }],
    });
  });

  it('refuses more than four split dimensions and an empty code', () => {
    const many: MetricShape = { id: 'm', splits: ['year', 'quarter', 'month', 'municipality', 'sex'] };
    const parsed = parseRequest(many, { filters: { care_type: ['ambulant', ' '] }, split: many.splits, params: {} });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { path: 'filters.care_type[1]', message: "'care_type' bevat een lege waarde" },
        { path: 'split', message: 'Uitsplitsen kan naar hoogstens 4 dimensies tegelijk (gevraagd: 5).' },
      ],
    });
  });

  it('reads a JSON body, naming every unknown field', () => {
    expect(fromBody({ filter: {}, splits: [] })).toEqual({
      ok: false,
      problems: [
        { path: 'filter', message: "Onbekend veld 'filter' (toegestaan: filters, split, params)" },
        { path: 'splits', message: "Onbekend veld 'splits' (toegestaan: filters, split, params)" },
      ],
    });
    expect(fromBody({ filters: { from: '2018-01-01' }, split: ['year'] })).toEqual({
      ok: true,
      value: { filters: { from: '2018-01-01' }, split: ['year'], params: {} },
    });
  });
});
