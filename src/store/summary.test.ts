// The import status lists the non-invoice cost lines like every other kind of record.
import { describe, expect, it } from 'vitest';
import { addBudget, fixtureStore } from '../metrics/fixtures.ts';
import { sql } from './sql.ts';
import { formatSummary, summarise } from './summary.ts';

describe('store summary', () => {
  it('counts the cost lines (kind cost_lines) beside the budgets', async () => {
    const store = await fixtureStore();
    await addBudget(store, { year: 2019, euros: 700 });
    await store.run(sql`INSERT INTO cost_line VALUES (2019, '0150', 'toegang', '', 250000, 'f'),
      (2019, '0150', 'preventie', '', 0, 'f')`);
    const s = await summarise(store);
    expect(s.counts).toMatchObject({ budget: 1, cost_line: 2 });
    expect(formatSummary(s)).toMatch(/kostenregels buiten declaraties\s+2\n/);
    store.close();
  });
});
