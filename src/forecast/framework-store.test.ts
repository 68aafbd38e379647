// Specification of reading the imported budgets as framework input, on a tiny store.
import { describe, expect, it } from 'vitest';
import { addBudget, fixtureStore } from '../metrics/fixtures.ts';
import { framework } from './framework.ts';
import { readFrameworkInputs } from './framework-store.ts';

describe('framework input from the store', () => {
  it('reads begroting, burap, rijksbijdrage and taakstelling per municipality and year', async () => {
    const store = await fixtureStore();
    // 0150: begroting 2019 as two care-type rows (summed), a team budget (ignored), burap; 2020 carried, cut stored negative.
    await addBudget(store, { year: 2019, euros: 700, careType: 'ambulant' });
    await addBudget(store, { year: 2019, euros: 345, careType: 'verblijf' });
    await addBudget(store, { year: 2019, euros: 999, team: 'T1' });
    await addBudget(store, { year: 2019, euros: 102, kind: 'burap' });
    await addBudget(store, { year: 2019, euros: 120, kind: 'rijksbijdrage' });
    await addBudget(store, { year: 2020, euros: -50, kind: 'taakstelling' });
    await addBudget(store, { year: 2020, euros: 95, kind: 'rijksbijdrage' });
    // 0193: one year, no rijksbijdrage (unknown, not 0).
    await addBudget(store, { year: 2022, euros: 400, municipality: '0193' });
    const inputs = await readFrameworkInputs(store);
    expect(Object.fromEntries(inputs)).toEqual({
      '0150': [
        { year: 2019, budgetCents: 1_045_00, carry: false, burapCents: 102_00, targetCents: 0, contributionCents: 120_00 },
        { year: 2020, budgetCents: null, carry: true, burapCents: 0, targetCents: 50_00, contributionCents: 95_00 },
      ],
      '0193': [{ year: 2022, budgetCents: 400_00, carry: false, burapCents: 0, targetCents: 0, contributionCents: null }],
    });
    const y = framework(inputs.get('0150')!);
    expect(y.map((r) => [r.yearCostCents, r.netCostCents])).toEqual([
      [1_147_00, 1_027_00],
      [1_097_00, 1_002_00],
    ]);
    expect([...(await readFrameworkInputs(store, ['0193'])).keys()]).toEqual(['0193']);
    store.close();
  });

  it('prefers the municipality total over care-type rows of the same kind', async () => {
    const store = await fixtureStore();
    await addBudget(store, { year: 2021, euros: 1_000 });
    await addBudget(store, { year: 2021, euros: 600, careType: 'ambulant' });
    const inputs = await readFrameworkInputs(store);
    expect(inputs.get('0150')![0]!.budgetCents).toBe(1_000_00);
    store.close();
  });
});
