// The column mapping as typed records (see /docs/mapping.md): what loadMapping returns and the pipeline consumes.

export const KINDS = ['products', 'providers', 'clients', 'allocations', 'invoice_lines', 'budgets', 'pgb_costs', 'population'] as const;
export type Kind = (typeof KINDS)[number];

export type DateFormat = 'dd-mm-jjjj' | 'jjjj-mm-dd' | 'auto';
export type DecimalStyle = ',' | '.' | 'auto';
export type Encoding = 'utf-8' | 'windows-1252' | 'latin1';

export interface TableSpec {
  kind: Kind;
  /** Glob on the file's base name (`*` and `?`), case-insensitive. */
  files: string;
  sheet?: string;
  delimiter: string;
  encoding: Encoding;
  dateFormat: DateFormat;
  decimal: DecimalStyle;
  /** field → the file's column name */
  columns: Record<string, string>;
  /** field → fixed value */
  constants: Record<string, string>;
  /** field → (source value → code) */
  values: Record<string, Record<string, string>>;
  /** Largest file accepted, in bytes (optional key `maxFileBytes`; default 2 GB). */
  maxFileBytes: number;
}

export interface Mapping {
  source: string;
  tables: TableSpec[];
}
