// A municipality's context for comparison: its size class (from its population on 1 January, CBS table 03759ned), its
// youth-care region (from the municipality reference list, loaded into the store's `municipality` table) and the
// context deciles a user imported (income, child poverty; decileimport.ts).
import { sql, type Store } from '../store/index.ts';
import { cbsRegionOf } from './cbs/region.ts';
import type { MissingReason } from './cbs/types.ts';
import type { DecileKind } from './deciles.ts';
import { readCbsSeries, type SeriesQuery } from './figures.ts';

export interface SizeClass {
  key: 'tot-20k' | '20k-50k' | '50k-100k' | '100k-150k' | '150k-300k' | '300k-plus';
  /** Dutch label as the dashboard and the report show it. */
  label: string;
  /** Lowest population in the class (inclusive). */
  min: number;
  /** The population where the next class begins (exclusive); null for the largest class. */
  below: number | null;
}

/**
 * The six size classes. Boundary rule: a class runs from its lower bound up to, not including, the next one (CBS's
 * "van 20 000 tot 50 000 inwoners"): a municipality of exactly 50,000 inhabitants is in 50.000 tot 100.000.
 */
export const SIZE_CLASSES: readonly SizeClass[] = [
  { key: 'tot-20k', label: 'minder dan 20.000 inwoners', min: 0, below: 20_000 },
  { key: '20k-50k', label: '20.000 tot 50.000 inwoners', min: 20_000, below: 50_000 },
  { key: '50k-100k', label: '50.000 tot 100.000 inwoners', min: 50_000, below: 100_000 },
  { key: '100k-150k', label: '100.000 tot 150.000 inwoners', min: 100_000, below: 150_000 },
  { key: '150k-300k', label: '150.000 tot 300.000 inwoners', min: 150_000, below: 300_000 },
  { key: '300k-plus', label: '300.000 inwoners of meer', min: 300_000, below: null },
];

/**
 * The size class of a population.
 * @example sizeClass(43_931).key // → '20k-50k' (Steenwijkerland); sizeClass(99_941).key // → '50k-100k' (Deventer)
 */
export function sizeClass(population: number): SizeClass {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError(`Een inwonertal is een heel getal van 0 of meer, niet ${population}`);
  return SIZE_CLASSES.find((c) => c.below === null || population < c.below)!;
}

/** The youth-care region of a municipality (four-digit code), or null when the reference list does not know it. */
export async function youthCareRegion(store: Store, code: string): Promise<string | null> {
  const row = await store.one<{ region: string | null }>(sql`SELECT region FROM municipality WHERE code = ${code}`);
  return row?.region ?? null;
}

/** Where the population comes from: CBS 03759ned, all sexes and ages, measure found by its title. */
export const POPULATION_SOURCE: Omit<SeriesQuery, 'regions'> = {
  table: '03759ned',
  measure: 'Bevolking op 1 januari',
  dims: { Geslacht: 'Totaal mannen en vrouwen', Leeftijd: 'Totaal leeftijd' },
};

export interface MunicipalityContext {
  code: string;
  name: string | null;
  region: string | null;
  year: number;
  /** Inhabitants on 1 January of `year`; null with the reason when CBS's figure is missing or not imported. */
  population: number | null;
  missing: MissingReason | 'niet ingelezen' | null;
  sizeClass: SizeClass | null;
}

/** A municipality's name, youth-care region, population on 1 January of `year` and size class. */
export async function municipalityContext(
  store: Store,
  code: string,
  year: number,
  source = POPULATION_SOURCE,
): Promise<MunicipalityContext> {
  const ref = await store.one<{ name: string; region: string | null }>(
    sql`SELECT name, region FROM municipality WHERE code = ${code}`,
  );
  const points = await readCbsSeries(store, { ...source, regions: [cbsRegionOf(code)] });
  const point = points.find((p) => p.periodKind === 'jaar' && p.period === String(year));
  const population = point?.value ?? null;
  return {
    code,
    name: ref?.name ?? null,
    region: ref?.region ?? null,
    year,
    population,
    missing: point ? point.missing : 'niet ingelezen',
    sizeClass: population === null ? null : sizeClass(population),
  };
}

/** Each municipality's imported context deciles in `year` (migration 010), by code; a municipality without any is absent. */
export async function readDeciles(store: Store, year: number): Promise<Map<string, Partial<Record<DecileKind, number>>>> {
  const rows = await store.all<{ municipality: string; kind: DecileKind; decile: number }>(
    sql`SELECT municipality, kind, decile FROM municipality_context WHERE year = ${year} ORDER BY municipality, kind`,
  );
  const out = new Map<string, Partial<Record<DecileKind, number>>>();
  for (const r of rows) out.set(r.municipality, { ...out.get(r.municipality), [r.kind]: r.decile });
  return out;
}

/**
 * The latest year (at most `upTo` when given) in which `municipality` has every decile of `kinds`, with those deciles;
 * null when it has none.
 */
export async function latestDeciles(
  store: Store,
  municipality: string,
  kinds: readonly DecileKind[],
  upTo?: number,
): Promise<{ year: number; deciles: Partial<Record<DecileKind, number>> } | null> {
  const rows = await store.all<{ year: number; kind: DecileKind; decile: number }>(
    sql`SELECT year, kind, decile FROM municipality_context
         WHERE municipality = ${municipality} AND year <= ${upTo ?? 9999} ORDER BY year DESC`,
  );
  for (const year of [...new Set(rows.map((r) => r.year))]) {
    const of = (k: DecileKind) => rows.find((r) => r.year === year && r.kind === k)?.decile;
    // In the order of `kinds`, so a group's label reads the same whichever order the store returns the rows in.
    if (kinds.every((k) => of(k) !== undefined)) return { year, deciles: Object.fromEntries(kinds.map((k) => [k, of(k)!])) };
  }
  return null;
}
