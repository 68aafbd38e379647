// Monitoring a measure by its indicator: the windows before and after its start date, of the same length, so the
// indicator's value after the start can be set beside the value over an equally long stretch before it.

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
