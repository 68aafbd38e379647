// The install step for the Debian packages the tests need: when it cannot install them it says in Dutch what to install
// by hand and stops, never a raw apt error. Runs the real script with stand-in `id`, `sudo` and `apt-get` on the PATH.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/ensure-debian-packages.sh', import.meta.url));

/** Runs the script with the given stand-in commands (name → shell body) first on the PATH and chromium absent. */
function run(fakes: Record<string, string>, env: Record<string, string> = {}, args: string[] = []) {
  const bin = mkdtempSync(join(tmpdir(), 'roer-apt-'));
  for (const [name, body] of Object.entries(fakes)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const r = spawnSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, ROER_CHROMIUM: join(bin, 'geen-chromium'), ...env },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/ensure-debian-packages.sh', () => {
  it('as a normal user without sudo: names the packages and the command in Dutch, and stops', () => {
    const r = run({ id: 'echo 1000', sudo: 'exit 1', 'apt-get': 'echo apt-get mag niet draaien >&2; exit 99' });
    expect(r.status).toBe(1);
    expect(r.err).toContain('de tests hebben Debian-pakketten nodig die ontbreken: chromium fonts-dejavu-core');
    expect(r.err).toContain('niet als beheerder');
    expect(r.err).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
    expect(r.err).not.toContain('apt-get mag niet draaien');
  });

  it('as root when apt-get fails (no network): apt’s last lines, then the Dutch advice, and stops', () => {
    const r = run({ id: 'echo 0', 'apt-get': 'echo "E: Unable to locate package chromium" >&2; exit 100' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('Ontbrekende Debian-pakketten installeren');
    expect(r.err).toContain('apt-get: E: Unable to locate package chromium');
    expect(r.err).toContain('apt-get kon ze niet installeren');
  });

  it('without apt-get at all: says the machine is no Debian and stops', () => {
    const bin = mkdtempSync(join(tmpdir(), 'roer-noapt-'));
    const r = spawnSync('/bin/bash', [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: `${bin}:/nonexistent`, ROER_CHROMIUM: '/geen' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('geen apt-get');
  });

  it('does nothing when the packages are there', () => {
    const r = run({ xmllint: 'echo "xmllint: using libxml version 1"', pdftoppm: 'exit 0' }, { ROER_CHROMIUM: '/bin/sh' });
    expect(r).toMatchObject({ status: 0, out: '', err: '' });
  });

  it('for npm start: wants only chromium and xmllint, and never stops the start when it cannot install them', () => {
    const r = run({ id: 'echo 1000', sudo: 'exit 1', pdftoppm: 'exit 1' }, {}, ['--start']);
    expect(r.status).toBe(0);
    expect(r.err).toContain('Debian-pakketten ontbreken: chromium fonts-dejavu-core');
    expect(r.err).toContain('Roer start zonder; de pdf van het raadsrapport werkt pas als ze er zijn');
    expect(r.err).not.toContain('poppler-utils');
  });

  it('for npm start: does nothing when chromium and xmllint are there, even without poppler-utils', () => {
    const r = run({ xmllint: 'echo "xmllint: using libxml version 1"' }, { ROER_CHROMIUM: '/bin/sh' }, ['--start']);
    expect(r).toMatchObject({ status: 0, out: '', err: '' });
  });
});
