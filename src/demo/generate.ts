// Generates the demo region into a folder: case-system CSV exports for 2015–2020 (+ mapping.json), reference tables,
// and iJw 3.2 messages from 2021. Deterministic: the same seed and scale give byte-identical files.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BsnSequence } from './bsn.ts';
import { PRODUCTS } from './catalogue.ts';
import { CsvFile } from './csv/format.ts';
import {
  TABLES,
  allocationsTable,
  budgetsTable,
  costLinesTable,
  clientsTable,
  invoiceLinesTable,
  mappingJson,
  pgbTable,
  populationTable,
  productsTable,
  providersTable,
  type TableDef,
} from './csv/tables.ts';
import { yearOf, type Day } from './dates.ts';
import { budgets, pgbLines, type BudgetRow } from './extras.ts';
import { costLines, type CostLineRow } from './costlines.ts';
import { IJW_START, emptyCounts, writeIjw, type IjwCounts } from './ijw/write.ts';
import type { Allocation, Client, InvoiceLine, PgbLine } from './model.ts';
import { makeProviders, makeReferrers, type Provider, type Referrers } from './parties.ts';
import { referrerRegistry, type RegisteredReferrer } from './practices.ts';
import { referrersTable } from './csv/referrers.ts';
import { Rng } from '../random.ts';
import { countYouths, nationalCbsFiles, writeNationalCbs, type YouthCounts } from './cbsnational.ts';
import { addOwnCosts, type OwnCosts } from './cbscosts.ts';
import { writeContextDeciles } from './contextdeciles.ts';
import { YEARS, loadRegion, populationRows, type Municipality } from './region.ts';
import { simulateMunicipality } from './trajectories.ts';
import { invoiceLines } from './invoicing.ts';

export interface DemoOptions {
  seed: string | number;
  /** 1 = the real size of the region. */
  scale: number;
  outDir: string;
  onProgress?: (done: number, total: number, label: string) => void;
  /**
   * The day from which the region's traffic is written as iJw messages (default 2021-01-01); everything before it goes
   * into the case-system CSV exports. A later day makes a quick start: one message file per client decision is slow to read.
   */
  ijwStart?: Day;
}

export interface DemoSummary {
  outDir: string;
  municipalities: number;
  providers: number;
  clients: number;
  allocations: { csv: number; xml: number };
  invoiceLines: { csv: number; xml: number };
  pgbLines: number;
  budgetRows: number;
  costLineRows: number;
  csvFiles: number;
  ijw: IjwCounts;
}

const MAPPING_FILE = 'mapping.json';

