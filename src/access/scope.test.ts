import { describe, expect, it } from 'vitest';
import type { MetricRequest } from '../metrics/types.ts';
import { AccessError } from './errors.ts';
import { RIGHTS, type User } from './roles.ts';
import { assertNoteWrite, scopeDimensions, scopeNotes, scopeOf, scopeRequest } from './scope.ts';
import { allUsers, fakeCatalogue, users } from './testing.ts';

const OTHER = { municipality: '0166', provider: '99999999', team: 'T9' } as const;
const OWN = (u: User) => ({
  municipality: u.municipalities[0] ?? '0150',
  provider: u.provider ?? '11111111',
  team: u.team ?? 'T1',
});

function refusal(f: () => unknown): AccessError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof AccessError) return e;
    throw e;
  }
}

describe('scopeOf', () => {
  it('pins each role to its own municipalities, provider or team', () => {
    expect(scopeOf(users.admin)).toEqual({});
    expect(scopeOf(users.analyst2)).toEqual({ municipality: ['0150', '1708'] });
    expect(scopeOf(users.teamLead)).toEqual({ municipality: ['0150'], team: ['T1'] });
    expect(scopeOf(users.provider)).toEqual({ provider: ['11111111'] });
    expect(scopeOf(users.reader)).toEqual({ municipality: ['0150'] });
    expect(scopeOf(users.readerRegion)).toEqual({});
  });
});

describe('scopeRequest: every role × every metric × every way of asking', () => {
  const dims = ['municipality', 'provider', 'team'] as const;
  for (const user of allUsers) {
    for (const metric of fakeCatalogue) {
      const scope = scopeOf(user);
      it(`${user.role} ${user.name} × ${metric.id}`, () => {
        if (metric.clientRows && !RIGHTS[user.role].clientRows) {
          expect(refusal(() => scopeRequest(user, metric, { filters: {}, split: [] }))?.param).toBe('metric');
          return;
        }
        for (const dim of dims) {
          const attempts: [string, string[] | undefined][] = [
            ['absent', undefined],
            ['empty', []],
            ['own', [OWN(user)[dim]]],
            ['other', [OTHER[dim]]],
            ['own+other', [OWN(user)[dim], OTHER[dim]]],
          ];
          for (const split of [[], ...metric.splits.map((d) => [d])] as MetricRequest['split'][]) {
            for (const [how, asked] of attempts) {
              const request: MetricRequest = { filters: asked === undefined ? {} : { [dim]: asked }, split };
              const pinned = scope[dim];
              const err = refusal(() => scopeRequest(user, metric, request));
              if (pinned && (how === 'other' || how === 'own+other')) {
                expect(err?.status, `${dim} ${how}`).toBe(403);
                expect(err?.param).toBe(dim);
                continue;
              }
              expect(err, `${dim} ${how}: ${err?.message}`).toBeUndefined();
              const scoped = scopeRequest(user, metric, request);
              expect(scoped.split).toEqual(split);
              for (const d of dims) {
                if (scope[d]) {
                  expect(scoped.filters[d]!.length).toBeGreaterThan(0);
                  expect(scoped.filters[d]!.every((v) => scope[d]!.includes(v))).toBe(true);
                } else {
                  expect(scoped.filters[d]).toEqual(request.filters[d]);
                }
              }
            }
          }
        }
      });
    }
  }

  it('says in Dutch which municipality is refused and what the account is limited to', () => {
    const err = refusal(() => scopeRequest(users.analyst, fakeCatalogue[0], { filters: { municipality: ['1708'] }, split: [] }));
    expect(err?.message).toBe('U heeft geen toegang tot gemeente 1708; uw account is beperkt tot 0150.');
  });

  it('refuses a client-row metric to roles without that right, with a Dutch reason', () => {
    const err = refusal(() => scopeRequest(users.reader, fakeCatalogue[1], { filters: {}, split: [] }));
    expect(err?.message).toBe("'Test intensive_list' toont gegevens per cliënt; met de rol lezer mag u die niet inzien.");
    expect(refusal(() => scopeRequest(users.analyst, fakeCatalogue[1], { filters: {}, split: [] }))).toBeUndefined();
  });

  it('refuses a top-N below the threshold to suppressed roles only', () => {
    const ask = (u: User, top: string | number) =>
      refusal(() => scopeRequest(u, fakeCatalogue[2], { filters: {}, split: [], params: { top } }));
    expect(ask(users.reader, 1)?.param).toBe('p.top');
    expect(ask(users.provider, '9')?.param).toBe('p.top');
    expect(ask(users.reader, 'x')?.param).toBe('p.top');
    expect(ask(users.reader, 10)).toBeUndefined();
    expect(ask(users.analyst, 1)).toBeUndefined();
  });

  it('refuses a scoped user whose account lacks the scope value (never falls back to everything)', () => {
    const broken: User = { ...users.provider, provider: null };
    expect(refusal(() => scopeRequest(broken, fakeCatalogue[0], { filters: {}, split: [] }))?.param).toBe('provider');
  });
});

