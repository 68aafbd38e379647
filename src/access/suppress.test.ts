import { describe, expect, it } from 'vitest';
import type { Column, MetricResult, Value } from '../metrics/types.ts';
import { AccessError } from './errors.ts';
import { suppress } from './suppress.ts';
import { seeded } from './testing.ts';

const COLS: Column[] = [
  { name: 'year', label: 'Jaar', unit: 'text' },
  { name: 'care_type', label: 'Zorgsoort', unit: 'text' },
  { name: 'clients', label: 'Cliënten', unit: 'count', clientCount: true },
  { name: 'cost', label: 'Kosten', unit: 'eur' },
  { name: 'per_client', label: 'Kosten per cliënt', unit: 'eur' },
];

function table(split: ('year' | 'care_type')[], rows: Record<string, Value>[], totals?: Record<string, Value>): MetricResult {
  const columns = COLS.filter((c) => !['year', 'care_type'].includes(c.name) || split.includes(c.name as never));
  return { metric: 'costs', title: 'Kosten', columns, rows, totals, filters: {}, split };
}

describe('suppress: one split dimension', () => {
  const byType = table(
    ['care_type'],
    [
      { care_type: 'ambulant', clients: 40, cost: 400_000, per_client: 10_000 },
      { care_type: 'verblijf', clients: 12, cost: 900_000, per_client: 75_000 },
      { care_type: 'crisis', clients: 3, cost: 81_000, per_client: 27_000 },
    ],
    { clients: 55, cost: 1_381_000, per_client: 25_109 },
  );

  it('shows a count under 10 as "<10" and hides the amounts of its row', () => {
    expect(suppress(byType).rows[2]).toEqual({ care_type: 'crisis', clients: '<10', cost: null, per_client: null });
  });

  it('hides the next-smallest row too, so total minus visible rows gives only the sum of two hidden rows', () => {
    const out = suppress(byType);
    expect(out.rows[1]).toEqual({ care_type: 'verblijf', clients: null, cost: null, per_client: null });
    expect(out.rows[0]).toEqual(byType.rows[0]);
    // the subtraction attack: 1,381,000 − 400,000 = 981,000 = verblijf + crisis, not crisis alone
    const visible = out.rows.reduce((s, r) => s + (typeof r.cost === 'number' ? r.cost : 0), 0);
    expect((out.totals!.cost as number) - visible).toBe(981_000);
    expect(out.notes).toEqual([
      'Aantallen van minder dan 10 cliënten zijn afgeschermd (<10), met de bedragen in die rij; om terugrekenen te voorkomen zijn ook enkele andere cellen of totalen leeg gelaten.',
    ]);
  });

  it('leaves a table without small counts untouched (10 is not small, 0 is nobody)', () => {
    const t = table(
      ['care_type'],
      [
        { care_type: 'a', clients: 10, cost: 1, per_client: 1 },
        { care_type: 'b', clients: 0, cost: 0, per_client: null },
      ],
      { clients: 10, cost: 1, per_client: 1 },
    );
    expect(suppress(t)).toEqual(t);
  });

  it('uses a configurable threshold', () => {
    expect(suppress(byType, 5).rows.map((r) => r.clients)).toEqual([40, null, '<5']);
    expect(suppress(byType, 13).rows.map((r) => r.clients)).toEqual([40, '<13', '<13']);
  });

  it('hides the totals when they count fewer clients than the threshold', () => {
    const t = table(['care_type'], [{ care_type: 'crisis', clients: 3, cost: 81_000, per_client: 27_000 }], {
      clients: 3,
      cost: 81_000,
      per_client: 27_000,
    });
    expect(suppress(t).totals).toEqual({ clients: '<10', cost: null, per_client: null });
  });

  it('hides the totals when a hidden cell is alone in its line (its margin minus nothing would be the cell)', () => {
    const t = table(
      ['year', 'care_type'],
      [
        { year: '2017', care_type: 'ambulant', clients: 30, cost: 300, per_client: 10 },
        { year: '2018', care_type: 'ambulant', clients: 40, cost: 400, per_client: 10 },
        { year: '2018', care_type: 'crisis', clients: 3, cost: 90, per_client: 30 },
      ],
      { clients: 73, cost: 790, per_client: 11 },
    );
    const out = suppress(t);
    expect(out.rows.map((r) => r.clients)).toEqual([null, null, '<10']);
    expect(out.totals).toEqual({ clients: null, cost: null, per_client: null });
  });

  it('does not change its input', () => {
    const copy = structuredClone(byType);
    suppress(byType);
    expect(byType).toEqual(copy);
  });
});

