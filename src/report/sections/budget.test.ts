// The report's budget section shows the whole cost picture: the non-invoice cost lines as separate labelled columns
// beside the realisation, a kind not imported for a year left empty (unknown), never € 0.
import { describe, expect, it } from 'vitest';
import { metricsEngine } from '../../api/engine.ts';
import { addBudget, addInvoice, derive, fixtureStore } from '../../metrics/fixtures.ts';
import { sql } from '../../store/index.ts';
import { buildReport } from '../build.ts';
import type { Block } from '../model.ts';
import { storeSource } from '../source.ts';

describe('report section Begroting en realisatie', () => {
  it('adds a table of the realisation with the cost lines per kind and the total including them', async () => {
    const store = await fixtureStore();
    await store.run(sql`INSERT INTO municipality VALUES ('0150', 'Deventer', 'Overijssel', 'IJsselland')`);
    for (const year of [2017, 2018]) {
      await addBudget(store, { year, euros: 10_000 });
      await addInvoice(store, { client: `c${year}`, periodStart: `${year}-12-01`, periodEnd: `${year}-12-31`, euros: 4_000 });
    }
    // 2018: access team € 1.500 and prevention € 0 (imported as 0); 2017: the access team only (prevention unknown).
    await store.run(sql`INSERT INTO cost_line VALUES (2018, '0150', 'toegang', '', 150_000, 'f'),
      (2018, '0150', 'preventie', '', 0, 'f'), (2017, '0150', 'toegang', '', 120_000, 'f')`);
    await derive(store);
    const report = await buildReport(
      storeSource(store, metricsEngine),
      { municipality: '0150', year: 2018 },
      new Date('2026-12-06T10:00:00Z'),
    );
    const tables = report.sections
      .find((s) => s.id === 'budget')!
      .blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    const whole = tables[1]!;
    expect(whole.caption).toBe('Het hele kostenbeeld: realisatie met de kosten buiten declaraties per jaar');
    expect(whole.columns.map((c) => c.label)).toEqual([
      'Jaar',
      'Realisatie',
      'Toegang (eigen personeel)',
      'Preventie',
      'Realisatie incl. kosten buiten declaraties',
    ]);
    expect(whole.rows.map((r) => [r.year, r.realised, r.cost_toegang, r.cost_preventie, r.realised_total])).toEqual([
      [2017, 4_000, 1_200, null, null],
      [2018, 4_000, 1_500, 0, 5_500],
    ]);
    store.close();
  });
});
