// Benchmark: does one user's heavy question hold up everyone else? Fires four heavy questions at once (many splits,
// the slowest metrics) and meanwhile asks /api/health every 50 ms; prints the health latency before and during the
// load and how each heavy question ended (answer, refusal for a limit, time). Prints figures, asserts nothing.
// In-process (app.request on --db, no login) by default, or against a running `roer serve` with --url (and --cookie,
// copied from a logged-in browser, for the metric questions).
// Run: npx tsx bench/health-under-load.ts [--db data/roer.duckdb] [--url http://127.0.0.1:3000 --cookie 'roer_sessie=…']
import { parseArgs } from 'node:util';
import { createApp } from '../src/api/app.ts';
import { Store } from '../src/store/index.ts';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'data/roer.duckdb' }, url: { type: 'string' }, cookie: { type: 'string' } },
});

const HEAVY = [
  '/api/metrics/costs?split=month,municipality,care_type,provider',
  '/api/metrics/referrals?split=year,municipality,care_type',
  '/api/metrics/pathways',
  '/api/metrics/reentry?split=year,municipality,care_type',
];

type Ask = (path: string) => Promise<Response>;

async function asker(): Promise<{ ask: Ask; label: string; done: () => void }> {
  if (values.url) {
    const base = values.url.replace(/\/$/, '');
    const headers: Record<string, string> = values.cookie ? { cookie: values.cookie } : {};
    return { ask: (p) => fetch(base + p, { headers }), label: `server ${base}`, done: () => {} };
  }
  const store = await Store.open(values.db);
  const app = createApp({ store, webDist: '/nonexistent' });
  return { ask: (p) => Promise.resolve(app.request(p)), label: `in-process op ${values.db}`, done: () => store.close() };
}

const ms = (n: number) => `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ms`;
const now = () => performance.now();

async function healthLatencies(ask: Ask, until: () => boolean, minimum = 0): Promise<number[]> {
  const out: number[] = [];
  while (!until() || out.length < minimum) {
    const t = now();
    await (await ask('/api/health')).arrayBuffer();
    out.push(now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}

function summary(label: string, xs: number[]): void {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  console.log(`${label.padEnd(22)} n=${String(s.length).padStart(4)}  p50 ${ms(at(50))}  p95 ${ms(at(95))}  max ${ms(s[s.length - 1])}`);
}

const { ask, label, done } = await asker();
try {
  console.log(`/api/health onder belasting — ${label}`);
  let stopBaseline = false;
  setTimeout(() => { stopBaseline = true; }, 1000);
  summary('zonder belasting', await healthLatencies(ask, () => stopBaseline, 5));
  const start = now();
  let finished = 0;
  const heavy = HEAVY.map(async (path) => {
    const t = now();
    const res = await ask(path);
    const text = await res.text();
    finished++;
    const why = res.status === 200 ? `${(JSON.parse(text) as { rows: unknown[] }).rows.length} rijen` : text.slice(0, 140);
    return `${String(res.status)}  ${ms(now() - t).padStart(12)}  ${path}  ${why}`;
  });
  const during = await healthLatencies(ask, () => finished === HEAVY.length);
  summary('tijdens 4 zware vragen', during);
  console.log(`zware vragen samen klaar na ${ms(now() - start)}:`);
  for (const line of await Promise.all(heavy)) console.log(`  ${line}`);
} finally {
  done();
}
