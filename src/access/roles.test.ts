import { describe, expect, it } from 'vitest';
import { loadRegion } from '../demo/region.ts';
import { RIGHTS, ROLES, roleFromName, scopeProblems, teamMunicipality } from './roles.ts';

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
      "'150' is geen gemeentecode van vier cijfers",
      "'123' is geen AGB-code van acht cijfers",
      'alleen de rol aanbieder heeft een AGB-code',
    ]);
    expect(scopeProblems({ ...u, role: 'admin', municipalities: ['0150'] })).toEqual([
      'een beheerder ziet alle gemeenten; laat --gemeente weg',
    ]);
  });

  it("accepts every team id the import forms from the demo region's exports ('<gemeente>:<team>'), and only those", () => {
    // The import stores a team as municipality || ':' || team (src/ingest/tabular/writers.ts).
    const ids = loadRegion().flatMap((m) => m.teams.map((t) => `${m.code}:${t}`));
    expect(ids).toHaveLength(22); // 1+4+2+2+1+1+2+1+2+1+5 teams over the eleven municipalities (region.ts)
    expect(ids).toContain('0150:Jeugdteam Deventer Noord');
    const lead = (team: string, municipalities: string[] = []) =>
      scopeProblems({ role: 'team_lead', municipalities, provider: null, team });
    for (const id of ids) expect(lead(id), id).toEqual([]);
    expect(ids.map(teamMunicipality)).toEqual(loadRegion().flatMap((m) => m.teams.map(() => m.code)));
    expect(lead('0150:Jeugdteam Deventer Noord', ['0150'])).toEqual([]);
    expect(lead('0150:Jeugdteam Deventer Noord', ['1708'])).toEqual([
      "team '0150:Jeugdteam Deventer Noord' hoort bij gemeente 0150, niet bij 1708",
    ]);
    for (const bad of ['T1', 'Jeugdteam Deventer Noord', '150:Noord', '0150:', '0150:a,0166:b', '0150:a\nb']) {
      expect(lead(bad), bad).toEqual([
        `'${bad}' is geen geldige team-id (gemeentecode, dubbele punt, teamnaam: '0150:Jeugdteam Deventer Noord')`,
      ]);
    }
  });
});
