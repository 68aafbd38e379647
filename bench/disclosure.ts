// Benchmark of utility: how much the disclosure control for readers and providers (suppression, then cell-key
// perturbation) changes the published figures on the demo region. For every metric a reader may see, typical questions
// (whole region, each municipality, each year split by care type and by referrer type) are answered exactly and as a
// reader would see them; prints per metric the share of cells hidden and the mean and maximum relative change of the
// visible figures. Asserts nothing.
// Run: npx tsx bench/disclosure.ts [--db data/roer.duckdb]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { perturb } from '../src/access/disclosure.ts';
import { DEFAULT_THRESHOLD } from '../src/access/scope.ts';
import { suppress } from '../src/access/suppress.ts';
import { catalogue, computeMetric } from '../src/metrics/index.ts';
import type { MetricRequest, MetricResult, Value } from '../src/metrics/types.ts';
import { Store } from '../src/store/index.ts';
import { sql } from '../src/store/sql.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'data/roer.duckdb' } } });
const store = await Store.open(values.db!);
const key = randomBytes(32);
const years = (await store.all<{ y: number }>(sql`SELECT DISTINCT year(care_date) AS y FROM d_cost ORDER BY y`)).map((r) =>
  Number(r.y),
);
const municipalities = (await store.all<{ m: string }>(sql`SELECT DISTINCT municipality AS m FROM d_cost ORDER BY m`)).map(
  (r) => r.m,
);

function questions(splits: readonly string[]): MetricRequest[] {
  const q: MetricRequest[] = [{ filters: {}, split: [] }];
  for (const m of municipalities) q.push({ filters: { municipality: [m] }, split: [] });
  for (const y of years.slice(-4)) {
    for (const s of ['care_type', 'referrer_type']) {
      if (splits.includes(s)) q.push({ filters: { from: `${y}-01-01`, to: `${y}-12-31` }, split: [s as never] });
    }
  }
  return q;
}

interface Tally {
  cells: number;
  hidden: number;
  changes: number[];
}

function compare(exact: MetricResult, seen: MetricResult, t: Tally): void {
  const keys = new Set<string>(exact.split);
  const figures = exact.columns.filter((c) => !keys.has(c.name) && c.unit !== 'text' && c.unit !== 'date');
  const pairs: [Record<string, Value>, Record<string, Value>][] = exact.rows.map((r, i) => [r, seen.rows[i]]);
  if (exact.totals && seen.totals) pairs.push([exact.totals, seen.totals]);
  for (const [e, s] of pairs) {
    for (const c of figures) {
      const a = e[c.name];
      if (typeof a !== 'number' || a === 0) continue;
      t.cells++;
      const b = s[c.name];
      if (typeof b !== 'number') t.hidden++;
      else t.changes.push(Math.abs(b - a) / Math.abs(a));
    }
  }
}

const pct = (x: number) => `${(100 * x).toFixed(2).replace('.', ',')} %`;
console.log(
  `Demoregio ${values.db}: ${municipalities.length} gemeenten, jaren ${years[0]}–${years.at(-1)}; drempel ${DEFAULT_THRESHOLD}`,
);
console.log(
  'maatstaf'.padEnd(26) +
    'cellen'.padStart(8) +
    'verborgen'.padStart(11) +
    'gem. wijziging'.padStart(16) +
    'max. wijziging'.padStart(16),
);
const all: Tally = { cells: 0, hidden: 0, changes: [] };
for (const metric of catalogue.filter((m) => !m.clientRows)) {
  const t: Tally = { cells: 0, hidden: 0, changes: [] };
  for (const q of questions(metric.splits)) {
    let exact: MetricResult;
    try {
      exact = await computeMetric(store, metric.id, q);
    } catch {
      continue; // a question this metric does not take
    }
    let seen: MetricResult;
    try {
      seen = perturb(suppress(exact, DEFAULT_THRESHOLD), key, DEFAULT_THRESHOLD);
    } catch {
      continue; // refused to readers as a whole (no client count to protect)
    }
    compare(exact, seen, t);
  }
  all.cells += t.cells;
  all.hidden += t.hidden;
  all.changes.push(...t.changes);
  const mean = t.changes.reduce((s, x) => s + x, 0) / Math.max(1, t.changes.length);
  const max = t.changes.reduce((s, x) => Math.max(s, x), 0);
  console.log(
    metric.id.padEnd(26) +
      String(t.cells).padStart(8) +
      pct(t.hidden / Math.max(1, t.cells)).padStart(11) +
      pct(mean).padStart(16) +
      pct(max).padStart(16),
  );
}
const mean = all.changes.reduce((s, x) => s + x, 0) / Math.max(1, all.changes.length);
console.log(
  'alles'.padEnd(26) +
    String(all.cells).padStart(8) +
    pct(all.hidden / Math.max(1, all.cells)).padStart(11) +
    pct(mean).padStart(16) +
    pct(all.changes.reduce((s, x) => Math.max(s, x), 0)).padStart(16),
);
store.close();
