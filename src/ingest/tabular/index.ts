// The tabular importer's surface: load a column mapping, and import one CSV/XLSX file through it.
export { loadMapping } from './mapping.ts';
export { importTabular } from './import.ts';
export type { Mapping, TableSpec, Kind } from './types.ts';
