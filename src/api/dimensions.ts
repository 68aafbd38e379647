// The values each filter can take, with Dutch labels, for the dashboard's filter bar (served at /api/dimensions).
import { empty, join, sql, type Sql, type Store } from '../store/index.ts';
import { dimension, FILTER_DIMENSIONS, type FilterDimension } from '../contract/dimensions.ts';
import { REFERRER_TYPE_LABELS } from './labels.ts';
import { lastMonth } from './coverage.ts';
import { referrerOptions } from './names.ts';
import type { Schema } from './route.ts';

export interface Option {
  value: string;
  label: string;
}

export const optionsSchema: Schema = {
  type: 'array',
  items: { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: { type: 'string' } } },
};

/** The filters whose values are listed: all but the individual referrer (thousands; labelled from its type instead). */
export const DIMENSION_LISTS = FILTER_DIMENSIONS.filter((d) => d !== 'referrer') as Exclude<FilterDimension, 'referrer'>[];

/** `referrer`: every individual referrer with its name (a split and chart category, not a filter of the bar). */
export type Dimensions = Record<(typeof DIMENSION_LISTS)[number], Option[]> & {
  years: number[];
  last_month: string | null;
  referrer: Option[];
};

/** A fixed code list of the contract as options, names lower-cased as in a filter list. */
const fromCodes = (d: FilterDimension): Option[] =>
  Object.entries(dimension(d).codes ?? {}).map(([value, label]) => ({ value, label: label.toLowerCase() }));

/**
 * The filter values present in the store (code lists with a fixed meaning are listed in full). With `within`, the
 * municipalities, teams and districts are only those of these municipalities (a team's or district's name would tell
 * a one-municipality user about the others).
 */
export async function dimensions(store: Store, within?: string[]): Promise<Dimensions> {
  const q = (query: Sql) => store.all<Option>(query);
  // `AND <column> IN (…)` with the codes bound as parameters; nothing when unscoped.
  const inScope = (column: Sql) => (within ? sql`AND ${column} IN (${join(within)})` : empty);
  const scoped = q;
  const referrerTypes = await store.all<{ value: string }>(sql`SELECT DISTINCT type AS value FROM referrer ORDER BY 1`);
  const span = await store.one<{ lo: number | null; hi: number | null }>(
    sql`SELECT min(y) AS lo, max(y) AS hi FROM (
       SELECT year(period_start) AS y FROM invoice_line UNION ALL SELECT year(period_end) FROM invoice_line
       UNION ALL SELECT year(start_date) FROM allocation UNION ALL SELECT year(period_start) FROM pgb_cost
       UNION ALL SELECT year FROM budget)`,
  );
  const years: number[] = [];
  for (let y = span?.lo ?? 0; span?.hi != null && y <= span.hi; y++) years.push(y);
  return {
    // Only municipalities with data: the reference list holds all 342 of the country. (One set of codes, not EXISTS
    // per municipality: 130 ms → 10 ms on the demo region, paid on every page load.)
    municipality: await scoped(sql`SELECT code AS value, name AS label FROM municipality
      WHERE code IN (SELECT municipality FROM allocation UNION SELECT municipality FROM invoice_line) ${inScope(sql`code`)}
      ORDER BY name, code`),
    care_type: await q(
      sql`SELECT DISTINCT care_type AS value, care_type AS label FROM product WHERE care_type IS NOT NULL ORDER BY 1`,
    ),
    // JZ020 categories have no names in the iJw schemas; the care types filed under each make the code readable.
    product_category: await q(sql`SELECT category AS value,
        coalesce(category || ' (' || string_agg(DISTINCT care_type, ', ' ORDER BY care_type) || ')', category) AS label
      FROM product WHERE category IS NOT NULL GROUP BY category ORDER BY 1`),
    product: await q(sql`SELECT code AS value, coalesce(description, code) AS label FROM product ORDER BY code`),
    provider: await q(sql`SELECT agb AS value, coalesce(name, agb) AS label FROM provider ORDER BY label, agb`),
    referrer_type: referrerTypes.map(({ value }) => ({ value, label: REFERRER_TYPE_LABELS[value] ?? value })),
    referrer: await referrerOptions(store, within),
    team: await scoped(sql`SELECT team_id AS value, coalesce(name, team_id) AS label FROM team WHERE true ${inScope(sql`municipality`)}
      ORDER BY label, team_id`),
    district: await scoped(sql`SELECT DISTINCT district AS value, district AS label FROM client
      WHERE district IS NOT NULL ${inScope(sql`municipality`)} ORDER BY 1`),
    age_band: fromCodes('age_band'),
    sex: fromCodes('sex'),
    financing: fromCodes('financing'),
    years,
    // The last month with delivered care (invoiced or PGB), over the whole store as the peildatum in derive.ts.
    last_month: await lastMonth(store, { date: 'period_end', pgb: true }),
  };
}
