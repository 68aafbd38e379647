import { describe, expect, it } from 'vitest';
import { RIGHTS, ROLES, roleFromName, scopeProblems } from './roles.ts';

describe('roles', () => {
  it('knows the roles by their Dutch and English names', () => {
    expect(['beheerder', 'analist', 'teamleider', 'aanbieder', 'lezer'].map(roleFromName)).toEqual([...ROLES]);
    expect(roleFromName(' Analist ')).toBe('analyst');
    expect(roleFromName('team_lead')).toBe('team_lead');
    expect(roleFromName('root')).toBeUndefined();
  });

  it('gives client rows only to admins and analysts, and suppresses small numbers for readers and providers', () => {
    expect(ROLES.filter((r) => RIGHTS[r].clientRows)).toEqual(['admin', 'analyst']);
    expect(ROLES.filter((r) => RIGHTS[r].suppressed)).toEqual(['provider', 'reader']);
    expect(ROLES.filter((r) => RIGHTS[r].administer)).toEqual(['admin']);
  });

  it('requires the scope that fits the role', () => {
    const u = { municipalities: [] as string[], provider: null, team: null };
    expect(scopeProblems({ ...u, role: 'admin' })).toEqual([]);
    expect(scopeProblems({ ...u, role: 'analyst' })).toEqual(['een analist heeft minstens één gemeente nodig (--gemeente)']);
    expect(scopeProblems({ ...u, role: 'provider' })).toEqual(['een aanbieder heeft een AGB-code nodig (--aanbieder)']);
    expect(scopeProblems({ ...u, role: 'team_lead' })).toEqual(['een teamleider heeft een team nodig (--team)']);
    expect(scopeProblems({ ...u, role: 'reader', municipalities: ['150'], provider: '123' })).toEqual([
      "'150' is geen gemeentecode van vier cijfers", "'123' is geen AGB-code van acht cijfers", 'alleen de rol aanbieder heeft een AGB-code',
    ]);
    expect(scopeProblems({ ...u, role: 'admin', municipalities: ['0150'] })).toEqual(['een beheerder ziet alle gemeenten; laat --gemeente weg']);
  });
});
