// Specification of the last month with data: a page's coverage (last care month invoiced, in scope) and the dimensions'
// last month (last month of delivered care, invoiced or PGB) come from the one query.
import { describe, expect, it } from 'vitest';
import { addInvoice, addPgb, fixtureStore } from '../metrics/fixtures.ts';
import { coverage, lastMonth } from './coverage.ts';
import { dimensions } from './dimensions.ts';

describe('the last month with data', () => {
  it('covers the last invoiced care month within the scope; the dimensions run to the last care delivered', async () => {
    const store = await fixtureStore();
    expect(await coverage(store, {})).toEqual({ through: null });
    await addInvoice(store, { client: 'c1', periodStart: '2024-03-01', periodEnd: '2024-04-30', euros: 10 });
    await addInvoice(store, { client: 'c2', periodStart: '2024-05-01', euros: 10, municipality: '0363', provider: '22222222' });
    await addPgb(store, { client: 'c3', periodStart: '2024-06-01', periodEnd: '2024-07-31', euros: 5 });

    expect(await coverage(store, {})).toEqual({ through: '2024-05' });
    expect(await coverage(store, { municipality: ['0150'] })).toEqual({ through: '2024-03' });
    expect(await coverage(store, { provider: ['22222222'] })).toEqual({ through: '2024-05' });
    expect(await coverage(store, { municipality: [] })).toEqual({ through: null });
    // Care ends in April on the invoice, in July on the PGB line; the dimensions count both, over the whole store.
    expect(await lastMonth(store, { date: 'period_end' })).toBe('2024-05');
    expect(await lastMonth(store, { date: 'period_end', pgb: true })).toBe('2024-07');
    expect((await dimensions(store, ['0363'])).last_month).toBe('2024-07');
    store.close();
  });
});
