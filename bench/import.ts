// Benchmark: import throughput on the demo region. Generates the region once per scale into /tmp, imports it into a
// fresh store in three timed phases (CSV exports, iJw regie messages, iJw declarations), then rebuilds the derived
// tables once (timed apart), and prints lines/s and peak RSS. The large-file throughput is bench/ijw-throughput.ts and
// bench/csv-throughput.ts; the demo's JW323s are small files (one provider-month each).
// Run: npx tsx bench/import.ts [--schaal 1,10] [--xml-jaar 2021] [--steekproef 2000] [--ijw-vanaf 2024-12-01]
// (--xml-jaar: only that year's messages; --steekproef: only the first n message files of each iJw phase, for a quick figure;
//  --ijw-vanaf: messages from that day on, CSV exports before it — as `roer start` does; keeps scale 10 to a few GB)
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromIso } from '../src/demo/dates.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { demoPaths } from '../src/demo/load.ts';
import { importPaths } from '../src/ingest/importer.ts';
import { loadMapping } from '../src/ingest/tabular/index.ts';
import { refreshDerived, Store } from '../src/store/index.ts';

const { values } = parseArgs({
  options: {
    schaal: { type: 'string', default: '1' },
    'xml-jaar': { type: 'string' },
    steekproef: { type: 'string' },
    zaad: { type: 'string', default: '42' },
    'ijw-vanaf': { type: 'string', default: '2021-01-01' },
  },
});
const ijwStart = fromIso(values['ijw-vanaf']!);
const scales = values.schaal!.split(',').map(Number);
const n = (x: number) => Math.round(x).toLocaleString('nl-NL');
const secs = (ms: number) => (ms / 1000).toFixed(1);

const sample = values.steekproef ? Number(values.steekproef) : Infinity;

/** The message files of `codes` (optionally one year, optionally the first `sample` files in name order). */
function ijwFiles(dir: string, codes: string[], year?: string): string[] {
  const root = join(dir, 'ijw');
  const out: string[] = [];
  for (const y of readdirSync(root).sort()) {
    if (year && y !== year) continue;
    for (const code of codes) {
      const d = join(root, y, code);
      if (existsSync(d))
        out.push(
          ...readdirSync(d)
            .sort()
            .map((f) => join(d, f)),
        );
    }
  }
  return out.slice(0, sample);
}

for (const scale of scales) {
  const dir = join(tmpdir(), `roer-bench-import-${values.zaad}-${scale}-${values['ijw-vanaf']}`);
  const marker = join(dir, '.klaar');
  let t = Date.now();
  if (!existsSync(marker)) {
    generateDemo({ seed: values.zaad!, scale, outDir: dir, ijwStart });
    writeFileSync(marker, new Date().toISOString());
    console.log(`schaal ${scale}: gegenereerd in ${secs(Date.now() - t)} s → ${dir}`);
  } else console.log(`schaal ${scale}: bestaande bestanden in ${dir}`);

  const dbFile = join(tmpdir(), `roer-bench-import-${process.pid}.duckdb`);
  rmSync(dbFile, { force: true });
  const store = await Store.open(dbFile);
  const secret = randomBytes(32);
  const mapping = await loadMapping(join(dir, 'mapping.json'));
  const phase = async (paths: string[]) => {
    const start = Date.now();
    const reports = await importPaths(store, paths, { secret, mapping, refreshDerived: false });
    const ms = Date.now() - start;
    const sum = (kind: string) => reports.filter((r) => r.kind === kind).reduce((s, r) => s + r.ok, 0);
    const refused = reports.filter((r) => r.status === 'geweigerd').length;
    const quarantined = reports.reduce((s, r) => s + r.quarantined, 0);
    return { ms, files: reports.length, records: reports.reduce((s, r) => s + r.total, 0), sum, refused, quarantined };
  };
  const year = values['xml-jaar'];
  console.log(
    `\nschaal ${scale}${year ? ` (iJw alleen ${year})` : ''}${sample < Infinity ? ` (steekproef: ${sample} berichten per iJw-fase)` : ''}`,
  );
  const wall = Date.now();
  const csv = await phase(demoPaths(dir).filter((p) => p.endsWith('.csv')));
  const csvLines = csv.sum('invoice_lines');
  console.log(
    `  CSV-exports:        ${n(csv.files)} bestanden, ${n(csv.records)} records in ${secs(csv.ms)} s; declaratieregels ${n(csvLines)} → ${n(csvLines / (csv.ms / 1000))} regels/s (doel ≥ 500.000)`,
  );
  const regie = await phase(ijwFiles(dir, ['JW315', 'JW301', 'JW305', 'JW307'], year));
  console.log(
    `  iJw regieberichten: ${n(regie.files)} bestanden (JW315/301/305/307) in ${secs(regie.ms)} s → ${n(regie.files / (regie.ms / 1000))} berichten/s`,
  );
  const decl = await phase(ijwFiles(dir, ['JW323', 'JW325'], year));
  const xmlLines = decl.sum('JW323');
  console.log(
    `  iJw declaraties:    ${n(decl.files)} bestanden (JW323/325), ${n(xmlLines)} prestaties in ${secs(decl.ms)} s → ${n(xmlLines / (decl.ms / 1000))} regels/s (doel ≥ 50.000)`,
  );
  // The derived tables (trajectories, year rollups) are rebuilt once, after all phases: not part of reading the files.
  t = Date.now();
  await refreshDerived(store);
  console.log(
    `  afgeleide tabellen:  opnieuw opgebouwd in ${secs(Date.now() - t)} s (na alle fasen, niet in de cijfers hierboven)`,
  );
  const wallMs = Date.now() - wall;
  store.close();
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}.wal`, { force: true });
  console.log(
    `  totaal:             ${n(csv.records + regie.records + decl.records)} records in ${secs(wallMs)} s → ${n((csv.records + regie.records + decl.records) / (wallMs / 1000))} records/s; ` +
      `geweigerd ${csv.refused + regie.refused + decl.refused}, quarantaine ${csv.quarantined + regie.quarantined + decl.quarantined}`,
  );
  console.log(`  piekgeheugen (maxRSS): ${n(process.resourceUsage().maxRSS / 1024)} MB`);
}
