// Facts about the data (not figures of a metric) that the report's caveats rest on: quarantined records and changes in
// the regional product list between the compared years. Region-wide counts only: no file name, record or client.
import { join, sql, type Store } from '../store/index.ts';

export interface DataFacts {
  /** Records set aside at import (and not resolved): they are in no figure. */
  quarantined: number;
  /** Product codes with a tariff in the report year but none in the compared year, and the other way round. */
  productsAdded: number;
  productsRemoved: number;
  /** Product codes whose tariff changed between the two years. */
  tariffsChanged: number;
}

/** The facts for a report of `year` compared with `compare`. */
export async function dataFacts(store: Store, year: number, compare: number): Promise<DataFacts> {
  const q = await store.one<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM quarantine WHERE NOT resolved`);
  const t = await store.one<{ added: number; removed: number; changed: number }>(
    sql`WITH now AS (SELECT code, tariff_cents FROM product_tariff WHERE year = ${year}),
             before AS (SELECT code, tariff_cents FROM product_tariff WHERE year = ${compare})
        SELECT (SELECT count(*) FROM now WHERE code NOT IN (SELECT code FROM before))::INTEGER AS added,
               (SELECT count(*) FROM before WHERE code NOT IN (SELECT code FROM now))::INTEGER AS removed,
               (SELECT count(*) FROM now JOIN before USING (code) WHERE now.tariff_cents <> before.tariff_cents)::INTEGER AS changed`,
  );
  return {
    quarantined: Number(q?.n ?? 0),
    productsAdded: Number(t?.added ?? 0),
    productsRemoved: Number(t?.removed ?? 0),
    tariffsChanged: Number(t?.changed ?? 0),
  };
}

/** The name a report prints for its place: the municipality's, or its youth-care region's ("Regio IJsselland"). */
export async function placeName(store: Store, municipality: string | null, within?: string[]): Promise<string> {
  if (municipality) {
    const m = await store.one<{ name: string }>(sql`SELECT name FROM municipality WHERE code = ${municipality}`);
    return m?.name ?? `gemeente ${municipality}`;
  }
  // A user scoped to some municipalities gets a report on those only: name them, never the whole region.
  if (within?.length) {
    const names = await store.all<{ name: string }>(
      sql`SELECT coalesce(name, 'gemeente ' || code) AS name FROM municipality WHERE code IN (${join(within)}) ORDER BY name`,
    );
    const list = names.map((n) => n.name);
    return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} en ${list.at(-1)}`;
  }
  // The region of the municipalities with data (the municipality table lists every municipality in the country).
  const regions = await store.all<{ region: string }>(
    sql`SELECT DISTINCT region FROM municipality WHERE region IS NOT NULL
        AND code IN (SELECT DISTINCT municipality FROM invoice_line) ORDER BY region`,
  );
  return regions.length === 1 ? `Regio ${regions[0]!.region}` : 'de regio';
}
