import { describe, expect, it } from 'vitest';
import { hashPassword, randomPassword, verifyPassword } from './password.ts';

describe('password hashing (scrypt)', () => {
  it('stores the cost parameters and a random salt with the hash, never the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const h = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('treats the same text in another Unicode form as the same password', async () => {
    expect(await verifyPassword('wachtwoord-e\u0301e\u0301n', await hashPassword('wachtwoord-\u00e9\u00e9n'))).toBe(true);
  });

  it('returns false for malformed or hostile stored values instead of throwing', async () => {
    for (const bad of [
      '',
      'scrypt',
      'scrypt$1$1$1$$',
      'bcrypt$x$y$z$a$b',
      'scrypt$99999999999$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==',
      'scrypt$16384$8$1$AAAA$AA==',
    ]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('makes random passwords of 20 unambiguous characters', () => {
    const pws = new Set(Array.from({ length: 50 }, () => randomPassword()));
    expect(pws.size).toBe(50);
    for (const p of pws) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  });
});
