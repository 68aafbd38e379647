// The Vergelijken page's choices from the URL: the defaults (own municipality, first measure, the region, the first
// half-year as base, a neighbour in the same region, the last year) and the API question they make.
import { describe, expect, it } from 'vitest';
import type { BenchmarkChoices } from '../../api.ts';
import { stateOf, type ViewState } from '../../state.ts';
import { benchmarkState, seriesQuery, withParams } from './state.ts';

const choices: BenchmarkChoices = {
  measures: [
    { key: 'jeugdhulp', label: 'Jeugdhulp', tables: ['85097NED', '03759ned'], periods: ['halfjaar', 'jaar'] },
    { key: 'met-verblijf', label: 'Met verblijf', tables: ['85097NED', '03759ned'], periods: ['halfjaar', 'jaar'] },
    { key: 'kosten-per-inwoner', label: 'Lasten per inwoner', tables: ['83454NED', '03759ned'], periods: ['jaar'] },
  ],
  sizeClasses: [],
  regions: ['IJsselland'],
  municipalities: [
    { code: '0150', name: 'Deventer', region: 'IJsselland' },
    { code: '1708', name: 'Steenwijkerland', region: 'IJsselland' },
    { code: '0363', name: 'Amsterdam', region: 'Amsterdam-Amstelland' },
  ],
  periods: { halfjaar: ['2019-H1', '2019-H2'], jaar: ['2019', '2020'] },
  sources: [],
  deciles: {
    kinds: [
      { key: 'inkomen', label: 'inkomensdeciel' },
      { key: 'kinderarmoede', label: 'kinderarmoededeciel' },
    ],
    years: [2022, 2023],
  },
};
const own = [
  { code: '0150', name: 'Deventer' },
  { code: '1708', name: 'Steenwijkerland' },
];
const view = (params: Record<string, string>, municipality?: string[]): ViewState => ({
  page: 'vergelijken',
  filters: municipality ? { municipality } : {},
  params,
});

describe('benchmarkState', () => {
  it('falls back on the first own municipality, the region, the first half-year and a neighbour in the region', () => {
    const s = benchmarkState(view({}), choices, own);
    expect([s.municipality, s.measure, s.group, s.per, s.base, s.other, s.period]).toEqual([
      '0150',
      'jeugdhulp',
      { kind: 'regio' },
      'halfjaar',
      '2019-H1',
      '1708',
      '2020',
    ]);
    expect(String(seriesQuery(s))).toBe('gemeente=0150&maat=jeugdhulp&basis=2019-H1&groep=regio');
  });

  it('takes the municipality filter, but never a municipality outside the own ones', () => {
    expect(benchmarkState(view({}, ['1708']), choices, own).municipality).toBe('1708');
    expect(benchmarkState(view({ gemeente: '0363' }), choices, own).municipality).toBe('0150');
  });

  it('asks for chosen neighbours or a saved group, and for nothing while no neighbour is chosen', () => {
    const buren = benchmarkState(view({ groep: 'buren', buren: '1708,0363,0150,abc' }), choices, own);
    expect(String(seriesQuery(buren))).toBe('gemeente=0150&maat=jeugdhulp&basis=2019-H1&groep=buren&buren=1708%2C0363');
    expect(seriesQuery(benchmarkState(view({ groep: 'buren' }), choices, own))).toBeNull();
    const saved = benchmarkState(view({ groep: 'bewaard', naam: 'Buren', per: 'jaar', basis: '2020' }), choices, own);
    expect(String(seriesQuery(saved))).toBe('gemeente=0150&maat=jeugdhulp&basis=2020&bewaard=Buren');
  });

  it('asks for a context group: the deciles, the year and the size class chosen, the latest year and every decile by default', () => {
    const all = benchmarkState(view({ groep: 'context' }), choices, own);
    expect(all.group).toEqual({ kind: 'context', deciles: [], year: '', sameSize: false });
    expect(String(seriesQuery(all))).toBe('gemeente=0150&maat=jeugdhulp&basis=2019-H1&groep=context');
    // Read from the address bar as a bookmark gives it (page parameters are p.<name>, letters, digits and _ only).
    const url = '?p.groep=context&p.decielen=kinderarmoede,welvaart&p.decieljaar=2022&p.zelfde_grootte=ja';
    const chosen = benchmarkState(stateOf('/vergelijken', url), choices, own);
    expect(String(seriesQuery(chosen))).toBe(
      'gemeente=0150&maat=jeugdhulp&basis=2019-H1&groep=context&decielen=kinderarmoede&decieljaar=2022&zelfde-grootte=ja',
    );
    // A year without imported deciles falls back on the latest (the API's default), not on an error.
    expect(benchmarkState(view({ groep: 'context', decieljaar: '2019' }), choices, own).group).toEqual({
      kind: 'context',
      deciles: [],
      year: '',
      sameSize: false,
    });
  });

  it('takes years for a measure CBS publishes per year only, keeping the base year; half-years again for a share', () => {
    const cost = benchmarkState(view({ maat: 'kosten-per-inwoner' }), choices, own);
    expect([cost.per, cost.periodKinds, cost.base]).toEqual(['jaar', ['jaar'], '2019']);
    // From half-year 2020-H1 of a share to the cost measure (even with per=halfjaar left in the URL): base year 2020.
    const switched = benchmarkState(view({ maat: 'kosten-per-inwoner', per: 'halfjaar', basis: '2020-H1' }), choices, own);
    expect([switched.per, switched.base]).toEqual(['jaar', '2020']);
    expect(String(seriesQuery(switched))).toBe('gemeente=0150&maat=kosten-per-inwoner&basis=2020&groep=regio');
    // Back to a share: both kinds on offer, half-years by default, the base year's first half-year where there is one.
    const share = benchmarkState(view({ maat: 'jeugdhulp', basis: '2019' }), choices, own);
    expect([share.per, share.periodKinds, share.base]).toEqual(['halfjaar', ['halfjaar', 'jaar'], '2019-H1']);
    expect(benchmarkState(view({ per: 'jaar', basis: '2019-H2' }), choices, own).base).toBe('2019');
  });

  it('changes a choice in the URL and drops one set to undefined', () => {
    const s = benchmarkState(view({ groep: 'buren', buren: '1708' }), choices, own);
    expect(withParams(s, { groep: 'regio', buren: undefined }).params).toEqual({ groep: 'regio' });
  });
});
