// Debian's native xmllint (package libxml2-utils) as a child process: ≈ 3× less CPU than libxml2 as WebAssembly and off
// Node's heap. Files are linked into a private folder as f<i>.xml, so its output reads exactly like the wasm build's.
// Safe flags only: --nonet (no network), --nocatalogs, no --noent (entities are never expanded), no --xinclude, no --huge.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One file to validate: a path on disk (linked, never copied) or bytes in memory (written to the private folder). */
export type LintInput = { path: string } | { contents: Buffer };

export interface LintResult {
  /** Everything xmllint printed (its per-file lines start with `f<i>.xml`). */
  output: string;
  /** True when xmllint ended as it does for valid or invalid documents (exit 0, 1, 3 or 4). */
  normal: boolean;
}

let found: string | null | undefined;

/**
 * The native xmllint to use, or null when there is none (then the wasm build validates). `ROER_XMLLINT` names a binary,
 * or is `wasm` to force the fall-back.
 * @example nativeXmllint() // '/usr/bin/xmllint' on a machine with libxml2-utils
 */
export function nativeXmllint(env: NodeJS.ProcessEnv = process.env): string | null {
  if (found !== undefined) return found;
  const wanted = env.ROER_XMLLINT ?? 'xmllint';
  if (wanted === 'wasm') return (found = null);
  const probe = spawnSync(wanted, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  found = probe.status === 0 && /Schemas/.test(probe.stderr + probe.stdout) ? wanted : null;
  return found;
}

/**
 * Validates `inputs` against the message schemas in `xsdDir` through `schema`, an umbrella that imports them (its
 * schemaLocations are rewritten to absolute file URLs); `stream` uses libxml2's reader (bounded memory, any size).
 */
export async function runNative(
  binary: string,
  xsdDir: string,
  umbrella: string,
  inputs: LintInput[],
  stream: boolean,
): Promise<LintResult> {
  const dir = await mkdtemp(join(tmpdir(), 'roer-xmllint-'));
  try {
    const absolute = umbrella.replace(
      /schemaLocation="([^"]+)"/g,
      (_, f: string) => `schemaLocation="${pathToFileURL(join(resolve(xsdDir), f)).href}"`,
    );
    await writeFile(join(dir, 'roer-ijw.xsd'), absolute);
    await Promise.all(
      inputs.map((input, i) =>
        'path' in input
          ? symlink(resolve(input.path), join(dir, `f${i}.xml`))
          : writeFile(join(dir, `f${i}.xml`), input.contents),
      ),
    );
    const args = [
      '--noout',
      '--nonet',
      '--nocatalogs',
      ...(stream ? ['--stream'] : []),
      '--schema',
      'roer-ijw.xsd',
      ...inputs.map((_, i) => `f${i}.xml`),
    ];
    return await new Promise<LintResult>((done, fail) => {
      const child = spawn(binary, args, {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
      });
      const out: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => out.push(b));
      child.on('error', fail);
      child.on('close', (code) =>
        done({ output: Buffer.concat(out).toString('utf8'), normal: code !== null && [0, 1, 3, 4].includes(code) }),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
