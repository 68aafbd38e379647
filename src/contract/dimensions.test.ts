// The dimension declarations are complete, agree with the fact tables, and the contract stays bundleable by the web.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_DIMENSION_COLUMNS } from '../store/precompute.ts';
import { ALL_DIMENSIONS, dimension, FILTER_DIMENSIONS } from './dimensions.ts';
import { METRIC_COLUMNS } from './columns.ts';

const factColumns = FACT_DIMENSION_COLUMNS.split(',').map((c) => c.trim());

describe('the dimensions', () => {
  it('each have a capitalised Dutch label', () => {
    for (const d of ALL_DIMENSIONS) expect(dimension(d).label, d).toMatch(/^[A-Z][a-zë ]+$/);
  });

  it('each filter dimension is a column every fact table carries', () => {
    for (const d of FILTER_DIMENSIONS) expect(factColumns, d).toContain(dimension(d).column);
  });

  it('period cuts and line dimensions are no filters', () => {
    expect(FILTER_DIMENSIONS).not.toContain('year');
    expect(FILTER_DIMENSIONS).not.toContain('month');
    expect(FILTER_DIMENSIONS).not.toContain('return_code');
  });

  it('the fixed code lists name every code in Dutch', () => {
    const withCodes = ALL_DIMENSIONS.filter((d) => dimension(d).codes);
    expect(withCodes).toEqual(['referrer_type', 'age_band', 'sex', 'financing']);
    expect(dimension('referrer_type').codes?.['02']).toBe('Huisarts');
    expect(dimension('financing').codes).toEqual({ ZIN: 'zorg in natura', PGB: 'persoonsgebonden budget' });
    expect(dimension('age_band').codes?.['12-17']).toBe('12-17 jaar');
    for (const d of withCodes) for (const name of Object.values(dimension(d).codes!)) expect(name.length).toBeGreaterThan(1);
  });
});

describe('the metric columns', () => {
  it('are declared with a Dutch label, a unit and a kind, keys as text', () => {
    for (const [id, columns] of Object.entries(METRIC_COLUMNS)) {
      for (const [name, c] of Object.entries(columns)) {
        expect(c.name, id).toBe(name);
        expect(c.label.length, `${id}.${name}`).toBeGreaterThan(2);
        if (c.kind !== 'value') expect(c.unit, `${id}.${name}`).toBe('text');
      }
    }
  });
});

describe('the contract module', () => {
  it('imports nothing outside src/contract, so the dashboard can bundle it', () => {
    const dir = new URL('./', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const [, from] of text.matchAll(/from '([^']+)'/g)) expect(from, file).toMatch(/^\.\/[a-z]+\.ts$/);
    }
  });
});