describe('suppress: two split dimensions (margins from other queries)', () => {
  const grid = table(
    ['year', 'care_type'],
    [
      { year: '2017', care_type: 'ambulant', clients: 30, cost: 300, per_client: 10 },
      { year: '2017', care_type: 'crisis', clients: 4, cost: 40, per_client: 10 },
      { year: '2017', care_type: 'verblijf', clients: 15, cost: 150, per_client: 10 },
      { year: '2018', care_type: 'ambulant', clients: 35, cost: 350, per_client: 10 },
      { year: '2018', care_type: 'crisis', clients: 20, cost: 200, per_client: 10 },
      { year: '2018', care_type: 'verblijf', clients: 16, cost: 160, per_client: 10 },
    ],
    { clients: 120, cost: 1200, per_client: 10 },
  );

  it('hides a rectangle: no year and no care type has exactly one hidden cell', () => {
    const out = suppress(grid);
    expect(out.rows.map((r) => r.clients)).toEqual([30, '<10', null, 35, null, null]);
    expect(out.rows.map((r) => r.cost)).toEqual([300, null, null, 350, null, null]);
    expect(out.totals).toEqual(grid.totals);
  });
});

describe('suppress: refuses what it cannot protect', () => {
  it('refuses a result without a client-count column', () => {
    const t: MetricResult = {
      metric: 'x',
      title: 'X',
      columns: [{ name: 'cost', label: 'Kosten', unit: 'eur' }],
      rows: [{ cost: 5 }],
      filters: {},
      split: [],
    };
    expect(() => suppress(t)).toThrow(AccessError);
    expect(suppress({ ...t, rows: [] })).toEqual({ ...t, rows: [] });
  });
});

describe('suppress: the subtraction attack on 300 random tables', () => {
  it('never leaves a line (or the table against its totals) with exactly one hidden cell, nor a visible small count', () => {
    const rnd = seeded(20261125);
    for (let n = 0; n < 300; n++) {
      const years = ['2016', '2017', '2018', '2019'].slice(0, 1 + Math.floor(rnd() * 4));
      const types = ['a', 'b', 'c', 'd', 'e'].slice(0, 1 + Math.floor(rnd() * 5));
      const rows: Record<string, Value>[] = [];
      for (const year of years)
        for (const care_type of types) {
          if (rnd() < 0.15) continue;
          const clients = rnd() < 0.3 ? Math.floor(rnd() * 10) : 10 + Math.floor(rnd() * 90);
          rows.push({ year, care_type, clients, cost: clients * 1000 + Math.floor(rnd() * 999), per_client: 1 });
        }
      const split = rnd() < 0.5 ? (['year', 'care_type'] as const) : (['care_type'] as const);
      const input = table(
        [...split],
        split.length === 1 ? rows.filter((r) => r.year === years[0]).map(({ year: _y, ...r }) => r) : rows,
      );
      input.totals = {
        clients: input.rows.reduce((s, r) => s + (r.clients as number), 0),
        cost: input.rows.reduce((s, r) => s + (r.cost as number), 0),
        per_client: 1,
      };
      const out = suppress(input);
      const hidden = (r: Record<string, Value>) => r.cost === null;
      for (const r of out.rows) expect(typeof r.clients === 'number' && r.clients > 0 && r.clients < 10).toBe(false);
      for (const k of split) {
        const others = split.filter((o) => o !== k);
        const lines = new Map<string, Record<string, Value>[]>();
        for (const r of out.rows) {
          const id = JSON.stringify(others.map((o) => r[o]));
          lines.set(id, [...(lines.get(id) ?? []), r]);
        }
        for (const line of lines.values()) {
          const h = line.filter(hidden).length;
          if (h === 1) {
            // a single hidden cell is only tolerable if the margin that would reveal it is hidden as well
            expect(out.totals!.cost, `table ${n}`).toBeNull();
          }
        }
      }
      if (out.rows.filter(hidden).length === 1) expect(out.totals!.cost).toBeNull();
    }
  });
});

describe('suppress: a period column keys the rows even when it is not a split (costs_yoy)', () => {
  // costs_yoy split by care type: the year is a column, not a split. Each year's rows add up to that year's total,
  // which any one-year question shows; so a year holding one hidden row must hide a second one.
  const yoy: MetricResult = {
    metric: 'costs_yoy',
    title: 'Kosten per jaar',
    filters: {},
    split: ['care_type'],
    columns: COLS.filter((c) => c.name !== 'per_client'),
    rows: [
      { year: '2018', care_type: 'ambulant', clients: 40, cost: 400_000 },
      { year: '2018', care_type: 'crisis', clients: 4, cost: 90_000 },
      { year: '2018', care_type: 'verblijf', clients: 12, cost: 900_000 },
      { year: '2019', care_type: 'ambulant', clients: 42, cost: 420_000 },
      { year: '2019', care_type: 'crisis', clients: 11, cost: 200_000 },
      { year: '2019', care_type: 'verblijf', clients: 13, cost: 950_000 },
    ],
  };

  it('hides a second row in the year of the small one, so the 2018 total minus the visible 2018 rows is not crisis', () => {
    const out = suppress(yoy);
    const hidden2018 = out.rows.filter((r) => r.year === '2018' && r.cost === null).map((r) => r.care_type);
    expect(hidden2018.length).toBeGreaterThanOrEqual(2);
    expect(hidden2018).toContain('crisis');
  });
});

