// Specification of claimed, rejected and accepted: a tiny region with a correction, a line rejected for two reasons, a
// rejected line re-sent and accepted, and two providers that use the same reference numbers. Figures by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { IJW_EXAMPLES } from '../../test/fixtures/index.ts';
import { SECRET } from '../../test/ingest/harness.ts';
import { suppress } from '../access/suppress.ts';
import { importPaths } from '../ingest/importer.ts';
import { Store } from '../store/index.ts';
import { addInvoice, addRejection, derive, fixtureStore, insertRows } from './fixtures.ts';
import { computeMetric } from './index.ts';

const A = '11111111';
const B = '22222222';
const Y2023 = { from: '2023-01-01', to: '2023-12-31' };

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  await insertRows(store, 'provider', [
    { agb: A, name: 'Aanbieder A' },
    { agb: B, name: 'Aanbieder B' },
  ]);
  // Provider A, municipality 0150, ambulant.
  await addInvoice(store, {
    provider: A,
    reference: 'R1',
    client: 'c1',
    periodStart: '2023-01-01',
    periodEnd: '2023-01-31',
    euros: 1_000,
    invoiceDate: '2023-02-10',
  });
  // A correction: R2 credited by R3 and claimed again as R4, invoiced in 2024 for care of February 2023.
  await addInvoice(store, {
    provider: A,
    reference: 'R2',
    client: 'c1',
    periodStart: '2023-02-01',
    periodEnd: '2023-02-28',
    euros: 500,
    invoiceDate: '2023-03-10',
  });
  await addInvoice(store, {
    provider: A,
    reference: 'R3',
    previousReference: 'R2',
    credit: true,
    client: 'c1',
    periodStart: '2023-02-01',
    periodEnd: '2023-02-28',
    euros: 500,
    invoiceDate: '2024-01-15',
  });
  await addInvoice(store, {
    provider: A,
    reference: 'R4',
    client: 'c1',
    periodStart: '2023-02-01',
    periodEnd: '2023-02-28',
    euros: 450,
    invoiceDate: '2024-01-15',
  });
  // Rejected with two return codes: wrong tariff and more volume than allocated.
  await addInvoice(store, {
    provider: A,
    reference: 'R5',
    client: 'c2',
    periodStart: '2023-03-01',
    periodEnd: '2023-03-31',
    euros: 800,
    invoiceDate: '2023-04-10',
  });
  await addRejection(store, { provider: A, reference: 'R5', codes: ['0611', '9321'], euros: 800 });
  // Rejected (not this client's), then re-sent as a new line R7 and accepted.
  await addInvoice(store, {
    provider: A,
    reference: 'R6',
    client: 'c3',
    periodStart: '2023-04-01',
    periodEnd: '2023-04-30',
    euros: 300,
    invoiceDate: '2023-05-10',
  });
  await addRejection(store, { provider: A, reference: 'R6', codes: ['8187'], euros: 300 });
  await addInvoice(store, {
    provider: A,
    reference: 'R7',
    client: 'c3',
    periodStart: '2023-04-01',
    periodEnd: '2023-04-30',
    euros: 300,
    invoiceDate: '2023-06-10',
  });
  // Provider B, municipality 0148, uses R1 and R5 too: its R1 is rejected (A's is not), its R5 is accepted (A's is not).
  await addInvoice(store, {
    provider: B,
    reference: 'R1',
    municipality: '0148',
    product: 'VBL',
    client: 'c4',
    periodStart: '2023-05-01',
    periodEnd: '2023-05-31',
    euros: 250,
    invoiceDate: '2023-06-10',
  });
  await addRejection(store, { provider: B, reference: 'R1', codes: ['0611'], euros: 250 });
  await addInvoice(store, {
    provider: B,
    reference: 'R5',
    municipality: '0148',
    client: 'c4',
    periodStart: '2023-05-01',
    periodEnd: '2023-05-31',
    euros: 2_000,
    invoiceDate: '2023-06-10',
  });
  // Care of 2024, accepted.
  await addInvoice(store, {
    provider: A,
    reference: 'R8',
    client: 'c1',
    periodStart: '2024-01-01',
    periodEnd: '2024-01-31',
    euros: 1_000,
    invoiceDate: '2024-02-10',
  });
  await derive(store);
});

