// Dutch names for dimensions and their values, from the contract's dimension declarations and /api/dimensions.
import { dimension, isDimension } from '../../src/contract/dimensions.ts';

// Values are named as the charts name them (one function for the dashboard and the council report).
export { valueLabel } from '../../src/charts/labels.ts';

export function dimLabel(dim: string): string {
  return isDimension(dim) ? dimension(dim).label : dim;
}
