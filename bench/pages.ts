// Page-load times of the dashboard: each page opened in Debian's chromium against the real (secured) server, timed
// from navigation to "all figures drawn" (main[data-ready]). Prints a table; asserts nothing.
//   npx tsx bench/pages.ts                 the tiny test region
//   npx tsx bench/pages.ts --db data/roer.duckdb   an existing store, e.g. the demo region made by `npm start`
//                                          (stop the server first: DuckDB allows one process per file)
import { parseArgs } from 'node:util';
import { Store } from '../src/store/index.ts';
import { addUser, removeUser } from '../src/access/users.ts';
import { ADMIN, harness, offeredViews } from '../test/web/harness.ts';
import { tinyRegion } from '../test/web/region.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));
const store = values.db ? await Store.open(values.db) : await tinyRegion();
// An existing store has its own administrator, whose password we do not know: the bench logs in with an administrator
// account of its own, made for the run and removed after it; both changes are in the audit log.
const BENCH = { name: `bench-${process.pid}`, password: `bench-${crypto.randomUUID()}` };
const actor = { name: 'bench/pages', role: 'system' as const };
if (values.db)
  await addUser(
    store,
    actor,
    { name: BENCH.name, role: 'admin', municipalities: [], provider: null, team: null },
    BENCH.password,
  );
const h = await harness(store);
const page = await h.page();
await h.login(page, values.db ? BENCH : ADMIN);
if (values.db) console.log(`Store: ${values.db} (tijdelijke beheerder ${BENCH.name})`);

const views = (await offeredViews(page, h.base)).map((v) => [v.metric, `/${v.slug}?view=${v.metric}`]);
const paths = [['overzicht', '/'], ...views, ['import', '/import']];

// Two typical views per page: the whole region over all years, and one municipality in its last full year.
const dims = (await (await page.request.get(`${h.base}/api/dimensions`)).json()) as {
  municipality: { value: string; label: string }[];
  years: number[];
};
const one = dims.municipality[0];
const year = dims.years.length > 1 ? dims.years[dims.years.length - 2] : dims.years[0];
const narrowed = one && year ? `municipality=${one.value}&from=${year}&to=${year}` : '';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nPagina's geladen tot alle cijfers getekend zijn (${runs}× per pagina na 1 opwarmronde, ms)`);
console.log(`regio = hele regio, alle jaren; gemeente = ${one?.label ?? '–'} ${year ?? ''}\n`);
console.log(`${'pagina'.padEnd(24)}${'regio'.padStart(9)}${'max'.padStart(8)}${'gemeente'.padStart(10)}${'max'.padStart(8)}`);
const medians: number[] = [];
// Waits in the page itself for main[data-ready]: Playwright's waitForSelector polls at growing intervals (up to 500 ms
// apart), which added up to half a second to a page that was already drawn. A string, so no build helpers leak in.
const READY = `new Promise((resolve, reject) => {
  const ready = () => document.querySelector('main[data-ready]');
  if (ready()) return resolve(true);
  const timer = setTimeout(() => reject(new Error('niet klaar na 120 s')), 120000);
  new MutationObserver(() => { if (ready()) { clearTimeout(timer); resolve(true); } })
    .observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})`;
async function time(path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    await page.goto(`${h.base}${path}`);
    await page.evaluate(READY);
    if (i > 0) times.push(performance.now() - t);
  }
  return times;
}
for (const [name, path] of paths) {
  const region = await time(path);
  const local = narrowed ? await time(`${path}${path.includes('?') ? '&' : '?'}${narrowed}`) : [];
  medians.push(median(region), ...(local.length ? [median(local)] : []));
  const cell = (xs: number[], w: number) => (xs.length ? median(xs).toFixed(0) : '–').padStart(w);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs).toFixed(0) : '–').padStart(8);
  console.log(`${name.padEnd(24)}${cell(region, 9)}${max(region)}${cell(local, 10)}${max(local)}`);
}
const sorted = [...medians].sort((a, b) => a - b);
console.log(
  `\nMediaan over alle pagina's: ${median(sorted).toFixed(0)} ms; traagste: ${sorted.at(-1)!.toFixed(0)} ms; ` +
    `onder 1 seconde: ${sorted.filter((t) => t < 1000).length} van ${sorted.length}`,
);
if (values.db) await removeUser(store, actor, BENCH.name);
await h.close();
