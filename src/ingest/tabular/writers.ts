// What each kind writes from the valid typed rows into the store's tables (see 001_schema.sql for their identities).
import { birthMonthSql, type Param } from '../../store/index.ts';
import { tariffYear } from './fields.ts';
import type { Kind, TableSpec } from './types.ts';
import type { Upsert } from './upsert.ts';

export interface KindPlan {
  /** Identity of a row within one file: later duplicates replace earlier ones (which are quarantined). */
  key: string[];
  /** Extra typed columns computed from the typed fields. */
  extra?: Record<string, string>;
  /** Upserts in order; those marked main count the records stored (their changed rows, summed). */
  writes: (Upsert & { main?: boolean })[];
  /** Values the writes bind (by `$name`), besides the file id. */
  params?: Record<string, Param>;
}

const latest = (col: string) => `arg_max(${col}, __line) FILTER (WHERE ${col} IS NOT NULL)`;
const postcode4 = `CASE WHEN regexp_full_match(left(replace(postcode, ' ', ''), 4), '\\d{4}') THEN left(replace(postcode, ' ', ''), 4) END`;

/**
 * The plan for `spec`; `typed` is the typed temp table, `file` the placeholder of the file id, `columns` the fields the
 * file supplies (field → header).
 */
export function planFor(spec: TableSpec, typed: string, file: string, columns: Record<string, string>): KindPlan {
  const valid = `FROM ${typed} WHERE __ok`;
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
              birth_month: birthMonthSql('birth_date'),
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
          referrer_id:
            "CASE WHEN referrer_type IS NULL THEN '00:' ELSE referrer_type || ':' || coalesce(referrer_agb, referrer_name, '') END",
          team_id: "CASE WHEN team IS NOT NULL THEN municipality || ':' || team END",
          provider_reference: "'export:' || allocation_no",
        },
        writes: [
          {
            table: 'provider',
            key: ['agb'],
            merge: true,
            from: `${valid} GROUP BY provider_agb`,
            cols: { agb: 'provider_agb', name: latest('provider_name') },
          },
          {
            table: 'referrer',
            key: ['referrer_id'],
            merge: true,
            from: `${valid} GROUP BY referrer_id`,
            cols: {
              referrer_id: 'referrer_id',
              type: "coalesce(any_value(referrer_type), '00')",
              agb: latest('CASE WHEN referrer_type IS NOT NULL THEN referrer_agb END'),
              name: latest('CASE WHEN referrer_type IS NOT NULL THEN referrer_name END'),
            },
          },
          {
            table: 'team',
            key: ['team_id'],
            merge: true,
            from: `${valid} AND team_id IS NOT NULL GROUP BY team_id`,
            cols: { team_id: 'team_id', municipality: 'any_value(municipality)', name: 'any_value(team)' },
          },
          {
            table: 'client',
            key: ['client_id'],
            merge: true,
            from: `${valid} GROUP BY client_id`,
            cols: {
              client_id: 'client_id',
              birth_date: latest('birth_date'),
              birth_month: latest(birthMonthSql('birth_date')),
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
            guard: 'excluded.allocated_at >= allocation.allocated_at',
            cols: {
              municipality: 'municipality',
              allocation_no: 'allocation_no',
              client_id: 'client_id',
              provider_agb: 'provider_agb',
              provider_reference: 'provider_reference',
              product_category: 'product_category',
              product_code: 'product_code',
              allocated_at: 'CAST(coalesce(allocated_on, start_date) AS TIMESTAMP)',
              start_date: 'start_date',
              end_date: 'end_date',
              volume: 'volume',
              unit: 'unit',
              frequency: 'frequency',
              budget_cents: 'budget',
              change_reason: "CASE WHEN deleted THEN '13' END",
              deleted: 'coalesce(deleted, false)',
              referrer_id: 'referrer_id',
              team_id: 'team_id',
              financing: "coalesce(financing, 'ZIN')",
              file_id: file,
            },
          },
          {
            table: 'request',
            key: ['provider_agb', 'provider_reference', 'municipality', 'client_id'],
            from: `${valid} AND request_date IS NOT NULL`,
            ignore: ['file_id'],
            cols: {
              provider_agb: 'provider_agb',
              provider_reference: 'provider_reference',
              municipality: 'municipality',
              client_id: 'client_id',
              request_date: 'request_date',
              product_category: 'product_category',
              product_code: 'product_code',
              referrer_type: "coalesce(referrer_type, '00')",
              referrer_agb: 'referrer_agb',
              file_id: file,
            },
          },
          {
            table: 'care_period',
            key: ['municipality', 'allocation_no'],
            ignore: ['start_file_id', 'stop_file_id'],
            from: `${valid} AND (care_start IS NOT NULL OR care_end IS NOT NULL OR end_reason IS NOT NULL)`,
            cols: {
              municipality: 'municipality',
              allocation_no: 'allocation_no',
              provider_agb: 'provider_agb',
              client_id: 'client_id',
              start_date: 'care_start',
              end_date: 'care_end',
              end_reason: 'end_reason',
              start_file_id: `CASE WHEN care_start IS NOT NULL THEN ${file} END`,
              stop_file_id: `CASE WHEN care_end IS NOT NULL THEN ${file} END`,
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
            from: `${valid} GROUP BY provider_agb`,
            cols: { agb: 'provider_agb', name: 'CAST(NULL AS VARCHAR)' },
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
              amount_cents: "CASE WHEN debit_credit = 'C' THEN -abs(amount) ELSE amount END",
              debit_credit: "coalesce(debit_credit, CASE WHEN amount < 0 THEN 'C' ELSE 'D' END)",
              message_kind: "coalesce(message_kind, 'export')",
              file_id: file,
            },
          },
        ],
      };
    case 'budgets':
      return {
        key: ['year', 'municipality', "coalesce(care_type, '')", "coalesce(team, '')", "coalesce(kind, 'begroting')"],
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
              care_type: "coalesce(care_type, '')",
              team_id: "CASE WHEN team IS NULL THEN '' ELSE municipality || ':' || team END",
              kind: "coalesce(kind, 'begroting')",
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
          line_key: `coalesce(reference, 'sha256:' || sha256(concat_ws('|', municipality, client_id, period_start, period_end, coalesce(care_type, ''), amount)))`,
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
      const order = 'CAST(coalesce(year, 0) AS BIGINT) * 1000000000 + __line';
      const latestByYear = (col: string) => `arg_max(${col}, ${order}) FILTER (WHERE ${col} IS NOT NULL)`;
      // The wide form (one tariff column per year) is turned into the long form's rows: one per product and year.
      const years = Object.fromEntries(wide.map((f) => [`year_${tariffYear(f)}`, tariffYear(f)!]));
      const tariffRows =
        wide.length === 0
          ? valid
          : `FROM (${wide.map((f) => `SELECT product_code, unit, CAST($year_${tariffYear(f)} AS INTEGER) AS year, ${f} AS tariff ${valid}`).join(' UNION ALL ')}) WHERE true`;
      return {
        key: ['product_code', 'coalesce(year, 0)'],
        params: years,
        writes: [
          {
            main: true,
            table: 'product',
            key: ['code'],
            merge: true,
            from: `${valid} GROUP BY product_code`,
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
            from: `${tariffRows} AND year IS NOT NULL AND tariff IS NOT NULL`,
            cols: { code: 'product_code', year: 'year', unit: 'unit', tariff_cents: 'tariff' },
          },
        ],
      };
    }
  }
}
