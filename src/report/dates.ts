// Dates as the report prints them: in Dutch and in the Netherlands' own time (a report made at 23:30 UTC on 31 December
// is dated 1 January), the same text wherever the server runs.
const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** '2026-12-06T07:30:00Z' → '6 december 2026'. */
export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}

/** '2026-12-06T07:30:00Z' → '6 december 2026, 08:30'. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  return `${day.format(d)}, ${time.format(d)}`;
}
