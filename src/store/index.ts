// The store's import surface.
export { Store, type OpenOptions } from './store.ts';
export { sql, raw, ident, idents, join, leading, literal, empty, Sql, type Param, type SqlPart } from './sql.ts';
export { migrate, migrations, schemaVersion } from './migrate.ts';
export { dbPath, secretPath, DEFAULT_DB } from './location.ts';
export type { Row, Cell } from './values.ts';
export { derivedGeneration, ensureDerived, refreshDerived } from './derive.ts';
export { QueryLimitError, rowLimitError, type QueryLimits } from './limits.ts';
export { birthMonthSql } from './intervals.ts';
