// Fuzzing the importers with seeded, generated bad input: every mutated file is either read (bad records quarantined
// with a Dutch reason) or refused with a Dutch note — never a crash, never a BSN in the quarantine.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/index.ts';
import { importPaths } from '../../src/ingest/importer.ts';
import { loadMapping } from '../../src/ingest/tabular/index.ts';
import { SECRET } from './harness.ts';
import { IJW_EXAMPLES } from '../fixtures/index.ts';
import { sql } from '../../src/store/sql.ts';

const TABULAR = new URL('./tabular/', import.meta.url);
const BSNS = ['999900006', '123456782'];

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  '',
  '<',
  '&',
  '&amp;',
  ']]>',
  '\u0000',
  '\uFFFD',
  '€',
  '-1',
  '99999999999999999999',
  '31-02-2019',
  '2019-13-01',
  'é',
  '"',
  ';',
  '\n',
  '=cmd|calc',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  '&e;',
  'x'.repeat(300),
];

/** Mutates a text: replace, delete or insert a slice, or splice in a nasty token. */
function mutate(text: string, r: () => number): string {
  let out = text;
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * out.length);
    const len = Math.floor(r() * 12);
    const token = NASTY[Math.floor(r() * NASTY.length)]!;
    const op = Math.floor(r() * 3);
    out =
      op === 0
        ? out.slice(0, at) + token + out.slice(at + len)
        : op === 1
          ? out.slice(0, at) + out.slice(at + len)
          : out.slice(0, at) + token + out.slice(at);
  }
  return out;
}

describe('importer fuzzing (seeded)', () => {
  it('reads or refuses 60 mutated iJw messages, with a Dutch reason and no BSN in quarantine', async () => {
    const r = rng(20261125);
    const dir = mkdtempSync(join(tmpdir(), 'roer-fuzz-xml-'));
    const names = ['JW301', 'JW305', 'JW307', 'JW315', 'JW323', 'JW325'];
    for (let i = 0; i < 60; i++) {
      const name = names[i % names.length]!;
      writeFileSync(join(dir, `${name}_${i}.xml`), mutate(readFileSync(join(IJW_EXAMPLES, `${name}.xml`), 'utf8'), r));
    }
    const store = await Store.open(':memory:');
    const reports = await importPaths(store, [dir], { secret: SECRET });
    expect(reports).toHaveLength(60);
    for (const rep of reports) {
      expect(['ingelezen', 'geweigerd', 'overgeslagen']).toContain(rep.status);
      if (rep.status === 'geweigerd') expect(rep.note, rep.fileName).toMatch(/[a-z]{3,}/);
      for (const p of rep.problems) expect(p.reason.length, rep.fileName).toBeGreaterThan(3);
    }
    const raw = await store.all<{ t: string }>(sql`SELECT coalesce(raw, '') || ' ' || reason AS t FROM quarantine`);
    for (const { t } of raw) for (const bsn of BSNS) expect(t).not.toContain(bsn);
    store.close();
  });

  it('reads or refuses 40 mutated CSV exports, quarantining bad lines with line number and reason', async () => {
    const r = rng(42);
    const dir = mkdtempSync(join(tmpdir(), 'roer-fuzz-csv-'));
    const sources = ['declaraties-2019.csv', 'toewijzingen-2019.csv', 'budgetten-2019.csv', 'clienten.csv'];
    for (let i = 0; i < 40; i++) {
      const src = sources[i % sources.length]!;
      const text = readFileSync(new URL(src, TABULAR), 'utf8');
      const [header, ...lines] = text.split('\n');
      writeFileSync(
        join(dir, src.replace('.csv', `-f${i}.csv`)),
        [header, ...lines.map((l) => (r() < 0.5 ? mutate(l, r) : l))].join('\n'),
      );
    }
    copyFileSync(new URL('mapping.json', TABULAR), join(dir, 'mapping.json.txt'));
    const mapping = await loadMapping(join(dir, 'mapping.json.txt'));
    const store = await Store.open(':memory:');
    const reports = await importPaths(store, [dir], { secret: SECRET, mapping });
    const csv = reports.filter((rep) => rep.fileName.endsWith('.csv'));
    expect(csv).toHaveLength(40);
    for (const rep of csv) {
      expect(['ingelezen', 'geweigerd', 'overgeslagen']).toContain(rep.status);
      if (rep.status === 'geweigerd') expect(rep.note, rep.fileName).toMatch(/[a-z]{3,}/);
      for (const p of rep.problems) {
        expect(p.record, rep.fileName).toBeGreaterThan(1);
        expect(p.reason.length).toBeGreaterThan(3);
      }
    }
    const raw = await store.all<{ t: string }>(sql`SELECT coalesce(raw, '') AS t FROM quarantine`);
    for (const { t } of raw) for (const bsn of BSNS) expect(t).not.toContain(bsn);
    store.close();
  });
});
