// What each kind writes from the valid typed rows into the store's tables (see 001_schema.sql for their identities).
import { birthMonthSql, ident, join, sql, type Sql } from '../../store/index.ts';
import { tariffYear } from './fields.ts';
import type { Kind, TableSpec } from './types.ts';
import { columnSql, type Upsert } from './upsert.ts';

export interface KindPlan {
  /**
   * Identity of a row within one file (typed columns, or expressions over them): later duplicates replace earlier ones
   * (which are quarantined).
   */
  key: (string | Sql)[];
  /** Extra typed columns computed from the typed fields (no bound values: they are part of a view). */
  extra?: Record<string, Sql>;
  /** Upserts in order; those marked main count the records stored (their changed rows, summed). */
  writes: (Upsert & { main?: boolean })[];
}

const latest = (col: string | Sql) => sql`arg_max(${columnSql(col)}, __line) FILTER (WHERE ${columnSql(col)} IS NOT NULL)`;
const postcode4 = sql`CASE WHEN regexp_full_match(left(replace(postcode, ' ', ''), 4), '\\d{4}') THEN left(replace(postcode, ' ', ''), 4) END`;

/**
 * The plan for `spec`; `typed` is the typed temp table, `fileId` the id of the file being imported (bound),
 * `columns` the fields the file supplies (field → header).
 */
