// Backtest of the year-end forecast: replays every month of the demo data (the forecast as it would have been made at the
// end of that month, with only the invoices known then) and prints the year-end error per month of the year, for the
// region and per municipality, and how often the 80 % interval held the outcome. Asserts nothing.
// Run: npx tsx bench/forecast.ts [--db data/roer.duckdb] [--van 2018] [--tot 2023]
import { parseArgs } from 'node:util';
import { readCostTriangle } from '../src/forecast/yearend-store.ts';
import { type CostCell, type YearEndForecast, monthIndex, yearEndForecast } from '../src/forecast/yearend.ts';
import { Store } from '../src/store/index.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/roer.duckdb' },
    van: { type: 'string', default: '2018' },
    tot: { type: 'string', default: '2023' },
  },
});
const from = Number(values.van);
const to = Number(values.tot);

const store = await Store.open(values.db!, { noMigrate: true });
const groups = await readCostTriangle(store);
store.close();

const region: CostCell[] = groups.flatMap((g) => g.cells);
const byMunicipality = new Map<string, CostCell[]>();
for (const g of groups) byMunicipality.set(g.municipality, [...(byMunicipality.get(g.municipality) ?? []), ...g.cells]);

/** What a year cost in the end: every invoice in the store. */
const actual = (cells: readonly CostCell[], year: number) =>
  cells.reduce((s, c) => s + (c.careMonth >= monthIndex(year, 1) && c.careMonth <= monthIndex(year, 12) ? c.cents : 0), 0);

interface Score {
  errors: number[];
  inside: number;
  withInterval: number;
}
const score = (): Score => ({ errors: [], inside: 0, withInterval: 0 });
const regionScore = Array.from({ length: 12 }, score);
const municipalityScore = Array.from({ length: 12 }, score);

function record(s: Score, f: YearEndForecast, outcome: number) {
  s.errors.push(f.centralCents / outcome - 1);
  if (f.low80Cents === null || f.high80Cents === null) return;
  s.withInterval++;
  if (outcome >= f.low80Cents && outcome <= f.high80Cents) s.inside++;
}

const started = performance.now();
for (let year = from; year <= to; year++) {
  const regionOutcome = actual(region, year);
  for (let month = 1; month <= 12; month++) {
    const cutoff = monthIndex(year, month);
    record(regionScore[month - 1]!, yearEndForecast(region, year, cutoff), regionOutcome);
    for (const cells of byMunicipality.values()) {
      const outcome = actual(cells, year);
      if (outcome > 0) record(municipalityScore[month - 1]!, yearEndForecast(cells, year, cutoff, { pattern: region }), outcome);
    }
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(6)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const absMean = (xs: number[]) => mean(xs.map(Math.abs));
console.log(`Backtest jaareindeverwachting ${from}–${to} (${values.db}), ${byMunicipality.size} gemeenten`);
console.log('maand | regio: gem. fout | gem. |fout| | max |fout| | in 80 %-band | gemeenten: gem. |fout| | in 80 %-band');
for (let m = 0; m < 12; m++) {
  const r = regionScore[m]!;
  const g = municipalityScore[m]!;
  const band = (s: Score) => (s.withInterval ? `${s.inside}/${s.withInterval}` : '–').padStart(7);
  console.log(
    `${String(m + 1).padStart(5)} | ${pct(mean(r.errors))}        | ${pct(absMean(r.errors))}   | ${pct(Math.max(...r.errors.map(Math.abs)))} | ${band(r)}      | ${pct(absMean(g.errors))}            | ${band(g)}`,
  );
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
