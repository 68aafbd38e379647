// The contract between the engine, the API and the dashboard: dimensions, the question and answer types, each metric's
// columns and the one request parser. Imports nothing outside src/contract, so the dashboard bundles it as it is.
export * from './dimensions.ts';
export * from './question.ts';
export * from './parse.ts';
export * from './columns.ts';
