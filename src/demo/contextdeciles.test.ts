import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../benchmark/cbs/csv.ts';
import { parseDecileCsv } from '../benchmark/deciles.ts';
import { municipalityList } from '../reference.ts';
import { FICTITIOUS } from './cbsnational.ts';
import { contextDecilesCsv } from './contextdeciles.ts';
import { YEARS } from './region.ts';

describe("the demo's fictitious context deciles", () => {
  const text = contextDecilesCsv(42);
  const codes = readCsv(readFileSync(municipalityList(), 'utf8')).rows.map((r) => r.cells[0]!.trim());

  it('are the same for the same seed, and labelled fictitious on every line', () => {
    expect(contextDecilesCsv(42)).toBe(text);
    expect(contextDecilesCsv(43)).not.toBe(text);
    const lines = text.trim().split('\n').slice(1);
    expect(lines.every((l) => l.endsWith(`;${FICTITIOUS}`))).toBe(true);
  });

  it('read without a quarantined line: every municipality, every demo year, each decile a tenth of them', () => {
    const parsed = parseDecileCsv(text, 'decielen-fictief.csv', new Set(codes));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(codes.length * YEARS.length);
    for (const kind of ['inkomen', 'kinderarmoede'] as const) {
      const last = parsed.records.filter((r) => r.year === YEARS.at(-1));
      const sizes = Array.from({ length: 10 }, (_, d) => last.filter((r) => r.deciles[kind] === d + 1).length);
      // 342 municipalities: 34 or 35 in each decile.
      expect(sizes.every((n) => n === 34 || n === 35)).toBe(true);
    }
  });
});
