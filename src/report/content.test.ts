// Content of a whole report on a small generated demo region: every number of a key message is a number of the
// report's tables (formatted the Dutch way), every table holds exactly what computeMetric answers for its source, and a
// reader's report, asked through the guard, holds only protected aggregates and says so.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../access/testing.ts';
import { DEFAULT_LIMITS } from '../api/answer.ts';
import { accessGuard } from '../api/auth/guard.ts';
import { metricsEngine } from '../api/engine.ts';
import { answerSource } from '../api/report.ts';
import { formatCount, formatEur, formatEurMln, formatPct } from '../contract/format.ts';
import type { Column, Value } from '../contract/index.ts';
import { day } from '../demo/dates.ts';
import { generateDemo } from '../demo/generate.ts';
import { importDemo } from '../demo/load.ts';
import { computeMetric } from '../metrics/index.ts';
import { Store, sql } from '../store/index.ts';
import { buildReport } from './build.ts';
import { amount } from './messages/figures.ts';
import type { Block, Report } from './model.ts';
import { storeSource } from './source.ts';

let dir: string;
let store: Store;
let report: Report;
const REQUEST = { municipality: null, year: 2018 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roer-report-'));
  // All traffic as case-system exports (no iJw messages): the quick way to a whole region.
  generateDemo({ seed: 5, scale: 0.002, outDir: dir, ijwStart: day(2099, 1, 1) });
  store = await Store.open(':memory:');
  await importDemo(store, dir, randomBytes(32));
  report = await buildReport(storeSource(store, metricsEngine), REQUEST, new Date('2026-12-06T10:00:00Z'));
}, 300_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Table = Extract<Block, { kind: 'table' }>;
const tablesOf = (r: Report) => r.sections.flatMap((s) => s.blocks.filter((b): b is Table => b.kind === 'table'));
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/^[−+-]/, '');

/** Every way a table's number may be written in a sentence. */
function writtenNumbers(tables: Table[]): Set<string> {
  const out = new Set<string>();
  const add = (c: Column, v: Value) => {
    if (typeof v !== 'number') return;
    if (c.unit === 'eur') for (const s of [amount(v), formatEur(Math.abs(v)), formatEurMln(Math.abs(v))]) out.add(plain(s));
    if (c.unit === 'pct') out.add(plain(formatPct(Math.abs(v))));
    if (c.unit === 'count') out.add(formatCount(v));
  };
  for (const t of tables) for (const r of t.rows) for (const c of t.columns) add(c, r[c.name] ?? null);
  return out;
}

describe('a report on the demo region', () => {
  it('has the sections in order, and key messages first', () => {
    expect(report.title).toBe('Jeugdhulp in Regio IJsselland 2018');
    expect(report.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(['costs', 'decomposition', 'care-types', 'providers', 'data']),
    );
    expect(report.sections.at(-1)!.id).toBe('data');
    expect(report.summary.length).toBeGreaterThan(2);
    expect(report.summary[0]!.rule).toBe('cost-growth');
  });

  it('writes in its key messages only numbers that stand in its tables', () => {
    const written = writtenNumbers(tablesOf(report));
    for (const m of report.summary) {
      const text = m.text.replace(/\u00a0/g, ' ');
      const tokens = [
        ...text.matchAll(/€ \d+(?:\.\d{3})*(?:,\d+)?(?: mln)?|\d+(?:\.\d{3})*(?:,\d+)? %|\b\d+(?:\.\d{3})*(?:,\d+)?\b/g),
      ].map((t) => t[0]);
      const numbers = tokens.filter((t) => !/^(19|20)\d\d$/.test(t));
      expect(numbers.filter((n) => !written.has(n)).map((n) => `${n} in: ${text}`)).toEqual([]);
    }
  });

  it('holds in every table exactly what computeMetric answers for its source', async () => {
    for (const t of tablesOf(report)) {
      const source = report.sources.find((s) => s.id === t.source);
      expect(source, `the table '${t.caption}' names its source`).toBeDefined();
      // The register and the forecasts are traced by their method; their own tests check their figures.
      if (!source || source.method) continue;
      const computed = await computeMetric(store, source.metric, {
        filters: source.filters,
        split: source.split,
        params: source.params,
      });
      // Codes shown by their names are the one thing the report changes.
      const columns = t.columns.map((c) => c.name).filter((c) => !['provider', 'referrer', 'name'].includes(c));
      const project = (r: Record<string, Value>) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]));
      const rows = computed.rows.map(project);
      for (const r of t.rows) expect(rows).toContainEqual(project(r));
    }
  });

  it('is the same report when built again on the same data, but for its generation time', async () => {
    const again = await buildReport(storeSource(store, metricsEngine), REQUEST, new Date('2027-01-01T00:00:00Z'));
    expect({ ...again, generatedAt: null }).toEqual({ ...report, generatedAt: null });
  });

  it('never asks for the list of care-intensive clients', () => {
    expect(report.sources.map((s) => s.metric)).not.toContain('intensive_client_list');
  });
});

describe("a reader's report", () => {
  it('is asked through the guard: protected figures, no count under 10, and the caveat that says so', async () => {
    const ctx = { store, limits: DEFAULT_LIMITS, engine: metricsEngine, user: users.readerRegion, ip: null };
    const guard = accessGuard({ cellKey: randomBytes(32) });
    const reader = await buildReport(answerSource(ctx, guard), REQUEST, new Date('2026-12-06T10:00:00Z'));
    expect(reader.protectedFigures).toBe(true);
    // Every metric figure was asked as the reader, through the guard: one audited view per metric source (the register
    // and the forecasts, traced by their method, are audited under their own actions).
    const views = await store.all<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM audit_log WHERE actor = 'frits' AND action = 'view' AND outcome = 'ok'`,
    );
    expect(views[0]!.n).toBe(reader.sources.filter((s) => !s.method).length);
    expect(reader.caveats.map((c) => c.kind)).toContain('suppressed');
    for (const t of tablesOf(reader)) {
      for (const c of t.columns.filter((c) => c.clientCount)) {
        for (const r of t.rows) {
          const v = r[c.name];
          expect(typeof v === 'number' ? v === 0 || v >= 10 : true).toBe(true);
        }
      }
    }
  });
});
