// Reads stored CBS figures back as series: one measure of one table (found by key or title, never by suffix), for the
// chosen category of each other dimension (by key or by CBS's title), per region and period. Missing cells come back
// missing, with their reason.
import { RoerError } from '../errors.ts';
import { sql, type Store } from '../store/index.ts';
import { resolveMeasure } from './cbs/measure.ts';
import type { CbsMeasure, MissingReason, PeriodKind } from './cbs/types.ts';
import { municipalityCode } from './cbs/region.ts';
import { dimsKey } from './store.ts';

export interface CbsPoint {
  /** CBS region code ('GM0150', 'NL01') and the municipality code when it is a municipality ('0150'). */
  region: string;
  municipality: string | null;
  period: string;
  periodKind: PeriodKind;
  value: number | null;
  missing: MissingReason | null;
}

export interface SeriesQuery {
  table: string;
  /** The measure's key or title (with its groups when the title alone is ambiguous). */
  measure: string;
  /** A category per other dimension of the table, by key or title: { Leeftijd: 'Totaal leeftijd' }. */
  dims?: Record<string, string>;
  /** Only these CBS regions ('GM0150'); all when left out. */
  regions?: readonly string[];
}

/** The series of one measure; a Dutch error when the table, measure or a category is unknown, or a dimension unchosen. */
export async function readCbsSeries(store: Store, q: SeriesQuery): Promise<CbsPoint[]> {
  const measures = await store.all<CbsMeasure>(
    sql`SELECT measure_key AS key, title, path, unit, 'Double' AS datatype, decimals FROM cbs_measure WHERE table_id = ${q.table}`,
  );
  if (!measures.length)
    throw new RoerError(`CBS-tabel ${q.table} is niet ingelezen`, "Lees haar in met 'roer benchmark import'.");
  const measure = resolveMeasure(measures, q.measure);
  const dims = await resolveDims(store, q.table, q.dims ?? {});
  const rows = await store.all<{ region: string; period: string; period_kind: PeriodKind; value: number | null; status: string }>(
    sql`SELECT region, period, period_kind, value, status FROM cbs_observation
         WHERE table_id = ${q.table} AND measure_key = ${measure.key} AND dims = ${dimsKey(dims)}
         ORDER BY region, cbs_period`,
  );
  const wanted = q.regions ? new Set(q.regions) : null;
  return rows
    .filter((r) => !wanted || wanted.has(r.region))
    .map((r) => ({
      region: r.region,
      municipality: municipalityCode(r.region),
      period: r.period,
      periodKind: r.period_kind,
      value: r.value,
      missing: r.status === 'waarde' ? null : (r.status as MissingReason),
    }));
}

/** The category key for each of the table's dimensions: the given key, or the key whose title matches. */
async function resolveDims(store: Store, table: string, given: Record<string, string>): Promise<Record<string, string>> {
  const sample = await store.one<{ dims: string }>(sql`SELECT dims FROM cbs_observation WHERE table_id = ${table} LIMIT 1`);
  const names = sample?.dims ? sample.dims.split(';').map((d) => d.slice(0, d.indexOf('='))) : [];
  const unknown = Object.keys(given).find((d) => !names.includes(d));
  if (unknown) throw new RoerError(`CBS-tabel ${table} heeft geen dimensie ${unknown}; wel: ${names.join(', ') || 'geen'}`);
  const out: Record<string, string> = {};
  for (const d of names) {
    const wanted = given[d];
    const list = await store.all<{ category: string; title: string }>(
      sql`SELECT category, title FROM cbs_category WHERE table_id = ${table} AND dimension = ${d} ORDER BY category`,
    );
    if (wanted === undefined)
      throw new RoerError(
        `Kies bij CBS-tabel ${table} een categorie voor ${d}`,
        list.length ? `Bijvoorbeeld: ${list.map((c) => `'${c.title}'`).join(', ')}.` : undefined,
      );
    const hit =
      list.find((c) => c.category === wanted.trim()) ?? list.find((c) => c.title.toLowerCase() === wanted.trim().toLowerCase());
    if (!hit && list.length) throw new RoerError(`${d} '${wanted}' komt niet voor in CBS-tabel ${table}`);
    out[d] = hit?.category ?? wanted.trim();
  }
  return out;
}
