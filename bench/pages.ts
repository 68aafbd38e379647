// Page-load times of the dashboard: each page opened in Debian's chromium against the real (secured) server, timed
// from navigation to "all figures drawn" (main[data-ready]). Prints a table; asserts nothing.
//   npx tsx bench/pages.ts                 the tiny test region
//   npx tsx bench/pages.ts --db data/roer.duckdb   an existing store, e.g. the demo region made by `npm start`
//                                          (stop the server first: DuckDB allows one process per file)
import { parseArgs } from 'node:util';
import { PAGES } from '../web/src/pages/catalog.ts';
import { Store } from '../src/store/index.ts';
import { ADMIN, harness } from '../test/web/harness.ts';
import { tinyRegion } from '../test/web/region.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));
const store = values.db ? await Store.open(values.db) : await tinyRegion();
const h = await harness(store);
const page = await h.page();
await h.login(page);
if (values.db) {
  // An existing store has its own accounts; the harness added its test administrator only if none existed.
  console.log(`Store: ${values.db} (ingelogd als ${ADMIN.name} indien aangemaakt door de harness)`);
}

const ids = ((await (await page.request.get(`${h.base}/api/metrics`)).json()) as { metrics: { id: string }[] }).metrics.map((m) => m.id);
const paths = [['overzicht', '/'], ...PAGES.flatMap((p) => p.views.filter((v) => ids.includes(v.metric)).map((v) => [v.metric, `/${p.slug}?view=${v.metric}`])), ['import', '/import']];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nPagina's geladen tot alle cijfers getekend zijn (${runs}× per pagina, ms)\n`);
console.log(`${'pagina'.padEnd(24)}${'eerste'.padStart(9)}${'mediaan'.padStart(9)}${'max'.padStart(9)}`);
for (const [name, path] of paths) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await page.goto(`${h.base}${path}`);
    await page.waitForSelector('main[data-ready]');
    times.push(performance.now() - t);
  }
  console.log(`${name.padEnd(24)}${times[0].toFixed(0).padStart(9)}${median(times).toFixed(0).padStart(9)}${Math.max(...times).toFixed(0).padStart(9)}`);
}
await h.close();
