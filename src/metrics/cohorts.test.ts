// Specification of cohorts on a fixture built to match docs/published-figures.md: 613 entrants in 2015, 238 still in care in 2018.
import { describe, expect, it } from 'vitest';
import { addAllocation, addInvoice, derive, fixtureStore, insertRows, invoiceRow } from './fixtures.ts';
import { computeMetric } from './index.ts';

// Published (docs/published-figures.md): of 613 entrants in 2015, 238 still in care in 2018; their cost per year
// € 895,304 → € 1,917,936 → € 2,743,098 → € 3,921,882 and per youth € 3,746 → € 8,449 → € 13,580 → € 16,478.
// The fixture reproduces the costs and the 238: the 238 long stayers carry the cohort's cost every year, the other 375
// entrants have an allocation in 2015 that was never invoiced. The per-youth figures do not follow from that (see below).
const STAYERS = 238;
const YEARS = [
  { year: 2015, cost: 895_304, published: 3_746 },
  { year: 2016, cost: 1_917_936, published: 8_449 },
  { year: 2017, cost: 2_743_098, published: 13_580 },
  { year: 2018, cost: 3_921_882, published: 16_478 },
];

describe('cohorts', () => {
  it('reproduces the published 2015 cohort (docs/published-figures.md)', async () => {
    const store = await fixtureStore();
    const allocations = [];
    for (let i = 0; i < 613; i++) {
      allocations.push({
        municipality: '0150',
        allocation_no: `K${i}`,
        client_id: `k${i}`,
        product_code: 'AMB',
        allocated_at: '2015-03-01 09:00:00',
        start_date: '2015-03-01',
        end_date: i < STAYERS ? '2018-12-31' : '2015-12-31',
        file_id: 'fixture',
      });
    }
    await insertRows(store, 'allocation', allocations);
    const lines = YEARS.flatMap(({ year, cost }) => {
      const each = Math.floor(cost / STAYERS);
      return Array.from({ length: STAYERS }, (_, i) =>
        invoiceRow({
          client: `k${i}`,
          allocation: `K${i}`,
          periodStart: `${year}-06-01`,
          euros: i === 0 ? cost - each * (STAYERS - 1) : each,
        }),
      );
    });
    await insertRows(store, 'invoice_line', lines);
    // Not in the 2015 cohort: a client already in care in 2014, and a 2016 entrant.
    await addAllocation(store, { client: 'old', start: '2014-10-01', end: '2015-12-31' });
    await addInvoice(store, { client: 'old', periodStart: '2015-01-01', euros: 5000 });
    await addAllocation(store, { client: 'new', start: '2016-02-01', end: '2016-12-31' });
    await addInvoice(store, { client: 'new', periodStart: '2016-02-01', euros: 1000 });
    await derive(store);

    const r = await computeMetric(store, 'cohorts', { filters: { from: '2015-01-01', to: '2016-12-31' }, split: [] });
    expect(r.rows).toEqual([
      { cohort: 2015, year: 2015, entrants: 613, clients: 238, share_pct: 38.8, cost: 895_304, cost_per_client: 3_761.78 },
      { cohort: 2015, year: 2016, entrants: 613, clients: 238, share_pct: 38.8, cost: 1_917_936, cost_per_client: 8_058.55 },
      { cohort: 2015, year: 2017, entrants: 613, clients: 238, share_pct: 38.8, cost: 2_743_098, cost_per_client: 11_525.62 },
      { cohort: 2015, year: 2018, entrants: 613, clients: 238, share_pct: 38.8, cost: 3_921_882, cost_per_client: 16_478.5 },
      { cohort: 2016, year: 2016, entrants: 1, clients: 1, share_pct: 100, cost: 1_000, cost_per_client: 1_000 },
    ]);
    // The published table is inconsistent: only 2018's € 16,478 is the cost of the 238 divided by 238. The other
    // per-youth figures divide by 239, 227 and 202 youths (€ 895,304 ÷ 239 = € 3,746), which the 238 cannot be.
    const perYouth = r.rows.slice(0, 4).map((x) => Math.round(Number(x.cost) / Number(x.clients)));
    expect(perYouth).toEqual([3_762, 8_059, 11_526, 16_478]);
    expect(YEARS.map((y, i) => perYouth[i] === y.published)).toEqual([false, false, false, true]);
    expect(YEARS.map((y) => Math.round(y.cost / y.published))).toEqual([239, 227, 202, 238]);
  });
});
