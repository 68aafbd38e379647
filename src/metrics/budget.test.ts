// Specification of budget vs realisation: invoiced plus expected for recent months not yet invoiced.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Store } from '../store/index.ts';
import { addAllocation, addBudget, addCarePeriod, addInvoice, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

const Y2018 = { from: '2018-01-01', to: '2018-12-31' };
let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await addBudget(store, { year: 2018, euros: 10_000 });
  await addBudget(store, { year: 2018, euros: 2_000, kind: 'burap' });
  await addBudget(store, { year: 2018, euros: 7_000, careType: 'ambulant' });
  await addBudget(store, { year: 2018, euros: 3_000, careType: 'verblijf' });
  await addInvoice(store, { client: 'c1', periodStart: '2018-01-01', euros: 4_000 });
  await addInvoice(store, { client: 'c2', periodStart: '2018-02-01', euros: 5_000, product: 'VBL' });
  // c3: € 900 over Oct–Dec (92 days); only October invoiced: November and December (61 days) are expected.
  const a3 = await addAllocation(store, { client: 'c3', start: '2018-10-01', end: '2018-12-31', budgetCents: 900_00 });
  await addInvoice(store, { client: 'c3', allocation: a3, periodStart: '2018-10-01', periodEnd: '2018-10-31', euros: 300 });
  // c4: December invoiced, which sets the peildatum to 31 December 2018.
  const a4 = await addAllocation(store, { client: 'c4', start: '2018-12-01', end: '2018-12-31', budgetCents: 100_00 });
  await addInvoice(store, { client: 'c4', allocation: a4, periodStart: '2018-12-01', periodEnd: '2018-12-31', euros: 100 });
  // c5: never invoiced, long ago (before the 3-month window): assumed unused, not expected.
  await addAllocation(store, { client: 'c5', start: '2018-01-01', end: '2018-03-31', budgetCents: 900_00 });
  await derive(store);
});

