// Backtest of the year-end forecast: replays every month of the demo data (the forecast as it would have been made at the
// end of that month, with only the invoices known then) and prints the year-end error per month of the year, for the
// region and per municipality, of the allocation model (running allocations + new inflow) next to the level model
// (recent level × season), and how often the 80 % interval held the outcome and how wide it was: the old band (the
// forecast's own earlier years) next to the pooled one (yearend-band.ts) and a variant; then the time the year-end view
// (API, dashboard, report) takes per question, the first after opening the store and the next. Asserts nothing.
// Run: npx tsx bench/forecast.ts [--db data/roer.duckdb] [--van 2018] [--tot 2023]
import { parseArgs } from 'node:util';
import type { AllocatedCell } from '../src/forecast/yearend-allocations.ts';
import { errorPool, readAllocated, readCostTriangle, regionLearning } from '../src/forecast/yearend-store.ts';
import { quantileSorted } from '../src/forecast/quantile.ts';
import { type Band, band80, type BandOptions, type PastError } from '../src/forecast/yearend-band.ts';
import {
  type CostCell,
  monthIndex,
  pastErrors,
  type YearEndForecast,
  type YearEndModel,
  yearEndForecast,
} from '../src/forecast/yearend.ts';
import { yearEndView } from '../src/forecast/yearend-view.ts';
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
}
const MODELS: YearEndModel[] = ['allocations', 'level'];
const score = (): Score => ({ errors: [] });
const scores = Object.fromEntries(
  MODELS.map((m) => [m, { region: Array.from({ length: 12 }, score), municipality: Array.from({ length: 12 }, score) }]),
) as Record<YearEndModel, { region: Score[]; municipality: Score[] }>;

function record(s: Score, f: YearEndForecast, outcome: number) {
  s.errors.push(f.centralCents / outcome - 1);
}

/** The bands compared (on the level model, which gives the central value): the old one and the pooled variants. */
const BANDS: { name: string; options: BandOptions | null }[] = [
  { name: 'oud (eigen jaren)', options: null },
  { name: 'nieuw: gepoold, 40 dichtstbij in omvang', options: {} },
  { name: 'gepoold, 40 dichtstbij, geschaald met √omvang', options: { scaled: true } },
];
interface Coverage {
  inside: number;
  withInterval: number;
  widths: number[];
}
const coverage = () => Array.from({ length: 12 }, (): Coverage => ({ inside: 0, withInterval: 0, widths: [] }));
const bandScores = BANDS.map(() => ({ region: coverage(), municipality: coverage() }));

/** The band as it was: P10/P90 of the forecast's own earlier errors (forecast ÷ outcome − 1, every earlier year with
 * data), at least three. */
function oldBand(central: number, own: readonly PastError[]): Band {
  const errors = own.map((e) => Math.exp(e.logRatio) - 1).sort((a, b) => a - b);
  if (errors.length < 3) return { low: null, high: null, reason: 'te weinig jaren' };
  return {
    low: Math.min(central, Math.round(central / (1 + quantileSorted(errors, 0.9)!))),
    high: Math.max(central, Math.round(central / (1 + quantileSorted(errors, 0.1)!))),
    reason: null,
  };
}

function recordBand(c: Coverage, b: Band, central: number, outcome: number) {
  if (b.low === null) return;
  c.withInterval++;
  if (outcome >= b.low && outcome <= b.high) c.inside++;
  c.widths.push((b.high - b.low) / central);
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
    const pool = errorPool(groups, year, cutoff, learned.pattern);
    const bands = (s: Subject, outcome: number, at: 'region' | 'municipality') => {
      const f = forecast(s, year, cutoff, 'level');
      const own = pastErrors(s.cells, year, cutoff, { pattern: learned.pattern }, true);
      BANDS.forEach((b, i) => {
        const band = b.options === null ? oldBand(f.centralCents, own) : band80(f.centralCents, pool, b.options);
        recordBand(bandScores[i]![at][month - 1]!, band, f.centralCents, outcome);
      });
    };
    bands(region, regionOutcome, 'region');
    for (const s of byMunicipality.values()) {
      const outcome = actual(s.cells, year);
      if (outcome > 0) bands(s, outcome, 'municipality');
    }
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(6)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const absMean = (xs: number[]) => mean(xs.map(Math.abs));
console.log(`Backtest jaareindeverwachting ${from}–${to} (${values.db}), ${byMunicipality.size} gemeenten`);
console.log('toewijzingen = lopende toewijzingen + nieuwe instroom; niveau = recent niveau × seizoen (het oude model)');
console.log(
  'maand | regio gem. fout: toewijz. / niveau | gem. |fout|: toewijz. / niveau | ' + 'gemeenten gem. |fout|: toewijz. / niveau',
);
const a = scores.allocations;
const l = scores.level;
for (let m = 0; m < 12; m++) {
  console.log(
    `${String(m + 1).padStart(5)} | ${pct(mean(a.region[m]!.errors))} / ${pct(mean(l.region[m]!.errors))} | ` +
      `${pct(absMean(a.region[m]!.errors))} / ${pct(absMean(l.region[m]!.errors))} | ` +
      `${pct(absMean(a.municipality[m]!.errors))} / ${pct(absMean(l.municipality[m]!.errors))}`,
  );
}
const band = (c: Coverage) => (c.withInterval ? `${c.inside}/${c.withInterval}` : '–').padStart(6);
const width = (c: Coverage) => (c.widths.length ? pct(mean(c.widths)) : '–'.padStart(8));
const sum = (cs: Coverage[]) => ({
  inside: cs.reduce((t, c) => t + c.inside, 0),
  withInterval: cs.reduce((t, c) => t + c.withInterval, 0),
  widths: cs.flatMap((c) => c.widths),
});
const share = (c: Coverage) => (c.withInterval ? pct(c.inside / c.withInterval) : '–');
BANDS.forEach((b, i) => {
  const sc = bandScores[i]!;
  console.log(`\n80 %-band ${b.name} (niveaumodel): in de band / met band, gemiddelde breedte (hoog − laag) ÷ centraal`);
  console.log('maand |  regio  breedte | gemeenten  breedte');
  for (let m = 0; m < 12; m++)
    console.log(
      `${String(m + 1).padStart(5)} | ${band(sc.region[m]!)} ${width(sc.region[m]!)} | ${band(sc.municipality[m]!)} ${width(sc.municipality[m]!)}`,
    );
  const r = sum(sc.region);
  const g = sum(sc.municipality);
  console.log(`alle | ${band(r)} ${width(r)} (${share(r)}) | ${band(g)} ${width(g)} (${share(g)})`);
});
const overall = (s: Score[]) => absMean(s.flatMap((x) => x.errors));
console.log(
  `Alle maanden, gem. |fout|: regio ${pct(overall(a.region))} / ${pct(overall(l.region))}; gemeenten ` +
    `${pct(overall(a.municipality))} / ${pct(overall(l.municipality))}`,
);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);

// The view as a question asks it: the region and one municipality, at the store's last data month.
const viewStore = await Store.open(values.db!, { noMigrate: true });
const someMunicipality = [...byMunicipality.keys()][0]!;
for (const [label, municipalities] of [
  ['regio', null],
  [`gemeente ${someMunicipality}`, [someMunicipality]],
  ['regio', null],
  [`gemeente ${someMunicipality}`, [someMunicipality]],
] as const) {
  const t = performance.now();
  await yearEndView(viewStore, { municipalities, per: 'care_type' });
  console.log(`Jaareinde-overzicht ${label}: ${Math.round(performance.now() - t)} ms`);
}
viewStore.close();