describe('claims', () => {
  it('claims debit minus credit, rejects what JW325 lists and accepts the rest (2023, care period)', async () => {
    const r = await computeMetric(store, 'claims', { filters: Y2023, split: [] });
    // Claimed 1,000 + 500 − 500 + 450 + 800 + 300 + 300 + 250 + 2,000 = 5,100; rejected 800 + 300 + 250 = 1,350.
    expect(r.rows).toEqual([{ claimed: 5_100, rejected: 1_350, accepted: 3_750, rejected_pct: 26.5, lines: 9, clients: 4 }]);
    expect(r.totals).toEqual(r.rows[0]);
  });

  it('accepts exactly the cost that every other metric shows', async () => {
    const cost = await computeMetric(store, 'costs', { filters: Y2023, split: ['provider'] });
    const claimed = await computeMetric(store, 'claims', { filters: Y2023, split: ['provider'] });
    expect(claimed.rows.map((r) => [r.provider, r.accepted])).toEqual(cost.rows.map((r) => [r.provider, r.cost]));
    expect(claimed.totals!.accepted).toBe(cost.totals!.cost);
  });

  it('keeps references apart per provider (both A and B use R1 and R5)', async () => {
    const r = await computeMetric(store, 'claims', { filters: Y2023, split: ['provider'] });
    expect(r.rows).toEqual([
      // A: 1,000 + 500 − 500 + 450 + 800 + 300 + 300 = 2,850 claimed; R5 and R6 rejected (1,100).
      { provider: A, claimed: 2_850, rejected: 1_100, accepted: 1_750, rejected_pct: 38.6, lines: 7, clients: 3 },
      // B: 250 + 2,000; only its R1 rejected.
      { provider: B, claimed: 2_250, rejected: 250, accepted: 2_000, rejected_pct: 11.1, lines: 2, clients: 1 },
    ]);
  });

  it('splits by return code: a line with two codes counts fully under each, the total once', async () => {
    const r = await computeMetric(store, 'claims', { filters: Y2023, split: ['return_code'] });
    expect(r.rows).toEqual([
      {
        return_code: '0611',
        return_code_name: 'Het ingediende tarief komt niet overeen met het contractuele tarief',
        claimed: 1_050,
        rejected: 1_050,
        accepted: 0,
        rejected_pct: 100,
        lines: 2,
        clients: 2,
      },
      {
        return_code: '8187',
        return_code_name: 'De prestatie hoort niet bij deze client.',
        claimed: 300,
        rejected: 300,
        accepted: 0,
        rejected_pct: 100,
        lines: 1,
        clients: 1,
      },
      {
        return_code: '9321',
        return_code_name: 'Het ingediende volume overschrijdt het toegewezen volume.',
        claimed: 800,
        rejected: 800,
        accepted: 0,
        rejected_pct: 100,
        lines: 1,
        clients: 1,
      },
      // R1, R2, R3, R4, R7 of A and R5 of B: 1,000 + 500 − 500 + 450 + 300 + 2,000.
      {
        return_code: 'geen',
        return_code_name: 'Niet afgewezen',
        claimed: 3_750,
        rejected: 0,
        accepted: 3_750,
        rejected_pct: 0,
        lines: 6,
        clients: 3,
      },
    ]);
    expect(r.totals).toEqual({ claimed: 5_100, rejected: 1_350, accepted: 3_750, rejected_pct: 26.5, lines: 9, clients: 4 });
    expect(r.notes).toEqual([
      'Een regel met meer dan één retourcode telt bij elke code volledig mee; het totaal telt elke regel één keer.',
    ]);
  });

  it('splits by provider and return code', async () => {
    const r = await computeMetric(store, 'claims', { filters: Y2023, split: ['provider', 'return_code'] });
    expect(r.rows.map((x) => [x.provider, x.return_code, x.rejected, x.lines])).toEqual([
      [A, '0611', 800, 1],
      [A, '8187', 300, 1],
      [A, '9321', 800, 1],
      [A, 'geen', 0, 5],
      [B, '0611', 250, 1],
      [B, 'geen', 0, 1],
    ]);
  });

  it('puts a correction in the year of the care, or of the invoice when asked', async () => {
    const care = await computeMetric(store, 'claims', { filters: {}, split: ['year'] });
    expect(care.rows).toEqual([
      { year: 2023, claimed: 5_100, rejected: 1_350, accepted: 3_750, rejected_pct: 26.5, lines: 9, clients: 4 },
      { year: 2024, claimed: 1_000, rejected: 0, accepted: 1_000, rejected_pct: 0, lines: 1, clients: 1 },
    ]);
    // 6,100 claimed in all; 1,350 / 6,100 = 22.1 %.
    expect(care.totals).toEqual({ claimed: 6_100, rejected: 1_350, accepted: 4_750, rejected_pct: 22.1, lines: 10, clients: 4 });
    const invoice = await computeMetric(store, 'claims', { filters: { basis: 'invoice' }, split: ['year'] });
    expect(invoice.rows).toEqual([
      // Without the credit R3 (−500) and the new debit R4 (450), invoiced in January 2024.
      { year: 2023, claimed: 5_150, rejected: 1_350, accepted: 3_800, rejected_pct: 26.2, lines: 7, clients: 4 },
      { year: 2024, claimed: 950, rejected: 0, accepted: 950, rejected_pct: 0, lines: 3, clients: 1 },
    ]);
  });

  it('splits by municipality and care type', async () => {
    const m = await computeMetric(store, 'claims', { filters: Y2023, split: ['municipality'] });
    expect(m.rows.map((x) => [x.municipality, x.claimed, x.rejected, x.clients])).toEqual([
      ['0148', 2_250, 250, 1],
      ['0150', 2_850, 1_100, 3],
    ]);
    const t = await computeMetric(store, 'claims', { filters: Y2023, split: ['care_type'] });
    expect(t.rows).toEqual([
      // A's lines and B's R5 (AMB): 2,850 + 2,000; 1,100 / 4,850 = 22.7 %.
      { care_type: 'ambulant', claimed: 4_850, rejected: 1_100, accepted: 3_750, rejected_pct: 22.7, lines: 8, clients: 4 },
      { care_type: 'verblijf', claimed: 250, rejected: 250, accepted: 0, rejected_pct: 100, lines: 1, clients: 1 },
    ]);
  });

  it('counts the clients behind every figure, so small numbers hide the whole row', async () => {
    const r = await computeMetric(store, 'claims', { filters: Y2023, split: ['provider'] });
    expect(r.columns.filter((c) => c.clientCount).map((c) => c.name)).toEqual(['clients']);
    expect(suppress(r).rows[1]).toEqual({
      provider: B,
      claimed: null,
      rejected: null,
      accepted: null,
      rejected_pct: null,
      lines: null,
      clients: '<10',
    });
  });
});

