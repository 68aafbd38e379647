// Specification of the key-message rules: from answers shaped exactly as the metrics give them, built from the published
// tables (docs/published-figures.md), each rule writes its sentence with the table's numbers in Dutch notation.
import { describe, expect, it } from 'vitest';
import type { MetricResult, Value } from '../../contract/index.ts';
import { decompositionRows } from '../../metrics/decomposition.ts';
import { change, round } from '../../metrics/result.ts';
import { budgetBalance } from './budget.ts';
import { clientsAndCostPerClient, costGrowth, trendBreak } from './costs.ts';
import { changeDriver } from './decomposition.ts';
import type { Figures } from './figures.ts';
import { moverOfYear } from './movers.ts';

/** The sentence as read: the formats put no-break spaces around € and mln, written here as plain spaces. */
const text = (r: { message: { text: string } } | null) => r?.message.text.replace(/\u00a0/g, ' ');

const fig = (metric: string, rows: Record<string, Value>[], source = 'B1'): Figures => ({
  result: { metric, title: metric, columns: [], rows, filters: {}, split: [] } as MetricResult,
  source,
});

// The four-year table: € 6,18 / 7,81 / 9,82 / 10,49 mln for 613 / 739 / 791 / 929 clients.
const YEARS: [number, number, number][] = [
  [2015, 6_180_000, 613],
  [2016, 7_810_000, 739],
  [2017, 9_820_000, 791],
  [2018, 10_490_000, 929],
];
// As `costs` split by year gives it: cost per client in cents precision.
const costs = fig(
  'costs',
  YEARS.map(([year, cost, clients]) => ({ year, cost, clients, cost_per_client: round(cost / clients) })),
);
// As `costs_yoy` gives it: this year beside the year before.
const yoy = fig(
  'costs_yoy',
  YEARS.map(([year, cost, clients], i) => {
    const prev = YEARS[i - 1];
    return {
      year,
      cost,
      clients,
      cost_previous: prev?.[1] ?? null,
      cost_change: prev ? cost - prev[1] : null,
      cost_change_pct: prev ? change(cost, prev[1]) : null,
    };
  }),
  'B2',
);

describe('cost and client trend', () => {
  it('says how much the cost rose in the year, in millions with two decimals', () => {
    const growth = costGrowth(yoy, 2018);
    expect(text(growth)).toBe('De kosten stegen in 2018 met € 0,67 mln (6,8 %) naar € 10,49 mln.');
    expect(growth?.message).toMatchObject({ rule: 'cost-growth', sources: ['B2'] });
  });

  it('says a fall as a fall, and nothing for the first year (no comparison)', () => {
    const fall = fig('costs_yoy', [{ year: 2019, cost: 9_500_000, cost_change: -990_000, cost_change_pct: -9.4 }]);
    expect(text(costGrowth(fall, 2019))).toBe('De kosten daalden in 2019 met € 0,99 mln (9,4 %) naar € 9,50 mln.');
    expect(costGrowth(yoy, 2015)).toBeNull();
  });

  it('follows clients and cost per client from the first year of the table to the report year', () => {
    expect(costs.result.rows.map((r) => r.cost_per_client)).toEqual([10_081.57, 10_568.34, 12_414.66, 11_291.71]);
    expect(text(clientsAndCostPerClient(costs, 2018))).toBe(
      'Het aantal cliënten steeg van 613 in 2015 naar 929 in 2018; de kosten per cliënt stegen van € 10.082 naar € 11.292.',
    );
  });

  it('names a break in the trend: growth slowing from 25,7 % to 6,8 %', () => {
    expect(text(trendBreak(yoy, 2018))).toBe('De kostengroei vlakte af: 6,8 % in 2018 tegen 25,7 % in 2017.');
    // 2017 against 2016: 25,7 % against 26,4 %, less than 10 points apart: no break.
    expect(trendBreak(yoy, 2017)).toBeNull();
    const turn = fig('costs_yoy', [
      { year: 2018, cost_change_pct: 6.8 },
      { year: 2019, cost_change_pct: -3 },
    ]);
    expect(text(trendBreak(turn, 2019))).toBe('Na een stijging van 6,8 % in 2018 daalden de kosten in 2019, met 3,0 %.');
  });

  it('says nothing about a figure that is protected', () => {
    const hidden = fig('costs_yoy', [{ year: 2018, cost: null, clients: '<10', cost_change: null, cost_change_pct: null }]);
    expect(costGrowth(hidden, 2018)).toBeNull();
  });
});

// LVB, one municipality (docs/published-figures.md), the inputs of src/metrics/decomposition.test.ts.
const LVB = [
  { period: 2015, careType: 'LVB', costCents: 747_000_00, clients: 131, careDays: 25_340 },
  { period: 2016, careType: 'LVB', costCents: 2_380_000_00, clients: 186, careDays: 50_000 },
  { period: 2017, careType: 'LVB', costCents: 3_090_000_00, clients: 232, careDays: 76_270 },
  { period: 2018, careType: 'LVB', costCents: 3_790_000_00, clients: 244, careDays: 71_140 },
];

