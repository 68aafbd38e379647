// The headline figures of an imported region, straight from the store: cost and unique clients per year by the
// period of care, counting the claimed amounts of the lines no JW325 answer rejected (a rejection is of the whole line,
// as in d_claim). Used for the demo summary, its tests and bench.
import { sql, type Store } from '../store/index.ts';

export interface YearFigures {
  year: number;
  clients: number;
  /** euros */
  cost: number;
  /** euros per client */
  costPerClient: number;
}

const yearSql = (municipality: string | null) => sql`
  SELECT year(l.period_start)::INTEGER AS year,
         count(DISTINCT l.client_id)::INTEGER AS clients,
         coalesce(sum(l.amount_cents) FILTER (WHERE r.reference IS NULL), 0)::BIGINT AS cents
  FROM invoice_line l
  LEFT JOIN invoice_rejection r ON r.provider_agb = l.provider_agb AND r.reference = l.reference
  WHERE (${municipality}::VARCHAR IS NULL OR l.municipality = ${municipality})
  GROUP BY 1 ORDER BY 1`;

/**
 * Cost and clients per year for one municipality, or the whole store when `municipality` is null.
 * @example await yearFigures(store, '1708') // [{ year: 2015, clients: 812, cost: 8_400_000, … }, …]
 */
export async function yearFigures(store: Store, municipality: string | null): Promise<YearFigures[]> {
  const rows = await store.all<{ year: number; clients: number; cents: number }>(yearSql(municipality));
  return rows.map((r) => ({
    year: r.year,
    clients: r.clients,
    cost: r.cents / 100,
    costPerClient: r.clients ? Math.round(r.cents / 100 / r.clients) : 0,
  }));
}
