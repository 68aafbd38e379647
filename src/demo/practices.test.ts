// The demo's AGB list of referrers: every coded practice, doctor and specialist named, plausibly, uniquely and the same
// for the same seed, without changing anything else the seed makes.
import { describe, expect, it } from 'vitest';
import { setupRegion } from './generate.ts';

describe('the AGB list of referrers', () => {
  const setup = setupRegion(42);
  const { registry, referrers } = setup;

  it('names every GP practice, youth doctor and specialist the simulation refers from, once', () => {
    const coded = [...[...referrers.gps.values()].flat(), ...referrers.youthDoctors, ...referrers.specialists];
    expect(registry.map((r) => r.agb)).toEqual(coded);
    expect(new Set(registry.map((r) => r.name)).size).toBe(registry.length);
  });

  it('gives plausible Dutch names, deterministic from the seed', () => {
    expect(registry.slice(0, 4)).toEqual([
      { agb: '01591873', name: 'Huisartsenpraktijk Bouwman', type: '02', place: 'Dalfsen' },
      { agb: '01057679', name: 'Huisartsen Dalfsen Zuid', type: '02', place: 'Dalfsen' },
      { agb: '01966634', name: 'Huisartsenpraktijk Dijkstra', type: '02', place: 'Dalfsen' },
      { agb: '01132321', name: 'Huisartsen Oosterhuis en Vos', type: '02', place: 'Dalfsen' },
    ]);
    for (const r of registry.filter((x) => x.type === '02'))
      expect(r.name).toMatch(/^(Huisartsenpraktijk|Huisartsen|Gezondheidscentrum) [A-Z]/);
    expect(registry.find((r) => r.type === '03')!.name).toMatch(/^Jeugdarts .+, GGD IJsselland$/);
    expect(registry.find((r) => r.type === '05')!.name).toMatch(/^(Kinderarts|Kinderpsychiater|Kinderneuroloog|Psychiater) /);
    expect(setupRegion(42).registry).toEqual(registry);
  });

  it('draws from a stream of its own: the codes are those the seed gave before names existed', () => {
    // The first GP codes of seed 42, as makeReferrers drew them before this list was added.
    expect(referrers.gps.get('0148')!.slice(0, 2)).toEqual(['01591873', '01057679']);
  });
});
