// The one table that maps each dimension to its SQL on a fact row (alias f) and its Dutch label. Filters and splits both
// use it, so a cut means the same in every metric. Every fact table carries the same dimension column names.
import { ageBandSql } from '../../store/intervals.ts';
import type { Dimension } from '../types.ts';

/** Age bands as in the population table; the exact age (birthday reached) at the date of the fact row. */
export const AGE_BANDS = ['0-3', '4-11', '12-17', '18-22', '23+', 'onbekend'] as const;

/**
 * 'fact': a column of every fact; 'allocation': only known per allocation (care-days must be merged on the fly);
 * 'line': only on an invoice line (d_claim), split only, never a filter.
 */
export type DimensionLevel = 'period' | 'fact' | 'allocation' | 'line';

export interface DimensionSpec {
  label: string;
  level: DimensionLevel;
  /** SQL for the value, given the SQL of the date that decides the period (e.g. 'f.care_date'). */
  sql(date: string): string;
  /** The raw column behind an allocation-level dimension (kept when care intervals are merged on the fly). */
  column?: string;
}

const col = (c: string, label: string, level: DimensionLevel = 'fact'): DimensionSpec => ({
  label,
  level,
  sql: () => `f.${c}`,
  column: c,
});

export const DIMENSION_SPECS: Record<Dimension, DimensionSpec> = {
  year: { label: 'Jaar', level: 'period', sql: (d) => `year(${d})` },
  half_year: {
    label: 'Halfjaar',
    level: 'period',
    sql: (d) => `strftime(${d}, '%Y') || '-H' || (CASE WHEN month(${d}) <= 6 THEN 1 ELSE 2 END)`,
  },
  quarter: { label: 'Kwartaal', level: 'period', sql: (d) => `strftime(${d}, '%Y') || '-K' || quarter(${d})` },
  month: { label: 'Maand', level: 'period', sql: (d) => `strftime(${d}, '%Y-%m')` },
  municipality: col('municipality', 'Gemeente'),
  care_type: col('care_type', 'Zorgsoort'),
  product_category: col('product_category', 'Productcategorie', 'allocation'),
  product: col('product_code', 'Product', 'allocation'),
  provider: col('provider_agb', 'Aanbieder', 'allocation'),
  referrer_type: col('referrer_type', 'Type verwijzer', 'allocation'),
  referrer: col('referrer_id', 'Verwijzer', 'allocation'),
  team: col('team_id', 'Team', 'allocation'),
  district: col('district', 'Wijk'),
  sex: col('sex', 'Geslacht'),
  financing: col('financing', 'Financiering', 'allocation'),
  age_band: { label: 'Leeftijdsgroep', level: 'fact', sql: (d) => ageBandSql('f.birth_date', d) },
  // One row per return code of a rejected line (the claims metric unnests them); 'geen' = the line was not rejected.
  return_code: { label: 'Retourcode', level: 'line', sql: () => 'f.return_code' },
};

/** Where a fact's period is decided: the date column, and (on year rollups) the age band stored at the underlying row. */
export type DateAt = string | { date: string; age?: string };

/** The SQL of dimension `d` on a fact row whose period is decided `at` a date. */
export function dimensionSql(d: Dimension, at: DateAt): string {
  const p = typeof at === 'string' ? { date: at } : at;
  return d === 'age_band' && p.age ? p.age : DIMENSION_SPECS[d].sql(p.date);
}

/** Select-list items for a split: `<sql> AS <dimension>` in split order. */
export function splitSelect(split: readonly Dimension[], at: DateAt): string[] {
  return split.map((d) => `${dimensionSql(d, at)} AS ${d}`);
}
