// The attacker's view of the per-youth figures (the overview tile "Jeugdigen met jeugdhulp" and the per_youth
// analysis): a reader (lezer) splits per district, per municipality and per half-year, and filters on one district,
// trying to see a count of 1–9 youths or to derive one from a percentage and the population (percentage × youths
// ÷ 100). The administrator's exact answer shows the small cells are really there.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/access/password.ts';
import { allUsers, users } from '../../src/access/testing.ts';
import { createSecureApp } from '../../src/api/auth/index.ts';
import type { AuthEnv } from '../../src/api/auth/middleware.ts';
import { loginAs, PASSWORD, type Client } from '../../src/api/auth/testing.ts';
import { addAllocation, addClient, addInvoice, derive, fixtureStore, insertRows } from '../../src/metrics/fixtures.ts';
import type { Store } from '../../src/store/index.ts';
import { sql } from '../../src/store/sql.ts';

/** Youths per district of Deventer: [district, outpatient, residential]; Zuid is small, West has 3 with residence. */
const DISTRICTS: [string, number, number][] = [
  ['Noord', 25, 0],
  ['Zuid', 4, 0],
  ['Oost', 12, 0],
  ['West', 15, 3],
];
/** Count columns and the percentage each is a share of (with the youths it is taken of). */
const SHARES = [
  ['clients', 'share_pct', 'youths'],
  ['residential_clients', 'residential_pct', 'youths'],
  ['outpatient_clients', 'outpatient_pct', 'youths'],
  ['clients_extended', 'share_extended_pct', 'youths_extended'],
] as const;

let store: Store;
let app: Hono<AuthEnv>;
const as = new Map<string, Client>();

beforeAll(async () => {
  store = await fixtureStore();
  await store.run(sql`INSERT INTO municipality VALUES ('0150','Deventer',NULL,NULL), ('1708','Steenwijkerland',NULL,NULL)`);
  let n = 0;
  for (const [district, outpatient, residential] of DISTRICTS)
    for (let i = 0; i < outpatient + residential; i++) {
      const client = `k${n++}`;
      await addClient(store, { id: client, municipality: '0150', district, birthMonth: `${2006 + (i % 8)}-03-01` });
      const product = i < residential ? 'VBL' : 'AMB';
      const no = await addAllocation(store, { client, municipality: '0150', product, start: '2018-01-01', end: '2018-12-31' });
      await addInvoice(store, {
        client,
        municipality: '0150',
        allocation: no,
        product,
        periodStart: '2018-05-01',
        euros: 2_000 + i * 97,
      });
    }
  await insertRows(
    store,
    'population',
    // Few youths (300), so a percentage is precise enough to give a count back: the attack has something to find.
    [
      ['0-3', 50],
      ['4-11', 150],
      ['12-17', 100],
      ['18-22', 80],
      ['totaal', 2_000],
    ].map(([age_band, inhabitants]) => ({ municipality: '0150', year: 2018, age_band, inhabitants })),
  );
  await derive(store);
  const hash = await hashPassword(PASSWORD);
  for (const u of allUsers)
    await store.run(
      sql`INSERT INTO user_account VALUES (${u.name}, ${u.role}, ${u.municipalities.join(',')}, ${u.provider}, ${u.team}, ${hash}, current_timestamp, current_timestamp)`,
    );
  app = createSecureApp({ store, webDist: '/nonexistent', cellKey: Buffer.alloc(32, 8) });
  for (const u of [users.admin, users.reader, users.readerRegion]) as.set(u.name, await loginAs(app, u.name));
}, 60_000);
afterAll(() => store.close());

type Row = Record<string, string | number | null>;
const YEAR = 'from=2018-01-01&to=2018-12-31';

async function ask(user: string, query: string): Promise<{ status: number; rows: Row[] }> {
  const res = await as.get(user)!.request(`/api/metrics/per_youth?${YEAR}&${query}`);
  const body = (await res.json()) as { rows?: Row[]; totals?: Row };
  return { status: res.status, rows: [...(body.rows ?? []), ...(body.totals ? [body.totals] : [])] };
}

/** What an attacker reads off one row: every count of 1–9 shown, and every count derived as % × youths ÷ 100. */
function small(row: Row): string[] {
  const out: string[] = [];
  for (const [count, pct, base] of SHARES) {
    const shown = row[count];
    if (typeof shown === 'number' && shown >= 1 && shown <= 9) out.push(`${count} = ${shown}`);
    const [p, b] = [row[pct], row[base]];
    if (typeof p === 'number' && typeof b === 'number') {
      const derived = Math.round((p * b) / 100);
      if (derived >= 1 && derived <= 9) out.push(`${pct} × ${base} = ${derived}`);
    }
  }
  return out;
}

const QUESTIONS = [
  'split=district',
  'split=district,half_year',
  'split=municipality,district',
  'split=municipality',
  'split=half_year',
  '',
  'district=Zuid',
  'district=Zuid&split=half_year',
  'district=West',
];

describe('per-youth figures, small numbers', () => {
  it('the region really has small cells: Zuid has 4 youths, West 3 with residence (the administrator sees them)', async () => {
    const byDistrict = (await ask(users.admin.name, 'split=district')).rows;
    expect(byDistrict.map((r) => [r.district ?? null, r.clients, r.residential_clients])).toEqual([
      ['Noord', 25, 0],
      ['Oost', 12, 0],
      ['West', 18, 3],
      ['Zuid', 4, 0],
      [null, 59, 3],
    ]);
    // On the whole municipality the percentage and the population give the 3 youths with residence back.
    const total = (await ask(users.admin.name, '')).rows.at(-1)!;
    expect(small(total)).toEqual(['residential_clients = 3', 'residential_pct × youths = 3']);
  });

  it.each([users.reader.name, users.readerRegion.name])(
    'a reader (%s) sees no count under 10, nor derives one from a percentage and the population',
    async (reader) => {
      const found: string[] = [];
      for (const q of QUESTIONS) {
        const { status, rows } = await ask(reader, q);
        // A question may be refused outright; an answer must hide every small cell.
        if (status !== 200) {
          expect([400, 403], q).toContain(status);
          continue;
        }
        for (const row of rows)
          found.push(...small(row).map((s) => `${q}: ${JSON.stringify(row.district ?? row.half_year ?? 'totaal')} ${s}`));
      }
      expect(found).toEqual([]);
      // And the answers really were given: the district split shows Zuid as "<10", not as its count.
      const zuid = (await ask(reader, 'split=district')).rows.find((r) => r.district === 'Zuid');
      expect(zuid?.clients).toBe('<10');
    },
  );
});
