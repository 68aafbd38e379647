// What a chart must say about its own data beyond the figures: where the data start cuts into a cohort or a month's
// inflow (left-censoring). Pure: the result and the first year of data in, Dutch sentences out.
import type { MetricResult } from '../contract/index.ts';
import { formatPeriod } from '../contract/format.ts';

export const LEFT_CENSORED = 'bevat iedereen die al in zorg was toen de gegevens begonnen';

/** Columns holding an entry year (a cohort): the first year's cohort also holds everyone already in care. */
const ENTRY_COLUMNS = ['cohort', 'entry_year'];

/**
 * Notes for a result that shows the first year of data as a cohort, or the inflow of the first month or year: those
 * figures count everyone already in care when the data start, not only who came in then.
 */
export function censoringNotes(result: MetricResult, firstYear: number): string[] {
  const names = new Set(result.columns.map((c) => c.name));
  const holds = (col: string, value: string) => names.has(col) && result.rows.some((r) => String(r[col]) === value);
  const notes: string[] = [];
  const entry = ENTRY_COLUMNS.find((c) => holds(c, String(firstYear)));
  if (entry) notes.push(`Het instroomjaar ${firstYear} ${LEFT_CENSORED}, niet alleen wie in ${firstYear} instroomde.`);
  if (names.has('inflow')) {
    const month = `${firstYear}-01`;
    if (holds('month', month)) notes.push(`De instroom in ${formatPeriod(month)} ${LEFT_CENSORED}.`);
    else if (holds('year', String(firstYear))) notes.push(`De instroom in ${firstYear} ${LEFT_CENSORED}.`);
  }
  return notes;
}
