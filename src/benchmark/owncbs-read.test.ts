// The own count with CBS's definition on a tiny hand-made store beside the CBS fixture (Steenwijkerland 2020: H1 905,
// no record for H2, year 1180): who counts, who does not, and what the data says about the difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cbsFixtureStore } from '../../test/fixtures/cbs/store.ts';
import { sql, type Store } from '../store/index.ts';
import { readOwnCbs } from './owncbs-read.ts';
import type { OwnCbsView } from './owncbs.ts';

let store: Store;
let view: OwnCbsView;

/** One youth: an allocation (or a PGB spell) of 1708 with optional delivered care. */
const YOUTHS: {
  id: string;
  birth: string | null;
  residence?: string;
  category?: string;
  start: string;
  end: string | null;
  deleted?: boolean;
  pgb?: boolean;
  invoice?: [string, string];
  careStart?: string;
}[] = [
  // 0–17, ambulant in the first quarter, invoiced: H1 and the year.
  {
    id: 'y1',
    birth: '2005-03-10',
    category: '45',
    start: '2019-06-01',
    end: '2020-03-31',
    invoice: ['2020-01-01', '2020-03-31'],
  },
  // Residential, turns 18 on 15 August: still 17 on 1 July, so H2 counts too.
  { id: 'y2', birth: '2002-08-15', category: '43', start: '2020-01-01', end: null, careStart: '2020-01-01' },
  // 18 all year: only in the 0–22 count.
  {
    id: 'y3',
    birth: '2001-05-01',
    category: '45',
    start: '2020-02-01',
    end: '2020-10-31',
    invoice: ['2020-02-01', '2020-10-31'],
  },
  // Starts on 10 December, nothing delivered yet: counts, but near the edge and not started.
  { id: 'y4', birth: '2010-01-01', category: '45', start: '2020-12-10', end: null },
  // Only a PGB in January.
  { id: 'y5', birth: '2012-01-01', pgb: true, start: '2020-01-01', end: '2020-01-31' },
  // Only child protection.
  { id: 'y6', birth: '2011-01-01', category: '48', start: '2020-01-01', end: '2020-12-31' },
  // Lives in Zwolle, paid by Steenwijkerland.
  {
    id: 'y7',
    birth: '2009-01-01',
    residence: '0193',
    category: '45',
    start: '2020-04-01',
    end: '2020-09-30',
    careStart: '2020-04-01',
  },
  // Deleted, and one without a birth date: neither counts.
  { id: 'y8', birth: '2010-01-01', category: '45', start: '2020-01-01', end: '2020-12-31', deleted: true },
  { id: 'y9', birth: null, category: '45', start: '2020-01-01', end: '2020-12-31' },
];

beforeAll(async () => {
  store = await cbsFixtureStore();
  for (const [i, y] of YOUTHS.entries()) {
    await store.run(
      sql`INSERT INTO client (client_id, birth_month, birth_date, municipality) VALUES (${y.id}, ${y.birth}, ${y.birth}, ${y.residence ?? '1708'})`,
    );
    if (y.pgb) {
      await store.run(
        sql`INSERT INTO pgb_cost VALUES (${`p${i}`}, '1708', ${y.id}, ${y.start}, ${y.end}, 'ambulant', 50000, 'f')`,
      );
      continue;
    }
    await store.run(sql`INSERT INTO allocation (municipality, allocation_no, client_id, product_category, allocated_at,
      start_date, end_date, deleted, file_id) VALUES ('1708', ${`a${i}`}, ${y.id}, ${y.category!}, TIMESTAMP '2019-01-01',
      ${y.start}, ${y.end}, ${y.deleted ?? false}, 'f')`);
    if (y.invoice)
      await store.run(sql`INSERT INTO invoice_line (provider_agb, reference, municipality, client_id, allocation_no,
        period_start, period_end, amount_cents, debit_credit, message_kind, file_id)
        VALUES ('12345678', ${`r${i}`}, '1708', ${y.id}, ${`a${i}`}, ${y.invoice[0]}, ${y.invoice[1]}, 100000, 'D', 'JW323', 'f')`);
    if (y.careStart)
      await store.run(sql`INSERT INTO care_period (municipality, allocation_no, provider_agb, client_id, start_date)
        VALUES ('1708', ${`a${i}`}, '12345678', ${y.id}, ${y.careStart})`);
  }
  await store.run(
    sql`INSERT INTO cost_line VALUES (2020, '1708', 'subsidie', '', 12000000, 'f'), (2020, '1708', 'preventie', '', 500000, 'f')`,
  );
  view = await readOwnCbs(store, '1708', 2020);
}, 60_000);
afterAll(() => store.close());

const row = (period: string, measure: string) => view.rows.find((r) => r.period === period && r.measure === measure)!;
const counts = (period: string) =>
  Object.fromEntries(view.explanations.filter((e) => e.period === period).map((e) => [e.kind, e.count]));

describe('readOwnCbs', () => {
  it('counts youths 0–17 per half-year and year as CBS does, and 0–22 beside them', () => {
    expect(view.rows.map((r) => [r.period, r.measure, r.own, r.ownExtended])).toEqual([
      ['2020-H1', 'totaal', 3, 4],
      ['2020-H1', 'zonder-verblijf', 2, null],
      ['2020-H1', 'met-verblijf', 1, null],
      ['2020-H2', 'totaal', 3, 4],
      ['2020-H2', 'zonder-verblijf', 2, null],
      ['2020-H2', 'met-verblijf', 1, null],
      ['2020', 'totaal', 4, 5],
      ['2020', 'zonder-verblijf', 3, null],
      ['2020', 'met-verblijf', 1, null],
    ]);
  });

  it("puts CBS's figure beside it, with the difference; a period CBS has no record for stays missing", () => {
    expect(row('2020-H1', 'totaal')).toMatchObject({ cbs: 905, cbsMissing: null, difference: -902, differencePct: -99.7 });
    expect(row('2020', 'met-verblijf')).toMatchObject({ cbs: 130, difference: -129, differencePct: -99.2 });
    expect(row('2020-H2', 'totaal')).toMatchObject({ cbs: null, cbsMissing: 'geen record', difference: null });
    // The fixture's population has no band 0 to 18 years: no percentages, never a wrong base.
    expect(view.youths).toBeNull();
    expect(row('2020-H1', 'totaal').ownPercent).toBeNull();
  });

  it('names what the data says about the difference, per period', () => {
    expect(counts('2020-H1')).toEqual({ woonplaats: 1, pgb: 1, jeugdbescherming: 1, peildatum: null });
    expect(counts('2020-H2')).toEqual({
      'niet-gestart': 1,
      periodegrens: 1,
      woonplaats: 1,
      jeugdbescherming: 1,
      peildatum: null,
    });
    expect(counts('2020')).toEqual({
      'niet-gestart': 1,
      periodegrens: 1,
      woonplaats: 1,
      pgb: 1,
      jeugdbescherming: 1,
      peildatum: null,
      'buiten-ijw': null,
    });
    const outside = view.explanations.find((e) => e.kind === 'buiten-ijw')!;
    // Subsidy pays for care; prevention does not.
    expect(outside.cents).toBe(12_000_000);
    expect(outside.text).toContain('subsidie €\u00a0120.000');
    expect(view.explanations.find((e) => e.kind === 'peildatum')!.text).toContain('tot en met februari 2020');
  });
});