export function planFor(spec: TableSpec, typed: string, fileId: string, columns: Record<string, string>): KindPlan {
  const valid = sql`FROM ${ident(typed)} WHERE __ok`;
  const file = sql`${fileId}`;
  const kind: Kind = spec.kind;
  switch (kind) {
    case 'providers':
      return {
        key: ['provider_agb'],
        writes: [
          {
            main: true,
            table: 'provider',
            key: ['agb'],
            merge: true,
            from: valid,
            cols: { agb: 'provider_agb', name: 'provider_name' },
          },
        ],
      };
    case 'referrers':
      return {
        key: ['referrer_agb'],
        writes: [
          {
            main: true,
            table: 'referrer_agb',
            key: ['agb'],
            from: valid,
            cols: { agb: 'referrer_agb', name: 'referrer_name', type: 'referrer_type', place: 'place' },
          },
        ],
      };
    case 'clients':
      return {
        key: ['client_id'],
        writes: [
          {
            main: true,
            table: 'client',
            key: ['client_id'],
            merge: true,
            from: valid,
            cols: {
              client_id: 'client_id',
              birth_date: 'birth_date',
              birth_month: birthMonthSql(ident('birth_date')),
              sex: 'sex',
              municipality: 'municipality',
              district: 'district',
              postcode4,
            },
          },
        ],
      };
    case 'allocations':
      return {
        key: ['municipality', 'allocation_no'],
        extra: {
          referrer_id: sql`CASE WHEN referrer_type IS NULL THEN '00:' ELSE referrer_type || ':' || coalesce(referrer_agb, referrer_name, '') END`,
          team_id: sql`CASE WHEN team IS NOT NULL THEN municipality || ':' || team END`,
          provider_reference: sql`'export:' || allocation_no`,
        },
        writes: [
          {
            table: 'provider',
            key: ['agb'],
            merge: true,
            from: sql`${valid} GROUP BY provider_agb`,
            cols: { agb: 'provider_agb', name: latest('provider_name') },
          },
          {
            table: 'referrer',
            key: ['referrer_id'],
            merge: true,
            from: sql`${valid} GROUP BY referrer_id`,
            cols: {
              referrer_id: 'referrer_id',
              type: sql`coalesce(any_value(referrer_type), '00')`,
              agb: latest(sql`CASE WHEN referrer_type IS NOT NULL THEN referrer_agb END`),
              name: latest(sql`CASE WHEN referrer_type IS NOT NULL THEN referrer_name END`),
            },
          },
          {
            table: 'team',
            key: ['team_id'],
            merge: true,
            from: sql`${valid} AND team_id IS NOT NULL GROUP BY team_id`,
            cols: { team_id: 'team_id', municipality: sql`any_value(municipality)`, name: sql`any_value(team)` },
          },
          {
            table: 'client',
            key: ['client_id'],
            merge: true,
            from: sql`${valid} GROUP BY client_id`,
            cols: {
              client_id: 'client_id',
              birth_date: latest('birth_date'),
              birth_month: latest(birthMonthSql(ident('birth_date'))),
              sex: latest('sex'),
              municipality: latest('municipality'),
              district: latest('district'),
              postcode4: latest(postcode4),
            },
          },
          {
            main: true,
            table: 'allocation',
            key: ['municipality', 'allocation_no'],
            from: valid,
            ignore: ['file_id'],
            guard: sql`excluded.allocated_at >= allocation.allocated_at`,
            cols: {
              municipality: 'municipality',
              allocation_no: 'allocation_no',
              client_id: 'client_id',
              provider_agb: 'provider_agb',
              provider_reference: 'provider_reference',
              product_category: 'product_category',
              product_code: 'product_code',
              allocated_at: sql`CAST(coalesce(allocated_on, start_date) AS TIMESTAMP)`,
              start_date: 'start_date',
              end_date: 'end_date',
              volume: 'volume',
              unit: 'unit',
              frequency: 'frequency',
              budget_cents: 'budget',
              change_reason: sql`CASE WHEN deleted THEN '13' END`,
              deleted: sql`coalesce(deleted, false)`,
              referrer_id: 'referrer_id',
              team_id: 'team_id',
              financing: sql`coalesce(financing, 'ZIN')`,
              file_id: file,
            },
          },
          {
            table: 'request',
            key: ['provider_agb', 'provider_reference', 'municipality', 'client_id'],
            from: sql`${valid} AND request_date IS NOT NULL`,
            ignore: ['file_id'],
            cols: {
              provider_agb: 'provider_agb',
              provider_reference: 'provider_reference',
              municipality: 'municipality',
              client_id: 'client_id',
              request_date: 'request_date',
              product_category: 'product_category',
              product_code: 'product_code',
              referrer_type: sql`coalesce(referrer_type, '00')`,
              referrer_agb: 'referrer_agb',
              file_id: file,
            },
          },
          {
            table: 'care_period',
            key: ['municipality', 'allocation_no'],
            ignore: ['start_file_id', 'stop_file_id'],
            from: sql`${valid} AND (care_start IS NOT NULL OR care_end IS NOT NULL OR end_reason IS NOT NULL)`,
            cols: {
              municipality: 'municipality',
              allocation_no: 'allocation_no',
              provider_agb: 'provider_agb',
              client_id: 'client_id',
              start_date: 'care_start',
              end_date: 'care_end',
              end_reason: 'end_reason',
              start_file_id: sql`CASE WHEN care_start IS NOT NULL THEN ${file} END`,
              stop_file_id: sql`CASE WHEN care_end IS NOT NULL THEN ${file} END`,
            },
          },
        ],
      };
    case 'invoice_lines':
      return {
        key: ['provider_agb', 'reference'],
        writes: [
          {
            table: 'provider',
            key: ['agb'],
            merge: true,
            from: sql`${valid} GROUP BY provider_agb`,
            cols: { agb: 'provider_agb', name: sql`CAST(NULL AS VARCHAR)` },
          },
          {
            main: true,
            plain: true,
            table: 'invoice_line',
            key: ['provider_agb', 'reference'],
            from: valid,
            ignore: ['file_id'],
            cols: {
              provider_agb: 'provider_agb',
              reference: 'reference',
              previous_reference: 'previous_reference',
              municipality: 'municipality',
              client_id: 'client_id',
              allocation_no: 'allocation_no',
              invoice_no: 'invoice_no',
              invoice_date: 'invoice_date',
              product_category: 'product_category',
              product_code: 'product_code',
              period_start: 'period_start',
              period_end: 'period_end',
              volume: 'volume',
              unit: 'unit',
              tariff_cents: 'tariff',
              amount_cents: sql`CASE WHEN debit_credit = 'C' THEN -abs(amount) ELSE amount END`,
              debit_credit: sql`coalesce(debit_credit, CASE WHEN amount < 0 THEN 'C' ELSE 'D' END)`,
              message_kind: sql`coalesce(message_kind, 'export')`,
              file_id: file,
            },
          },
        ],
      };
    case 'budgets':
      return {
        key: ['year', 'municipality', sql`coalesce(care_type, '')`, sql`coalesce(team, '')`, sql`coalesce(kind, 'begroting')`],
        writes: [
          {
            main: true,
            table: 'budget',
            key: ['year', 'municipality', 'care_type', 'team_id', 'kind'],
            from: valid,
            ignore: ['file_id'],
            cols: {
              year: 'year',
              municipality: 'municipality',
              care_type: sql`coalesce(care_type, '')`,
              team_id: sql`CASE WHEN team IS NULL THEN '' ELSE municipality || ':' || team END`,
              kind: sql`coalesce(kind, 'begroting')`,
              amount_cents: 'amount',
              file_id: file,
            },
          },
        ],
      };
    case 'pgb_costs':
      return {
        key: ['line_key'],
        extra: {
          line_key: sql`coalesce(reference, 'sha256:' || sha256(concat_ws('|', municipality, client_id, period_start, period_end, coalesce(care_type, ''), amount)))`,
        },
        writes: [
          {
            main: true,
            table: 'pgb_cost',
            key: ['line_key'],
            from: valid,
            ignore: ['file_id'],
            cols: {
              line_key: 'line_key',
              municipality: 'municipality',
              client_id: 'client_id',
              period_start: 'period_start',
              period_end: 'period_end',
              care_type: 'care_type',
              amount_cents: 'amount',
              file_id: file,
            },
          },
        ],
      };
    case 'cost_lines':
      return {
        key: ['year', 'municipality', 'kind', sql`coalesce(description, '')`],
        writes: [
          {
            main: true,
            table: 'cost_line',
            key: ['year', 'municipality', 'cost_kind', 'description'],
            from: valid,
            ignore: ['file_id'],
            cols: {
              year: 'year',
              municipality: 'municipality',
              cost_kind: 'kind',
              description: sql`coalesce(description, '')`,
              amount_cents: 'amount',
              file_id: file,
            },
          },
        ],
      };
    case 'population':
      return {
        key: ['municipality', 'year', 'age_band'],
        writes: [
          {
            main: true,
            table: 'population',
            key: ['municipality', 'year', 'age_band'],
            from: valid,
            cols: { municipality: 'municipality', year: 'year', age_band: 'age_band', inhabitants: 'inhabitants' },
          },
        ],
      };
    case 'products': {
      const wide = Object.keys(columns)
        .filter((f) => tariffYear(f) !== undefined)
        .sort();
      const tariffs =
        wide.length > 0 ||
        (('year' in spec.columns || 'year' in spec.constants) && ('tariff' in spec.columns || 'tariff' in spec.constants));
      const order = sql`CAST(coalesce(year, 0) AS BIGINT) * 1000000000 + __line`;
      const latestByYear = (col: string) => sql`arg_max(${ident(col)}, ${order}) FILTER (WHERE ${ident(col)} IS NOT NULL)`;
      // The wide form (one tariff column per year) is turned into the long form's rows: one per product and year.
      const perYear = wide.map(
        (f) => sql`SELECT product_code, unit, CAST(${tariffYear(f)!} AS INTEGER) AS year, ${ident(f)} AS tariff ${valid}`,
      );
      const tariffRows = wide.length === 0 ? valid : sql`FROM (${join(perYear, ' UNION ALL ')}) WHERE true`;
      return {
        key: ['product_code', sql`coalesce(year, 0)`],
        writes: [
          {
            main: true,
            table: 'product',
            key: ['code'],
            merge: true,
            from: sql`${valid} GROUP BY product_code`,
            cols: {
              code: 'product_code',
              category: latestByYear('product_category'),
              care_type: latestByYear('care_type'),
              description: latestByYear('description'),
            },
          },
          {
            main: tariffs,
            table: 'product_tariff',
            key: ['code', 'year'],
            from: sql`${tariffRows} AND year IS NOT NULL AND tariff IS NOT NULL`,
            cols: { code: 'product_code', year: 'year', unit: 'unit', tariff_cents: 'tariff' },
          },
        ],
      };
    }
  }
}
