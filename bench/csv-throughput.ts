// Benchmark: end-to-end CSV import of invoice lines (scan, read_csv, typing, pseudonyms, upsert) into an in-memory store.
// Run: npx tsx bench/csv-throughput.ts [lines=1000000] [runs=2]. Prints lines/s per run with the time per step, CPU time
// and the load average (the machine is shared), then a re-import of the same file; the target is ≥ 500,000 lines/s.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type Sql } from '../src/store/index.ts';
import { importTabular } from '../src/ingest/tabular/index.ts';
import { parseMapping } from '../src/ingest/tabular/mapping.ts';

const lines = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'roer-bench-'));
const path = join(dir, 'declaraties-bench.csv');

/** A valid BSN from a seed: 8 digits, then the check digit that satisfies the 11-proof (skipping seeds that need 10). */
function bsn(seed: number): string {
  for (let s = seed; ; s += 7919) {
    const d = String(10000000 + (s % 89999999)).padStart(8, '0');
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
    const check = sum % 11;
    if (check < 10) return d + String(check);
  }
}

async function generate(): Promise<void> {
  const out = createWriteStream(path);
  const clients = Array.from({ length: 20_000 }, (_, i) => bsn(i * 104729 + 13));
  out.write(
    'Aanbieder;Referentie;Gemeente;BSN;Toewijzing;Product;Categorie;Begindatum;Einddatum;Volume;Eenheid;Tarief;Bedrag;DebetCredit;Factuurnummer;Factuurdatum\n',
  );
  let buf = '';
  for (let i = 0; i < lines; i++) {
    const agb = String(12000000 + (i % 150));
    const m = 1 + (i % 12);
    const day = String(m).padStart(2, '0');
    const vol = 1 + (i % 40);
    const euros = vol * 95;
    buf += `${agb};REF${i};${['0150', '0148', '0160'][i % 3]};${clients[(i * 31) % clients.length]};TW${i % 50000};45A0${i % 9};45;01-${day}-2019;28-${day}-2019;${vol};04;95,00;€ ${euros.toLocaleString('nl-NL')},00;${i % 50 === 0 ? 'C' : 'D'};F${i >> 6};05-${day}-2019\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

const mapping = parseMapping({
  source: 'bench',
  tables: [
    {
      kind: 'invoice_lines',
      files: 'declaraties*.csv',
      dateFormat: 'dd-mm-jjjj',
      decimal: ',',
      columns: {
        provider_agb: 'Aanbieder',
        reference: 'Referentie',
        municipality: 'Gemeente',
        bsn: 'BSN',
        allocation_no: 'Toewijzing',
        product_code: 'Product',
        product_category: 'Categorie',
        period_start: 'Begindatum',
        period_end: 'Einddatum',
        volume: 'Volume',
        unit: 'Eenheid',
        tariff: 'Tarief',
        amount: 'Bedrag',
        debit_credit: 'DebetCredit',
        invoice_no: 'Factuurnummer',
        invoice_date: 'Factuurdatum',
      },
    },
  ],
});

/**
 * Wall and CPU time per step of the pipeline, told apart by the statements DuckDB runs; what is left is JS (the byte
 * scan). CPU counts this process's threads (DuckDB's too): on a shared machine it varies less than wall time.
 */
function profile(store: Store): Map<string, { ms: number; cpu: number }> {
  const steps = new Map<string, { ms: number; cpu: number }>();
  const step = (sql: string) =>
    sql.startsWith('DESCRIBE')
      ? 'kopregel (read_csv)'
      : sql.includes('CREATE TEMP TABLE roer_base')
        ? 'read_csv + typeren/valideren'
        : sql.includes('__bsn')
          ? 'pseudoniemen'
          : sql.includes('HAVING count(*) > 1')
            ? 'dubbelen'
            : /^\s*(INSERT|UPDATE|SELECT EXISTS)/.test(sql)
              ? 'wegschrijven'
              : 'overig SQL';
  // `one` goes through `all`, so wrapping `run` and `all` sees every statement once.
  const timed =
    <R>(call: (q: Sql) => Promise<R>) =>
    async (q: Sql): Promise<R> => {
      const t = performance.now(),
        c0 = process.cpuUsage();
      try {
        return await call(q);
      } finally {
        const cu = process.cpuUsage(c0),
          s = steps.get(step(q.text)) ?? { ms: 0, cpu: 0 };
        steps.set(step(q.text), { ms: s.ms + performance.now() - t, cpu: s.cpu + (cu.user + cu.system) / 1000 });
      }
    };
  store.run = timed(store.run.bind(store));
  store.all = timed(store.all.bind(store)) as Store['all'];
  return steps;
}

async function importOnce(store: Store, fileId: string) {
  const quarantined: unknown[] = [];
  const steps = profile(store);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcome = await store.transaction(() =>
    importTabular(
      {
        store,
        secret: Buffer.alloc(32, 1),
        fileId,
        path,
        fileName: 'declaraties-bench.csv',
        quarantine: (p) => {
          quarantined.push(p);
        },
      },
      mapping,
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const sql = [...steps.values()].reduce((a, b) => ({ ms: a.ms + b.ms, cpu: a.cpu + b.cpu }), { ms: 0, cpu: 0 });
  steps.set('JS (byte-scan e.d.)', { ms: seconds * 1000 - sql.ms, cpu: (cpu.user + cpu.system) / 1000 - sql.cpu });
  return { outcome, quarantined: quarantined.length, seconds, cpu: (cpu.user + cpu.system) / 1e6, steps };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const print = (label: string, r: Awaited<ReturnType<typeof importOnce>>) => {
  console.log(
    `${label}: ${Math.round(lines / r.seconds).toLocaleString('nl-NL')} regels/s (${r.seconds.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s); ` +
      `opgeslagen ${r.outcome.ok}, ongewijzigd ${r.outcome.unchanged}, quarantaine ${r.quarantined}; load ${load()}`,
  );
  for (const [k, { ms, cpu }] of r.steps)
    console.log(`    ${k.padEnd(30)} ${(ms / 1000).toFixed(2).padStart(6)} s (CPU ${(cpu / 1000).toFixed(2)} s)`);
};

await generate();
const mb = statSync(path).size / 1e6;
console.log(
  `CSV-import: ${lines.toLocaleString('nl-NL')} declaratieregels (${mb.toFixed(0)} MB), ${runs}× in een nieuwe store, ${cpus().length} cores`,
);
for (let i = 1; i <= runs; i++) {
  const store = await Store.open(':memory:');
  print(`  run ${i}, eerste import`, await importOnce(store, 'bench'));
  if (i === runs) print(`  run ${i}, zelfde bestand opnieuw`, await importOnce(store, 'bench-2'));
  store.close();
}
console.log(`  piekgeheugen (RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
