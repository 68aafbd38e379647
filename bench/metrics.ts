// Benchmark: every catalogue metric through the HTTP app in-process (app.request, no socket) with typical dashboard
// questions — whole region, one municipality, one year, split by year, split by care type — on the demo region and,
// when present, a ten-times-larger generated region. Prints p50/p95 per metric and the machine's load; asserts nothing.
// "cpu" is the process's CPU time per question (all DuckDB threads): the work done, less sensitive to a busy machine.
// With --rol the questions go through the secured app (session, scoping, suppression, audit) as a temporary user of that
// role, made for the run and removed after it, so the access layer's cost shows against a run without it.
// Run: npx tsx bench/metrics.ts [--db data/roer.duckdb] [--groot data/roer-x10.duckdb] [--herhaal 10] [--rol analyst]
//      [--alleen costs,flows]
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { catalogue } from '../src/metrics/index.ts';
import type { Metric } from '../src/metrics/types.ts';
import { Store } from '../src/store/index.ts';
import { client } from './client.ts';
import { sql } from '../src/store/sql.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/roer.duckdb' },
    groot: { type: 'string', default: 'data/roer-x10.duckdb' },
    herhaal: { type: 'string', default: '10' },
    rol: { type: 'string' },
    alleen: { type: 'string' },
  },
});
const repeats = Math.max(1, Number(values.herhaal));
const only = values.alleen?.split(',');

interface Dims {
  municipality: { value: string; label: string }[];
  years: number[];
}

/** The typical questions for one metric (only the splits it supports). */
function questions(m: Metric, dims: Dims): [string, string][] {
  const year = dims.years.length > 1 ? dims.years[dims.years.length - 2] : dims.years[0];
  const q: [string, string][] = [['regio', '']];
  if (dims.municipality[0]) q.push([`gemeente ${dims.municipality[0].label}`, `municipality=${dims.municipality[0].value}`]);
  if (year) q.push([`jaar ${year}`, `from=${year}-01-01&to=${year}-12-31`]);
  if (m.splits.includes('year')) q.push(['per jaar', 'split=year']);
  if (m.splits.includes('care_type'))
    q.push(['per zorgsoort', year ? `from=${year}-01-01&to=${year}-12-31&split=care_type` : 'split=care_type']);
  return q;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => n.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).padStart(8);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function bench(label: string, path: string): Promise<void> {
  const store = await Store.open(path);
  const { request, label: how, done } = await client(store, values.rol);
  try {
    const dims = (await (await request('/api/dimensions')).json()) as Dims;
    const counts = await store.one<{ lines: number; clients: number }>(
      sql`SELECT (SELECT count(*) FROM invoice_line) AS lines, (SELECT count(*) FROM client) AS clients`,
    );
    process.stdout.write(
      `\n${label}: ${path}  (${counts?.lines.toLocaleString('nl-NL')} declaratieregels, ` +
        `${counts?.clients.toLocaleString('nl-NL')} cliënten, ${repeats}× herhaald na 1 opwarmronde, ${how})\n`,
    );
    process.stdout.write(`belasting van de machine bij de start (1/5/15 min): ${load()}\n`);
    process.stdout.write(
      `${'analyse'.padEnd(28)} ${'vragen'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'cpu p50'.padStart(8)}  traagste vraag\n`,
    );
    const all: number[] = [];
    const allCpu: number[] = [];
    for (const m of catalogue.filter((x) => !only || only.includes(x.id))) {
      const times: number[] = [];
      const cpu: number[] = [];
      let slowest = { t: 0, name: '' };
      const failures: string[] = [];
      for (let round = 0; round <= repeats; round++) {
        for (const [name, qs] of questions(m, dims)) {
          const t0 = performance.now();
          const c0 = process.cpuUsage();
          const res = await request(`/api/metrics/${m.id}${qs ? `?${qs}` : ''}`);
          await res.arrayBuffer();
          const t = performance.now() - t0;
          const c = process.cpuUsage(c0);
          if (res.status !== 200) failures.push(`${name}: HTTP ${res.status}`);
          if (round === 0) continue; // warm-up
          times.push(t);
          cpu.push((c.user + c.system) / 1000);
          if (t > slowest.t) slowest = { t, name };
        }
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      all.push(...times);
      allCpu.push(...cpu);
      process.stdout.write(
        `${m.id.padEnd(28)} ${String(times.length).padStart(6)} ${ms(pct(times, 50))} ${ms(pct(times, 95))} ${ms(times[times.length - 1])} ${ms(pct(cpu, 50))}  ${slowest.name}` +
          `${failures.length ? `  FOUT: ${[...new Set(failures)].join('; ')}` : ''}\n`,
      );
    }
    all.sort((a, b) => a - b);
    allCpu.sort((a, b) => a - b);
    process.stdout.write(
      `${'alle analyses'.padEnd(28)} ${String(all.length).padStart(6)} ${ms(pct(all, 50))} ${ms(pct(all, 95))} ${ms(all[all.length - 1])} ${ms(pct(allCpu, 50))}\n`,
    );
    process.stdout.write(`belasting van de machine aan het eind (1/5/15 min): ${load()}\n`);
  } finally {
    await done();
    store.close();
  }
}

const runs: [string, string][] = [
  ['Demoregio', values.db!],
  ['Tien keer grotere regio', values.groot!],
];
for (const [label, path] of runs) {
  if (existsSync(path)) await bench(label, path);
  else
    process.stdout.write(
      `\n${label}: ${path} ontbreekt — maak hem met: node bin/roer.js demo ${label.startsWith('Tien') ? '--schaal 10 ' : ''}--db ${path}\n`,
    );
}
