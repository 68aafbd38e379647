// The one table that maps each dimension to its SQL on a fact row (alias f) and its Dutch label. Filters and splits both
// use it, so a cut means the same in every metric. Every fact table carries the same dimension column names.
import { ageBandSql } from '../../store/intervals.ts';
import { DIMENSION_DECLS, dimension, type DimensionDecl } from '../../contract/dimensions.ts';
import type { Dimension } from '../types.ts';

export { AGE_BANDS, type DimensionLevel } from '../../contract/dimensions.ts';

/** A dimension's declaration (src/contract) plus its SQL on a fact row. */
export interface DimensionSpec extends DimensionDecl {
  /** The raw column behind the dimension (kept when care intervals are merged on the fly); none for computed ones. */
  column?: string;
  /** SQL for the value, given the SQL of the date that decides the period (e.g. 'f.care_date'). */
  sql(date: string): string;
}

/** The SQL of the dimensions that are not simply their fact column. */
const COMPUTED: Partial<Record<Dimension, (date: string) => string>> = {
  year: (d) => `year(${d})`,
  half_year: (d) => `strftime(${d}, '%Y') || '-H' || (CASE WHEN month(${d}) <= 6 THEN 1 ELSE 2 END)`,
  quarter: (d) => `strftime(${d}, '%Y') || '-K' || quarter(${d})`,
  month: (d) => `strftime(${d}, '%Y-%m')`,
  age_band: (d) => ageBandSql('f.birth_date', d),
  return_code: () => 'f.return_code',
};

export const DIMENSION_SPECS = Object.fromEntries(
  (Object.keys(DIMENSION_DECLS) as Dimension[]).map((d) => {
    const decl = dimension(d);
    const computed = COMPUTED[d];
    // The age band is computed (from the birth date at the fact's date), so it has no column of its own to keep.
    const column = d === 'age_band' ? undefined : decl.column;
    return [d, { ...decl, column, sql: computed ?? (() => `f.${decl.column}`) }];
  }),
) as Record<Dimension, DimensionSpec>;

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
