// Dutch names for dimensions and their values: the charts' own (one module for the dashboard and the council report).
export { dimLabel, valueLabel } from '../../src/charts/labels.ts';
