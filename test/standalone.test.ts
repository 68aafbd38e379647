// The repository stands alone: no code, test, benchmark or script reads a path outside the clone. A user's machine has
// only the repository, so a path that climbs out of it (or names the build machines' `../shared`) is a bug.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_REGION_TABLE, municipalityList, xsdDir } from '../src/reference.ts';
import { IJW_EXAMPLES } from './fixtures/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FOLDERS = ['src', 'web', 'test', 'bench', 'scripts', 'bin', '.ci'];
const SKIP = new Set(['node_modules', 'dist']);
const SELF = fileURLToPath(import.meta.url); // quotes the bad paths it looks for
const CODE = /\.(ts|mts|js|mjs|cjs|sh|html)$|^run$/;

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP.has(name) ? [] : codeFiles(path);
    return CODE.test(name) ? [path] : [];
  });
}

const inside = (path: string) => !relative(ROOT, path).startsWith('..') && resolve(path).startsWith(resolve(ROOT) + sep);

/** Every quoted relative path in `text` ('./x', "../y", `../z`) resolved from `file`'s folder, with its line. */
function relativeLiterals(file: string, text: string): { line: number; literal: string; target: string }[] {
  const found: { line: number; literal: string; target: string }[] = [];
  for (const m of text.matchAll(/(['"`])(\.{1,2}\/[^'"`$\n]*)\1/g)) {
    found.push({ line: text.slice(0, m.index).split('\n').length, literal: m[2], target: resolve(dirname(file), m[2]) });
  }
  return found;
}

/** Lines that name a place outside the repository: the build machines' shared folder, a home or work directory, or a '..' path segment handed to join/resolve. */
const OUTSIDE = [
  /(\.\.\/|['"`])shared(\/|['"`])/,
  /\b(domain|engineering-notes)\.md\b/,
  /['"`]\/(work|home|root)\//,
  /\b(join|resolve)\([^)]*['"`]\.\.['"`]/,
];

describe('the repository stands alone', () => {
  const files = FOLDERS.flatMap((f) => codeFiles(join(ROOT, f))).filter((f) => f !== SELF);

  it('scans the code of every folder a user runs', () => {
    for (const f of [
      'src/reference.ts',
      'src/ingest/importer.ts',
      'scripts/ensure-debian-packages.sh',
      '.ci/run',
      'bin/roer.js',
    ]) {
      expect(files).toContain(join(ROOT, f));
    }
  });

  it('no relative path in src, web, test, bench, scripts or bin climbs out of the repository', () => {
    const escapes = files.flatMap((file) =>
      relativeLiterals(file, readFileSync(file, 'utf8'))
        .filter((r) => !inside(r.target))
        .map((r) => `${relative(ROOT, file)}:${r.line}: ${r.literal}`),
    );
    expect(escapes).toEqual([]);
  });

  it('no file names a folder outside the repository', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (OUTSIDE.some((re) => re.test(line)) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('the checks above catch the ways the repository used to read ../shared', () => {
    const file = join(ROOT, 'src/ingest/example.ts');
    expect(
      relativeLiterals(file, "new URL('../../../shared/reference/x.csv', import.meta.url)").map((r) => inside(r.target)),
    ).toEqual([false]);
    expect(relativeLiterals(file, "import { x } from '../store/index.ts';").map((r) => inside(r.target))).toEqual([true]);
    expect(OUTSIDE.some((re) => re.test("return resolve(repo, '..', 'shared', 'ijw', 'xsd');"))).toBe(true);
    expect(OUTSIDE.some((re) => re.test('// see ../shared/ijw/README.md'))).toBe(true);
  });

  it('the reference data and the test fixtures are inside the repository, where their READMEs say', () => {
    const env = {} as NodeJS.ProcessEnv;
    for (const path of [xsdDir(env), municipalityList(env), DEMO_REGION_TABLE, IJW_EXAMPLES]) expect(inside(path)).toBe(true);
    expect(relative(ROOT, municipalityList(env))).toBe(join('reference', 'gemeenten', 'gemeenten-2026.csv'));
    for (const dir of ['reference/ijw', 'reference/gemeenten', 'reference/demo', 'test/fixtures']) {
      expect(readFileSync(join(ROOT, dir, 'README.md'), 'utf8')).toMatch(/Bron|bron/);
    }
  });

  it('.ci/run tests a fresh clone in a new empty folder, with the README’s test command', () => {
    const run = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(run).toMatch(/mktemp -d/);
    expect(run).toMatch(/git clone/);
    expect(run).toMatch(/README\.md/);
  });
});
