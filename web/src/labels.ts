// Dutch names for dimensions and their values, from the contract's dimension declarations and /api/dimensions.
import { dimension, isDimension } from '../../src/contract/dimensions.ts';
import type { Dimensions } from './api.ts';

export function dimLabel(dim: string): string {
  return isDimension(dim) ? dimension(dim).label : dim;
}

/** The label of a code ('0150' → 'Deventer'); the code itself when /api/dimensions does not know it. */
export function valueLabel(dims: Dimensions, dim: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'onbekend';
  const found = (dims[dim] as { value: string; label: string }[] | undefined)?.find((o) => o.value === String(value));
  if (found) return found.label;
  // An individual referrer is '<type>:<AGB code or name>'; too many to list, so its label is built from its type.
  const referrer = dim === 'referrer' ? /^(\d{2}):(.*)$/.exec(String(value)) : null;
  if (referrer)
    return [valueLabel(dims, 'referrer_type', referrer[1]), referrer[2] && `(${referrer[2]})`].filter(Boolean).join(' ');
  return String(value);
}
