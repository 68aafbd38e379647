// The normalised comparison on the council paper's figures (issue 18): Steenwijkerland as a percentage of Deventer.
import { describe, expect, it } from 'vitest';
import { formatShare, normalisedComparison, perInhabitant, shareOf } from './compare.ts';

const steenwijkerland = { name: 'Steenwijkerland', population: 43_931 };
const deventer = { name: 'Deventer', population: 99_941 };
const FIGURES = [
  { label: 'Primair budget', a: 10_010_455, b: 21_575_989 },
  { label: 'Extra budget', a: 1_550_000, b: 1_399_872 },
  { label: 'Totaal budget', a: 11_560_455, b: 22_975_861 },
  { label: 'Zorgkosten', a: 10_490_000, b: 20_943_007 },
  { label: 'Personeelskosten', a: 782_555, b: 2_580_828 },
  { label: 'Totale kosten', a: 11_272_555, b: 23_523_835 },
  // The paper prints both balances unsigned; Steenwijkerland has a surplus, Deventer a deficit.
  { label: 'Saldo', a: 287_900, b: -547_974 },
];

describe('normalised comparison: Steenwijkerland as a percentage of Deventer', () => {
  const c = normalisedComparison(steenwijkerland, deventer, FIGURES);

  it('reproduces the six published percentages and puts them beside the population ratio (44 %)', () => {
    expect(c.rows.slice(0, 6).map((r) => formatShare(r.share))).toEqual([
      '46,4 %',
      '110,7 %',
      '50,3 %',
      '50,1 %',
      '30,3 %',
      '47,9 %',
    ]);
    expect(c.population.percent).toBeCloseTo(43.957, 3);
    expect(Math.round(c.population.percent!)).toBe(44); // as published
    expect(formatShare(c.population)).toBe('44,0 %');
  });

  it('gives no percentage where the signs differ, with the reason, instead of the published 52,5 %', () => {
    const balance = c.rows[6]!;
    expect(formatShare(balance.share)).toBe('n.v.t.');
    expect(balance.share.reason).toBe(
      'bij Steenwijkerland positief (+€\u00a0287.900), bij Deventer negatief (−€\u00a0547.974): een percentage van een bedrag met het andere teken zegt niets',
    );
    // The published 52.5 % is what ignoring the signs gives.
    expect(formatShare(shareOf(Math.abs(balance.a!), Math.abs(balance.b!)))).toBe('52,5 %');
  });

  it('care cost per inhabitant: € 238,8 in Steenwijkerland against € 209,6 in Deventer', () => {
    const a = perInhabitant(10_490_000, steenwijkerland.population);
    const b = perInhabitant(20_943_007, deventer.population);
    expect([a.text, b.text]).toEqual(['€\u00a0238,8', '€\u00a0209,6']);
    expect(a.value).toBeCloseTo(238.784, 3);
    expect(b.value).toBeCloseTo(209.554, 3);
  });

  it('has no percentage of zero; two deficits compare as amounts of the same sign', () => {
    expect(shareOf(5, 0)).toEqual({ percent: null, reason: 'bij B nul: een percentage daarvan bestaat niet' });
    expect(shareOf(0, 100)).toEqual({ percent: 0, reason: null });
    expect(formatShare(shareOf(0, -547_974))).toBe('0,0 %');
    expect(formatShare(shareOf(-287_900, -547_974))).toBe('52,5 %');
  });

  it('has no share where a side has no figure, and says whose and why', () => {
    const c2 = normalisedComparison({ name: 'Zwolle', population: null }, deventer, [
      { label: 'Jeugdhulp met verblijf', a: null, b: 275, missing: { a: 'geheim' } },
      { label: 'Jeugdhulp zonder verblijf', a: 840, b: null },
    ]);
    expect(c2.population).toEqual({ percent: null, reason: 'Zwolle heeft geen inwonertal' });
    expect(c2.rows.map((r) => r.share.reason)).toEqual(['Zwolle heeft geen cijfer (geheim)', 'Deventer heeft geen cijfer']);
  });
});
