// Specification of the report builder on a store that reproduces the published four-year table (€ 6,18 / 7,81 / 9,82 /
// 10,49 mln for 613 / 739 / 791 / 929 clients): its table and key messages hold exactly the metric's numbers, notes
// and the user's texts appear where they belong, and the same data gives the same report.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEur, formatEurMln } from '../contract/format.ts';
import { addNote } from '../api/notes.ts';
import { metricsEngine } from '../api/engine.ts';
import { computeMetric } from '../metrics/index.ts';
import { derive, fixtureStore, insertRows, invoiceRow } from '../metrics/fixtures.ts';
import { sql, type Store } from '../store/index.ts';
import { buildReport, fullRequest } from './build.ts';
import type { Block, Report } from './model.ts';
import { storeSource } from './source.ts';
import { saveReportText } from './texts.ts';

const YEARS: [number, number, number][] = [
  [2015, 6_180_000, 613],
  [2016, 7_810_000, 739],
  [2017, 9_820_000, 791],
  [2018, 10_490_000, 929],
];
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const NOW = new Date('2026-12-06T10:00:00Z');
const REQUEST = { municipality: '0150', year: 2018 };

let store: Store;
let report: Report;

beforeAll(async () => {
  store = await fixtureStore();
  await store.run(sql`INSERT INTO municipality VALUES ('0150', 'Deventer', 'Overijssel', 'IJsselland')`);
  // Each year its clients share the year's cost equally, the first client taking the remaining cents.
  for (const [year, euros, clients] of YEARS) {
    const each = Math.floor((euros * 100) / clients);
    const rows = Array.from({ length: clients }, (_, i) =>
      invoiceRow({
        client: `c${year}-${i}`,
        periodStart: `${year}-03-01`,
        cents: i === 0 ? euros * 100 - each * (clients - 1) : each,
      }),
    );
    await insertRows(store, 'invoice_line', rows);
  }
  await derive(store);
  await addNote(store, {
    metric: 'costs',
    municipality: '0150',
    period_from: '2018-01-01',
    period_to: '2018-12-31',
    author: 'analist',
    text: 'De stijging komt door de nieuwe aanbieder.',
  });
  await addNote(store, {
    metric: 'costs',
    municipality: '1708',
    period_from: '2018-01-01',
    period_to: '2018-12-31',
    author: 'analist',
    text: 'Over een andere gemeente.',
  });
  await saveReportText(
    store,
    { name: 'piet', role: 'analyst' },
    { municipality: '0150', year: 2018, introduction: 'Inleiding.', conclusions: null },
    NOW,
  );
  report = await buildReport(storeSource(store, metricsEngine), REQUEST, NOW);
});