/** Removes what an earlier run wrote (only the demo's own files), so a re-run leaves exactly one region behind. */
function clearOutput(outDir: string): void {
  if (!existsSync(outDir)) {
    mkdirSync(outDir, { recursive: true });
    return;
  }
  const ours = new Set(
    TABLES.flatMap((t) => (t.file.includes('{jaar}') ? YEARS.map((y) => t.file.replace('{jaar}', String(y))) : [t.file])),
  );
  for (const name of readdirSync(outDir)) {
    if (ours.has(name) || name === MAPPING_FILE || name === 'ijw') rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

function open<T>(outDir: string, table: TableDef<T>, year?: number): CsvFile {
  return new CsvFile(join(outDir, table.file.replace('{jaar}', String(year))), [
    ...table.columns.map(([, name]) => name),
    ...(table.wide?.columns ?? []),
  ]);
}

export interface MunicipalityResult {
  index: number;
  municipality: Municipality;
  clients: Client[];
  allocations: Allocation[];
  lines: InvoiceLine[];
  pgb: { clients: Client[]; lines: PgbLine[] };
  budgets: BudgetRow[];
  costLines: CostLineRow[];
  rng: Rng;
}

export interface RegionSetup {
  root: Rng;
  region: Municipality[];
  providers: Provider[];
  referrers: Referrers;
  /** The AGB list naming the referrers (written as verwijzers.csv). */
  registry: RegisteredReferrer[];
  bsns: BsnSequence;
}

/** The fixed parts of the region for a seed: municipalities, providers, referrers. */
export function setupRegion(seed: string | number): RegionSetup {
  const root = new Rng(String(seed));
  const region = loadRegion();
  const referrers = makeReferrers(root.fork('verwijzers'), region);
  return {
    root,
    region,
    providers: makeProviders(root.fork('aanbieders')),
    referrers,
    registry: referrerRegistry(root.fork('verwijzerslijst'), referrers, region),
    bsns: new BsnSequence(),
  };
}

/** The simulated region, one municipality at a time (so memory holds one municipality's records). */
export function* simulateRegion(setup: RegionSetup, scale: number): Generator<MunicipalityResult> {
  const { root, providers, referrers, bsns } = setup;
  for (const [i, m] of setup.region.entries()) {
    const rng = root.fork(m.code);
    const sim = simulateMunicipality(m, { rng: rng.fork('zorg'), scale, providers, referrers, bsns });
    const lines = invoiceLines(rng.fork('declaraties'), m.code, sim.allocations);
    const pgb = pgbLines(rng.fork('pgb'), m, scale, bsns);
    const plan = budgets(rng.fork('budget'), m, lines, pgb.lines);
    // Its own stream, after the others: the rest of the demo is unchanged by it.
    const other = costLines(rng.fork('kostenregels'), m, plan);
    yield {
      index: i + 1,
      municipality: m,
      clients: sim.clients,
      allocations: sim.allocations,
      lines,
      pgb,
      budgets: plan,
      costLines: other,
      rng,
    };
  }
}

/**
 * Generates the demo region and returns what it wrote.
 * @example generateDemo({ seed: 42, scale: 0.02, outDir: '/tmp/demo' })
 */
export function generateDemo(opts: DemoOptions): DemoSummary {
  const { scale, outDir } = opts;
  const ijwStart = opts.ijwStart ?? IJW_START;
  const CSV_YEARS = YEARS.filter((y) => y <= yearOf(ijwStart - 1));
  clearOutput(outDir);
  const setup = setupRegion(opts.seed);
  const { region, providers } = setup;
  const summary: DemoSummary = {
    outDir,
    municipalities: region.length,
    providers: providers.length,
    clients: 0,
    allocations: { csv: 0, xml: 0 },
    invoiceLines: { csv: 0, xml: 0 },
    pgbLines: 0,
    budgetRows: 0,
    costLineRows: 0,
    csvFiles: 0,
    ijw: emptyCounts(),
  };

  const writeAll = <T>(table: TableDef<T>, rows: T[]) => {
    const f = open(outDir, table);
    for (const r of rows) f.row(table.row(r));
    f.close();
  };
  writeAll(productsTable, PRODUCTS);
  writeAll(providersTable, providers);
  writeAll(populationTable, populationRows(region, scale));
  writeAll(referrersTable, setup.registry);
  const clientsCsv = open(outDir, clientsTable);
  const budgetsCsv = open(outDir, budgetsTable);
  const pgbCsv = open(outDir, pgbTable);
  const costLinesCsv = open(outDir, costLinesTable);
  const allocCsv = new Map(CSV_YEARS.map((y) => [y, open(outDir, allocationsTable, y)]));
  const linesCsv = new Map(CSV_YEARS.map((y) => [y, open(outDir, invoiceLinesTable, y)]));

  const youthCounts: YouthCounts = new Map();
  const ownCosts: OwnCosts = new Map();
  for (const r of simulateRegion(setup, scale)) {
    opts.onProgress?.(r.index - 1, region.length, r.municipality.name);
    countYouths(youthCounts, r.municipality.code, r.allocations);
    addOwnCosts(ownCosts, r.municipality.code, r.lines, r.pgb.lines);
    for (const c of [...r.clients, ...r.pgb.clients]) clientsCsv.row(clientsTable.row(c));
    summary.clients += r.clients.length + r.pgb.clients.length;
    for (const a of r.allocations) {
      if (a.allocatedOn >= ijwStart) {
        summary.allocations.xml++;
        continue;
      }
      allocCsv.get(Math.max(2015, yearOf(a.allocatedOn)))!.row(allocationsTable.row({ a, exportedOn: ijwStart }));
      summary.allocations.csv++;
    }
    for (const l of r.lines) {
      if (l.periodStart >= ijwStart) continue;
      linesCsv.get(yearOf(l.periodStart))!.row(invoiceLinesTable.row(l));
      summary.invoiceLines.csv++;
    }
    for (const p of r.pgb.lines) pgbCsv.row(pgbTable.row(p));
    for (const b of r.budgets) budgetsCsv.row(budgetsTable.row(b));
    summary.pgbLines += r.pgb.lines.length;
    summary.budgetRows += r.budgets.length;
    for (const c of r.costLines) costLinesCsv.row(costLinesTable.row(c));
    summary.costLineRows += r.costLines.length;
    writeIjw(outDir, r.index, r.municipality.code, r.allocations, r.lines, r.rng.fork('ijw'), summary.ijw, ijwStart);
  }
  summary.invoiceLines.xml = summary.ijw.lines;
  for (const f of [clientsCsv, budgetsCsv, pgbCsv, costLinesCsv, ...allocCsv.values(), ...linesCsv.values()]) f.close();
  summary.csvFiles = 8 + allocCsv.size + linesCsv.size;
  writeFileSync(join(outDir, MAPPING_FILE), `${JSON.stringify(mappingJson(), null, 2)}\n`);
  // The fictitious national CBS set, with the region's own youths and costs as counted above.
  writeNationalCbs(outDir, nationalCbsFiles({ seed: opts.seed, region, scale, counts: youthCounts, own: ownCosts }));
  // And fictitious context deciles, so a reference group of similar municipalities can be chosen.
  writeContextDeciles(outDir, opts.seed);
  opts.onProgress?.(region.length, region.length, 'klaar');
  return summary;
}
