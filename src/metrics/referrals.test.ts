// Specification of the referral metrics: by referrer type, per GP practice, and GP referrals to specialist GGZ.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Store, sql } from '../store/index.ts';
import { addAllocation, addInvoice, addPgb, addReferrer, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await addReferrer(store, { id: '02:12345678', type: '02', agb: '12345678', name: 'Praktijk A' });
  await addReferrer(store, { id: '02:87654321', type: '02', agb: '87654321', name: 'Praktijk B' });
  await addReferrer(store, { id: '01:', type: '01' });
  const cases = [
    ['c1', '02:12345678', 'GGZZ', 1000],
    ['c2', '02:12345678', 'AMB', 500],
    ['c3', '02:87654321', 'GGZM', 300],
    ['c4', '01:', 'AMB', 200],
  ] as const;
  for (const [client, referrer, product, euros] of cases) {
    const no = await addAllocation(store, { client, referrer, product, start: '2018-02-01', end: '2018-03-31' });
    await addInvoice(store, { client, allocation: no, product, periodStart: '2018-02-01', euros });
  }
  await addPgb(store, { client: 'c5', periodStart: '2018-02-01', euros: 100 });
  await derive(store);
});

describe('referrals', () => {
  it('gives clients and cost per referrer type with their shares; PGB has no referrer', async () => {
    const r = await computeMetric(store, 'referrals', { filters: {}, split: [] });
    expect(
      r.rows.map(({ referrer_type, clients, clients_share_pct, cost, cost_share_pct }) => ({
        referrer_type,
        clients,
        clients_share_pct,
        cost,
        cost_share_pct,
      })),
    ).toEqual([
      { referrer_type: '00', clients: 1, clients_share_pct: 20, cost: 100, cost_share_pct: 4.8 },
      { referrer_type: '01', clients: 1, clients_share_pct: 20, cost: 200, cost_share_pct: 9.5 },
      { referrer_type: '02', clients: 3, clients_share_pct: 60, cost: 1800, cost_share_pct: 85.7 },
    ]);
    expect(r.rows[2]!.referrer_type_name).toBe('Huisarts');
  });

  it("counts the clients with an allocation of each referrer type over the allocation's period, invoiced or not", async () => {
    const s = await fixtureStore();
    await addReferrer(s, { id: '02:1', type: '02', agb: '1' });
    // g1 invoiced in 2018; g2 allocated from December 2017 into 2018, never invoiced; g3 allocated only in 2019.
    const no = await addAllocation(s, { client: 'g1', referrer: '02:1', start: '2018-02-01', end: '2018-03-31' });
    await addInvoice(s, { client: 'g1', allocation: no, periodStart: '2018-02-01', euros: 100 });
    await addAllocation(s, { client: 'g2', referrer: '02:1', start: '2017-12-01', end: '2018-01-15' });
    await addAllocation(s, { client: 'g3', start: '2019-01-01', end: '2019-03-31' });
    await derive(s);
    const r = await computeMetric(s, 'referrals', { filters: { from: '2018-01-01', to: '2018-12-31' }, split: [] });
    expect(
      r.rows.map(({ referrer_type, clients, allocated_clients }) => ({ referrer_type, clients, allocated_clients })),
    ).toEqual([{ referrer_type: '02', clients: 1, allocated_clients: 2 }]);
    // Per referrer too; a referrer with allocations but no cost in the period still gets its row.
    const per = (year: number) =>
      computeMetric(s, 'referrers', { filters: { from: `${year}-01-01`, to: `${year}-12-31` }, split: [] }).then((x) =>
        x.rows.map(({ referrer_id, clients, cost, allocated_clients }) => ({ referrer_id, clients, cost, allocated_clients })),
      );
    expect(await per(2018)).toEqual([{ referrer_id: '02:1', clients: 1, cost: 100, allocated_clients: 2 }]);
    expect(await per(2019)).toEqual([{ referrer_id: '00:', clients: 0, cost: 0, allocated_clients: 1 }]);
    s.close();
  });

  it('lists each GP practice with its clients, cost and care types', async () => {
    const r = await computeMetric(store, 'referrers', { filters: { referrer_type: ['02'] }, split: [] });
    expect(r.rows).toEqual([
      {
        referrer_id: '02:12345678',
        referrer_type: '02',
        agb: '12345678',
        name: 'Praktijk A',
        clients: 2,
        care_types: 'GGZ zwaar, ambulant',
        referrer_type_name: 'Huisarts',
        cost: 1500,
        allocated_clients: 2,
      },
      {
        referrer_id: '02:87654321',
        referrer_type: '02',
        agb: '87654321',
        name: 'Praktijk B',
        clients: 1,
        care_types: 'GGZ midden',
        referrer_type_name: 'Huisarts',
        cost: 300,
        allocated_clients: 1,
      },
    ]);
  });

  it("names each practice after the imported AGB list of referrers, before the export's own name", async () => {
    await store.run(sql`INSERT INTO referrer_agb VALUES ('87654321', 'Huisartsen Dalfsen', '02', 'Dalfsen')`);
    try {
      const r = await computeMetric(store, 'referrers', { filters: { referrer_type: ['02'] }, split: [] });
      expect(r.rows.map(({ referrer_id, name }) => ({ referrer_id, name }))).toEqual([
        { referrer_id: '02:12345678', name: 'Praktijk A' },
        { referrer_id: '02:87654321', name: 'Huisartsen Dalfsen' },
      ]);
    } finally {
      await store.run(sql`DELETE FROM referrer_agb`);
    }
  });

  it('gives the share of GP referrals to specialist GGZ (GGZ zwaar), per practice', async () => {
    const r = await computeMetric(store, 'gp_specialist_mh', { filters: {}, split: ['referrer'] });
    expect(
      r.rows.map(({ referrer, referrals, specialist, specialist_pct }) => ({ referrer, referrals, specialist, specialist_pct })),
    ).toEqual([
      { referrer: '02:12345678', referrals: 2, specialist: 1, specialist_pct: 50 },
      { referrer: '02:87654321', referrals: 1, specialist: 0, specialist_pct: 0 },
    ]);
    expect(r.totals).toMatchObject({ referrals: 3, specialist: 1, specialist_pct: 33.3, clients: 3, specialist_clients: 1 });
  });
});
