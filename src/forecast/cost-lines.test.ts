// Specification of the cost-line parts: summed over municipalities, a kind is known in a year only when every
// municipality imported a line of it (an imported 0 is € 0); a missing line is unknown, never € 0.
import { describe, expect, it } from 'vitest';
import { addInvoice, fixtureStore } from '../metrics/fixtures.ts';
import { sql } from '../store/index.ts';
import { costParts, indexCostLines, type CostLineSum } from './cost-lines.ts';
import { readParts } from './framework-store.ts';

const line = (year: number, municipality: string, kind: CostLineSum['kind'], cents: number): CostLineSum => ({
  year,
  municipality,
  kind,
  cents,
});

describe('cost-line parts', () => {
  const index = indexCostLines([
    line(2021, '0150', 'toegang', 1_000_00),
    line(2021, '0193', 'toegang', 250_00),
    line(2021, '0150', 'preventie', 0),
    line(2021, '0193', 'preventie', 0),
    line(2022, '0150', 'toegang', 1_100_00),
    line(2022, '0150', 'preventie', 40_00),
  ]);

  it('uses the kinds imported anywhere, in label order', () => {
    expect(index.kinds).toEqual(['toegang', 'preventie']);
  });

  it('sums a year where every municipality has every kind; an imported 0 counts as € 0', () => {
    expect(costParts(index, ['0150', '0193'], 2021)).toEqual({
      byKind: { toegang: 1_250_00, preventie: 0 },
      totalCents: 1_250_00,
      unknown: [],
    });
  });

  it('leaves a kind unknown, naming who lacks it, and the total with it — never the other municipality alone', () => {
    expect(costParts(index, ['0150', '0193'], 2022)).toEqual({
      byKind: { toegang: null, preventie: null },
      totalCents: null,
      unknown: [
        'Kostenregel toegang (eigen personeel) 2022 niet ingelezen voor 0193; dat deel is onbekend (niet als 0 gerekend).',
        'Kostenregel preventie 2022 niet ingelezen voor 0193; dat deel is onbekend (niet als 0 gerekend).',
      ],
    });
    expect(costParts(index, ['0150'], 2022).totalCents).toBe(1_140_00);
  });

  it('knows no total at all when no cost line was imported', () => {
    expect(costParts(indexCostLines([]), ['0150'], 2021)).toEqual({
      byKind: {},
      totalCents: null,
      unknown: ['Er zijn geen kostenregels buiten de declaraties ingelezen; dat deel van de kosten is onbekend.'],
    });
  });
});

describe('the parts of a region', () => {
  it('are the municipalities with care, budgets or cost lines, within those asked', async () => {
    const store = await fixtureStore();
    await addInvoice(store, { client: 'c1', periodStart: '2021-03-01', euros: 100 });
    await store.run(sql`INSERT INTO budget VALUES (2021, '0193', '', '', 'begroting', 100_00, 'f')`);
    await store.run(sql`INSERT INTO cost_line VALUES (2021, '1708', 'toegang', '', 100_00, 'f')`);
    expect(await readParts(store)).toEqual(['0150', '0193', '1708']);
    expect(await readParts(store, ['0193', '9999'])).toEqual(['0193']);
    store.close();
  });
});
