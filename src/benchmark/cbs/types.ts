// The typed records a CBS open-data table becomes: its measures (topics), regions, periods and observations. Everything
// after the parser works on these, never on CBS's raw JSON or CSV.

/** How long a CBS period is: `JJ` year, `HJ` half-year, `KW` quarter, `MM` month. */
export type PeriodKind = 'jaar' | 'halfjaar' | 'kwartaal' | 'maand';

/** A CBS period such as `2020HJ01`, with Roer's own key for it ('2020-H1', the key src/contract/format.ts formats). */
export interface CbsPeriod {
  /** CBS's key as published: '2020HJ01'. */
  cbs: string;
  /** Roer's period key: '2019' (year), '2020-H1', '2019-K1', '2019-03'. */
  key: string;
  year: number;
  kind: PeriodKind;
  /** 1-based half-year, quarter or month; 0 for a year. */
  index: number;
  /** CBS's title ('2020 1e halfjaar') and status ('Definitief', 'Voorlopig'), when Perioden was given. */
  title: string | null;
  status: string | null;
}

/** A measure (CBS 'Topic' in DataProperties): found by its key or by its title, never by the key's numeric suffix. */
export interface CbsMeasure {
  key: string;
  title: string;
  /** Titles of the topic groups above it and its own, joined by ' > ': tells apart equal titles in different groups. */
  path: string;
  unit: string | null;
  datatype: string;
  decimals: number | null;
}

/** Why a cell has no value. CBS's symbols: '.' unknown, 'x' secret, '..' not yet available, '-' nil (see docs/benchmark.md). */
export type MissingReason = 'onbekend' | 'geheim' | 'nog niet beschikbaar' | 'nihil' | 'voetnoot' | 'leeg';

/** One cell: a value, or why there is none (never 0 in its place). */
export type Cell = { value: number; missing: null } | { value: null; missing: MissingReason };

export interface CbsObservation {
  measure: CbsMeasure;
  /** The region code with CBS's padding trimmed: 'GM0150', 'NL01'. */
  region: string;
  regionTitle: string | null;
  period: CbsPeriod;
  /** The table's other dimensions (Geslacht, Leeftijd, …): key → category key, trimmed. */
  dims: Record<string, string>;
  value: number | null;
  missing: MissingReason | null;
  /** Record number in the file (1-based data record for JSON, line for CSV). */
  record: number;
}

export interface CbsTable {
  /** The table identifier, e.g. '85097NED'. */
  id: string;
  title: string | null;
  measures: CbsMeasure[];
  /** The categories of the other dimensions with their titles, where CBS's list was given: dimension → key → title. */
  categories: Map<string, Map<string, string>>;
  observations: CbsObservation[];
}
