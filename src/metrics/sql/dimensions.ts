// The one table that maps each dimension to its SQL on a fact row (alias f) and its Dutch label. Filters and splits both
// use it, so a cut means the same in every metric. Every fact table carries the same dimension column names.
import { ageBandSql } from '../../store/intervals.ts';
import { ident, Sql, sql } from '../../store/sql.ts';
import { DIMENSION_DECLS, dimension, type DimensionDecl } from '../../contract/dimensions.ts';
import type { Dimension } from '../types.ts';

export { AGE_BANDS, type DimensionLevel } from '../../contract/dimensions.ts';

/** A dimension's declaration (src/contract) plus its SQL on a fact row. */
export interface DimensionSpec extends DimensionDecl {
  /** The raw column behind the dimension (kept when care intervals are merged on the fly); none for computed ones. */
  column?: string;
  /** SQL for the value, given the SQL of the date that decides the period (e.g. f.care_date). */
  sql(date: Sql): Sql;
}

/** The SQL of the dimensions that are not simply their fact column. */
const COMPUTED: Partial<Record<Dimension, (date: Sql) => Sql>> = {
  year: (d) => sql`year(${d})`,
  half_year: (d) => sql`strftime(${d}, '%Y') || '-H' || (CASE WHEN month(${d}) <= 6 THEN 1 ELSE 2 END)`,
  quarter: (d) => sql`strftime(${d}, '%Y') || '-K' || quarter(${d})`,
  month: (d) => sql`strftime(${d}, '%Y-%m')`,
  age_band: (d) => ageBandSql(sql`f.birth_date`, d),
  return_code: () => sql`f.return_code`,
};

export const DIMENSION_SPECS = Object.fromEntries(
  (Object.keys(DIMENSION_DECLS) as Dimension[]).map((d) => {
    const decl = dimension(d);
    const computed = COMPUTED[d];
    // The age band is computed (from the birth date at the fact's date), so it has no column of its own to keep.
    const column = d === 'age_band' ? undefined : decl.column;
    return [d, { ...decl, column, sql: computed ?? (() => ident('f', decl.column!)) }];
  }),
) as Record<Dimension, DimensionSpec>;

/** Where a fact's period is decided: the date column, and (on year rollups) the age band stored at the underlying row. */
export type DateAt = Sql | { date: Sql; age?: Sql };

/** The SQL of dimension `d` on a fact row whose period is decided `at` a date. */
export function dimensionSql(d: Dimension, at: DateAt): Sql {
  const p = at instanceof Sql ? { date: at } : at;
  return d === 'age_band' && p.age ? p.age : DIMENSION_SPECS[d].sql(p.date);
}

/** Select-list items for a split: `<sql> AS <dimension>` in split order. */
export function splitSelect(split: readonly Dimension[], at: DateAt): Sql[] {
  return split.map((d) => sql`${dimensionSql(d, at)} AS ${ident(d)}`);
}
