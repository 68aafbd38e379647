// Dutch names of dimensions and their values ('0150' → 'Deventer'), from the lists the server serves at /api/dimensions,
// then the contract's fixed code lists, and filters in words. Shared by the dashboard and the council report.
import { codeLabel, dimension, type Filters, isDimension, NO_REFERRER, type Option } from '../contract/index.ts';
import { formatDate, formatPeriod } from '../contract/format.ts';

/** Per dimension its values with labels (the answer of /api/dimensions, or any part of it; other keys are ignored). */
export type Lookups = { readonly [dim: string]: unknown };

/** The label of a code ('0150' → 'Deventer'); the code itself when neither the lookups nor the contract know it. */
export function valueLabel(dims: Lookups, dim: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'onbekend';
  if (dim === 'month' || dim === 'quarter' || dim === 'half_year') return formatPeriod(String(value));
  // The referrers metric lists each referrer by its id: the same names as the split by referrer.
  const list = dims[dim === 'referrer_id' ? 'referrer' : dim] as readonly Option[] | undefined;
  const found = Array.isArray(list) ? list.find((o) => o.value === String(value)) : undefined;
  if (found) return found.label;
  if (value === '00:' && (dim === 'referrer' || dim === 'referrer_id')) return NO_REFERRER;
  // A referrer the list lacks ('<type>:<AGB code or name>'): its label is built from its type.
  const referrer = dim === 'referrer' || dim === 'referrer_id' ? /^(\d{2}):(.*)$/.exec(String(value)) : null;
  if (referrer)
    return [valueLabel(dims, 'referrer_type', referrer[1]), referrer[2] && `(${referrer[2]})`].filter(Boolean).join(' ');
  return (isDimension(dim) && codeLabel(dim, String(value))) || String(value);
}

export function dimLabel(dim: string): string {
  return isDimension(dim) ? dimension(dim).label : dim;
}

/** The filters as Dutch lines: "Periode: 01-01-2018 t/m 31-12-2018", "Gemeente: Deventer". */
export function describeFilters(f: Filters, dims: Lookups): string[] {
  const lines = [
    `Periode: ${f.from ? formatDate(f.from) : 'begin'} t/m ${f.to ? formatDate(f.to) : 'heden'}` +
      (f.basis === 'invoice' ? ' (naar declaratiedatum)' : ' (naar zorgperiode)'),
  ];
  for (const [key, value] of Object.entries(f)) {
    if (!Array.isArray(value) || value.length === 0) continue;
    lines.push(`${dimLabel(key)}: ${value.map((v) => valueLabel(dims, key, v)).join(', ')}`);
  }
  if (!f.municipality?.length) lines.push('Gemeente: hele regio');
  return lines;
}
