// `roer serve` as a real process: the first start creates the administrator and prints the password once; the API is
// closed until that user logs in over a real socket, and a second start prints no password.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'roer-served-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(db: string): Promise<{ out: () => string; url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/roer.js', 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exit = new Promise<void>((r) => child.on('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Roer draait op (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(out)));
  });
  return {
    out: () => out,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
    },
  };
}

describe('roer serve with login', () => {
  it('creates the administrator on first start, prints the password once, and requires a login', async () => {
    const db = join(dir, 'r.duckdb');
    const first = await serve(db);
    const password = /gebruiker 'beheerder', wachtwoord ([A-Za-z0-9]{20})\n\(dit wachtwoord wordt niet opnieuw getoond\)/.exec(
      first.out(),
    )?.[1];
    expect(password).toBeDefined();
    expect((await fetch(`${first.url}/api/metrics`)).status).toBe(401);
    const login = await fetch(`${first.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'beheerder', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await fetch(`${first.url}/api/metrics`, { headers: { cookie } })).status).toBe(200);
    await first.stop();
    const second = await serve(db);
    expect(second.out()).not.toContain('wachtwoord');
    await second.stop();
  });
});
