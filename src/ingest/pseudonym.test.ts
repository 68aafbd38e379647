import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidBsn, loadOrCreateSecret, pseudonymise } from './pseudonym.ts';

describe('isValidBsn', () => {
  it('accepts the test BSNs of the iJw examples and rejects a broken check digit', () => {
    expect(isValidBsn('999900006')).toBe(true);
    expect(isValidBsn('999900007')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
});

describe('pseudonymise', () => {
  it('is stable under one secret and differs under another', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(pseudonymise(a, '999900006')).toBe(pseudonymise(a, '999900006'));
    expect(pseudonymise(a, '999900006')).not.toBe(pseudonymise(b, '999900006'));
    expect(pseudonymise(a, '999900006')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('loadOrCreateSecret', () => {
  it('creates a private key file once and reads it back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'roer-')), 'roer.secret');
    const first = loadOrCreateSecret(path);
    expect(loadOrCreateSecret(path).equals(first)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toHaveLength(64);
  });
});
