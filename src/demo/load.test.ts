// End to end: a tiny demo region generated into a temp folder and imported through importPaths, exactly as
// `roer demo` does: nothing refused or quarantined, and the store holds what the generator made, to the cent.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, verifyAuditChain } from '../access/audit.ts';
import { PLAN_MEASURES } from '../forecast/regional-plan.fixture.ts';
import type { FileReport } from '../ingest/importer.ts';
import { raw, sql, Store } from '../store/index.ts';
import { yearOf } from './dates.ts';
import { YEARS } from './region.ts';
import { yearFigures } from './figures.ts';
import { generateDemo, setupRegion, simulateRegion, type DemoSummary } from './generate.ts';
import { importDemo } from './load.ts';
import { EXAMPLE_MEASURES } from './measures.ts';
import { readCbsSeries } from '../benchmark/figures.ts';
import { benchmarkSeries } from '../benchmark/series.ts';
import { computeMetric } from '../metrics/index.ts';

const SCALE = 0.002;
const SEED = 5;
let dir: string;
let store: Store;
let made: DemoSummary;
let reports: FileReport[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roer-demo-e2e-'));
  made = generateDemo({ seed: SEED, scale: SCALE, outDir: dir });
  store = await Store.open(':memory:');
  reports = await importDemo(store, dir, randomBytes(32));
}, 900_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (table: string) => (await store.one<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${raw(table)}`))!.n;

describe('importing the demo region', () => {
  it('reads every file, refuses none and quarantines nothing', async () => {
    expect(reports.filter((r) => r.status !== 'ingelezen').map((r) => `${r.fileName}: ${r.note}`)).toEqual([]);
    expect(reports.reduce((t, r) => t + r.quarantined, 0)).toBe(0);
    expect(await count('quarantine')).toBe(0);
  });

  it('logs one audit entry per imported file, as the user running it, in an intact chain', async () => {
    const log = await store.all<{ actor: string; target: string; row_count: number; outcome: string }>(
      sql`SELECT actor, target, row_count, outcome FROM audit_log WHERE action = 'import' ORDER BY id`,
    );
    // Every file the generator wrote: its CSV exports and its iJw messages of each kind.
    const written = made.csvFiles + Object.values(made.ijw.files).reduce((t, k) => t + k, 0);
    expect([written, log.length]).toEqual([1185, 1185]);
    // … and one save per measure: the regional plan's fifteen in the region's register, four examples in Steenwijkerland's.
    expect(await count('audit_log')).toBe(reports.length + 15 + 4);
    expect(log.map((e) => [e.target, e.row_count, e.outcome])).toEqual(reports.map((r) => [r.fileName, r.ok, 'ok']));
    expect(new Set(log.map((e) => e.actor))).toEqual(new Set([cliActor().name]));
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: reports.length + 19, unkeyed: 0, keyedFrom: 1 });
  });

  it('fills the region’s measures register with the regional plan’s fifteen measures, Steenwijkerland’s with examples', async () => {
    const names = await store.all<{ name: string }>(sql`SELECT name FROM measure WHERE municipality = '' ORDER BY position`);
    expect(names.map((m) => m.name)).toEqual(PLAN_MEASURES.map((m) => m.name));
    const examples = await store.all<{ name: string }>(
      sql`SELECT name FROM measure WHERE municipality = '1708' ORDER BY position`,
    );
    expect(examples.map((m) => m.name)).toEqual(EXAMPLE_MEASURES.map((m) => m.name));
  });

  it('names the GP practices from the AGB list it wrote: every referrer with an AGB code has a name', async () => {
    const unnamed = await store.all(
      sql`SELECT r.referrer_id FROM referrer r LEFT JOIN referrer_agb g ON g.agb = r.agb WHERE r.agb IS NOT NULL AND g.name IS NULL`,
    );
    expect(unnamed).toEqual([]);
    expect(await count('referrer_agb')).toBe(setupRegion(SEED).registry.length);
    const gp = await store.one<{ name: string }>(
      sql`SELECT g.name FROM referrer r JOIN referrer_agb g ON g.agb = r.agb WHERE r.type = '02' ORDER BY r.referrer_id LIMIT 1`,
    );
    expect(gp!.name).toMatch(/^(Huisartsenpraktijk|Huisartsen|Gezondheidscentrum) /);
  });

  it('stores every allocation, invoice line, budget row and PGB line the generator wrote', async () => {
    expect(await count('allocation')).toBe(made.allocations.csv + made.allocations.xml);
    expect(await count('invoice_line')).toBe(made.invoiceLines.csv + made.invoiceLines.xml);
    expect(await count('budget')).toBe(made.budgetRows);
    expect(await count('pgb_cost')).toBe(made.pgbLines);
    expect(await count('cost_line')).toBe(made.costLineRows);
    expect(await count('provider')).toBe(150);
    expect(await count('population')).toBe(11 * 10 * 5);
    expect(await count('client')).toBe(made.clients);
  });

  it('reads the wide product list: a tariff per product and year, e.g. 45A03 in 2015 at € 96 × 1.11 (the price level)', async () => {
    expect(await count('product')).toBe(26);
    expect(await count('product_tariff')).toBe(26 * 10);
    expect(await store.one(sql`SELECT unit, tariff_cents FROM product_tariff WHERE code = '45A03' AND year = 2015`)).toEqual({
      unit: '04',
      tariff_cents: 10656,
    });
  });

  it('gives per year exactly the clients and cost (claimed minus rejected) of the simulation', async () => {
    const expected = new Map<number, { clients: Set<string>; cents: number }>();
    for (const r of simulateRegion(setupRegion(SEED), SCALE)) {
      for (const l of r.lines) {
        const y = yearOf(l.periodStart);
        const e = expected.get(y) ?? { clients: new Set(), cents: 0 };
        e.clients.add(l.client.bsn);
        if (!l.rejected) e.cents += l.amountCents;
        expected.set(y, e);
      }
    }
    const got = await yearFigures(store, null);
    expect(got.map((g) => [g.year, g.clients, Math.round(g.cost * 100)])).toEqual(
      [...expected.entries()].sort((a, b) => a[0] - b[0]).map(([y, e]) => [y, e.clients.size, e.cents]),
    );
  });

  it("imports the fictitious national CBS set, whose youths of the region are the demo's own", async () => {
    const youths = await readCbsSeries(store, { table: '85097NED', measure: 'Totaal jongeren met jeugdhulp' });
    expect(new Set(youths.map((p) => p.region)).size).toBe(343);
    const cbs = youths.filter((p) => p.region === 'GM1708' && ['2020-H1', '2020-H2', '2020'].includes(p.period));
    const own = await computeMetric(store, 'per_youth', {
      filters: { municipality: ['1708'], from: '2020-01-01', to: '2020-12-31' },
      split: ['half_year'],
    });
    const year = await computeMetric(store, 'per_youth', {
      filters: { municipality: ['1708'], from: '2020-01-01', to: '2020-12-31' },
      split: [],
    });
    expect(cbs.map((p) => [p.period, p.value])).toEqual([
      ...own.rows.map((r) => [r.half_year, r.clients]),
      ['2020', year.totals!.clients],
    ]);
  });

  it("imports the fictitious cost table, whose region's costs lie within 5 % of the demo's own", async () => {
    const lasten = await readCbsSeries(store, { table: '83454NED', measure: 'Lasten jeugdhulp totaal' });
    expect(new Set(lasten.map((p) => p.region)).size).toBe(343);
    const own = await computeMetric(store, 'per_youth', { filters: { municipality: ['1708'] }, split: ['year'] });
    // The demo years (the own data runs on into 2025).
    const pairs = own.rows
      .filter((r) => YEARS.includes(Number(r.year)))
      .map((r) => [r.cost as number, lasten.find((p) => p.region === 'GM1708' && p.period === String(r.year))!.value!]);
    expect(pairs).toHaveLength(10);
    // CBS's figure is in thousands of euros: within 5 % of the own cost, plus the rounding to a thousand.
    for (const [cost, thousands] of pairs) expect(Math.abs(thousands * 1000 - cost)).toBeLessThanOrEqual(0.05 * cost + 500);
    // … and the cost per youth in care has a CBS figure in every year for the municipality.
    const series = await benchmarkSeries(store, {
      municipality: '1708',
      group: { kind: 'regio', region: 'IJsselland' },
      measure: 'kosten-per-client',
      base: '2020',
    });
    expect(series.lines[0]!.points.filter((p) => p.value !== null)).toHaveLength(10);
  });
});
