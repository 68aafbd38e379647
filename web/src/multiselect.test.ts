// What the search field of a long list finds, and what its button says.
import { describe, expect, it } from 'vitest';
import { choiceText, matching } from './multiselect.ts';

const providers = [
  { value: '11111111', label: 'Jeugdzorg Oost' },
  { value: '22222222', label: 'Kindkracht' },
  { value: '33333333', label: 'Crèche De Ruimte' },
];

describe('matching', () => {
  it('finds by any part of the name, ignoring case and accents, every word counting', () => {
    expect(matching(providers, 'KIND').map((o) => o.value)).toEqual(['22222222']);
    expect(matching(providers, 'creche').map((o) => o.value)).toEqual(['33333333']);
    expect(matching(providers, 'de oost')).toEqual([]);
  });
  it('finds by code too, and an empty query finds all', () => {
    expect(matching(providers, '1111').map((o) => o.label)).toEqual(['Jeugdzorg Oost']);
    expect(matching(providers, '  ')).toHaveLength(3);
  });
});

describe('choiceText', () => {
  it('says "Alle", the one name, or how many', () => {
    expect(choiceText(providers, [], 'Alle')).toBe('Alle');
    expect(choiceText(providers, ['22222222'], 'Alle')).toBe('Kindkracht');
    expect(choiceText(providers, ['22222222', '11111111'], 'Alle')).toBe('2 gekozen');
    expect(choiceText(providers, ['99999999'], 'Alle')).toBe('99999999');
  });
});
