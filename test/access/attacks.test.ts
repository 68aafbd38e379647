// The attacker's view of small-number protection: a reader (lezer) and a provider (aanbieder) on a generated region try
// every way known to recover a hidden cell (1–9 clients) from answers they may see: implicit keys, split versus total,
// overlapping periods, partner and complement filters, top-N and threshold stepping, exports versus JSON. Each derived
// value is compared with the truth (the administrator's exact answer): none may come out to the cent.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/access/password.ts';
import { allUsers, users } from '../../src/access/testing.ts';
import { createSecureApp } from '../../src/api/auth/index.ts';
import type { AuthEnv } from '../../src/api/auth/middleware.ts';
import { loginAs, PASSWORD, type Client } from '../../src/api/auth/testing.ts';
import { addAllocation, addClient, addInvoice, addReferrer, derive, fixtureStore } from '../../src/metrics/fixtures.ts';
import type { Store } from '../../src/store/index.ts';
import { sql } from '../../src/store/sql.ts';

const YEARS = [2017, 2018, 2019];
/** Referrer types with their number of clients per municipality: 05, 06 and 08 are small in every year. */
const REFERRERS: [type: string, clients: number][] = [
  ['02', 45],
  ['01', 20],
  ['04', 12],
  ['05', 6],
  ['06', 3],
  ['08', 2],
];
const PROVIDERS = ['11111111', '22222222'];

let store: Store;
let app: Hono<AuthEnv>;
const as = new Map<string, Client>();

beforeAll(async () => {
  store = await fixtureStore();
  await store.run(sql`INSERT INTO municipality VALUES ('0150','Deventer',NULL,NULL), ('1708','Steenwijkerland',NULL,NULL)`);
  let n = 0;
  for (const [type] of REFERRERS) await addReferrer(store, { id: `${type}:`, type });
  for (const municipality of ['0150', '1708']) {
    for (const [type, count] of REFERRERS) {
      for (let i = 0; i < count; i++) {
        const client = `k${n++}`;
        const provider = PROVIDERS[i % 2];
        await addClient(store, { id: client, municipality, birthMonth: `${2005 + (i % 10)}-03-01` });
        const no = await addAllocation(store, {
          client,
          municipality,
          provider,
          referrer: `${type}:`,
          start: '2017-01-01',
          end: '2019-12-31',
        });
        for (const year of YEARS) {
          // Some years skipped, so the small cells differ per year; the small referrer types hold expensive children.
          if ((i + year) % 5 === 0) continue;
          const euros = 1_000 + ((n * 7919 + year) % 9_000) + (['05', '06', '08'].includes(type) ? 60_000 + i * 13_337 : 0);
          await addInvoice(store, {
            client,
            municipality,
            provider,
            allocation: no,
            periodStart: `${year}-05-01`,
            periodEnd: `${year}-05-31`,
            euros,
          });
        }
      }
    }
  }
  await derive(store);
  const hash = await hashPassword(PASSWORD);
  for (const u of allUsers) {
    await store.run(
      sql`INSERT INTO user_account VALUES (${u.name}, ${u.role}, ${u.municipalities.join(',')}, ${u.provider}, ${u.team}, ${hash}, current_timestamp, current_timestamp)`,
    );
  }
  app = createSecureApp({ store, webDist: '/nonexistent', cellKey: Buffer.alloc(32, 8) });
  for (const u of [users.admin, users.reader, users.provider]) as.set(u.name, await loginAs(app, u.name));
}, 60_000);
afterAll(() => store.close());

type Row = Record<string, string | number | null>;
async function ask(user: string, path: string): Promise<{ status: number; rows: Row[]; totals: Row }> {
  const res = await as.get(user)!.request(path);
  const body = (await res.json()) as { rows?: Row[]; totals?: Row };
  return { status: res.status, rows: body.rows ?? [], totals: body.totals ?? {} };
}
const year = (y: number) => `from=${y}-01-01&to=${y}-12-31`;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** A hidden cell and what the attacker derived for it, beside the truth. */
interface Recovery {
  attack: string;
  cell: string;
  truth: number;
  derived: number;
}

/** The exact cost of every referrer-type cell per year within the user's scope (the administrator's answer). */
async function truth(scope: string): Promise<Map<string, { clients: number; cost: number }>> {
  const out = new Map<string, { clients: number; cost: number }>();
  for (const y of YEARS) {
    for (const r of (await ask('anna', `/api/metrics/costs?${year(y)}&split=referrer_type&${scope}`)).rows) {
      out.set(`${y}/${r.referrer_type}`, { clients: num(r.clients), cost: num(r.cost) });
    }
  }
  return out;
}

