// Specification of disclosure control for aggregate-only roles: which questions are fixed, and how figures are perturbed.
import { describe, expect, it } from 'vitest';
import type { MetricRequest, MetricResult } from '../metrics/types.ts';
import { AccessError } from './errors.ts';
import { COUNT_NOISE, RELATIVE_NOISE, cellKeyFrom, fixedQuestion, perturb } from './disclosure.ts';
import { users } from './testing.ts';

const KEY = Buffer.alloc(32, 3);
const metric = { params: [{ name: 'top', label: 'Aantal', type: 'number' as const, default: 10 }] };
const ask = (r: Partial<MetricRequest>): MetricRequest => ({ filters: {}, split: [], ...r });
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof AccessError ? [e.status, e.param] : String(e);
  }
  return 'allowed';
};

describe('fixedQuestion', () => {
  it('lets analysts and administrators ask anything', () => {
    for (const u of [users.admin, users.analyst]) {
      expect(
        refusal(() =>
          fixedQuestion(
            u,
            metric,
            ask({
              filters: { care_type: ['crisis'], from: '2019-03-01' },
              split: ['provider', 'care_type'],
              params: { top: 11 },
            }),
          ),
        ),
      ).toBe('allowed');
    }
  });

  it('allows readers and providers whole years, their own scope and one split besides the year, at default parameters', () => {
    for (const u of [users.reader, users.provider]) {
      expect(
        refusal(() => fixedQuestion(u, metric, ask({}))),
        u.name,
      ).toBe('allowed');
      expect(
        refusal(() =>
          fixedQuestion(
            u,
            metric,
            ask({
              filters: { from: '2018-01-01', to: '2019-12-31', basis: 'care' },
              split: ['year', 'care_type'],
              params: { top: 10 },
            }),
          ),
        ),
      ).toBe('allowed');
    }
    expect(refusal(() => fixedQuestion(users.reader, metric, ask({ filters: { municipality: ['0150'] } })))).toBe('allowed');
    expect(refusal(() => fixedQuestion(users.provider, metric, ask({ filters: { provider: ['11111111'] } })))).toBe('allowed');
  });

  it('refuses the partner and complement filters, parameter stepping, shifted periods and cross-tables, naming the parameter', () => {
    const r = users.reader;
    expect(refusal(() => fixedQuestion(r, metric, ask({ filters: { referrer_type: ['05'] } })))).toEqual([
      403,
      'filters.referrer_type',
    ]);
    expect(refusal(() => fixedQuestion(r, metric, ask({ filters: { provider: ['11111111'] } })))).toEqual([
      403,
      'filters.provider',
    ]);
    expect(refusal(() => fixedQuestion(r, metric, ask({ filters: { basis: 'invoice' } })))).toEqual([403, 'filters.basis']);
    expect(refusal(() => fixedQuestion(r, metric, ask({ params: { top: 11 } })))).toEqual([403, 'p.top']);
    expect(refusal(() => fixedQuestion(r, metric, ask({ params: { low: 50_000 } })))).toEqual([403, 'p.low']);
    expect(refusal(() => fixedQuestion(r, metric, ask({ filters: { from: '2019-02-01' } })))).toEqual([403, 'filters.from']);
    expect(refusal(() => fixedQuestion(r, metric, ask({ filters: { from: '2019-01-01', to: '2019-11-30' } })))).toEqual([
      403,
      'filters.to',
    ]);
    expect(refusal(() => fixedQuestion(r, metric, ask({ split: ['care_type', 'provider'] })))).toEqual([403, 'split']);
  });
});

const table = (rows: MetricResult['rows'], totals?: MetricResult['totals']): MetricResult => ({
  metric: 'costs',
  title: 'Kosten',
  filters: {},
  split: ['care_type'],
  rows,
  totals,
  columns: [
    { name: 'care_type', label: 'Zorgsoort', unit: 'text' },
    { name: 'clients', label: 'Cliënten', unit: 'count', clientCount: true },
    { name: 'cost', label: 'Kosten', unit: 'eur' },
    { name: 'cost_per_client', label: 'Kosten per cliënt', unit: 'eur' },
  ],
});

describe('perturb', () => {
  const exact = table(
    [
      { care_type: 'ambulant', clients: 40, cost: 400_000, cost_per_client: 10_000 },
      { care_type: 'verblijf', clients: 12, cost: 900_000.55, cost_per_client: 75_000.05 },
      { care_type: 'crisis', clients: '<10', cost: null, cost_per_client: null },
      { care_type: 'leeg', clients: 0, cost: 0, cost_per_client: null },
    ],
    { clients: 55, cost: 1_381_000.55, cost_per_client: 25_109.1 },
  );

  it('moves every visible figure by a never-zero amount within the stated bands, and leaves texts, nulls and zeros', () => {
    const out = perturb(exact, KEY, 10);
    for (const [i, row] of exact.rows.entries()) {
      for (const c of ['clients', 'cost', 'cost_per_client']) {
        const before = row[c];
        const after = out.rows[i][c];
        if (typeof before !== 'number' || before === 0) {
          expect(after).toBe(before);
          continue;
        }
        const d = (after as number) - before;
        if (c === 'clients') expect(COUNT_NOISE).toContain(Math.abs(d));
        else {
          expect(Math.abs(d) / before).toBeGreaterThanOrEqual(RELATIVE_NOISE.min - 1e-6);
          expect(Math.abs(d) / before).toBeLessThanOrEqual(RELATIVE_NOISE.max + 1e-6);
        }
      }
    }
    expect(out.rows[2]).toEqual(exact.rows[2]);
    expect(out.notes?.at(-1)).toMatch(/licht verstoord/);
  });

  it('gives the same cell the same value in every answer, whatever else the answer holds or how it is keyed', () => {
    const alone = perturb(table([exact.rows[1]]), KEY, 10).rows[0];
    const byYear = perturb(
      {
        ...table([{ ...exact.rows[1], year: 2019 }]),
        split: ['year', 'care_type'],
        columns: [{ name: 'year', label: 'Jaar', unit: 'text' }, ...exact.columns],
      },
      KEY,
      10,
    ).rows[0];
    expect(perturb(exact, KEY, 10).rows[1]).toEqual(alone);
    expect({ ...byYear, year: undefined }).toEqual({ ...alone, year: undefined });
    // As the total of an unsplit answer the same figures are the same cell again.
    expect(perturb(table([], exact.rows[1]), KEY, 10).totals).toEqual(alone);
  });

  it('keeps counts at or above the threshold, so a perturbed count never looks like a suppressed one', () => {
    for (let i = 0; i < 200; i++) {
      const out = perturb(table([{ care_type: 'x', clients: 10, cost: 1000 + i, cost_per_client: 100 }]), KEY, 10);
      expect(out.rows[0].clients as number).toBeGreaterThanOrEqual(10);
    }
  });

  it('depends on the installation key: another secret gives other noise', () => {
    const other = cellKeyFrom(Buffer.alloc(32, 4));
    expect(perturb(exact, other, 10).rows[1]).not.toEqual(perturb(exact, KEY, 10).rows[1]);
    expect(cellKeyFrom(Buffer.alloc(32, 4))).toEqual(other);
  });
});
