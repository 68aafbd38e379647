// The user's introduction and conclusions of a council report, stored per municipality (or the region) and year, with
// who wrote them and when; every save is audited, so a council paper's story can be traced to its author.
import { audit, type Actor } from '../access/audit.ts';
import { HttpError } from '../errors.ts';
import { sql, type Store } from '../store/index.ts';

export interface ReportText {
  /** null: the whole region. */
  municipality: string | null;
  year: number;
  introduction: string | null;
  conclusions: string | null;
  author: string;
  /** ISO timestamp (seconds) of the last save. */
  saved_at: string;
}

export type NewReportText = Pick<ReportText, 'municipality' | 'year' | 'introduction' | 'conclusions'>;

/** The most characters an introduction or conclusion may have (a page or two of a council paper). */
export const REPORT_TEXT_MAX_LENGTH = 10_000;

// The region is stored as '' (a primary key column cannot be NULL).
const key = (municipality: string | null) => municipality ?? '';

/**
 * Stores (or replaces) the texts for this place and year as written by `actor`, audits the save, and returns them.
 * An empty text is stored as not written.
 * @example await saveReportText(store, { name: 'piet', role: 'analyst' }, { municipality: '1708', year: 2018, introduction: 'In 2018 …', conclusions: null })
 */
export async function saveReportText(
  store: Store,
  actor: Actor,
  text: NewReportText,
  now: Date = new Date(),
): Promise<ReportText> {
  const blank = (t: string | null) => (t === null || t.trim() === '' ? null : t.replace(/\r\n?/g, '\n').trim());
  const introduction = blank(text.introduction);
  const conclusions = blank(text.conclusions);
  for (const t of [introduction, conclusions]) {
    if (t && [...t].length > REPORT_TEXT_MAX_LENGTH) {
      const max = REPORT_TEXT_MAX_LENGTH.toLocaleString('nl-NL');
      throw new HttpError(400, `De tekst is te lang: hoogstens ${max} tekens.`, 'text');
    }
  }
  const at = now.toISOString().slice(0, 19);
  await store.run(
    sql`INSERT OR REPLACE INTO report_text VALUES (${key(text.municipality)}, ${text.year}, ${introduction}, ${conclusions},
      ${actor.name}, ${at}::TIMESTAMP)`,
  );
  await audit(
    store,
    actor,
    {
      action: 'report_text_save',
      target: text.municipality ?? 'regio',
      detail: { year: text.year, introduction: introduction !== null, conclusions: conclusions !== null },
    },
    now,
  );
  return (await readReportText(store, text.municipality, text.year))!;
}

/** The texts for this place and year, or null when none were saved. */
export async function readReportText(store: Store, municipality: string | null, year: number): Promise<ReportText | null> {
  const row = await store.one<Omit<ReportText, 'municipality'> & { municipality: string }>(
    sql`SELECT municipality, year, introduction, conclusions, author, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at
      FROM report_text WHERE municipality = ${key(municipality)} AND year = ${year}`,
  );
  return row ? { ...row, municipality: row.municipality === '' ? null : row.municipality, year: Number(row.year) } : null;
}
