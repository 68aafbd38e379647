// Monitoring a measure by its indicator: the windows before and after its start date, of the same length, so the
// indicator's value after the start can be set beside the value over an equally long stretch before it, and the
// sentence that says what moved.
import { formatDate, formatValue } from '../contract/format.ts';
import type { Unit } from '../contract/index.ts';

export interface Window {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * After: from the start through `through` (inclusive); before: the same number of days ending the day before the start.
 * Null when the start lies after `through` (nothing to see yet).
 * @example monitorWindows('2018-01-01', '2018-12-31') // before 2017-01-01–2017-12-31, after 2018-01-01–2018-12-31, 365 days
 */
export function monitorWindows(start: string, through: string): { before: Window; after: Window; days: number } | null {
  const s = Date.parse(`${start}T00:00:00Z`);
  const t = Date.parse(`${through}T00:00:00Z`);
  if (Number.isNaN(s) || Number.isNaN(t) || s > t) return null;
  const days = Math.round((t - s) / DAY) + 1;
  return { before: { from: iso(s - days * DAY), to: iso(s - DAY) }, after: { from: start, to: through }, days };
}

/** The last day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return iso(Date.UTC(y!, m!, 0));
}

/** GET /api/measures/<id>/monitor: the indicator over the windows before and after the start (values null: unknown). */
export interface MonitorView {
  id: string;
  indicator: { metric: string; column: string; filters?: Record<string, unknown> };
  start: string;
  /** The indicator's column header and unit (null when nothing could be asked yet). */
  label: string | null;
  unit: Unit | null;
  days?: number;
  before: (Window & { value: number | null }) | null;
  after: (Window & { value: number | null }) | null;
  change: number | null;
}

const pct1 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const signed = (text: string, x: number) => (x > 0 ? `+${text}` : x < 0 ? `−${text}` : text);

/**
 * What moved, in Dutch, for beside the chart: the value before and after the start, the change (in points for a
 * percentage, else also relative), over how many days each; and that a change is no proof the measure caused it.
 * @example "Kosten (€) is na de start (01-01-2018) gestegen van € 1.000 naar € 2.501 (+€ 1.501; +150 %), over 365 dagen vóór en 365 dagen na de start. …"
 */
export function monitorSentence(m: MonitorView): string {
  const label = m.label ?? m.indicator.column;
  if (!m.before || !m.after) return `De maatregel start op ${formatDate(m.start)}: na de start zijn er nog geen gegevens.`;
  const b = m.before.value;
  const a = m.after.value;
  if (b === null || a === null)
    return `${label} is ${b === null ? 'vóór' : 'na'} de start (${formatDate(m.start)}) onbekend: er is niets te vergelijken.`;
  const unit = m.unit ?? 'count';
  const fmt = (v: number) => formatValue(v, unit);
  const over = `over ${m.days} dagen vóór en ${m.days} dagen na de start`;
  const caution = 'Of de maatregel dat verschil maakte, zegt deze vergelijking niet.';
  if (a === b) return `${label} is na de start (${formatDate(m.start)}) gelijk gebleven: ${fmt(a)}, ${over}. ${caution}`;
  const change = a - b;
  const step =
    unit === 'pct'
      ? `${signed(pct1.format(Math.abs(change)), change)} procentpunt`
      : `${signed(fmt(Math.abs(change)), change)}${b !== 0 ? `; ${signed(`${pct1.format(Math.abs(change / b) * 100)} %`, change)}` : ''}`;
  return `${label} is na de start (${formatDate(m.start)}) ${change > 0 ? 'gestegen' : 'gedaald'} van ${fmt(b)} naar ${fmt(a)} (${step}), ${over}. ${caution}`;
}
