// The explanation sheet of an export in plain Dutch: what was asked (metric, filters, period, split, parameters), the
// caveats, and when it was exported, as label/value lines.
import { DIMENSION_SPECS } from '../../metrics/sql/dimensions.ts';
import type { Dimension, Filters, Metric, MetricResult } from '../../metrics/types.ts';
import { join, sql, type Store } from '../../store/index.ts';
import { FINANCING_LABELS, REFERRER_TYPE_LABELS, SEX_LABELS } from '../labels.ts';

/** Names for filter codes, per dimension: { municipality: { '0150': 'Deventer' } }. */
export type CodeNames = Partial<Record<Dimension, Record<string, string>>>;

/** What the route knows beyond the result: the metric's definition and parameters, names of codes, the moment of export. */
export interface ExportContext {
  metric?: Pick<Metric, 'definition' | 'params'>;
  params?: Record<string, string | number>;
  names?: CodeNames;
  exportedAt?: Date;
}

const FIXED_NAMES: CodeNames = { referrer_type: REFERRER_TYPE_LABELS, sex: SEX_LABELS, financing: FINANCING_LABELS };

/** The names of the municipalities in the filters (public reference data) and of the fixed code lists. */
export async function filterNames(store: Store, f: Filters): Promise<CodeNames> {
  const codes = f.municipality ?? [];
  if (codes.length === 0) return FIXED_NAMES;
  const rows = await store.all<{ code: string; name: string }>(
    sql`SELECT code, name FROM municipality WHERE code IN (${join(codes)})`,
  );
  return { ...FIXED_NAMES, municipality: Object.fromEntries(rows.map((r) => [r.code, r.name])) };
}

/** An ISO date the Dutch way without leading zeros. @example dutchDate('2018-01-01') === '1-1-2018' */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}-${m}-${y}`;
}

/** The period of the filters. @example period({ from: '2018-01-01', to: '2018-12-31' }) === '1-1-2018 t/m 31-12-2018' */
export function period(f: Filters): string {
  if (f.from && f.to) return `${dutchDate(f.from)} t/m ${dutchDate(f.to)}`;
  if (f.from) return `vanaf ${dutchDate(f.from)}`;
  if (f.to) return `t/m ${dutchDate(f.to)}`;
  return 'alle beschikbare gegevens';
}

const NOT_LISTS = new Set(['from', 'to', 'basis']);

/** Each list filter as 'Gemeente: Deventer, Steenwijkerland' (a code without a known name stays a code). */
export function filterLines(f: Filters, names: CodeNames = {}): string[] {
  return Object.entries(f)
    .filter(([k, v]) => !NOT_LISTS.has(k) && Array.isArray(v) && v.length > 0)
    .map(([k, v]) => {
      const named = names[k as Dimension] ?? {};
      return `${DIMENSION_SPECS[k as Dimension]?.label ?? k}: ${(v as string[]).map((c) => named[c] ?? c).join(', ')}`;
    });
}

/** The moment of export as Amsterdam sees it. @example '25-11-2026 14:05' */
function stamp(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** The explanation as [label, value] lines. */
export function aboutLines(result: MetricResult, ctx: ExportContext = {}): [string, string][] {
  const f = result.filters;
  const lines: [string, string][] = [['Analyse', result.title]];
  if (ctx.metric?.definition) lines.push(['Definitie', ctx.metric.definition]);
  lines.push(['Periode', period(f)]);
  if (f.basis) lines.push(['Periode volgens', f.basis === 'invoice' ? 'factuurdatum' : 'datum van de zorg']);
  const filters = filterLines(f, ctx.names);
  if (filters.length === 0) lines.push(['Filter', 'geen']);
  for (const line of filters) lines.push(['Filter', line]);
  lines.push(['Uitsplitsing', result.split.map((d) => DIMENSION_SPECS[d]?.label ?? d).join(', ') || 'geen']);
  for (const spec of ctx.metric?.params ?? []) {
    const value = ctx.params?.[spec.name] ?? spec.default;
    lines.push([spec.label, value === '' ? 'standaard' : String(value)]);
  }
  for (const note of result.notes ?? []) lines.push(['Opmerking', note]);
  lines.push(['Geëxporteerd op', stamp(ctx.exportedAt ?? new Date())]);
  return lines;
}