/** Runs every differencing attack as `user`; returns each derived value of a small cell. */
async function attack(user: string, scope: string): Promise<{ recovered: Recovery[]; small: string[] }> {
  const exact = await truth(scope);
  const small = [...exact].filter(([, v]) => v.clients > 0 && v.clients < 10).map(([k]) => k);
  const recovered: Recovery[] = [];
  const note = (attack: string, cell: string, derived: number) => {
    if (small.includes(cell)) recovered.push({ attack, cell, truth: exact.get(cell)!.cost, derived });
  };
  for (const y of YEARS) {
    const one = await ask(user, `/api/metrics/costs?${year(y)}&split=referrer_type`);
    expect(one.status).toBe(200);
    const hidden = one.rows.filter((r) => r.cost === null).map((r) => `${y}/${r.referrer_type}`);
    const visible = one.rows.reduce((s, r) => s + num(r.cost), 0);
    // Split versus total: the year total minus the visible rows (all hidden cells together, or one if it stood alone).
    if (hidden.length === 1) note('split versus total', hidden[0], num(one.totals.cost) - visible);
    // Implicit key: costs_yoy carries the year as a column; the same year's total minus its visible rows.
    const yoy = (await ask(user, '/api/metrics/costs_yoy?split=referrer_type')).rows.filter((r) => String(r.year) === String(y));
    const yoyHidden = yoy.filter((r) => r.cost === null).map((r) => `${y}/${r.referrer_type}`);
    if (yoyHidden.length === 1)
      note('implicit key (costs_yoy)', yoyHidden[0], num(one.totals.cost) - yoy.reduce((s, r) => s + num(r.cost), 0));
    // Hidden here but visible as the second of two hidden cells elsewhere: subtract that one too.
    for (const cell of hidden) {
      const others = hidden.filter((h) => h !== cell);
      const known = others.map((h) => yoy.find((r) => `${y}/${r.referrer_type}` === h)?.cost);
      if (known.every((v) => typeof v === 'number'))
        note(
          'second hidden cell from another answer',
          cell,
          num(one.totals.cost) - visible - known.reduce((s: number, v) => s + num(v), 0),
        );
    }
    // Overlapping periods: two years minus the other year, per referrer type.
    for (const other of YEARS.filter((o) => o !== y)) {
      const [a, b] = [Math.min(y, other), Math.max(y, other)];
      const both = await ask(user, `/api/metrics/costs?from=${a}-01-01&to=${b}-12-31&split=referrer_type`);
      if (b - a !== 1) continue;
      const otherYear = await ask(user, `/api/metrics/costs?${year(other)}&split=referrer_type`);
      for (const r of both.rows) {
        const o = otherYear.rows.find((x) => x.referrer_type === r.referrer_type);
        if (typeof r.cost === 'number' && typeof o?.cost === 'number')
          note('overlapping periods', `${y}/${r.referrer_type}`, r.cost - o.cost);
      }
    }
    // Exports carry the same figures as the JSON answer (the same cell, the same noise): nothing new to subtract.
    const csv = await (await as.get(user)!.request(`/api/metrics/costs/export.csv?${year(y)}&split=referrer_type`)).text();
    const exported = csv
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';'));
    const costs = exported.map((cells) => cells.map((c) => Number(c.replace(',', '.'))));
    for (const r of one.rows) {
      // The visible cost is in the export exactly as in the JSON answer; a hidden one is nowhere in it.
      if (typeof r.cost === 'number')
        expect(
          costs.some((row) => row.includes(r.cost as number)),
          `${y}/${r.referrer_type}`,
        ).toBe(true);
    }
    for (const cell of hidden) {
      const truthCost = exact.get(cell)!.cost;
      expect(
        costs.some((row) => row.includes(truthCost)),
        `${cell} in the export`,
      ).toBe(false);
    }
    expect(exported.length).toBe(one.rows.length + 1); // the rows and the total line
  }
  return { recovered, small };
}

/** The requests an attacker steps through to isolate one child: each must be refused outright. */
const STEPS = [
  '/api/metrics/costs?referrer_type=05',
  '/api/metrics/costs?referrer_type=02,01,04,05,08',
  '/api/metrics/intensive_clients?p.top=11',
  '/api/metrics/intensive_clients?p.low=60000',
  '/api/metrics/costs?from=2018-01-01&to=2018-06-30',
  '/api/metrics/costs?from=2018-02-01&to=2018-12-31',
  '/api/metrics/costs?split=referrer_type,provider',
  '/api/metrics/costs/export.csv?referrer_type=05',
];

describe.each([
  // The provider sees half the clients: its small cells are hidden in pairs, so only the reader gets single estimates.
  ['reader (lezer) of Deventer', users.reader.name, 'municipality=0150', true],
  ['provider (aanbieder) 11111111', users.provider.name, 'provider=11111111', false],
])('attacks by a %s', (_who, user, scope, estimates) => {
  it('partner and complement filters, top-N and threshold stepping, shifted periods and cross-tables are refused', async () => {
    for (const path of STEPS) {
      const res = await as.get(user)!.request(path);
      expect([400, 403], path).toContain(res.status);
    }
  });

  it('recovers no hidden cell to the cent by differencing the answers it may see', async () => {
    const { recovered, small } = await attack(user, scope);
    expect(small.length).toBeGreaterThan(3); // the region really has small cells to attack
    expect(recovered.length > 0).toBe(estimates); // and the attacks really produce estimates where a cell stands alone
    const exact = recovered.filter((r) => Math.abs(r.derived - r.truth) < 0.5);
    expect(exact).toEqual([]);
    // The estimates are off by the noise of the margins: at least 2 % of the smallest margin behind them.
    for (const r of recovered) expect(Math.abs(r.derived - r.truth), `${r.attack} ${r.cell}`).toBeGreaterThan(0.5);
  });
});
