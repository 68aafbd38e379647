import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store/index.ts';
import { login } from '../access/login.ts';
import { roer } from './testing.ts';

afterEach(() => vi.restoreAllMocks());

describe('roer user', () => {
  it('adds, lists, resets and removes users, printing each new password once', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'roer-user-')), 'r.duckdb');
    (await Store.open(db)).close();
    const add = await roer('user', 'add', 'piet', '--rol', 'analist', '--gemeente', '0150, 1708', '--db', db);
    expect(add.code).toBe(0);
    expect(add.out).toMatch(
      /^Gebruiker piet \(analist, gemeente 0150,1708\) toegevoegd\.\nWachtwoord \(wordt niet opnieuw getoond\): [A-Za-z0-9]{20}\n$/,
    );
    // A team id as the import forms it from the demo region's exports: municipality code, colon, team name.
    expect(
      (await roer('user', 'add', 'team1', '--rol', 'teamleider', '--team', '0150:Jeugdteam Deventer Noord', '--db', db)).code,
    ).toBe(0);
    expect((await roer('user', 'list', '--db', db)).out).toBe(
      'piet (analist, gemeente 0150,1708)\nteam1 (teamleider, team 0150:Jeugdteam Deventer Noord)\n',
    );
    expect((await roer('user', 'reset', 'piet', '--db', db)).out).toMatch(
      /^Nieuw wachtwoord voor piet \(wordt niet opnieuw getoond\): [A-Za-z0-9]{20}\n$/,
    );
    expect((await roer('user', 'remove', 'team1', '--db', db)).out).toBe('Gebruiker team1 verwijderd.\n');
    expect((await roer('user', 'list', '--db', db)).out).toBe('piet (analist, gemeente 0150,1708)\n');
  });

  it('unlocks an account that 5 wrong passwords from one address locked', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'roer-user-')), 'r.duckdb');
    (await Store.open(db)).close();
    await roer('user', 'add', 'piet', '--rol', 'lezer', '--db', db);
    let store = await Store.open(db);
    for (let i = 0; i < 5; i++) await login(store, 'piet', 'fout-wachtwoord', '203.0.113.66');
    expect(await login(store, 'piet', 'fout-wachtwoord', '203.0.113.66')).toMatchObject({ ok: false, reason: 'locked' });
    store.close();
    expect(await roer('user', 'unlock', 'piet', '--db', db)).toEqual({
      code: 0,
      out: 'Gebruiker piet ontgrendeld (5 mislukte pogingen vergeten).\n',
      err: '',
    });
    store = await Store.open(db);
    expect(await login(store, 'piet', 'fout-wachtwoord', '203.0.113.66')).toEqual({ ok: false, reason: 'invalid' });
    store.close();
  });

  it('refuses unknown roles and missing scope with a Dutch message and exit code 1', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'roer-user-')), 'r.duckdb');
    (await Store.open(db)).close();
    expect(await roer('user', 'add', 'x1', '--rol', 'root', '--db', db)).toEqual({
      code: 1,
      out: '',
      err: "Fout: Onbekende rol 'root'.\nKies een van: beheerder, analist, teamleider, aanbieder, lezer.\n",
    });
    expect((await roer('user', 'add', 'x1', '--rol', 'aanbieder', '--db', db)).err).toBe(
      'Fout: Gebruiker x1 kan zo niet worden aangemaakt: een aanbieder heeft een AGB-code nodig (--aanbieder).\n',
    );
    expect((await roer('user', 'add', '--db', db)).err).toBe('Fout: Geef de naam van de gebruiker: roer user add <naam>.\n');
  });
});
