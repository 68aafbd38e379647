// Specification of the fan chart: known months, the forecast's line and band to December, the budget line.
import { describe, expect, it } from 'vitest';
import { fanChart } from './fan.ts';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
type Series = { name: string; data: (number | null)[]; stack?: string };
const series = (o: ReturnType<typeof fanChart>) => o.series as Series[];

describe('fan chart', () => {
  // Through June: € 150 a month invoiced through May, June's € 150 not yet; € 1,800 expected (€ 1,740–1,920).
  const option = fanChart({
    months: MONTHS,
    known: [150, 300, 450, 600, 750, 750],
    start: 900,
    central: 1_800,
    low: 1_740,
    high: 1_920,
    budget: 1_600,
  });

  it('draws the months so far, ending on what was delivered (not yet invoiced included)', () => {
    expect(series(option)[0]!.data).toEqual([150, 300, 450, 600, 750, 900]);
  });

  it('runs the forecast straight from June to December, with the band closed in June', () => {
    const [, central, low, spread] = series(option);
    expect(central!.data).toEqual([null, null, null, null, null, 900, 1050, 1200, 1350, 1500, 1650, 1800]);
    expect(low!.data).toEqual([null, null, null, null, null, 900, 1040, 1180, 1320, 1460, 1600, 1740]);
    // Stacked on the low line: high − low, 0 in June and € 180 in December.
    expect(spread!.data).toEqual([null, null, null, null, null, 0, 30, 60, 90, 120, 150, 180]);
    expect([low!.stack, spread!.stack]).toEqual(['band', 'band']);
  });

  it('draws the budget as a flat line, and leaves out what is unknown', () => {
    expect(series(option)[4]).toMatchObject({ name: 'Begroting', data: Array(12).fill(1_600) });
    const bare = fanChart({ months: MONTHS, known: [100], start: 100, central: 1_200, low: null, high: null, budget: null });
    expect(series(bare).map((s) => s.name)).toEqual(['Tot nu (incl. nog niet gedeclareerd)', 'Verwachting']);
  });
});
