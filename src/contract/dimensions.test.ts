// The dimension declarations are complete, agree with the fact tables, and the contract stays bundleable by the web.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refreshDerived, sql, Store } from '../store/index.ts';
import { ALL_DIMENSIONS, dimension, FILTER_DIMENSIONS } from './dimensions.ts';
import { METRIC_COLUMNS } from './columns.ts';

/** The fact tables a metric filters and splits: the base facts and their rollups. */
const FACT_TABLES = ['d_alloc', 'd_alloc_piece', 'd_claim', 'd_cost', 'd_cost_year', 'd_alloc_year', 'd_wait'];

describe('the dimensions', () => {
  it('each have a capitalised Dutch label', () => {
    for (const d of ALL_DIMENSIONS) expect(dimension(d).label, d).toMatch(/^[A-Z][a-zë ]+$/);
  });

  it('each filter dimension has a fact column, and every fact table as built carries each declared column', async () => {
    for (const d of FILTER_DIMENSIONS) expect(dimension(d).column, d).toBeTruthy();
    const store = await Store.open(':memory:');
    await refreshDerived(store);
    for (const table of FACT_TABLES) {
      const columns = await store.all<{ name: string }>(
        sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table}`,
      );
      const names = columns.map((c) => c.name);
      for (const d of ALL_DIMENSIONS) if (dimension(d).column) expect(names, `${table}: ${d}`).toContain(dimension(d).column);
    }
    store.close();
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
