// The second computation agrees with Roer's API: every figure of the edge-case region (test/second/region.ts), for each
// municipality, the region and each year, recomputed from the raw messages by test/second/reference.ts.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/ingest/importer.ts';
import { parseMapping } from '../../src/ingest/tabular/mapping.ts';
import { computeMetric } from '../../src/metrics/index.ts';
import { Store, sql } from '../../src/store/index.ts';
import { SECRET } from '../ingest/harness.ts';
import { figures, readRegion, type Facts } from './reference.ts';
import { MUNICIPALITIES, YEARS, buildRegion, productList } from './region.ts';

const SCOPES: [string, readonly string[]][] = [
  ...MUNICIPALITIES.map((m) => [m, [m]] as [string, string[]]),
  ['regio', MUNICIPALITIES],
];
const euros = (cents: number) => Math.round(cents) / 100;
/** Population per municipality (each year alike): 0–17, 18–22 and the total; the region is their sum. */
const POPULATION: Record<string, { youths: number; young_adults: number; total: number }> = {
  '0150': { youths: 10_007, young_adults: 3_911, total: 53_101 },
  '1708': { youths: 6_003, young_adults: 2_017, total: 27_209 },
};

/**
 * Non-invoice cost lines in cents (year → kind → amount), inserted as an import of kind cost_lines would store them. Gaps
 * are on purpose: 0150 imported prevention only for 2022 and 1708 no access team for 2024; a subsidy of 0 is imported.
 */
const COST_LINES: Record<string, Record<number, Partial<Record<string, number>>>> = {
  '0150': {
    2022: { toegang: 123_456_78, subsidie: 33_333_33, preventie: 7_777_77 },
    2023: { toegang: 98_765_43, subsidie: 0 },
    2024: { toegang: 111_111_11, subsidie: 44_444_44 },
  },
  '1708': {
    2022: { toegang: 55_555_55, subsidie: 12_345_67, preventie: 2_50 },
    2023: { toegang: 66_666_67, subsidie: 0 },
    2024: { subsidie: 1_00 },
  },
};
const KINDS = ['toegang', 'subsidie', 'lumpsum', 'preventie', 'overig'] as const;

/**
 * The cost-line parts of a scope in a year, read straight from COST_LINES: a kind counts when any municipality of the
 * scope imported it in any year; it is known in a year only when every municipality has it; the total only when all are.
 */
function costLineParts(scope: readonly string[], year: number) {
  const used = KINDS.filter((k) => scope.some((m) => Object.values(COST_LINES[m]!).some((y) => y[k] !== undefined)));
  const byKind: Record<string, number | null> = {};
  for (const k of KINDS) {
    const amounts = scope.map((m) => COST_LINES[m]![year]?.[k]);
    byKind[k] = used.includes(k) && amounts.every((a) => a !== undefined) ? amounts.reduce((n, a) => n! + a!, 0)! : null;
  }
  const known = used.length > 0 && used.every((k) => byKind[k] !== null);
  return { byKind, total: known ? used.reduce((n, k) => n + byKind[k]!, 0) : null };
}

let store: Store;
let facts: Facts;

