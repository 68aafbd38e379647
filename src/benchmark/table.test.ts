// The benchmark table (what the CSV export writes): a row per period, per line its percentage and index, and an empty
// cell with its reason where CBS gave no figure — never a 0.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../api/export/csv.ts';
import type { BenchmarkSeries } from './series.ts';
import { benchmarkTable } from './table.ts';

const series: BenchmarkSeries = {
  measure: 'met-verblijf',
  label: 'Met verblijf (% van 0–17 jaar)',
  unit: 'pct',
  base: '2020-H1',
  lines: [
    {
      who: 'gemeente',
      label: 'Steenwijkerland',
      points: [
        { period: '2020-H1', value: 1.2, percent: 1.2, index: 100, reason: null },
        { period: '2020-H2', value: null, percent: null, index: null, reason: 'geheim' },
      ],
    },
    {
      who: 'nederland',
      label: 'Nederland',
      points: [
        { period: '2020-H1', value: 0.8, percent: 0.8, index: 100, reason: null },
        { period: '2020-H2', value: 1, percent: 1, index: 125, reason: null },
      ],
    },
  ],
  leftOut: ['0193'],
};

describe('benchmarkTable', () => {
  it('gives per period each line as percentage and index, with the reason of an empty cell', () => {
    const t = benchmarkTable(series);
    expect(t.columns.map((c) => c.label)).toEqual([
      'Periode',
      'Steenwijkerland (%)',
      'Steenwijkerland (index)',
      'Nederland (%)',
      'Nederland (index)',
      'Toelichting bij lege cellen',
    ]);
    expect(t.rows[1]).toEqual({
      period: '2020-H2',
      gemeente_pct: null,
      gemeente_index: null,
      nederland_pct: 1,
      nederland_index: 125,
      reason: 'Steenwijkerland: geheim',
    });
    expect(t.notes).toEqual(['Niet meegeteld in de groep: 0193']);
  });

  it('writes an empty CSV cell where there is no figure', () => {
    const lines = toCsv(benchmarkTable(series)).split('\r\n');
    expect(lines[1]).toBe('2020-H1;1,2;100;0,8;100;');
    expect(lines[2]).toBe('2020-H2;;;1;125;Steenwijkerland: geheim');
  });

  it('names an amount per inhabitant in euros, and carries the series note', () => {
    const cost = benchmarkTable({ ...series, measure: 'kosten-per-inwoner', unit: 'eur', note: 'geen 83454NED' });
    expect(cost.columns.slice(1, 3).map((c) => [c.name, c.label, c.unit])).toEqual([
      ['gemeente_eur', 'Steenwijkerland (€)', 'eur'],
      ['gemeente_index', 'Steenwijkerland (index)', 'ratio'],
    ]);
    expect(cost.rows[0]!.gemeente_eur).toBe(1.2);
    expect(cost.notes).toEqual(['geen 83454NED', 'Niet meegeteld in de groep: 0193']);
  });
});
