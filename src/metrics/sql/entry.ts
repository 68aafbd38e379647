// Client-level building blocks shared by cohorts, care-intensive clients and pathways: first entry and cost per year.
import type { Filters, MetricRequest } from '../types.ts';
import { leading, sql } from '../../store/index.ts';
import { splitSelect } from './dimensions.ts';
import { costFact } from './facts.ts';
import { entryPrecomputed } from './precomputed.ts';
import { filterWhere, withoutPeriod, type Where } from './filters.ts';

/**
 * Per client the date of first entry into care: the earliest start of an allocation (care start where known) or the
 * earliest care period of a cost line, within the request's filters except the period (entry is the first care ever). Columns: client_no, entry_date.
 */
export function entrySql(filters: Filters): Where {
  const f = withoutPeriod(filters);
  if (entryPrecomputed(f))
    return sql`SELECT client_no, min(f.entry_date) AS entry_date FROM d_entry f WHERE ${filterWhere(f, null)} GROUP BY client_no`;
  return sql`
    SELECT client_no, min(d) AS entry_date FROM (
      SELECT f.client_no, f.start_date AS d FROM d_alloc f WHERE f.end_date >= f.start_date AND ${filterWhere(f, { date: sql`f.start_date` })}
      UNION ALL
      SELECT f.client_no, f.care_date FROM d_cost f WHERE ${filterWhere(f, { date: sql`f.care_date` })}
    ) GROUP BY client_no`;
}

/** Cost (cents) per client × year (× split), within the filters. Columns: client_no, year, split…, cost_cents. */
export function clientYearCostSql(req: MetricRequest, split = req.split): Where {
  const cost = costFact(req, [...split, 'year']);
  const keys = splitSelect(
    split.filter((d) => d !== 'year'),
    cost.period,
  );
  return sql`
    SELECT f.client_no, year(${cost.period.date}) AS year, ${leading(keys)} sum(f.amount_cents)::BIGINT AS cost_cents
    FROM ${cost.from} WHERE ${cost.where} GROUP BY ALL`;
}
