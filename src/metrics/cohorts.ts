// Cohorts: clients grouped by the year they first entered care, followed through the later years.
import { sql, type Store } from '../store/index.ts';
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { inPeriod, withoutPeriod } from './sql/filters.ts';
import { clientYearCostSql, entrySql } from './sql/entry.ts';
import { eur, pct, result, round, ratio, query } from './result.ts';
import type { Metric, MetricRequest } from './types.ts';

export const cohorts: Metric = {
  id: 'cohorts',
  title: 'Cohorten: instroomjaar en verblijfsduur in zorg',
  definition:
    'Jeugdigen ingedeeld naar het jaar van hun eerste instroom: de vroegste start van een toewijzing (of van zorg met ' +
    'kosten) binnen de gekozen filters, ongeacht de periode. De periode (van/tot) kiest welke instroomjaren getoond worden. ' +
    'Per later jaar: hoeveel van hen in dat jaar nog in zorg waren (kosten hadden met zorg in dat jaar), welk deel van de ' +
    'instroom dat is, hun kosten in dat jaar en de kosten per jeugdige in zorg. Kosten zoals bij "Kosten en cliënten" ' +
    '(jaar van de zorg, PGB inbegrepen).',
  splits: [],
  async compute(store: Store, req: MetricRequest) {
    const q = sql`
      WITH entry AS (${entrySql(req.filters)}),
      cy AS (${clientYearCostSql({ ...req, filters: withoutPeriod(req.filters) }, [])}),
      cohort AS (SELECT client_no, year(entry_date) AS cohort FROM entry
                 WHERE ${inPeriod(req.filters, sql`entry_date`)}),
      size AS (SELECT cohort, count(*) AS entrants FROM cohort GROUP BY cohort)
      SELECT c.cohort, cy.year, s.entrants, count(DISTINCT cy.client_no) AS clients, sum(cy.cost_cents)::BIGINT AS cost_cents
      FROM cohort c JOIN cy USING (client_no) JOIN size s USING (cohort)
      WHERE cy.year >= c.cohort AND cy.cost_cents <> 0
      GROUP BY ALL ORDER BY c.cohort, cy.year`;
    const rows = (await query(store, q)).map((r) => ({
      cohort: r.cohort,
      year: r.year,
      entrants: r.entrants,
      clients: r.clients,
      share_pct: pct(r.clients, r.entrants),
      cost: eur(r.cost_cents),
      cost_per_client: round((ratio(r.cost_cents, r.clients) ?? NaN) / 100),
    }));
    return result(
      this,
      req,
      [
        C.cohorts.cohort,
        C.cohorts.year,
        C.cohorts.entrants,
        C.cohorts.clients,
        C.cohorts.share_pct,
        C.cohorts.cost,
        C.cohorts.cost_per_client,
      ],
      rows,
    );
  },
};