describe('budget', () => {
  it('sums a begroting given only per care type when the burap is one total', async () => {
    await addBudget(store, { year: 2019, euros: 7_000, careType: 'ambulant' });
    await addBudget(store, { year: 2019, euros: 3_000, careType: 'verblijf' });
    await addBudget(store, { year: 2019, euros: 500, kind: 'burap' });
    const r = await computeMetric(store, 'budget', { filters: { from: '2019-01-01', to: '2019-12-31' }, split: [] });
    expect(r.rows.map((x) => [x.original_budget, x.budget])).toEqual([[10_000, 10_500]]);
  });

  it('compares the budget after burap with invoiced plus expected', async () => {
    const r = await computeMetric(store, 'budget', { filters: Y2018, split: [] });
    expect(r.rows).toEqual([
      {
        year: 2018,
        original_budget: 10_000,
        budget: 12_000,
        invoiced: 9_400,
        expected: 596.74,
        realised: 9_996.74,
        difference: 2_003.26,
        realised_pct: 83.3,
        cost_toegang: null,
        cost_subsidie: null,
        cost_lumpsum: null,
        cost_preventie: null,
        cost_overig: null,
        // No cost line imported at all: the realised cost with them is unknown, not the invoices alone.
        realised_total: null,
      },
    ]);
    expect(r.notes).toContain('Er zijn geen kostenregels buiten de declaraties ingelezen; dat deel van de kosten is onbekend.');
  });

  it('uses the care-type budgets when split by care type', async () => {
    const r = await computeMetric(store, 'budget', { filters: Y2018, split: ['care_type'] });
    expect(r.rows).toEqual([
      {
        year: 2018,
        care_type: 'ambulant',
        original_budget: 7_000,
        budget: 7_000,
        invoiced: 4_400,
        expected: 596.74,
        realised: 4_996.74,
        difference: 2_003.26,
        realised_pct: 71.4,
        cost_toegang: null,
        cost_subsidie: null,
        cost_lumpsum: null,
        cost_preventie: null,
        cost_overig: null,
        realised_total: null,
      },
      {
        year: 2018,
        care_type: 'verblijf',
        original_budget: 3_000,
        budget: 3_000,
        invoiced: 5_000,
        expected: 0,
        realised: 5_000,
        difference: -2_000,
        realised_pct: 166.7,
        cost_toegang: null,
        cost_subsidie: null,
        cost_lumpsum: null,
        cost_preventie: null,
        cost_overig: null,
        realised_total: null,
      },
    ]);
  });

  it('shows the non-invoice cost lines as separate parts beside the unchanged figures, per municipality only', async () => {
    const own = await fixtureStore();
    await addBudget(own, { year: 2018, euros: 10_000 });
    await addInvoice(own, { client: 'c1', periodStart: '2018-12-01', periodEnd: '2018-12-31', euros: 4_000 });
    await own.run(sql`INSERT INTO cost_line VALUES (2018, '0150', 'toegang', 'Jeugdteam', 150_000, 'f'),
      (2018, '0150', 'toegang', 'Wijkteam', 50_000, 'f'), (2018, '0150', 'preventie', '', 25_050, 'f')`);
    await derive(own);
    const r = await computeMetric(own, 'budget', { filters: Y2018, split: ['municipality'] });
    expect(r.rows).toEqual([
      {
        year: 2018,
        municipality: '0150',
        original_budget: 10_000,
        budget: 10_000,
        invoiced: 4_000,
        expected: 0,
        realised: 4_000,
        difference: 6_000,
        realised_pct: 40,
        cost_toegang: 2_000,
        cost_subsidie: null,
        cost_lumpsum: null,
        cost_preventie: 250.5,
        cost_overig: null,
        realised_total: 6_250.5,
      },
    ]);
    const byType = await computeMetric(own, 'budget', { filters: Y2018, split: ['care_type'] });
    expect(byType.rows.map((x) => [x.realised, x.cost_toegang, x.realised_total])).toEqual([[4_000, null, null]]);
    expect(byType.notes).toContain(
      'De kosten buiten declaraties zijn alleen per gemeente en jaar bekend; met deze uitsplitsing of filters blijven ze leeg.',
    );
    own.close();
  });

  it('leaves a kind unknown, never € 0, when one municipality of the region did not import it; an imported 0 counts', async () => {
    const own = await fixtureStore();
    await addBudget(own, { year: 2018, euros: 10_000 });
    await addBudget(own, { year: 2018, euros: 5_000, municipality: '0193' });
    await addInvoice(own, { client: 'c1', periodStart: '2018-12-01', periodEnd: '2018-12-31', euros: 4_000 });
    // Access team: both municipalities; prevention: 0150 imported € 0, 0193 nothing; 2019: nothing at all.
    await own.run(sql`INSERT INTO cost_line VALUES (2018, '0150', 'toegang', '', 150_000, 'f'),
      (2018, '0193', 'toegang', '', 70_000, 'f'), (2018, '0150', 'preventie', '', 0, 'f')`);
    await derive(own);
    const part = (x: Record<string, unknown>) => [x.municipality ?? 'regio', x.cost_toegang, x.cost_preventie, x.realised_total];
    const split = await computeMetric(own, 'budget', { filters: Y2018, split: ['municipality'] });
    expect(split.rows.map(part)).toEqual([
      ['0150', 1_500, 0, 5_500],
      ['0193', 700, null, null],
    ]);
    const region = await computeMetric(own, 'budget', { filters: Y2018, split: [] });
    // The region's access team is 1_500 + 700; its prevention is unknown (0193 lacks it), not 0150's 0.
    expect(region.rows.map(part)).toEqual([['regio', 2_200, null, null]]);
    expect(region.notes).toContain(
      'Kostenregel preventie 2018 niet ingelezen voor 0193; dat deel is onbekend (niet als 0 gerekend).',
    );
    own.close();
  });

  it('expects nothing for months before care started or after it stopped (JW305/JW307)', async () => {
    const own = await fixtureStore();
    // Allocated November–December (61 days, € 610); care from 1 to 30 November only; nothing invoiced. The peildatum
    // (31 December, set by c2's invoice) puts both months in the window: November is expected (30 days: € 300),
    // December is not (care had stopped). c3: allocated December, care starts only in January: nothing expected.
    const a1 = await addAllocation(own, { client: 'c1', start: '2018-11-01', end: '2018-12-31', budgetCents: 610_00 });
    await addCarePeriod(own, { no: a1, client: 'c1', start: '2018-11-01', end: '2018-11-30', reason: '31' });
    await addInvoice(own, { client: 'c2', periodStart: '2018-12-01', periodEnd: '2018-12-31', euros: 50 });
    const a3 = await addAllocation(own, { client: 'c3', start: '2018-12-01', end: '2019-01-31', budgetCents: 620_00 });
    await addCarePeriod(own, { no: a3, client: 'c3', start: '2019-01-02' });
    await derive(own);
    const r = await computeMetric(own, 'budget', { filters: Y2018, split: [] });
    expect(r.rows.map((x) => [x.invoiced, x.expected])).toEqual([[50, 300]]);
    own.close();
  });

  it('refuses a malformed peildatum', async () => {
    await expect(
      computeMetric(store, 'budget', { filters: Y2018, split: [], params: { peildatum: '31-12-2018' } }),
    ).rejects.toMatchObject({ problems: [{ path: 'p.peildatum' }] });
  });
});
