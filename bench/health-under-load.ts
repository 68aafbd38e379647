// Benchmark: does one user's heavy question hold up everyone else? Fires four heavy questions at once (many splits,
// the slowest metrics) and meanwhile asks /api/health every 50 ms; prints the health latency before and during the
// load and how each heavy question ended (answer, refusal for a limit, time). With a login (--rol, or --cookie) it also
// times /api/session, which reads the session from the database as every logged-in request does. Asserts nothing.
// In-process on --db (open app, or with --rol the secured app as a temporary user of that role, e.g. reader: then the
// answers are suppressed), or against a running `roer serve` with --url (--cookie copied from a logged-in browser).
// Run: npx tsx bench/health-under-load.ts [--db data/roer.duckdb] [--rol reader] [--url http://127.0.0.1:3000 --cookie 'roer_sessie=…']
import { parseArgs } from 'node:util';
import { Store } from '../src/store/index.ts';
import { client, type Request as Ask } from './client.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/roer.duckdb' },
    rol: { type: 'string' },
    url: { type: 'string' },
    cookie: { type: 'string' },
  },
});

const HEAVY = [
  '/api/metrics/costs?split=month,municipality,care_type,provider',
  '/api/metrics/referrals?split=year,municipality,care_type',
  '/api/metrics/pathways',
  '/api/metrics/reentry?split=year,municipality,care_type',
];

async function asker(): Promise<{ ask: Ask; label: string; loggedIn: boolean; done: () => Promise<void> }> {
  if (values.url) {
    const base = values.url.replace(/\/$/, '');
    const headers: Record<string, string> = values.cookie ? { cookie: values.cookie } : {};
    return {
      ask: (p) => fetch(base + p, { headers }),
      label: `server ${base}`,
      loggedIn: Boolean(values.cookie),
      done: async () => {},
    };
  }
  const store = await Store.open(values.db!);
  const { request, label, done } = await client(store, values.rol);
  return {
    ask: request,
    label: `in-process op ${values.db}, ${label}`,
    loggedIn: Boolean(values.rol),
    done: async () => {
      await done();
      store.close();
    },
  };
}

const ms = (n: number) => `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ms`;
const now = () => performance.now();

async function latencies(ask: Ask, path: string, until: () => boolean, minimum = 0): Promise<number[]> {
  const out: number[] = [];
  while (!until() || out.length < minimum) {
    const t = now();
    await (await ask(path)).arrayBuffer();
    out.push(now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}

function summary(label: string, xs: number[]): void {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  console.log(
    `${label.padEnd(36)} n=${String(s.length).padStart(4)}  p50 ${ms(at(50))}  p95 ${ms(at(95))}  max ${ms(s[s.length - 1])}`,
  );
}

const { ask, label, loggedIn, done } = await asker();
const probes = loggedIn ? ['/api/health', '/api/session'] : ['/api/health'];
try {
  console.log(`/api/health onder belasting — ${label}`);
  let stopBaseline = false;
  setTimeout(() => {
    stopBaseline = true;
  }, 1000);
  const before = await Promise.all(probes.map((p) => latencies(ask, p, () => stopBaseline, 5)));
  for (const [i, p] of probes.entries()) summary(`${p} zonder belasting`, before[i]);
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
  const during = await Promise.all(probes.map((p) => latencies(ask, p, () => finished === HEAVY.length)));
  for (const [i, p] of probes.entries()) summary(`${p} tijdens 4 zware`, during[i]);
  console.log(`zware vragen samen klaar na ${ms(now() - start)}:`);
  for (const line of await Promise.all(heavy)) console.log(`  ${line}`);
} finally {
  await done();
}
