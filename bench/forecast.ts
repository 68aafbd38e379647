// Backtest of the year-end forecast: replays every month of the demo data (the forecast as it would have been made at the
// end of that month, with only the invoices known then) and prints the year-end error per month of the year, for the
// region and per municipality, of the allocation model (running allocations + new inflow) next to the level model
// (recent level × season), and how often each 80 % interval held the outcome. Asserts nothing.
// Run: npx tsx bench/forecast.ts [--db data/roer.duckdb] [--van 2018] [--tot 2023]
import { parseArgs } from 'node:util';
import type { AllocatedCell } from '../src/forecast/yearend-allocations.ts';
import { readAllocated, readCostTriangle, regionLearning } from '../src/forecast/yearend-store.ts';
import { type CostCell, monthIndex, type YearEndForecast, type YearEndModel, yearEndForecast } from '../src/forecast/yearend.ts';
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
const allocatedGroups = await readAllocated(store);
store.close();

const learned = regionLearning(groups, allocatedGroups, 'care_type');
interface Subject {
  cells: CostCell[];
  allocated: AllocatedCell[];
}
const region: Subject = { cells: groups.flatMap((g) => g.cells), allocated: allocatedGroups.flatMap((a) => a.allocated) };
const byMunicipality = new Map<string, Subject>();
for (const g of groups) {
  const s = byMunicipality.get(g.municipality) ?? { cells: [], allocated: [] };
  s.cells.push(...g.cells);
  byMunicipality.set(g.municipality, s);
}
for (const a of allocatedGroups) byMunicipality.get(a.municipality)?.allocated.push(...a.allocated);

/** What a year cost in the end: every invoice in the store. */
const actual = (cells: readonly CostCell[], year: number) =>
  cells.reduce((s, c) => s + (c.careMonth >= monthIndex(year, 1) && c.careMonth <= monthIndex(year, 12) ? c.cents : 0), 0);

interface Score {
  errors: number[];
  inside: number;
  withInterval: number;
}
const MODELS: YearEndModel[] = ['allocations', 'level'];
const score = (): Score => ({ errors: [], inside: 0, withInterval: 0 });
const scores = Object.fromEntries(
  MODELS.map((m) => [m, { region: Array.from({ length: 12 }, score), municipality: Array.from({ length: 12 }, score) }]),
) as Record<YearEndModel, { region: Score[]; municipality: Score[] }>;

function record(s: Score, f: YearEndForecast, outcome: number) {
  s.errors.push(f.centralCents / outcome - 1);
  if (f.low80Cents === null || f.high80Cents === null) return;
  s.withInterval++;
  if (outcome >= f.low80Cents && outcome <= f.high80Cents) s.inside++;
}

const forecast = (s: Subject, year: number, cutoff: number, model: YearEndModel) =>
  yearEndForecast(s.cells, year, cutoff, {
    pattern: learned.pattern,
    allocated: s.allocated,
    utilisationFrom: learned.utilisationFrom(null),
    model,
  });

const started = performance.now();
for (let year = from; year <= to; year++) {
  const regionOutcome = actual(region.cells, year);
  for (let month = 1; month <= 12; month++) {
    const cutoff = monthIndex(year, month);
    for (const model of MODELS) {
      record(scores[model].region[month - 1]!, forecast(region, year, cutoff, model), regionOutcome);
      for (const s of byMunicipality.values()) {
        const outcome = actual(s.cells, year);
        if (outcome > 0) record(scores[model].municipality[month - 1]!, forecast(s, year, cutoff, model), outcome);
      }
    }
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(6)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const absMean = (xs: number[]) => mean(xs.map(Math.abs));
const band = (s: Score) => (s.withInterval ? `${s.inside}/${s.withInterval}` : '–').padStart(7);
console.log(`Backtest jaareindeverwachting ${from}–${to} (${values.db}), ${byMunicipality.size} gemeenten`);
console.log('toewijzingen = lopende toewijzingen + nieuwe instroom; niveau = recent niveau × seizoen (het oude model)');
console.log(
  'maand | regio gem. fout: toewijz. / niveau | gem. |fout|: toewijz. / niveau | in 80 %-band: toewijz. / niveau | ' +
    'gemeenten gem. |fout|: toewijz. / niveau | in 80 %-band: toewijz. / niveau',
);
const a = scores.allocations;
const l = scores.level;
for (let m = 0; m < 12; m++) {
  console.log(
    `${String(m + 1).padStart(5)} | ${pct(mean(a.region[m]!.errors))} / ${pct(mean(l.region[m]!.errors))} | ` +
      `${pct(absMean(a.region[m]!.errors))} / ${pct(absMean(l.region[m]!.errors))} | ${band(a.region[m]!)} / ${band(l.region[m]!)} | ` +
      `${pct(absMean(a.municipality[m]!.errors))} / ${pct(absMean(l.municipality[m]!.errors))} | ` +
      `${band(a.municipality[m]!)} / ${band(l.municipality[m]!)}`,
  );
}
const overall = (s: Score[]) => absMean(s.flatMap((x) => x.errors));
console.log(
  `Alle maanden, gem. |fout|: regio ${pct(overall(a.region))} / ${pct(overall(l.region))}; gemeenten ` +
    `${pct(overall(a.municipality))} / ${pct(overall(l.municipality))}`,
);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