beforeAll(async () => {
  const files = buildRegion();
  facts = readRegion(files);
  const dir = mkdtempSync(join(tmpdir(), 'roer-second-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  store = await Store.open(':memory:');
  const reports = await importPaths(store, [dir], { secret: SECRET, mapping: parseMapping(productList().mapping) });
  // Everything is read; only the copy of a message already read is recognised as such.
  const odd = reports.filter((r) => r.status !== 'ingelezen' || r.quarantined > 0 || r.note);
  const why = (r: (typeof reports)[number]) =>
    [r.note, ...r.problems.map((p) => `${p.field}: ${p.reason}`)].filter(Boolean).join('; ');
  expect(odd.map((r) => `${r.fileName}: ${r.status}, ${r.quarantined} in quarantaine: ${why(r)}`)).toEqual([
    expect.stringMatching(/^kopie_van_jw323_.*: overgeslagen, 0 in quarantaine: .*al eerder ingelezen/),
  ]);
  // The population table as an import would fill it (the 0–17 figure split over its three bands).
  for (const [m, p] of Object.entries(POPULATION))
    for (const year of YEARS) {
      const b0 = Math.floor(p.youths / 4);
      const b4 = Math.floor(p.youths / 2);
      for (const [band, n] of [
        ['0-3', b0],
        ['4-11', b4],
        ['12-17', p.youths - b0 - b4],
        ['18-22', p.young_adults],
        ['totaal', p.total],
      ] as const)
        await store.run(sql`INSERT INTO population VALUES (${m}, ${year}, ${band}, ${n})`);
    }
  for (const [m, years] of Object.entries(COST_LINES))
    for (const [year, kinds] of Object.entries(years))
      for (const [kind, cents] of Object.entries(kinds))
        await store.run(sql`INSERT INTO cost_line VALUES (${Number(year)}, ${m}, ${kind}, '', ${cents!}, 'kosten')`);
}, 120_000);

const ask = (id: string, scope: readonly string[], year: number) =>
  computeMetric(store, id, { filters: { municipality: [...scope], from: `${year}-01-01`, to: `${year}-12-31` }, split: [] });

describe('the second computation agrees with the API on the edge-case region', () => {
  it('has cost lines known and unknown by hand: the region 2022 all known, 0150 2023 without prevention', () => {
    expect(costLineParts(MUNICIPALITIES, 2022)).toEqual({
      byKind: { toegang: 179_012_33, subsidie: 45_679_00, lumpsum: null, preventie: 7_780_27, overig: null },
      total: 232_471_60,
    });
    expect(costLineParts(['0150'], 2023)).toEqual({
      byKind: { toegang: 98_765_43, subsidie: 0, lumpsum: null, preventie: null, overig: null },
      total: null,
    });
    // 1708 imported prevention in 2022 only: in 2023 that part, and so the total, is unknown; no access team in 2024.
    expect(costLineParts(['1708'], 2023)).toMatchObject({ byKind: { toegang: 66_666_67, preventie: null }, total: null });
    expect(costLineParts(['1708'], 2024).byKind.toegang).toBeNull();
  });

  for (const [name, scope] of SCOPES) {
    for (const year of YEARS) {
      it(`${name} ${year}: accepted cost and clients with cost`, async () => {
        const ref = figures(facts, scope, year);
        const t = (await ask('costs', scope, year)).totals!;
        expect({ cost: t.cost, clients: t.clients }).toEqual({ cost: euros(ref.cost), clients: ref.clients });
      });

      it(`${name} ${year}: claimed, rejected and accepted`, async () => {
        const ref = figures(facts, scope, year);
        const t = (await ask('claims', scope, year)).totals!;
        expect({ claimed: t.claimed, rejected: t.rejected, accepted: t.accepted, lines: t.lines }).toEqual({
          claimed: euros(ref.claimed),
          rejected: euros(ref.rejected),
          accepted: euros(ref.cost),
          lines: ref.lines,
        });
      });

      it(`${name} ${year}: inflow and outflow (first start and last end within the scope)`, async () => {
        const ref = figures(facts, scope, year);
        const months = (await ask('flows', scope, year)).rows;
        const sum = (c: string) => months.reduce((n, r) => n + Number(r[c]), 0);
        expect({ inflow: sum('inflow'), outflow: sum('outflow') }).toEqual({ inflow: ref.inflow, outflow: ref.outflow });
      });

      it(`${name} ${year}: clients with an allocation per referrer type and per referrer (GP practice)`, async () => {
        const ref = figures(facts, scope, year);
        const rows = (await ask('referrals', scope, year)).rows.filter((r) => Number(r.allocated_clients) > 0);
        expect(Object.fromEntries(rows.map((r) => [r.referrer_type, r.allocated_clients]))).toEqual(ref.allocatedByReferrer);
        const practices = (await ask('referrers', scope, year)).rows.filter((r) => Number(r.allocated_clients) > 0);
        expect(Object.fromEntries(practices.map((r) => [r.referrer_id, r.allocated_clients]))).toEqual(ref.allocatedByReferrerId);
      });

      it(`${name} ${year}: care-days over the allocations' periods`, async () => {
        const ref = figures(facts, scope, year);
        expect((await ask('costs', scope, year)).totals!.care_days).toBe(ref.careDays);
      });

      it(`${name} ${year}: verlengde jeugdhulp (18+ to the day)`, async () => {
        const ref = figures(facts, scope, year);
        const t = (await ask('extended_care', scope, year)).totals!;
        expect({ clients: t.clients, cost: t.cost, care_days: t.care_days }).toEqual({
          clients: ref.adultClients,
          cost: euros(ref.adultCost),
          care_days: ref.adultCareDays,
        });
      });

      it(`${name} ${year}: allocations, clients with an allocation, allocated euros and their utilisation`, async () => {
        const ref = figures(facts, scope, year);
        const t = (await ask('utilisation', scope, year)).totals!;
        expect({
          allocations: t.allocations,
          clients: t.clients,
          allocated: t.allocated,
          unpriced: t.unpriced_allocations,
        }).toEqual({
          allocations: ref.allocations,
          clients: ref.allocatedClients,
          allocated: euros(ref.allocatedKnown),
          unpriced: ref.unknown,
        });
        expect(t.euros_pct).toBe(Math.round((1000 * ref.invoicedKnown) / ref.allocatedKnown) / 10);
      });

      it(`${name} ${year}: youths with care per youth inhabitant, with and without residence, and cost per inhabitant`, async () => {
        const ref = figures(facts, scope, year);
        const pop = (k: 'youths' | 'young_adults' | 'total') => scope.reduce((n, m) => n + POPULATION[m]![k], 0);
        const [youths, total] = [pop('youths'), pop('total')];
        const extended = youths + pop('young_adults');
        const pct = (n: number, d: number) => Math.round((1000 * n) / d) / 10;
        const t = (await ask('per_youth', scope, year)).totals!;
        const lines = costLineParts(scope, year);
        const all = lines.total === null ? null : ref.cost + lines.total;
        const per = (cents: number | null, people: number) => (cents === null ? null : euros(cents / people));
        const parts = (people: number, suffix: string) => ({
          ...Object.fromEntries(KINDS.map((k) => [`cost_${k}_${suffix}`, per(lines.byKind[k]!, people)])),
          [`cost_total_${suffix}`]: per(all, people),
        });
        expect(t).toEqual({
          ...parts(youths, 'per_youth'),
          ...parts(total, 'per_inhabitant'),
          cost_total: all === null ? null : euros(all),
          youths,
          clients: ref.youthClients,
          share_pct: pct(ref.youthClients, youths),
          residential_clients: ref.residentialClients,
          residential_pct: pct(ref.residentialClients, youths),
          outpatient_clients: ref.outpatientClients,
          outpatient_pct: pct(ref.outpatientClients, youths),
          youths_extended: extended,
          clients_extended: ref.extendedClients,
          share_extended_pct: pct(ref.extendedClients, extended),
          inhabitants: total,
          cost: euros(ref.cost),
          cost_per_youth: euros(ref.cost / youths),
          cost_per_inhabitant: euros(ref.cost / total),
        });
      });

      it(`${name} ${year}: the budget comparison's cost-line parts and the realisation including them`, async () => {
        const lines = costLineParts(scope, year);
        const t = (await ask('budget', scope, year)).rows[0]!;
        const cents = (v: unknown) => (v === null ? null : Math.round(Number(v) * 100));
        expect(Object.fromEntries(KINDS.map((k) => [k, cents(t[`cost_${k}`])]))).toEqual(lines.byKind);
        expect(t.realised_total === null ? null : cents(t.realised_total)! - cents(t.realised)!).toBe(lines.total);
      });
    }
  }
});
