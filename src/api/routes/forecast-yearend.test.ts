// /api/forecast/yearend on a tiny store whose answer is worked out by hand: flat monthly cost, invoiced a month later.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkView } from '../../forecast/framework-view.ts';
import { addBudget, addInvoice, derive, fixtureStore } from '../../metrics/fixtures.ts';
import { sql, type Store } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';

let store: Store;
let app: Hono<AuthEnv>;

const pad = (n: number) => String(n).padStart(2, '0');
beforeAll(async () => {
  const base = await fixtureStore();
  // January 2025 – June 2029, every month: 0150 ambulant € 100 and verblijf € 50, 1708 ambulant € 200; each month's
  // care invoiced on the 5th of the next month. The peildatum is 28 June 2029: June is not invoiced yet.
  const lines: [string, string, number][] = [
    ['0150', 'AMB', 100],
    ['0150', 'VBL', 50],
    ['1708', 'AMB', 200],
  ];
  for (let k = 2025 * 12; k <= 2029 * 12 + 5; k++) {
    const [y, m] = [Math.floor(k / 12), (k % 12) + 1];
    const [iy, im] = [Math.floor((k + 1) / 12), ((k + 1) % 12) + 1];
    for (const [municipality, product, euros] of lines)
      await addInvoice(base, {
        client: `c${municipality}${product}`,
        municipality,
        product,
        euros,
        periodStart: `${y}-${pad(m)}-01`,
        periodEnd: `${y}-${pad(m)}-28`,
        invoiceDate: `${iy}-${pad(im)}-05`,
      });
  }
  await addBudget(base, { year: 2029, euros: 1_500 });
  await addBudget(base, { year: 2029, euros: 100, kind: 'burap' });
  // A taakstelling as the files give it (negative): it lowers the year cost whatever its sign.
  await addBudget(base, { year: 2029, euros: -150, kind: 'taakstelling' });
  await addBudget(base, { year: 2029, euros: 1_000, careType: 'ambulant' });
  await derive(base);
  ({ store, app } = await secureFixture({}, base));
});
afterAll(() => store.close());

const get = async (user: string, query: string) => (await loginAs(app, user)).request(`/api/forecast/yearend${query}`);

describe('/api/forecast/yearend', () => {
  it('forecasts each care type and the total of a municipality at the last data month, against its budget', async () => {
    const res = await get('bert', '?gemeente=0150&jaar=2029');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect([body.year, body.cutoff, body.per]).toEqual([2029, '2029-06', 'care_type']);
    // Ambulant: January–May invoiced (€ 500), June delivered but not invoiced (€ 100), July–December to come (€ 600).
    // The same forecast in June 2026, 2027 and 2028 was exact, for every municipality and care type (June 2025 could not
    // learn the invoice lag yet and does not count): the 80 % interval closes on the central value.
    expect(body.rows).toEqual([
      {
        key: 'ambulant',
        invoicedCents: 500_00,
        notYetInvoicedCents: 100_00,
        // Without allocations everything to come counts as running, at the recent level.
        runningCents: 600_00,
        inflowCents: 0,
        centralCents: 1_200_00,
        utilisation: null,
        low80Cents: 1_200_00,
        high80Cents: 1_200_00,
        budgetCents: 1_000_00,
        overspendCents: 200_00,
        intervalReason: null,
        lagReason: null,
      },
      {
        key: 'verblijf',
        invoicedCents: 250_00,
        notYetInvoicedCents: 50_00,
        runningCents: 300_00,
        inflowCents: 0,
        centralCents: 600_00,
        utilisation: null,
        low80Cents: 600_00,
        high80Cents: 600_00,
        budgetCents: null,
        overspendCents: null,
        intervalReason: null,
        lagReason: null,
      },
    ]);
    // The total against the financial framework's year cost, begroting + burap − taakstelling = € 1.500 + € 100 − € 150
    // = € 1.450 (the figure the framework shows as Jaarkosten): € 350 over.
    expect(body.total).toMatchObject({ key: null, centralCents: 1_800_00, budgetCents: 1_450_00, overspendCents: 350_00 });
    const [framework] = await frameworkView(store, { municipalities: ['0150'], from: 2029, to: 2029 });
    expect([framework!.budgetCents, framework!.yearCostCents]).toEqual([1_500_00, 1_450_00]);
    expect(body.months.map((m: { cumulativeCents: number }) => m.cumulativeCents)).toEqual([
      150_00, 300_00, 450_00, 600_00, 750_00, 750_00,
    ]);
    expect(body.months[0].month).toBe('2029-01');
  });

  it('sums the own municipalities for the region and forecasts as of an earlier month on request', async () => {
    const region = await (await get('bea', '')).json();
    expect(region.total.centralCents).toBe(4_200_00);
    const march = await (await get('anna', '?gemeente=1708&tot=2029-03-15')).json();
    expect([march.cutoff, march.total.invoicedCents, march.total.notYetInvoicedCents, march.total.runningCents]).toEqual([
      '2029-03',
      400_00,
      200_00,
      1_800_00,
    ]);
  });

  it('refuses another municipality, readers and team leads (403), and is audited', async () => {
    // An attacker limited to 0150 asks for 1708.
    const res = await get('bert', '?gemeente=1708');
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain('centralCents');
    expect((await get('els', '?gemeente=0150')).status).toBe(403);
    expect((await get('cor', '')).status).toBe(403);
    expect((await app.request('/api/forecast/yearend')).status).toBe(401);
    const rows = await store.all<{ actor: string; outcome: string }>(
      sql`SELECT actor, outcome FROM audit_log WHERE action = 'forecast_yearend' ORDER BY id`,
    );
    expect(rows.filter((r) => r.outcome === 'geweigerd').map((r) => r.actor)).toEqual(['bert', 'els', 'cor']);
  });

  it('names a bad parameter (400)', async () => {
    for (const [query, param] of [
      ['?per=provider', 'per'],
      ['?jaar=twee', 'jaar'],
      ['?tot=2029-13-45', 'tot'],
      ['?gemeente=abc', 'gemeente'],
      ['?soort=x', 'soort'],
      ['?jaar=2030&tot=2029-05-01', 'jaar'],
    ]) {
      const res = await get('anna', query!);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.param).toBe(param);
    }
  });
});
