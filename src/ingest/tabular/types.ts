// The column mapping as typed records (see /docs/mapping.md): what loadMapping returns and the pipeline consumes.

export const KINDS = [
  'products',
  'providers',
  'clients',
  'allocations',
  'invoice_lines',
  'budgets',
  'pgb_costs',
  'cost_lines',
  'population',
  'referrers',
] as const;
export type Kind = (typeof KINDS)[number];

export type DateFormat = 'dd-mm-jjjj' | 'jjjj-mm-dd' | 'auto';
export type DecimalStyle = ',' | '.' | 'auto';
export type Encoding = 'utf-8' | 'windows-1252' | 'latin1';
/** How amount cells are written: euros (`1.234,56`) or whole eurocents (`123456`). */
export type AmountStyle = 'euros' | 'cents';

export interface TableSpec {
  kind: Kind;
  /** Glob on the file's base name (`*` and `?`), case-insensitive. */
  files: string;
  sheet?: string;
  delimiter: string;
  encoding: Encoding;
  dateFormat: DateFormat;
  decimal: DecimalStyle;
  /** How every amount field of this table is written (key `amounts`; default euros). */
  amounts: AmountStyle;
  /** field → the file's column name */
  columns: Record<string, string>;
  /** field → fixed value */
  constants: Record<string, string>;
  /** field → (source value → code) */
  values: Record<string, Record<string, string>>;
  /**
   * Products in the wide form, one tariff column per year: year → column name (key `tariffs`). Or `tariffColumns`: a
   * regular expression on the header whose first group is the year. The columns found become fields `tariff_<year>`.
   */
  tariffs?: Record<string, string>;
  tariffColumns?: string;
  /** Largest file accepted, in bytes (optional key `maxFileBytes`; default 2 GB). */
  maxFileBytes: number;
}

export interface Mapping {
  source: string;
  tables: TableSpec[];
}
