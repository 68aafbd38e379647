// Dutch names for dimensions and their values, from the contract's dimension declarations and /api/dimensions.
import { dimension, isDimension, NO_REFERRER } from '../../src/contract/dimensions.ts';
import type { Dimensions } from './api.ts';
import { formatPeriod } from '../../src/contract/format.ts';

export function dimLabel(dim: string): string {
  return isDimension(dim) ? dimension(dim).label : dim;
}

/** The label of a code ('0150' → 'Deventer'); the code itself when /api/dimensions does not know it. */
export function valueLabel(dims: Dimensions, dim: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'onbekend';
  if (dim === 'month' || dim === 'quarter' || dim === 'half_year') return formatPeriod(String(value));
  // The referrers metric lists each referrer by its id: the same names as the split by referrer.
  const list = dims[dim === 'referrer_id' ? 'referrer' : dim] as { value: string; label: string }[] | undefined;
  const found = list?.find((o) => o.value === String(value));
  if (found) return found.label;
  if (value === '00:' && (dim === 'referrer' || dim === 'referrer_id')) return NO_REFERRER;
  // A referrer the list lacks ('<type>:<AGB code or name>'): its label is built from its type.
  const referrer = dim === 'referrer' || dim === 'referrer_id' ? /^(\d{2}):(.*)$/.exec(String(value)) : null;
  if (referrer)
    return [valueLabel(dims, 'referrer_type', referrer[1]), referrer[2] && `(${referrer[2]})`].filter(Boolean).join(' ');
  return String(value);
}
