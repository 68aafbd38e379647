import { describe, expect, it } from 'vitest';
import { groupLabel, groupMembers, pooledRate, type MunicipalityFacts } from './groups.ts';

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
});
