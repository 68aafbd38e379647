import { beforeEach, describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { readAudit, verifyAuditChain } from './audit.ts';
import { flushLoginFloods } from './flood.ts';
import { login } from './login.ts';
import { endSession, findSession } from './sessions.ts';
import { addUser, unlockUser } from './users.ts';
import { users } from './testing.ts';

const PW = 'een-goed-wachtwoord';
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
let store: Store;

beforeEach(async () => {
  store = await Store.open(':memory:');
  await addUser(store, { name: 'cli', role: 'system' }, users.analyst, PW);
});

describe('login', () => {
  it('starts a session for the right password and audits the login', async () => {
    const r = await login(store, 'bert', PW, '10.0.0.1', { now: T0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await findSession(store, r.token, T0 + MIN)).toEqual({ user: users.analyst, csrfToken: r.csrfToken, createdMs: T0 });
    expect((await store.all(sql`SELECT token_hash FROM user_session`))[0]).not.toEqual({ token_hash: r.token });
    const [entry] = await readAudit(store, users.admin);
    expect([entry.actor, entry.action, entry.ip, entry.logged_at]).toEqual(['bert', 'login', '10.0.0.1', '2026-01-05T09:00:00']);
  });

  it('gives the same answer for an unknown name and a wrong password, and never logs a typed password as a name', async () => {
    expect(await login(store, 'bert', 'fout-wachtwoord', '10.0.0.1', { now: T0 })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(store, 'niemand', PW, '10.0.0.1', { now: T0 })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(store, PW, PW, '10.0.0.1', { now: T0 })).toEqual({ ok: false, reason: 'invalid' });
    const log = await readAudit(store, users.admin, { action: 'login_failed' });
    expect(log.map((e) => [e.actor, e.action, e.outcome])).toEqual([
      ['(onbekende naam)', 'login_failed', 'geweigerd'],
      ['(onbekende naam)', 'login_failed', 'geweigerd'],
      ['bert', 'login_failed', 'geweigerd'],
    ]);
  });

  it('locks a name for one address after 5 failures in 15 minutes, even for the right password, until the window has passed', async () => {
    for (let i = 0; i < 5; i++) await login(store, 'bert', 'fout', '10.6.6.6', { now: T0 + i * MIN });
    expect(await login(store, 'bert', PW, '10.6.6.6', { now: T0 + 5 * MIN })).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMs: 10 * MIN,
    });
    expect((await login(store, 'bert', PW, '10.6.6.6', { now: T0 + 15 * MIN + 1 })).ok).toBe(true);
  });

  it('does not let an attacker at one address lock the account out for everybody else', async () => {
    for (let i = 0; i < 5; i++) await login(store, 'bert', 'fout', '10.6.6.6', { now: T0 + i });
    expect(await login(store, 'bert', PW, '10.6.6.6', { now: T0 + 10 })).toMatchObject({ ok: false, reason: 'locked' });
    expect((await login(store, 'bert', PW, '10.0.0.1', { now: T0 + 10 })).ok).toBe(true);
  });

  it('throttles unknown names exactly like known ones, without storing what was typed', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await login(store, 'bert', 'fout', '10.6.6.6', { now: T0 + i })).toEqual({ ok: false, reason: 'invalid' });
      expect(await login(store, 'niemand', 'fout', '10.6.6.6', { now: T0 + i })).toEqual({ ok: false, reason: 'invalid' });
      expect(await login(store, PW, 'fout', '10.6.6.6', { now: T0 + i })).toEqual({ ok: false, reason: 'invalid' });
    }
    const locked = { ok: false, reason: 'locked', retryAfterMs: 15 * MIN - 14 };
    expect(await login(store, 'bert', PW, '10.6.6.6', { now: T0 + 14 })).toEqual(locked);
    expect(await login(store, 'niemand', PW, '10.6.6.6', { now: T0 + 14 })).toEqual(locked);
    expect(await login(store, PW, PW, '10.6.6.6', { now: T0 + 14 })).toEqual(locked);
    // A fresh name, known or not, from the same address is merely wrong (15 of the 20 failures an address may make).
    expect(await login(store, 'nog-iemand', 'fout', '10.6.6.6', { now: T0 + 15 })).toEqual({ ok: false, reason: 'invalid' });
    const names = (await store.all<{ user_name: string }>(sql`SELECT DISTINCT user_name FROM login_attempt ORDER BY 1`)).map(
      (r) => r.user_name,
    );
    expect(names).toHaveLength(4);
    expect(names).toContain('bert');
    expect(names.filter((n) => n !== 'bert').every((n) => /^#[0-9a-f]{16}$/.test(n))).toBe(true);
  });

  it('lifts the lock when an administrator unlocks the account, and audits it', async () => {
    for (let i = 0; i < 5; i++) await login(store, 'bert', 'fout', '10.6.6.6', { now: T0 + i });
    expect(await unlockUser(store, { name: 'anna', role: 'admin', ip: '10.0.0.9' }, 'bert')).toBe(5);
    expect((await login(store, 'bert', PW, '10.6.6.6', { now: T0 + 10 })).ok).toBe(true);
    const [entry] = await readAudit(store, users.admin, { action: 'user_unlock' });
    expect([entry.actor, entry.target, entry.detail, entry.ip]).toEqual(['anna', 'bert', '{"failures":5}', '10.0.0.9']);
  });

  it('counts only failures since the last successful login', async () => {
    for (let i = 0; i < 4; i++) await login(store, 'bert', 'fout', '10.0.0.1', { now: T0 + i });
    expect((await login(store, 'bert', PW, '10.0.0.1', { now: T0 + 10 })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login(store, 'bert', 'fout', '10.0.0.1', { now: T0 + 20 + i });
    expect((await login(store, 'bert', PW, '10.0.0.1', { now: T0 + 30 })).ok).toBe(true);
  });

  it('blocks an address after 20 failures across any names', async () => {
    for (let i = 0; i < 20; i++) await login(store, `gok${i}`, 'fout', '10.6.6.6', { now: T0 + i });
    expect(await login(store, 'bert', PW, '10.6.6.6', { now: T0 + 100 })).toMatchObject({ ok: false, reason: 'locked' });
    expect((await login(store, 'bert', PW, '10.0.0.1', { now: T0 + 100 })).ok).toBe(true);
  });
});

describe('a flood of failed logins in the audit log', () => {
  it('logs the first 5 failures of an address in a minute one by one and the rest of that minute as one counted entry', async () => {
    // 50 attempts in 5 seconds from one address: 5 wrong passwords, then 45 refused by the lock without a check.
    for (let i = 0; i < 50; i++) await login(store, i % 2 ? 'bert' : PW, 'fout', '10.6.6.6', { now: T0 + i * 100 });
    await login(store, 'niemand', 'fout', '10.0.0.1', { now: T0 + 30_000 }); // another address keeps its own count
    expect((await readAudit(store, users.admin, { action: 'login_failed' })).length).toBe(6);
    // The next failure after the minute writes the count out and starts a new minute.
    await login(store, 'bert', 'fout', '10.6.6.6', { now: T0 + 61_000 });
    const log = (await readAudit(store, users.admin, { action: 'login_failed' })).reverse();
    expect(log.map((e) => [e.actor, e.ip, e.row_count, JSON.parse(e.detail!)])).toEqual([
      ['(onbekende naam)', '10.6.6.6', null, { reason: 'onjuiste gegevens' }],
      ['bert', '10.6.6.6', null, { reason: 'onjuiste gegevens' }],
      ['(onbekende naam)', '10.6.6.6', null, { reason: 'onjuiste gegevens' }],
      ['bert', '10.6.6.6', null, { reason: 'onjuiste gegevens' }],
      ['(onbekende naam)', '10.6.6.6', null, { reason: 'onjuiste gegevens' }],
      ['(onbekende naam)', '10.0.0.1', null, { reason: 'onjuiste gegevens' }],
      [
        '(meerdere namen)',
        '10.6.6.6',
        45,
        {
          reason: 'herhaald',
          attempts: 45,
          first: '2026-01-05T09:00:00',
          last: '2026-01-05T09:00:04',
          reasons: ['geblokkeerd', 'onjuiste gegevens'],
        },
      ],
      ['bert', '10.6.6.6', null, { reason: 'geblokkeerd' }],
    ]);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, unkeyed: 0, keyedFrom: 1 });
  });

  it('writes a pending count out when the server stops', async () => {
    for (let i = 0; i < 7; i++) await login(store, 'niemand', 'fout', '10.6.6.6', { now: T0 + i });
    await flushLoginFloods(store);
    const [last] = await readAudit(store, users.admin, { action: 'login_failed' });
    expect([last.actor, last.row_count]).toEqual(['(onbekende naam)', 2]);
  });
});

