// Specification of the levers: cuts on one lever multiply, and the combined levers run through a year's baseline.
import { describe, expect, it } from 'vitest';
import { type CareTypeBaseline, type Effect, combinedCutBp, remainingFactor, savings, scenarioCost } from './levers.ts';

// Ambulant: 100 entrants at € 100 each; verblijf: 10 at € 3,000; pleegzorg: 10 at € 500 (cents).
const BASE: CareTypeBaseline[] = [
  { careType: 'ambulant', costCents: 1_000_000, entrants: 100, referrerShares: { '02': 0.75, '01': 0.25 } },
  { careType: 'verblijf', costCents: 3_000_000, entrants: 10 },
  { careType: 'pleegzorg', costCents: 500_000, entrants: 10 },
];
const cutAmbulantInflow: Effect = { lever: { kind: 'inflow', careType: 'ambulant' }, amount: 1_000 };

describe('levers', () => {
  it('combines two 10 % cuts of the same inflow into 19 %, not 20 %', () => {
    expect(remainingFactor([1_000, 1_000])).toBe(0.81);
    expect(combinedCutBp([1_000, 1_000])).toBe(1_900);
    expect(combinedCutBp([])).toBe(0);
    expect(() => remainingFactor([0.5])).toThrow('geheel getal');
  });

  it('runs the combined cut through the baseline: € 1,900 saved where the naive sum says € 2,000', () => {
    expect(scenarioCost(BASE, [])).toBe(4_500_000);
    expect(savings(BASE, [cutAmbulantInflow])).toBe(100_000);
    expect(savings(BASE, [cutAmbulantInflow, cutAmbulantInflow])).toBe(190_000);
  });

  it('cuts only the inflow of the referrer a measure aims at (GP share 75 %: −20 % there is −15 % in all)', () => {
    expect(savings(BASE, [{ lever: { kind: 'inflow', careType: 'ambulant', referrer: '02' }, amount: 2_000 }])).toBe(150_000);
    // An inflow cut without a care type acts on every care type.
    expect(savings(BASE, [{ lever: { kind: 'inflow' }, amount: 1_000 }])).toBe(450_000);
  });

  it('multiplies duration and price per care-day: verblijf −10 % duration and −5 % price → € 30,000 × 0.855', () => {
    const effects: Effect[] = [
      { lever: { kind: 'duration', careType: 'verblijf' }, amount: 1_000 },
      { lever: { kind: 'price', careType: 'verblijf' }, amount: 500 },
    ];
    expect(scenarioCost(BASE, effects)).toBe(1_000_000 + 2_565_000 + 500_000);
  });

  it('shifts a share of the inflow to a cheaper care type at that type’s cost per entrant', () => {
    // 20 % of verblijf's 10 entrants (2) go to pleegzorg: each saves € 3,000 − € 500.
    const shift: Effect = { lever: { kind: 'shift', from: 'verblijf', to: 'pleegzorg' }, amount: 2_000 };
    expect(savings(BASE, [shift])).toBe(2 * (300_000 - 50_000));
    // The shift acts on the inflow left after an inflow cut (10 entrants → 9 → 1.8 move).
    const cut: Effect = { lever: { kind: 'inflow', careType: 'verblijf' }, amount: 1_000 };
    expect(savings(BASE, [cut, shift])).toBe(300_000 + 1.8 * 250_000);
    // A shift drawn at 0 % moves nobody (and divides by nothing).
    expect(savings(BASE, [{ ...shift, amount: 0 }])).toBe(0);
    expect(() => savings(BASE, [{ lever: { kind: 'shift', from: 'verblijf', to: 'crisis' }, amount: 1 }])).toThrow(
      'Verschuiving naar onbekende zorgsoort: crisis',
    );
  });

  it('applies duration and price to a care type without inflow, and refuses to shift youths into it', () => {
    const only: CareTypeBaseline[] = [
      { careType: 'verblijf', costCents: 1_000_000, entrants: 0 },
      { careType: 'ambulant', costCents: 1_000_000, entrants: 100 },
    ];
    expect(savings(only, [{ lever: { kind: 'price', careType: 'verblijf' }, amount: 1_000 }])).toBe(100_000);
    expect(savings(only, [{ lever: { kind: 'inflow', careType: 'verblijf' }, amount: 1_000 }])).toBe(0);
    expect(() => savings(only, [{ lever: { kind: 'shift', from: 'ambulant', to: 'verblijf' }, amount: 1_000 }])).toThrow(
      'Zorgsoort verblijf heeft geen instroom om kosten per jeugdige van af te leiden',
    );
  });

  it('subtracts fixed amounts as they are', () => {
    expect(savings(BASE, [{ lever: { kind: 'fixed' }, amount: 12_345 }, cutAmbulantInflow])).toBe(112_345);
    expect(savings([], [{ lever: { kind: 'fixed' }, amount: 12_345 }])).toBe(12_345);
  });
});
