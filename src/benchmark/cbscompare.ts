// The normalised comparison of two municipalities on imported CBS figures: each chosen figure (a measure of a CBS table
// in one period) of A as a percentage of B's, beside their populations on 1 January of the period's year. A cell CBS
// left empty or suppressed gives no share, with CBS's reason.
import type { Store } from '../store/index.ts';
import { cbsRegionOf } from './cbs/region.ts';
import { normalisedComparison, type Figure, type NormalisedComparison } from './compare.ts';
import { municipalityContext } from './context.ts';
import { readCbsSeries, type SeriesQuery } from './figures.ts';

/** A figure to compare: a measure of a CBS table (by key or title), in one period ('2020', '2020-H1'). */
export interface CbsFigure extends Omit<SeriesQuery, 'regions'> {
  label: string;
  period: string;
}

/**
 * Compares municipality `a` with `b` (four-digit codes) on `figures`; populations of 1 January of `year`.
 * @example await compareOnCbs(store, '1708', '0150', 2020, [{ label: 'Met verblijf', table: '85097NED', measure: 'Jeugdhulp met verblijf', period: '2020-H1' }])
 */
export async function compareOnCbs(
  store: Store,
  a: string,
  b: string,
  year: number,
  figures: readonly CbsFigure[],
): Promise<NormalisedComparison> {
  const [ca, cb] = [await municipalityContext(store, a, year), await municipalityContext(store, b, year)];
  const rows: Figure[] = [];
  for (const f of figures) {
    const points = await readCbsSeries(store, { ...f, regions: [cbsRegionOf(a), cbsRegionOf(b)] });
    const at = (code: string) => points.find((p) => p.municipality === code && p.period === f.period);
    const [pa, pb] = [at(a), at(b)];
    rows.push({
      label: f.label,
      a: pa?.value ?? null,
      b: pb?.value ?? null,
      missing: { a: pa ? pa.missing : 'niet ingelezen', b: pb ? pb.missing : 'niet ingelezen' },
    });
  }
  return normalisedComparison(
    { name: ca.name ?? a, population: ca.population },
    { name: cb.name ?? b, population: cb.population },
    rows,
  );
}
