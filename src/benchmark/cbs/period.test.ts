import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.ts';

describe('CBS period keys', () => {
  it('maps year, half-year, quarter and month keys to typed periods with Roer keys', () => {
    expect(parsePeriod('2019JJ00')).toEqual({
      ok: true,
      period: { cbs: '2019JJ00', key: '2019', year: 2019, kind: 'jaar', index: 0, title: null, status: null },
    });
    expect(parsePeriod('2020HJ01', { title: '2020 1e halfjaar', status: 'Definitief' })).toEqual({
      ok: true,
      period: {
        cbs: '2020HJ01',
        key: '2020-H1',
        year: 2020,
        kind: 'halfjaar',
        index: 1,
        title: '2020 1e halfjaar',
        status: 'Definitief',
      },
    });
    expect(parsePeriod('2019KW01')).toMatchObject({ ok: true, period: { key: '2019-K1', kind: 'kwartaal', index: 1 } });
    expect(parsePeriod('2019MM03')).toMatchObject({ ok: true, period: { key: '2019-03', kind: 'maand', index: 3 } });
  });

  it('refuses other shapes and impossible numbers, in Dutch', () => {
    expect(parsePeriod('2020HJ03')).toEqual({ ok: false, reason: "'2020HJ03': volgnummer 03 past niet bij periodesoort HJ" });
    expect(parsePeriod('2019JJ01')).toEqual({ ok: false, reason: "'2019JJ01': volgnummer 01 past niet bij periodesoort JJ" });
    expect(parsePeriod('2019')).toEqual({
      ok: false,
      reason: "'2019' is geen CBS-periode (verwacht bijv. 2019JJ00, 2020HJ01, 2019KW01, 2019MM03)",
    });
    expect(parsePeriod('2019XX01').ok).toBe(false);
  });
});
