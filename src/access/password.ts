// Password hashing with Node's scrypt: random salt, cost parameters stored with the hash, constant-time comparison.
// Format: 'scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>', so the cost can be raised later without breaking old hashes.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Current cost: N=2^15, r=8, p=1 (OWASP's scrypt minimum is 2^17 with r=8 at p=1 ≈ 128 MiB; 2^15 keeps logins ~60 ms on 2 cores). */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32, saltlen: 16 } as const;

/** Passwords shorter than this are refused when set by a user. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before hashing (scrypt cost does not depend on it, but request bodies should stay small). */
export const MAX_PASSWORD_LENGTH = 200;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password for storage. @example await hashPassword('correct horse battery') // 'scrypt$32768$8$1$…$…' */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltlen);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false (never an exception) for a malformed stored value. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20 || expected.length < 16) return false;
  const key = await derive(password, salt, N, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when the user does not exist, so both paths cost the same time. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'));
  return dummy;
}

// No 0/O, 1/l/I: the password is read off a terminal once and typed in.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 20 characters (~116 bits), for `roer user add/reset` and the first administrator. */
export function randomPassword(length = 20): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
