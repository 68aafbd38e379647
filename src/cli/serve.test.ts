// `roer serve` as a real process: prints its URL, answers, stops on SIGTERM and frees the database; a database held by
// another process gives the Dutch message, not a raw lock error; an edited audit log is a warning, not a refusal.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../access/audit.ts';
import { sql, Store } from '../store/index.ts';
import { parsePort } from './serve.ts';

const dir = mkdtempSync(join(tmpdir(), 'roer-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function roer(args: string[]) {
  const child = spawn(process.execPath, ['bin/roer.js', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const line = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = re.exec(out);
        if (m) resolve(m);
      };
      child.stdout.on('data', check);
      child.on('exit', () => reject(new Error(`exited: ${out}${err}`)));
    });
  return { child, exit, line, output: () => ({ out, err }) };
}

describe('roer serve', () => {
  it('prints its URL, answers, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'a.duckdb');
    const p = roer(['serve', '--port', '0', '--db', db]);
    const [, url] = await p.line(/Roer draait op (http:\/\/127\.0\.0\.1:\d+)/);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true, version: '0.1.0' });
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.output().out).toContain('Roer stopt');
    const store = await Store.open(db); // the file is free again
    store.close();
  });

  it('refuses a database another process holds, in Dutch', async () => {
    const db = join(dir, 'b.duckdb');
    const holder = roer(['serve', '--port', '0', '--db', db]);
    await holder.line(/Roer draait op/);
    const second = roer(['serve', '--port', '0', '--db', db]);
    expect(await second.exit).toBe(1);
    expect(second.output().err).toMatch(/^Fout: De database .*b\.duckdb is in gebruik door een ander Roer-proces/);
    holder.child.kill('SIGINT');
    expect(await holder.exit).toBe(0);
  });

  it('warns loudly about an edited audit log, logs that, and starts anyway', async () => {
    const db = join(dir, 'c.duckdb');
    let store = await Store.open(db);
    await audit(store, { name: 'anna', role: 'admin' }, { action: 'login' });
    await audit(store, { name: 'anna', role: 'admin' }, { action: 'logout' });
    await store.run(sql`UPDATE audit_log SET actor = 'bert' WHERE id = 1`);
    store.close();
    const p = roer(['serve', '--port', '0', '--db', db]);
    await p.line(/Roer draait op/);
    expect(p.output().err).toMatch(
      /^\n\*\*\* WAARSCHUWING \*\*\*\nHet auditlog is beschadigd: item 1 \(.*, login door bert\) past niet in de keten\./,
    );
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    store = await Store.open(db);
    expect((await store.all<{ action: string }>(sql`SELECT action FROM audit_log ORDER BY id`)).map((r) => r.action)).toEqual([
      'login',
      'logout',
      'chain_broken',
      'user_add',
    ]);
    store.close();
  });

  it('checks --port', () => {
    expect(parsePort(undefined)).toBe(3000);
    expect(parsePort('8080')).toBe(8080);
    expect(() => parsePort('80a')).toThrow("--port moet een getal van 0 tot en met 65535 zijn, niet '80a'.");
    expect(() => parsePort('70000')).toThrow('--port moet een getal');
  });
});
