// Benchmark: many small iJw message files (one client each), the shape of a region's daily traffic. Imports every .xml
// under a folder into a copy of a base store (or a fresh one) and prints files/s and ms per file, per message kind.
// Run: npx tsx bench/ijw-messages.ts [folder=/tmp/s1/demo/ijw] [base.duckdb] [--max <files>]
// With a base store (e.g. one holding the demo's CSV exports) its pseudonym secret beside it is copied too.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { refreshDerived, Store, secretPath } from '../src/store/index.ts';
import { importPaths } from '../src/ingest/importer.ts';
import { loadOrCreateSecret } from '../src/ingest/pseudonym.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { max: { type: 'string' } } });
const folder = positionals[0] ?? '/tmp/s1/demo/ijw';
const base = positionals[1];
const max = values.max ? Number(values.max) : Infinity;

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...xmlFiles(p));
    else if (e.name.endsWith('.xml')) out.push(p);
  }
  return out;
}

const files = xmlFiles(folder).slice(0, max);
const work = mkdtempSync(join(tmpdir(), 'roer-bench-msg-'));
const db = join(work, 'roer.duckdb');
if (base) {
  copyFileSync(base, db);
  if (existsSync(`${base}.wal`)) copyFileSync(`${base}.wal`, `${db}.wal`);
  copyFileSync(secretPath(base), secretPath(db));
}
const store = await Store.open(db);
const secret = loadOrCreateSecret(secretPath(db));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

const load = loadavg()[0]!.toFixed(2);
const t0 = performance.now();
// The derived tables are rebuilt here, as importPaths would when anything changed: that splits import from the rebuild.
const reports = await importPaths(store, files, { secret, refreshDerived: false });
const imported = performance.now();
if (reports.some((r) => r.ok > 0)) await refreshDerived(store);
const seconds = (performance.now() - t0) / 1000;
const importSeconds = (imported - t0) / 1000;
store.close();
rmSync(work, { recursive: true, force: true });

const byKind = new Map<string, { files: number; records: number; ok: number; q: number }>();
for (const r of reports) {
  const k = byKind.get(r.kind) ?? { files: 0, records: 0, ok: 0, q: 0 };
  k.files++;
  k.records += r.total;
  k.ok += r.ok;
  k.q += r.quarantined;
  byKind.set(r.kind, k);
}
const status = (s: string) => reports.filter((r) => r.status === s).length;
console.log(
  `${files.length.toLocaleString('nl-NL')} berichtbestanden (${(bytes / 1024 ** 2).toFixed(1)} MB) uit ${folder}, in ${base ? `kopie van ${base}` : 'een lege database'} (${dirname(db)})`,
);
console.log(`belasting (1 min) bij start ${load}, na afloop ${loadavg()[0]!.toFixed(2)}`);
console.log(`ingelezen ${status('ingelezen')}, geweigerd ${status('geweigerd')}, overgeslagen ${status('overgeslagen')}`);
for (const [kind, k] of [...byKind].sort())
  console.log(`  ${kind}: ${k.files} bestanden, ${k.records} records, ${k.ok} opgeslagen, ${k.q} in quarantaine`);
console.log(
  `tijd ${seconds.toFixed(1)} s → ${(files.length / seconds).toFixed(1)} bestanden/s, ${((seconds * 1000) / files.length).toFixed(1)} ms per bestand`,
);
console.log(
  `  waarvan inlezen ${importSeconds.toFixed(1)} s (${((importSeconds * 1000) / files.length).toFixed(1)} ms per bestand), afgeleide tabellen ${(seconds - importSeconds).toFixed(1)} s`,
);
