// Privacy at the door: a BSN is checked (11-proof) and replaced by a keyed hash at once; the key never enters the store.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Secret = Buffer;

/** True when `bsn` is nine digits that pass the BSN 11-proof (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11). */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0 && bsn !== '000000000';
}

/**
 * The pseudonym of a BSN: HMAC-SHA-256 under the installation secret, hex (first 32 characters = 128 bits).
 * @example pseudonymise(secret, '999900006') // '3f9c…' (stable for one installation, unlinkable without the secret)
 */
export function pseudonymise(secret: Secret, bsn: string): string {
  return createHmac('sha256', secret).update(bsn).digest('hex').slice(0, 32);
}

/**
 * Reads the installation secret from `path`, creating it (32 random bytes, mode 0600) on first use.
 * ':memory:' gives a fresh secret for this process only.
 */
export function loadOrCreateSecret(path: string): Secret {
  if (path === ':memory:') return randomBytes(32);
  if (existsSync(path)) {
    const hex = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`Het sleutelbestand ${path} is beschadigd`);
    return Buffer.from(hex, 'hex');
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}
