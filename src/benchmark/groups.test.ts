import { describe, expect, it } from 'vitest';
import { groupLabel, groupMembers, pooledRate, pooledRatio, type MunicipalityFacts } from './groups.ts';

// Four IJsselland municipalities (inhabitants as in the fixtures; Zwolle and Kampen rounded) and one elsewhere.
const ALL: MunicipalityFacts[] = [
  { code: '0150', name: 'Deventer', region: 'IJsselland', population: 99_941 },
  { code: '1708', name: 'Steenwijkerland', region: 'IJsselland', population: 43_931 },
  { code: '0193', name: 'Zwolle', region: 'IJsselland', population: 130_000 },
  { code: '0166', name: 'Kampen', region: 'IJsselland', population: 54_000 },
  { code: '1979', name: 'Eemsdelta', region: 'Groningen', population: null },
];

describe('reference groups', () => {
  it('by youth-care region, without the municipality itself', () => {
    const g = { kind: 'regio', region: 'IJsselland' } as const;
    expect(groupMembers(g, ALL, '1708')).toEqual({ members: ['0150', '0193', '0166'], unknown: [] });
    expect(groupLabel(g)).toBe('jeugdzorgregio IJsselland');
  });

  it('by size class, naming those without a population', () => {
    const g = { kind: 'grootteklasse', sizeClass: '50k-100k' } as const;
    expect(groupMembers(g, ALL, '0150')).toEqual({ members: ['0166'], unknown: ['1979'] });
    expect(groupLabel(g)).toBe('gemeenten met 50.000 tot 100.000 inwoners');
  });

  it('by a chosen list of neighbours; unknown codes are named', () => {
    const g = { kind: 'buren', municipalities: ['0150', '0193', '9999', '1708'] } as const;
    expect(groupMembers(g, ALL, '1708')).toEqual({ members: ['0150', '0193'], unknown: ['9999'] });
    expect(groupLabel(g)).toBe('gekozen buurgemeenten (4)');
  });

  it('by similar context deciles: each chosen decile within ±1, those without one named', () => {
    const deciles: Record<string, MunicipalityFacts['deciles']> = {
      '0150': { inkomen: 4, kinderarmoede: 8 },
      '1708': { inkomen: 5, kinderarmoede: 5 },
      '0193': { inkomen: 6, kinderarmoede: 7 },
      '0166': { inkomen: 5, kinderarmoede: 6 },
      '1979': { inkomen: 2 },
    };
    const all = ALL.map((m) => ({ ...m, deciles: deciles[m.code] ?? {} }));
    const income = { kind: 'context', year: 2023, deciles: { inkomen: 5 } } as const;
    // 4, 6 and 5 lie within one decile of 5; Eemsdelta's 2 does not.
    expect(groupMembers(income, all, '1708')).toEqual({ members: ['0150', '0193', '0166'], unknown: [] });
    expect(groupLabel(income)).toBe('gemeenten met inkomensdeciel 4–6 (2023)');
    const both = { kind: 'context', year: 2023, deciles: { inkomen: 5, kinderarmoede: 5 } } as const;
    // Child poverty 8 (Deventer) and 7 (Zwolle) are too far from 5; Eemsdelta has no child-poverty decile.
    expect(groupMembers(both, all, '1708')).toEqual({ members: ['0166'], unknown: ['1979'] });
    expect(groupLabel(both)).toBe('gemeenten met inkomensdeciel 4–6 en kinderarmoededeciel 4–6 (2023)');
    const sized = { kind: 'context', year: 2023, deciles: { inkomen: 5 }, sizeClass: '50k-100k' } as const;
    expect(groupMembers(sized, all, '1708')).toEqual({ members: ['0150', '0166'], unknown: ['1979'] });
    expect(groupLabel(sized)).toBe('gemeenten met inkomensdeciel 4–6 en 50.000 tot 100.000 inwoners (2023)');
    // At the ends the band is cut off: decile 1 takes 1–2, decile 10 takes 9–10.
    expect(groupLabel({ kind: 'context', year: 2023, deciles: { inkomen: 1, kinderarmoede: 10 } })).toBe(
      'gemeenten met inkomensdeciel 1–2 en kinderarmoededeciel 9–10 (2023)',
    );
  });

  it("pools the members' counts and bases instead of averaging their percentages", () => {
    // 10 % of 1,000 youths and 30 % of 9,000: pooled 28 %, where the mean of the percentages would say 20 %.
    const r = pooledRate([
      { code: 'a', count: 100, base: 1_000 },
      { code: 'b', count: 2_700, base: 9_000 },
      { code: 'c', count: null, base: 5_000 },
    ]);
    expect(r.percent).toBeCloseTo(28, 10);
    expect([r.used, r.leftOut]).toEqual([['a', 'b'], ['c']]);
    expect(pooledRate([]).percent).toBeNull();
  });

  it('pools a cost per inhabitant the same way: the costs summed over the inhabitants summed', () => {
    // € 10,490,000 over 43,931 and € 20,943,007 over 99,941 inhabitants: € 31,433,007 / 143,872 = € 218.48.
    const r = pooledRatio([
      { code: '1708', count: 10_490_000, base: 43_931 },
      { code: '0150', count: 20_943_007, base: 99_941 },
    ]);
    expect(Math.round(r.ratio! * 100) / 100).toBe(218.48);
  });
});
