// The figures the benchmark page puts in the normalised comparison of two municipalities for one period: the youths
// with youth care (total, without and with residence), the youths 0–17 they are a share of, and — where CBS's table of
// municipal youth-care costs is read in and the period is a year — the cost. Each is A as a percentage of B.
import { RoerError } from '../errors.ts';
import { sql, type Store } from '../store/index.ts';
import { type CbsFigure, compareOnCbs } from './cbscompare.ts';
import type { NormalisedComparison } from './compare.ts';
import { readCbsSeries } from './figures.ts';
import { YOUTH_POPULATION, YOUTH_TABLE } from './series.ts';

/** CBS 83454NED (Gemeentelijke lasten jeugdhulp): the total, in thousands of euros. */
const COST = { table: '83454NED', measure: 'Lasten jeugdhulp totaal', label: 'Lasten jeugdhulp (x € 1.000)' };

/** The figures for `period` ('2020' or '2020-H1') among the tables read in. */
export async function comparisonFigures(store: Store, period: string): Promise<CbsFigure[]> {
  const year = period.slice(0, 4);
  const tables = new Set(
    (await store.all<{ table_id: string }>(sql`SELECT DISTINCT table_id FROM cbs_measure`)).map((r) => r.table_id),
  );
  const figures: CbsFigure[] = [];
  if (tables.has(YOUTH_TABLE))
    figures.push(
      { label: 'Jongeren met jeugdhulp', table: YOUTH_TABLE, measure: 'Totaal jongeren met jeugdhulp', period },
      { label: 'Jongeren met jeugdhulp zonder verblijf', table: YOUTH_TABLE, measure: 'Jeugdhulp zonder verblijf', period },
      { label: 'Jongeren met jeugdhulp met verblijf', table: YOUTH_TABLE, measure: 'Jeugdhulp met verblijf', period },
    );
  if (tables.has(YOUTH_POPULATION.table))
    figures.push({ ...YOUTH_POPULATION, label: 'Jongeren van 0–17 jaar op 1 januari', period: year });
  if (tables.has(COST.table) && period === year) figures.push({ ...COST, period });
  const usable: CbsFigure[] = [];
  for (const f of figures) if (await has(store, f)) usable.push(f);
  return usable;
}

/** Whether the table has the measure and the categories (another version of a table may have renamed them). */
async function has(store: Store, figure: CbsFigure): Promise<boolean> {
  try {
    await readCbsSeries(store, { ...figure, regions: [] });
    return true;
  } catch (e) {
    if (e instanceof RoerError) return false;
    throw e;
  }
}

/**
 * Municipality `a` as a percentage of `b` on the page's figures for `period`; populations of 1 January of its year.
 * @example await benchmarkComparison(store, '1708', '0150', '2020') // Steenwijkerland as % of Deventer
 */
export async function benchmarkComparison(
  store: Store,
  a: string,
  b: string,
  period: string,
): Promise<NormalisedComparison & { period: string }> {
  const comparison = await compareOnCbs(store, a, b, Number(period.slice(0, 4)), await comparisonFigures(store, period));
  return { ...comparison, period };
}