describe('sessions', () => {
  async function session() {
    const r = await login(store, 'bert', PW, '10.0.0.1', { now: T0 });
    if (!r.ok) throw new Error('login failed');
    return r.token;
  }

  it('expire after 30 idle minutes', async () => {
    const token = await session();
    expect(await findSession(store, token, T0 + 29 * MIN)).toBeDefined();
    expect(await findSession(store, token, T0 + 58 * MIN)).toBeDefined(); // the request at 29 minutes reset the clock
    expect(await findSession(store, token, T0 + 88 * MIN + 1)).toBeUndefined();
    expect(await findSession(store, token, T0 + 89 * MIN)).toBeUndefined(); // and it is gone for good
  });

  it('expire 10 hours after login however active', async () => {
    const token = await session();
    for (let m = 20; m < 600; m += 20) expect(await findSession(store, token, T0 + m * MIN)).toBeDefined();
    expect(await findSession(store, token, T0 + 600 * MIN + 1)).toBeUndefined();
  });

  it('end at logout and when the user is removed; forged tokens find nothing', async () => {
    const token = await session();
    await endSession(store, token);
    expect(await findSession(store, token, T0)).toBeUndefined();
    const again = await session();
    await store.run(sql`DELETE FROM user_account WHERE name = 'bert'`);
    expect(await findSession(store, again, T0)).toBeUndefined();
    for (const forged of ['', 'x', "' OR 1=1 --", 'A'.repeat(43), `${again}x`])
      expect(await findSession(store, forged, T0)).toBeUndefined();
  });
});
