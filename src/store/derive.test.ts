// Specification of the derived tables: effective care intervals, merged care-days (checked against day expansion), costs.
import { describe, expect, it } from 'vitest';
import { addAllocation, addCarePeriod, addInvoice, addPgb, addTariff, derive, fixtureStore } from '../metrics/fixtures.ts';
import { sql } from './sql.ts';

describe("d_alloc: the allocation's period", () => {
  it("counts over the allocation's own dates (care start/stop ride along), closes an open end at the peildatum and drops deleted allocations", async () => {
    const store = await fixtureStore();
    const a = await addAllocation(store, { client: 'c1', start: '2018-01-01', end: '2018-12-31' });
    await addCarePeriod(store, { no: a, client: 'c1', start: '2018-02-01', end: '2018-03-31', reason: '31' });
    await addAllocation(store, { client: 'c2', start: '2018-05-01', no: 'OPEN' });
    await addAllocation(store, { client: 'c3', start: '2018-05-01', deleted: true });
    await addAllocation(store, { client: 'c4', start: '2018-05-01', changeReason: '13' });
    await addInvoice(store, { client: 'c1', periodStart: '2018-06-01', periodEnd: '2018-06-30', euros: 10 });
    await derive(store);
    expect(
      await store.all(sql`SELECT client_id, start_date, end_date, open_ended, care_start, care_end, ended_on, care_started
      FROM d_alloc ORDER BY client_id`),
    ).toEqual([
      {
        client_id: 'c1',
        start_date: '2018-01-01',
        end_date: '2018-12-31',
        open_ended: false,
        care_start: '2018-02-01',
        care_end: '2018-03-31',
        ended_on: '2018-03-31',
        care_started: true,
      },
      {
        client_id: 'c2',
        start_date: '2018-05-01',
        end_date: '2018-06-30',
        open_ended: true,
        care_start: null,
        care_end: null,
        ended_on: '2018-06-30',
        care_started: false,
      },
    ]);
  });
});

describe('d_care_piece: care-days merged per client × municipality × care type', () => {
  it('counts stacked allocations once and splits a year-spanning allocation over months', async () => {
    const store = await fixtureStore();
    await addAllocation(store, { client: 'c1', start: '2017-12-20', end: '2018-01-10' });
    await addAllocation(store, { client: 'c1', start: '2018-01-05', end: '2018-01-31' }); // stacked: same care type
    await addAllocation(store, { client: 'c1', start: '2018-01-05', end: '2018-01-06', product: 'VBL' }); // other care type
    await derive(store);
    expect(
      await store.all(sql`SELECT care_type, month, sum(days) AS days FROM d_care_piece GROUP BY ALL ORDER BY care_type, month`),
    ).toEqual([
      { care_type: 'ambulant', month: '2017-12-01', days: 12 },
      { care_type: 'ambulant', month: '2018-01-01', days: 31 },
      { care_type: 'verblijf', month: '2018-01-01', days: 2 },
    ]);
  });

  it('equals a brute-force count of distinct days on random small cases (ties included)', async () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 5; round++) {
      const store = await fixtureStore();
      for (let i = 0; i < 60; i++) {
        const start = new Date(Date.UTC(2018, 0, 1 + rand(120)));
        const end = new Date(start.getTime() + rand(rand(2) ? 10 : 90) * 86_400_000);
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        await addAllocation(store, {
          client: `c${rand(4)}`,
          start: iso(start),
          end: rand(8) === 0 ? null : iso(end),
          product: rand(3) === 0 ? 'VBL' : 'AMB',
          municipality: rand(5) === 0 ? '0148' : '0150',
        });
      }
      await addInvoice(store, { client: 'c0', periodStart: '2018-05-01', periodEnd: '2018-05-31', euros: 1 });
      await derive(store);
      const brute = await store.all(sql`
        SELECT client_id, municipality, care_type, strftime(d, '%Y-%m') AS m, count(DISTINCT d) AS days
        FROM d_alloc, unnest(generate_series(start_date, end_date, INTERVAL 1 DAY)) AS t(d)
        WHERE end_date >= start_date GROUP BY ALL ORDER BY ALL`);
      const merged = await store.all(sql`
        SELECT client_id, municipality, care_type, strftime(month, '%Y-%m') AS m, sum(days)::BIGINT AS days
        FROM d_care_piece GROUP BY ALL ORDER BY ALL`);
      expect(merged).toEqual(brute);
      store.close();
    }
  });
});

describe('d_cost', () => {
  it('keeps credit lines negative in the period of the care and marks PGB lines as PGB', async () => {
    const store = await fixtureStore();
    await addInvoice(store, { client: 'c1', periodStart: '2018-03-01', euros: 500, reference: 'R1' });
    await addInvoice(store, {
      client: 'c1',
      periodStart: '2018-03-01',
      euros: 500,
      credit: true,
      previousReference: 'R1',
      invoiceDate: '2019-02-01',
    });
    await addInvoice(store, { client: 'c1', periodStart: '2018-03-01', euros: 450, invoiceDate: '2019-02-01' });
    await addPgb(store, { client: 'c2', periodStart: '2018-03-01', euros: 100 });
    await derive(store);
    expect(
      await store.all(
        sql`SELECT financing, year(care_date) AS y, sum(amount_cents)::BIGINT AS cents FROM d_cost GROUP BY ALL ORDER BY ALL`,
      ),
    ).toEqual([
      { financing: 'PGB', y: 2018, cents: 10000 },
      { financing: 'ZIN', y: 2018, cents: 45000 },
    ]);
  });

  it('prices allocated volume with the tariff of the year (per week: two ISO weeks touched)', async () => {
    const store = await fixtureStore();
    await addTariff(store, { code: 'AMB', year: 2018, cents: 10000, unit: '04' });
    await addAllocation(store, { client: 'c1', start: '2018-01-01', end: '2018-01-14', volume: 2, unit: '04', frequency: '2' });
    await derive(store);
    expect(await store.one(sql`SELECT sum(allocated_num / allocated_den) AS c FROM d_alloc_piece`)).toEqual({ c: 40000 });
  });
});