describe('suppress: figures without clients behind them', () => {
  it('protects a row with 0 clients but care-days (clients with allocations and no cost) like a small one', () => {
    const t: MetricResult = {
      metric: 'costs',
      title: 'Kosten',
      filters: {},
      split: ['care_type'],
      columns: [
        ...COLS.filter((c) => c.name === 'care_type' || c.name === 'clients' || c.name === 'cost'),
        { name: 'care_days', label: 'Trajectdagen', unit: 'days' },
      ],
      rows: [
        { care_type: 'ambulant', clients: 40, cost: 400_000, care_days: 9_000 },
        { care_type: 'verblijf', clients: 12, cost: 900_000, care_days: 4_000 },
        { care_type: 'crisis', clients: 0, cost: 0, care_days: 412 },
        { care_type: 'leeg', clients: 0, cost: 0, care_days: 0 },
      ],
    };
    const out = suppress(t);
    expect(out.rows[2]).toEqual({ care_type: 'crisis', clients: null, cost: null, care_days: null });
    expect(out.rows[3]).toEqual(t.rows[3]);
  });
});

/** Rule 2 as first written: pass over all lines in order until a pass changes nothing (quadratic, kept as the reference). */
function plainComplement(rows: Record<string, Value>[], keys: string[], threshold = 10): boolean[] {
  const size = (r: Record<string, Value>) => (typeof r.clients === 'number' ? r.clients : 0);
  const marks = rows.map((r) => typeof r.clients === 'number' && r.clients > 0 && r.clients < threshold);
  const lines: number[][] = [];
  for (const k of keys) {
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const id = JSON.stringify(keys.filter((o) => o !== k).map((o) => r[o]));
      groups.set(id, [...(groups.get(id) ?? []), i]);
    });
    lines.push(...groups.values());
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((i) => marks[i]).length !== 1) continue;
      const candidates = line.filter((i) => !marks[i] && size(rows[i]) > 0);
      if (candidates.length === 0) continue;
      marks[candidates.reduce((a, b) => (size(rows[b]) < size(rows[a]) ? b : a))] = true;
      changed = true;
    }
  }
  return marks;
}

const KEYED: Column[] = [
  { name: 'year', label: 'Jaar', unit: 'text' },
  { name: 'care_type', label: 'Zorgsoort', unit: 'text' },
  { name: 'municipality', label: 'Gemeente', unit: 'text' },
  { name: 'clients', label: 'Cliënten', unit: 'count', clientCount: true },
  { name: 'cost', label: 'Kosten', unit: 'eur' },
];
const keyed = (split: string[], rows: Record<string, Value>[]): MetricResult => ({
  metric: 'costs',
  title: 'Kosten',
  columns: KEYED.filter((c) => !['year', 'care_type', 'municipality'].includes(c.name) || split.includes(c.name)),
  rows,
  filters: {},
  split: split as MetricResult['split'],
});

describe('suppress: large tables', () => {
  it('hides exactly the cells the plain repeat-until-stable loop hides, on 200 random tables of three split dimensions', () => {
    const rnd = seeded(20261206);
    let secondary = 0;
    for (let n = 0; n < 200; n++) {
      const split = ['year', 'care_type', 'municipality'].slice(0, 2 + Math.floor(rnd() * 2));
      const rows: Record<string, Value>[] = [];
      for (const year of ['2016', '2017', '2018', '2019'].slice(0, 1 + Math.floor(rnd() * 4))) {
        for (const care_type of ['a', 'b', 'c', 'd', 'e'].slice(0, 1 + Math.floor(rnd() * 5))) {
          for (const municipality of split.length === 3 ? ['0150', '1708', '0166'] : ['0150']) {
            if (rnd() < 0.15) continue;
            const clients = rnd() < 0.3 ? Math.floor(rnd() * 10) : 10 + Math.floor(rnd() * 20);
            rows.push({ year, care_type, ...(split.length === 3 ? { municipality } : {}), clients, cost: clients * 1000 });
          }
        }
      }
      const hidden = suppress(keyed(split, rows)).rows.map((r) => r.cost === null);
      expect(hidden, `table ${n}`).toEqual(plainComplement(rows, split));
      secondary += hidden.filter((h, i) => h && !((rows[i].clients as number) > 0 && (rows[i].clients as number) < 10)).length;
    }
    expect(secondary).toBeGreaterThan(100); // the comparison exercised rule 2, not only rule 1
  });

  it('suppresses 200,000 rows (two years × 100,000 providers) without exhausting the stack', () => {
    const rows: Record<string, Value>[] = [];
    for (const year of ['2023', '2024']) {
      for (let p = 0; p < 100_000; p++)
        rows.push({ year, care_type: `p${p}`, clients: p % 7 === 0 ? 3 : 12 + (p % 5), cost: 1000 });
    }
    const out = suppress(keyed(['year', 'care_type'], rows));
    // provider p (p % 7 = 0) has 3 clients in both years: both hidden, so its year-line holds two hidden cells; in each
    // year the 14,286 small providers are hidden and, being more than one, need no partner
    expect(out.rows.filter((r) => r.clients === '<10').length).toBe(2 * 14_286);
    expect(out.rows.filter((r) => r.cost === null).length).toBe(2 * 14_286);
  });
});
