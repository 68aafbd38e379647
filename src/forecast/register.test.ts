// Specification of the stored register: per place, saved and replaced with its mechanisms, deleted, every edit audited,
// and another place's measure unknown by its id.
import { describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { naiveSum } from './measures.ts';
import { PLAN_MEASURES, mln } from './regional-plan.fixture.ts';
import { deleteMeasure, listMeasures, type NewMeasure, saveMeasure, seedMeasures } from './register.ts';

const piet = { name: 'piet', role: 'analyst' as const };
const AT = new Date('2026-12-06T10:00:00Z');

const cut: NewMeasure = {
  municipality: '1708',
  name: 'Praktijkondersteuner jeugd',
  description: 'POH-jeugd bij de huisarts',
  owner: 'Wethouder',
  start: '2020-01-01',
  preparationMonths: 6,
  investmentCents: 5_000_000,
  status: 'lopend',
  indicator: { metric: 'gp_specialist_mh', column: 'referrals' },
  mechanisms: [
    { lever: { kind: 'inflow', referrer: 'huisarts' }, bands: [{ from: 2020, low: 500, high: 1_000 }] },
    { lever: { kind: 'fixed' }, bands: [{ from: 2021, low: 10_000, high: 20_000 }] },
  ],
};

describe('measures register', () => {
  it('saves a measure with its mechanisms, replaces it under its id, and audits both', async () => {
    const store = await Store.open(':memory:');
    const saved = await saveMeasure(store, piet, cut, AT);
    expect(saved).toEqual({ ...cut, id: saved.id, author: 'piet', saved_at: '2026-12-06T10:00:00' });
    const again = await saveMeasure(store, piet, { ...cut, id: saved.id, status: 'afgerond', mechanisms: [] }, AT);
    expect(await listMeasures(store, '1708')).toEqual([again]);
    expect(again).toMatchObject({ id: saved.id, status: 'afgerond', mechanisms: [] });
    expect(await listMeasures(store, null)).toEqual([]);
    const log = await store.all(sql`SELECT actor, action, target FROM audit_log ORDER BY id`);
    expect(log).toEqual([
      { actor: 'piet', action: 'measure_save', target: saved.id },
      { actor: 'piet', action: 'measure_save', target: saved.id },
    ]);
  });

  it('does not know another place’s measure by its id: no update, no delete', async () => {
    const store = await Store.open(':memory:');
    const saved = await saveMeasure(store, piet, cut, AT);
    await expect(saveMeasure(store, piet, { ...cut, municipality: '0193', id: saved.id }, AT)).rejects.toThrow(
      `Onbekende maatregel '${saved.id}'.`,
    );
    expect(await deleteMeasure(store, piet, '0193', saved.id, AT)).toBeUndefined();
    expect((await deleteMeasure(store, piet, '1708', saved.id, AT))?.name).toBe('Praktijkondersteuner jeugd');
    expect(await listMeasures(store, '1708')).toEqual([]);
    const actions = await store.all(sql`SELECT action FROM audit_log ORDER BY id`);
    expect(actions.map((r) => r.action)).toEqual(['measure_save', 'measure_delete']);
  });

  it('loads the regional plan once into an empty register, in its order, with its naive sums', async () => {
    const store = await Store.open(':memory:');
    expect(await seedMeasures(store, piet, null, PLAN_MEASURES, AT)).toBe(15);
    expect(await seedMeasures(store, piet, null, PLAN_MEASURES, AT)).toBe(0);
    const register = await listMeasures(store, null);
    expect(register.map((m) => m.name)).toEqual(PLAN_MEASURES.map((m) => m.name));
    expect(naiveSum(register, 2021)).toEqual({ lowCents: mln(10), highCents: mln(63) });
  });
});
