import { describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { ensureAdmin } from './admin.ts';
import { readAudit } from './audit.ts';
import { verifyPassword } from './password.ts';
import { addUser, findAccount, listUsers, removeUser, resetPassword } from './users.ts';
import { users } from './testing.ts';

const cli = { name: 'cli', role: 'system' as const };

describe('user accounts', () => {
  it('adds a user with a hashed random password, lists it, and audits the change', async () => {
    const store = await Store.open(':memory:');
    const pw = await addUser(store, cli, { ...users.analyst2, municipalities: ['1708', '0150'] });
    expect(pw).toHaveLength(20);
    expect(await listUsers(store)).toEqual([
      { name: 'bea', role: 'analyst', municipalities: ['0150', '1708'], provider: null, team: null },
    ]);
    const account = await findAccount(store, 'bea');
    expect(await verifyPassword(pw, account!.passwordHash)).toBe(true);
    expect(
      (await store.all<{ n: number }>(sql`SELECT count(*) AS n FROM user_account WHERE password_hash LIKE ${`%${pw}%`}`))[0].n,
    ).toBe(0);
    const log = await readAudit(store, users.admin);
    expect(log.map((r) => [r.actor, r.action, r.target, r.detail])).toEqual([
      ['cli', 'user_add', 'bea', '{"role":"analyst","municipalities":["1708","0150"],"provider":null,"team":null}'],
    ]);
    store.close();
  });

  it('refuses duplicates, bad names, weak passwords and scopes that do not fit the role', async () => {
    const store = await Store.open(':memory:');
    await addUser(store, cli, users.provider);
    await expect(addUser(store, cli, users.provider)).rejects.toThrow('Gebruiker dirk bestaat al.');
    await expect(addUser(store, cli, { ...users.reader, name: "x'; drop" })).rejects.toThrow(
      `'x'; drop' is geen geldige gebruikersnaam.`,
    );
    await expect(addUser(store, cli, users.reader, 'kort')).rejects.toThrow('Een wachtwoord heeft minstens 12 tekens.');
    await expect(addUser(store, cli, { ...users.analyst, municipalities: [] })).rejects.toThrow(
      'Gebruiker bert kan zo niet worden aangemaakt: een analist heeft minstens één gemeente nodig (--gemeente).',
    );
    expect((await listUsers(store)).map((u) => u.name)).toEqual(['dirk']);
    store.close();
  });

  it('resets a password (old one stops working, sessions end) and removes a user', async () => {
    const store = await Store.open(':memory:');
    const old = await addUser(store, cli, users.reader);
    await store.run(sql`INSERT INTO user_session VALUES ('h', 'els', 'c', 0, 0)`);
    const fresh = await resetPassword(store, cli, 'els');
    const { passwordHash } = (await findAccount(store, 'els'))!;
    expect(await verifyPassword(old, passwordHash)).toBe(false);
    expect(await verifyPassword(fresh, passwordHash)).toBe(true);
    expect(await store.all(sql`SELECT * FROM user_session`)).toEqual([]);
    await removeUser(store, cli, 'els');
    expect(await listUsers(store)).toEqual([]);
    await expect(removeUser(store, cli, 'els')).rejects.toThrow('Gebruiker els bestaat niet.');
    expect((await readAudit(store, users.admin)).map((r) => r.action)).toEqual(['user_remove', 'user_reset', 'user_add']);
    store.close();
  });

  it('creates the first administrator once, returning its password only the first time', async () => {
    const store = await Store.open(':memory:');
    const pw = await ensureAdmin(store);
    expect(pw).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await ensureAdmin(store)).toBeNull();
    expect(await listUsers(store)).toEqual([
      { name: 'beheerder', role: 'admin', municipalities: [], provider: null, team: null },
    ]);
    expect(await verifyPassword(pw!, (await findAccount(store, 'beheerder'))!.passwordHash)).toBe(true);
    store.close();
  });
});