const section = (id: string) => report.sections.find((s) => s.id === id)!;
const tables = (id: string) => section(id).blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('the report on the published four-year table', () => {
  it('has a title page naming the place and year, with the data version', () => {
    expect(report.title).toBe('Jeugdhulp in Deventer 2018');
    expect(report.request).toEqual({ municipality: '0150', year: 2018, compare: 2017, through: '2018-12-31' });
    expect(report.data).toMatchObject({ files: 0, importedAt: null, through: '2018-03' });
    expect(report.data.digest).toMatch(/^[0-9a-f]{12}$/);
  });

  it('shows total cost, clients and cost per client per year: € 6,18 / 7,81 / 9,82 / 10,49 mln, € 10.082 → € 11.292', async () => {
    const [first] = tables('costs');
    expect(
      first!.rows.map((r) => [
        Number(r.year),
        plain(formatEurMln(Number(r.cost))),
        r.clients,
        plain(formatEur(Number(r.cost_per_client))),
      ]),
    ).toEqual([
      [2015, '€ 6,18 mln', 613, '€ 10.082'],
      [2016, '€ 7,81 mln', 739, '€ 10.568'],
      [2017, '€ 9,82 mln', 791, '€ 12.415'],
      [2018, '€ 10,49 mln', 929, '€ 11.292'],
    ]);
    // Exactly what the metric answers, and the source names that question.
    const computed = await computeMetric(store, 'costs', {
      filters: { municipality: ['0150'], from: '2015-01-01', to: '2018-12-31' },
      split: ['year'],
    });
    expect(first!.rows).toEqual(computed.rows.map((r) => Object.fromEntries(first!.columns.map((c) => [c.name, r[c.name]]))));
    expect(report.sources.find((s) => s.id === first!.source)).toMatchObject({ metric: 'costs', split: ['year'] });
  });

  it('opens with the key messages written from those figures', () => {
    expect(report.summary.slice(0, 3).map((m) => [m.rule, plain(m.text)])).toEqual([
      ['cost-growth', 'De kosten stegen in 2018 met € 0,67 mln (6,8 %) naar € 10,49 mln.'],
      ['trend-break', 'De kostengroei vlakte af: 6,8 % in 2018 tegen 25,7 % in 2017.'],
      [
        'clients-cost-per-client',
        'Het aantal cliënten steeg van 613 in 2015 naar 929 in 2018; de kosten per cliënt stegen van € 10.082 naar € 11.292.',
      ],
    ]);
    const change = tables('costs')[1]!.rows.find((r) => r.year === 2018)!;
    expect([change.cost_change, change.cost_change_pct]).toEqual([670_000, 6.8]);
  });

  it('adds the caveats by itself: here, the months after March 2018 have no invoices yet', () => {
    expect(report.caveats.map((c) => [c.kind, c.text])).toEqual([
      [
        'incomplete-months',
        'Over april 2018 tot en met december 2018 zijn nog geen declaraties ingelezen; de cijfers over die maanden ontbreken of zijn onvolledig.',
      ],
    ]);
    expect(report.sections.at(-1)!.blocks[0]).toEqual({ kind: 'caveats', items: report.caveats });
    expect(report.protectedFigures).toBe(false);
  });

  it('lists every source asked, numbered in order of first use', () => {
    expect(report.sources.map((s) => s.id)).toEqual(report.sources.map((_, i) => `B${i + 1}`));
    const used = report.sections.flatMap((s) => s.blocks.flatMap((b) => ('source' in b ? [b.source] : [])));
    for (const id of used) expect(report.sources.some((s) => s.id === id)).toBe(true);
  });

  it('shows the notes of this municipality in the section of their metric, not those of another', () => {
    const notes = section('costs').blocks.find((b) => b.kind === 'notes');
    expect(notes).toEqual({
      kind: 'notes',
      items: [
        {
          author: 'analist',
          period_from: '2018-01-01',
          period_to: '2018-12-31',
          text: 'De stijging komt door de nieuwe aanbieder.',
        },
      ],
    });
  });

  it('carries the stored introduction, audited with its author', async () => {
    expect([report.introduction, report.conclusions]).toEqual(['Inleiding.', null]);
    const log = await store.all<{ actor: string; target: string }>(
      sql`SELECT actor, target FROM audit_log WHERE action = 'report_text_save'`,
    );
    expect(log).toEqual([{ actor: 'piet', target: '0150' }]);
  });

  it('is the same report on the same data, but for the time it was generated', async () => {
    const again = await buildReport(storeSource(store, metricsEngine), REQUEST, new Date('2027-01-01T00:00:00Z'));
    expect({ ...again, generatedAt: null }).toEqual({ ...report, generatedAt: null });
    expect(again.generatedAt).toBe('2027-01-01T00:00:00.000Z');
  });

  it('never shows the list of care-intensive clients', () => {
    expect(report.sources.some((s) => s.metric === 'intensive_client_list')).toBe(false);
  });
});

describe('the request', () => {
  it('defaults to the year before and the end of the year, and refuses what cannot be reported', () => {
    expect(fullRequest({ municipality: null, year: 2018 })).toEqual({
      municipality: null,
      year: 2018,
      compare: 2017,
      through: '2018-12-31',
    });
    expect(fullRequest({ municipality: '1708', year: 2018, compare: 2015, through: '2018-06-30' }).compare).toBe(2015);
    expect(() => fullRequest({ municipality: null, year: 2018, compare: 2018 })).toThrow(/vóór het rapportjaar/);
    expect(() => fullRequest({ municipality: null, year: 2018, through: '2019-01-31' })).toThrow(/een datum in 2018/);
  });
});
