// Calendar arithmetic on whole days (UTC day numbers), so the simulation never meets time zones or DST.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

export function fromIso(iso: string): Day {
  return day(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** 'YYYY-MM-DD' */
export function iso(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 'dd-mm-jjjj', as Dutch case systems export dates. */
export function dutch(d: Day): string {
  const s = iso(d);
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)}`;
}

export function yearOf(d: Day): number {
  // Days since 1970 to year, corrected at the boundary without building a Date.
  const y = 1970 + Math.floor(d / 365.2425);
  return d < day(y, 1, 1) ? y - 1 : d >= day(y + 1, 1, 1) ? y + 1 : y;
}

/** Month index since year 0 (year × 12 + month − 1): a cheap key for monthly grouping. */
export function monthIndex(d: Day): number {
  const dt = new Date(d * MS_PER_DAY);
  return dt.getUTCFullYear() * 12 + dt.getUTCMonth();
}

const START_CACHE = new Map<number, Day>();

export function monthStart(m: number): Day {
  let d = START_CACHE.get(m);
  if (d === undefined) START_CACHE.set(m, (d = day(Math.floor(m / 12), (m % 12) + 1, 1)));
  return d;
}

export function monthEnd(m: number): Day {
  return monthStart(m + 1) - 1;
}

/** The same day of the month `months` later (clamped to the month's end). */
export function addMonths(d: Day, months: number): Day {
  const dt = new Date(d * MS_PER_DAY);
  const target = dt.getUTCFullYear() * 12 + dt.getUTCMonth() + months;
  const last = monthEnd(target);
  return Math.min(monthStart(target) + dt.getUTCDate() - 1, last);
}
