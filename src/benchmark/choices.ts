// What the benchmark page offers to choose from: the measures, the kinds of reference group with the size classes and
// youth-care regions, every municipality of the reference list (for neighbours and the comparison), the periods CBS's
// youth table has, and which CBS tables are read in — with a flag when a table is the demo's fictitious set.
import { sql, type Store } from '../store/index.ts';
import { POPULATION_SOURCE, SIZE_CLASSES } from './context.ts';
import { DECILE_KINDS } from './deciles.ts';
import { BENCHMARK_MEASURES, COST_TABLE, YOUTH_TABLE } from './series.ts';

export interface BenchmarkChoices {
  /**
   * `tables`: the CBS tables the measure's figures come from (for the page's source line); `periods`: the kinds of
   * period CBS publishes it for (a cost only per year).
   */
  measures: { key: string; label: string; tables: string[]; periods: ('halfjaar' | 'jaar')[] }[];
  sizeClasses: { key: string; label: string }[];
  regions: string[];
  municipalities: { code: string; name: string; region: string | null }[];
  /** The periods of CBS's youth table, oldest first: half-years ('2020-H1') and years ('2020'). */
  periods: { halfjaar: string[]; jaar: string[] };
  /** The CBS tables read in, with the title of their last import; `fictitious`: (partly) the demo's invented set. */
  sources: { table: string; title: string | null; fictitious: boolean }[];
  /** The context deciles a context group can be chosen by, and the years any are imported for (oldest first). */
  deciles: { kinds: { key: string; label: string }[]; years: number[] };
}

/** The tables behind a measure: its figures and their base (youths 0–17 or inhabitants from 03759ned; youths in care). */
const tablesOf = (per: 'jongeren' | 'inwoner' | 'client') =>
  per === 'jongeren'
    ? [YOUTH_TABLE, POPULATION_SOURCE.table]
    : per === 'inwoner'
      ? [COST_TABLE, POPULATION_SOURCE.table]
      : [COST_TABLE, YOUTH_TABLE];

/** The demo writes this word into the title of each table it invents (src/demo/cbsnational.ts); CBS never does. */
const FICTITIOUS = /\bfictief\b/i;

/** Whether a CBS table title marks an invented set. @example isFictitious('Jeugdzorg (fictief, gegenereerd door Roer)') // → true */
export function isFictitious(title: string | null): boolean {
  return title !== null && FICTITIOUS.test(title);
}

export async function benchmarkChoices(store: Store): Promise<BenchmarkChoices> {
  const municipalities = await store.all<{ code: string; name: string; region: string | null }>(
    sql`SELECT code, name, region FROM municipality ORDER BY name`,
  );
  const periods = await store.all<{ period: string; period_kind: string }>(
    sql`SELECT DISTINCT period, period_kind FROM cbs_observation WHERE table_id = ${YOUTH_TABLE} ORDER BY period`,
  );
  // The import log keeps each table download's title (its note); a table counts as fictitious when any download was.
  const tables = await store.all<{ table_id: string }>(sql`SELECT DISTINCT table_id FROM cbs_measure ORDER BY table_id`);
  const imports = await store.all<{ kind: string; note: string | null }>(
    sql`SELECT kind, note FROM import_file WHERE kind LIKE 'cbs %' AND status = 'ingelezen' ORDER BY imported_at`,
  );
  const decileYears = await store.all<{ year: number }>(sql`SELECT DISTINCT year FROM municipality_context ORDER BY year`);
  const titles = (table: string) => imports.filter((i) => i.kind === `cbs ${table}`).map((i) => i.note);
  return {
    measures: Object.entries(BENCHMARK_MEASURES).map(([key, m]) => ({
      key,
      label: m.label,
      tables: tablesOf(m.per),
      periods: [...m.periods],
    })),
    sizeClasses: SIZE_CLASSES.map((c) => ({ key: c.key, label: c.label })),
    regions: [...new Set(municipalities.flatMap((m) => (m.region ? [m.region] : [])))].sort(),
    municipalities,
    periods: {
      halfjaar: periods.filter((p) => p.period_kind === 'halfjaar').map((p) => p.period),
      jaar: periods.filter((p) => p.period_kind === 'jaar').map((p) => p.period),
    },
    sources: tables.map(({ table_id: table }) => ({
      table,
      title: titles(table).at(-1) ?? null,
      fictitious: titles(table).some(isFictitious),
    })),
    deciles: {
      kinds: Object.entries(DECILE_KINDS).map(([key, k]) => ({ key, label: k.label })),
      years: decileYears.map((r) => Number(r.year)),
    },
  };
}
