// Time of a whole council report on a store: building it (every metric question), rendering the HTML and printing the
// PDF with chromium, for Steenwijkerland (1708) and for the whole region. Prints a table; asserts nothing.
//   npx tsx bench/report.ts                            the demo region in data/roer.duckdb (made by `npm start`)
//   npx tsx bench/report.ts --db x.duckdb --jaar 2018 --runs 3
// DuckDB allows one process per file: stop `roer serve` first.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dimensions } from '../src/api/dimensions.ts';
import { metricsEngine } from '../src/api/engine.ts';
import { buildReport } from '../src/report/build.ts';
import { renderHtml } from '../src/report/html.ts';
import { Printer } from '../src/report/printer.ts';
import { storeSource } from '../src/report/source.ts';
import { Store } from '../src/store/index.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/roer.duckdb' },
    jaar: { type: 'string', default: '2018' },
    runs: { type: 'string', default: '3' },
  },
});
if (!existsSync(values.db)) {
  console.error(`Geen database op ${values.db}: maak de demoregio met 'npm start' of 'roer demo', of geef --db op.`);
  process.exit(2);
}
const year = Number(values.jaar);
const runs = Math.max(1, Number(values.runs));
const store = await Store.open(values.db);
const source = storeSource(store, metricsEngine);
// As the server prints: one chromium kept open, so the first PDF includes its start and later ones do not.
const printer = new Printer();

interface Times {
  build: number;
  html: number;
  pdf: number;
  pages: number;
}

async function once(municipality: string | null): Promise<Times> {
  let t = performance.now();
  const report = await buildReport(source, { municipality, year }, new Date());
  const build = performance.now() - t;
  t = performance.now();
  // The lookups are part of rendering: the CLI and the API read them for every report.
  const html = renderHtml(report, { lookups: await dimensions(store) });
  const htmlMs = performance.now() - t;
  t = performance.now();
  const pdf = await printer.print(html, report);
  const pdfMs = performance.now() - t;
  const pages =
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  return { build, html: htmlMs, pdf: pdfMs, pages };
}

const s = (ms: number) => (ms / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`Rapport ${year} op ${values.db}: eerste keer, daarna de mediaan van ${runs} keer (seconden)\n`);
console.log(
  `${'rapport'.padEnd(28)}${'opbouw'.padStart(9)}${'HTML'.padStart(8)}${'PDF'.padStart(8)}${'totaal'.padStart(9)}${"pagina's".padStart(10)}`,
);
for (const [label, municipality] of [
  ['Steenwijkerland 1708', '1708'],
  ['hele regio', null],
] as const) {
  const all: Times[] = [];
  for (let i = 0; i <= runs; i++) all.push(await once(municipality));
  const [first, ...rest] = all;
  const row = (name: string, t: Times) =>
    console.log(
      `${name.padEnd(28)}${s(t.build).padStart(9)}${s(t.html).padStart(8)}${s(t.pdf).padStart(8)}${s(t.build + t.html + t.pdf).padStart(9)}${String(t.pages).padStart(10)}`,
    );
  row(`${label} (1e)`, first!);
  row(`${label}`, {
    build: median(rest.map((t) => t.build)),
    html: median(rest.map((t) => t.html)),
    pdf: median(rest.map((t) => t.pdf)),
    pages: first!.pages,
  });
}
await printer.close();
store.close();