describe('what drove the change', () => {
  const lvb = fig('decomposition', decompositionRows(LVB));

  it('names the largest effect of a care type and how many youths it had', () => {
    expect(text(changeDriver(lvb, 2018, 'LVB', 60))).toBe(
      'Bij LVB komt de stijging vooral door een hogere prijs per trajectdag (+31,5 %); het aantal jeugdigen met LVB-zorg steeg met 5,2 %.',
    );
  });

  it('names volume with the change of the price beside it (2016: 186 against 131 youths)', () => {
    // 2016 (+42,0 % youths, € 29,48 → € 47,60 per care-day: +61,5 %), its volume effect made the largest for the rule.
    const r = decompositionRows(LVB)[1]!;
    expect([r.effect_volume, r.effect_intensity, r.effect_price].map(Number).every((v) => v > 0)).toBe(true);
    const volume = fig('decomposition', [{ ...r, effect_volume: 2_000_000 }]);
    expect(text(changeDriver(volume, 2016, null, 70))).toBe(
      'De stijging van de kosten komt vooral door meer jeugdigen (+42,0 %); de kosten per trajectdag stegen met 61,5 %.',
    );
  });

  it('names a shift between care types with its amount', () => {
    const mix = fig('decomposition', [
      {
        year: 2018,
        cost_change: 500_000,
        effect_volume: -20_000,
        effect_intensity: 10_000,
        effect_price: 50_000,
        effect_mix: 460_000,
        clients_change_pct: -1.2,
      },
    ]);
    expect(text(changeDriver(mix, 2018, null, 70))).toBe(
      'De stijging van de kosten komt vooral door een verschuiving naar duurdere zorgsoorten (€ 0,46 mln); het aantal jeugdigen daalde met 1,2 %.',
    );
  });

  it('names a care type that is no abbreviation as a care type', () => {
    expect(text(changeDriver(lvb, 2018, 'ambulant', 60))).toMatch(
      /het aantal jeugdigen met zorgsoort ambulant steeg met 5,2 %\.$/,
    );
  });

  it('says nothing when the cost did not change', () => {
    expect(changeDriver(fig('decomposition', [{ year: 2018, cost_change: 0 }]), 2018, null, 70)).toBeNull();
  });
});

describe('who moved most', () => {
  const rows = [
    { year: 2018, provider: '11110001', cost: 870_000, cost_previous: 620_000, cost_change: 250_000, cost_change_pct: 40.3 },
    { year: 2018, provider: '22220002', cost: 300_000, cost_previous: 400_000, cost_change: -100_000, cost_change_pct: -25 },
    { year: 2017, provider: '22220002', cost: 400_000, cost_previous: 0, cost_change: 400_000, cost_change_pct: null },
  ];
  const names = { provider: { '11110001': 'Zorg & Co' } };

  it('names the provider whose cost changed most in the year, by its name', () => {
    expect(text(moverOfYear(fig('costs_yoy', rows), 'provider', 2018, 10_490_000, names, 50))).toBe(
      'Bij aanbieder Zorg & Co stegen de kosten het meest: met € 0,25 mln (+40,3 %) naar € 0,87 mln.',
    );
  });

  it('says when a provider has no cost any more', () => {
    const gone = [
      { year: 2018, provider: '22220002', cost: 0, cost_previous: 17_253, cost_change: -17_253, cost_change_pct: -100 },
    ];
    expect(text(moverOfYear(fig('costs_yoy', gone), 'provider', 2018, 1_000_000, names, 50))).toBe(
      'Bij aanbieder 22220002 vielen de kosten weg: € 17.253 in 2017, niets in 2018.',
    );
  });

  it('calls a provider without cost the year before new', () => {
    expect(text(moverOfYear(fig('costs_yoy', rows), 'provider', 2017, 9_820_000, names, 50))).toBe(
      'Aanbieder 22220002 is nieuw in 2017, met € 0,40 mln.',
    );
  });

  it('keeps quiet about a move under 1 % of the year’s cost', () => {
    expect(moverOfYear(fig('costs_yoy', rows), 'provider', 2018, 30_000_000, names, 50)).toBeNull();
  });
});

describe('budget', () => {
  it('says by how much the realisation is over the budget', () => {
    const budget = fig('budget', [
      { year: 2018, budget: 9_990_000, realised: 10_490_000, difference: -500_000, realised_pct: 105.0 },
    ]);
    expect(text(budgetBalance(budget, 2018))).toBe(
      'De realisatie over 2018 (€ 10,49 mln) ligt € 0,50 mln boven de begroting (€ 9,99 mln): 105,0 % van de begroting.',
    );
  });

  it('says nothing without a budget', () => {
    expect(budgetBalance(fig('budget', [{ year: 2018, budget: null, realised: 1 }]), 2018)).toBeNull();
  });
});