describe('claims from the published iJw example messages (JW323 and JW325 read by the importer)', () => {
  it('rejects whole lines, per return code, even where the answer repeats another amount', async () => {
    const ex = await Store.open(':memory:');
    await importPaths(ex, [IJW_EXAMPLES], { secret: SECRET });
    // JW323: RN001 € 50, RN002 € 240, RN003 € 50, RN004 € 240 (provider 65656055). JW325 rejects RN001 (0611),
    // RN002 (9339, 9340, 9341) and RN003 (9307), but repeats them as credits of € 50, € 140 and € 50.
    const r = await computeMetric(ex, 'claims', { filters: {}, split: ['return_code'] });
    expect(r.rows.map((x) => [x.return_code, x.claimed, x.rejected, x.accepted, x.lines])).toEqual([
      ['0611', 50, 50, 0, 1],
      ['9307', 50, 50, 0, 1],
      ['9339', 240, 240, 0, 1],
      ['9340', 240, 240, 0, 1],
      ['9341', 240, 240, 0, 1],
      ['geen', 240, 0, 240, 1],
    ]);
    expect(r.rows.find((x) => x.return_code === '9339')!.return_code_name).toBe(
      'ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.',
    );
    // 340 / 580 = 58.6 %.
    expect(r.totals).toEqual({ claimed: 580, rejected: 340, accepted: 240, rejected_pct: 58.6, lines: 4, clients: 2 });
    expect(r.notes).toContain(
      '3 afgewezen regels noemen in het declaratie-antwoord (JW325) een ander bedrag dan in de declaratie; ' +
        'als afgewezen telt het gedeclareerde bedrag.',
    );
    expect((await computeMetric(ex, 'costs', { filters: {}, split: [] })).totals!.cost).toBe(240);
    ex.close();
  });
});