describe('notes and dimension lists', () => {
  it('limits notes to the own municipalities and keeps providers out', () => {
    expect(scopeNotes(users.analyst2, undefined)).toEqual(['0150', '1708']);
    expect(scopeNotes(users.analyst2, ['1708'])).toEqual(['1708']);
    expect(scopeNotes(users.admin, undefined)).toBeUndefined();
    expect(refusal(() => scopeNotes(users.analyst, ['1708']))?.param).toBe('municipality');
    expect(refusal(() => scopeNotes(users.provider, undefined))?.status).toBe(403);
  });

  it("pins a team lead without municipalities to the team's municipality, and refuses notes when it is unknown", () => {
    const lead: User = {
      name: 'gijs',
      role: 'team_lead',
      municipalities: [],
      provider: null,
      team: '0150:Jeugdteam Deventer Noord',
    };
    expect(scopeOf(lead)).toEqual({ municipality: ['0150'], team: ['0150:Jeugdteam Deventer Noord'] });
    expect(scopeNotes(lead, undefined)).toEqual(['0150']);
    expect(refusal(() => scopeNotes(lead, ['1708']))?.param).toBe('municipality');
    expect(refusal(() => scopeNotes({ ...lead, team: 'T9' }, undefined))?.message).toBe(
      'Uw account heeft geen gemeente toegewezen; vraag de beheerder dit te regelen.',
    );
    expect(scopeNotes(users.readerRegion, undefined)).toBeUndefined();
  });

  it('lets only admins and analysts write notes, analysts only for their own municipality', () => {
    expect(() => assertNoteWrite(users.admin, null)).not.toThrow();
    expect(() => assertNoteWrite(users.analyst, '0150')).not.toThrow();
    for (const [u, m] of [
      [users.analyst, '1708'],
      [users.analyst, null],
      [users.reader, '0150'],
      [users.provider, '0150'],
      [users.teamLead, '0150'],
    ] as const) {
      expect(refusal(() => assertNoteWrite(u, m))?.status).toBe(403);
    }
  });

  it('narrows the filter lists to what the user may choose', () => {
    const dims = {
      municipality: [
        { value: '0150', label: 'Deventer' },
        { value: '1708', label: 'Steenwijkerland' },
      ],
      provider: [
        { value: '11111111', label: 'A' },
        { value: '22222222', label: 'B' },
      ],
      team: [
        { value: 'T1', label: 'Team 1' },
        { value: 'T2', label: 'Team 2' },
      ],
      years: [2018],
    };
    expect(scopeDimensions(users.provider, dims).provider).toEqual([{ value: '11111111', label: 'A' }]);
    expect(scopeDimensions(users.provider, dims).municipality).toHaveLength(2);
    expect(scopeDimensions(users.teamLead, dims)).toEqual({
      ...dims,
      municipality: [dims.municipality[0]],
      team: [dims.team[0]],
    });
    expect(scopeDimensions(users.admin, dims)).toEqual(dims);
  });
});
