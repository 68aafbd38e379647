// Notes ("tellen en vertellen"): plain-text remarks on a metric, municipality and period, kept in the store's note table.
import type { Store } from '../store/index.ts';

export interface Note {
  id: number;
  metric: string;
  /** NULL = the whole region. */
  municipality: string | null;
  period_from: string;
  period_to: string;
  author: string;
  created_at: string;
  text: string;
}

export type NewNote = Omit<Note, 'id' | 'created_at'>;

/** The most characters a note may have. */
export const NOTE_MAX_LENGTH = 2000;

export interface NoteQuery {
  /** Only the note with this id. */
  id?: number;
  metric?: string;
  /** Only notes on these municipalities; absent = all notes. */
  municipality?: string[];
  /** Notes whose period overlaps [from, to]. */
  from?: string;
  to?: string;
}

const COLUMNS = `id, metric, municipality, strftime(period_from, '%Y-%m-%d') AS period_from,
  strftime(period_to, '%Y-%m-%d') AS period_to, author, strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, text`;

/** The notes matching `q`, oldest period first. */
export async function listNotes(store: Store, q: NoteQuery): Promise<Note[]> {
  const where: string[] = [];
  const params: (string | number | null)[] = [];
  if (q.id !== undefined) where.push('id = ?'), params.push(q.id);
  if (q.metric) where.push('metric = ?'), params.push(q.metric);
  if (q.municipality) {
    where.push(`municipality IN (${q.municipality.map(() => '?').join(', ')})`);
    params.push(...q.municipality);
  }
  if (q.from) where.push('period_to >= ?::DATE'), params.push(q.from);
  if (q.to) where.push('period_from <= ?::DATE'), params.push(q.to);
  return store.all<Note>(
    `SELECT ${COLUMNS} FROM note ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY period_from, created_at, id`,
    params,
  );
}

/** Stores a note (created now) and returns it as stored. */
export async function addNote(store: Store, note: NewNote): Promise<Note> {
  const row = await store.one<{ id: number }>(
    `INSERT INTO note (metric, municipality, period_from, period_to, author, created_at, text)
     VALUES (?, ?, ?::DATE, ?::DATE, ?, date_trunc('second', localtimestamp), ?) RETURNING id`,
    [note.metric, note.municipality, note.period_from, note.period_to, note.author, note.text],
  );
  const stored = await store.one<Note>(`SELECT ${COLUMNS} FROM note WHERE id = ?`, [row!.id]);
  return stored!;
}
