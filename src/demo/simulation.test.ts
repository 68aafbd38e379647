// Proportions of the simulated region at a small scale: the shape a municipality would recognise, not exact figures
// (those are pinned by the determinism test). Ranges are wide enough for seed noise at scale 0.05.
import { beforeAll, describe, expect, it } from 'vitest';
import { yearOf } from './dates.ts';
import { setupRegion, simulateRegion, type MunicipalityResult } from './generate.ts';
import type { InvoiceLine } from './model.ts';
import { youths } from './region.ts';

const SCALE = 0.05;
let results: MunicipalityResult[];
let youthsByYear: Map<number, number>;

beforeAll(() => {
  const setup = setupRegion(11);
  results = [...simulateRegion(setup, SCALE)];
  youthsByYear = new Map();
  for (const m of setup.region)
    for (let y = 2015; y <= 2024; y++) youthsByYear.set(y, (youthsByYear.get(y) ?? 0) + youths(m, y, SCALE));
});

const allocations = () => results.flatMap((r) => r.allocations);
const lines = () => results.flatMap((r) => r.lines);

describe('the simulated demo region', () => {
  it('has about one in ten youths in care, rising from ~9 % in 2015 to ~11 % in 2024', () => {
    const share = new Map<number, number>();
    for (let y = 2015; y <= 2024; y++) {
      const clients = new Set(
        lines()
          .filter((l) => yearOf(l.periodStart) === y)
          .map((l) => l.client.bsn),
      );
      share.set(y, clients.size / youthsByYear.get(y)!);
    }
    for (const s of share.values()) expect(s).toBeGreaterThan(0.075), expect(s).toBeLessThan(0.13);
    expect(share.get(2024)!).toBeGreaterThan(share.get(2015)!);
  });

  it('has a referrer mix led by GPs and municipalities, with GI, courts and unknown referrers', () => {
    const all = allocations();
    const share = (t: string) => all.filter((a) => a.referrer.type === t).length / all.length;
    expect(share('02')).toBeGreaterThan(0.3), expect(share('02')).toBeLessThan(0.48);
    expect(share('01')).toBeGreaterThan(0.27), expect(share('01')).toBeLessThan(0.43);
    expect(share('04')).toBeGreaterThan(0.05), expect(share('04')).toBeLessThan(0.15);
    for (const t of ['03', '05', '08', '00']) expect(share(t)).toBeGreaterThan(0);
  });

  it('invoices between 70 % and 90 % of allocations; the rest were never used', () => {
    const invoiced = new Set(lines().map((l) => l.allocation));
    const utilisation = invoiced.size / allocations().length;
    expect(utilisation).toBeGreaterThan(0.7);
    expect(utilisation).toBeLessThan(0.9);
    expect(allocations().some((a) => a.careStart === null && !invoiced.has(a))).toBe(true);
  });

  it('corrects invoices with a credit line for the earlier reference and a new debit line', () => {
    const byRef = new Map(lines().map((l) => [`${l.provider.agb}/${l.reference}`, l]));
    const credits = lines().filter((l) => l.debitCredit === 'C');
    expect(credits.length).toBeGreaterThan(0);
    for (const c of credits) {
      const original = byRef.get(`${c.provider.agb}/${c.previousReference}`)!;
      expect(original.debitCredit).toBe('D');
      expect(c.amountCents).toBe(-original.amountCents);
      expect(c.periodStart).toBe(original.periodStart);
    }
  });

  it('has late invoices: December care invoiced in the next year', () => {
    expect(
      lines().some((l) => new Date(l.periodStart * 864e5).getUTCMonth() === 11 && yearOf(l.invoiceDate) > yearOf(l.periodStart)),
    ).toBe(true);
  });

  it('rejects a few percent of iJw lines (JW325), none before 2021', () => {
    const ijw = lines().filter((l) => yearOf(l.periodStart) >= 2021);
    const rejected = ijw.filter((l) => l.rejected).length / ijw.length;
    expect(rejected).toBeGreaterThan(0.01);
    expect(rejected).toBeLessThan(0.06);
    expect(lines().some((l) => l.rejected && yearOf(l.periodStart) < 2021)).toBe(false);
  });

  it('has stacking, re-entry after ending and extended care after the 18th birthday', () => {
    const byClient = new Map<string, InvoiceLine[]>();
    for (const l of lines()) byClient.set(l.client.bsn, [...(byClient.get(l.client.bsn) ?? []), l]);
    let stacked = 0;
    let reentry = 0;
    let adult = 0;
    for (const ls of byClient.values()) {
      const months = new Map<number, Set<unknown>>();
      for (const l of ls) {
        const m = Math.floor(l.periodStart / 30.44);
        months.set(m, (months.get(m) ?? new Set()).add(l.allocation));
      }
      if ([...months.values()].some((s) => s.size > 1)) stacked++;
      const starts = ls.map((l) => l.periodStart).sort((a, b) => a - b);
      if (starts.some((d, i) => i > 0 && d - starts[i - 1] > 180)) reentry++;
      if (ls.some((l) => l.periodStart - l.client.birth > 18.1 * 365.25)) adult++;
    }
    expect(stacked / byClient.size).toBeGreaterThan(0.1);
    expect(reentry).toBeGreaterThan(0);
    expect(adult).toBeGreaterThan(0);
  });

  it('spends about 8 % on PGB and has a heavy tail of care-intensive clients', () => {
    const zin = lines().reduce((s, l) => s + (l.rejected ? 0 : l.amountCents), 0);
    const pgb = results.flatMap((r) => r.pgb.lines).reduce((s, l) => s + l.amountCents, 0);
    expect(pgb / (pgb + zin)).toBeGreaterThan(0.05);
    expect(pgb / (pgb + zin)).toBeLessThan(0.12);
    const perClientYear = new Map<string, number>();
    for (const l of lines())
      if (!l.rejected)
        perClientYear.set(
          `${yearOf(l.periodStart)}/${l.client.bsn}`,
          (perClientYear.get(`${yearOf(l.periodStart)}/${l.client.bsn}`) ?? 0) + l.amountCents,
        );
    expect([...perClientYear.values()].filter((c) => c > 5_000_000).length).toBeGreaterThan(0);
  });

  it('has ~150 providers with a long tail: the five largest take a large share, most take little', () => {
    const spend = new Map<string, number>();
    for (const l of lines()) spend.set(l.provider.agb, (spend.get(l.provider.agb) ?? 0) + l.amountCents);
    const sorted = [...spend.values()].sort((a, b) => b - a);
    const total = sorted.reduce((s, x) => s + x, 0);
    expect(sorted.slice(0, 5).reduce((s, x) => s + x, 0) / total).toBeGreaterThan(0.4);
    expect(sorted.filter((x) => x < total * 0.002).length).toBeGreaterThan(30);
  });
});
