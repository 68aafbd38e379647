// Notes ("tellen en vertellen"): plain-text remarks on a metric, municipality and period, kept in the store's note table.
import { empty, join, raw, sql, type Sql, type Store } from '../store/index.ts';

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

const COLUMNS = raw(`id, metric, municipality, strftime(period_from, '%Y-%m-%d') AS period_from,
  strftime(period_to, '%Y-%m-%d') AS period_to, author, strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, text`);

/** The notes matching `q`, oldest period first. */
export async function listNotes(store: Store, q: NoteQuery): Promise<Note[]> {
  const where: Sql[] = [];
  if (q.id !== undefined) where.push(sql`id = ${q.id}`);
  if (q.metric) where.push(sql`metric = ${q.metric}`);
  if (q.municipality) where.push(sql`municipality IN (${join(q.municipality)})`);
  if (q.from) where.push(sql`period_to >= ${q.from}::DATE`);
  if (q.to) where.push(sql`period_from <= ${q.to}::DATE`);
  return store.all<Note>(
    sql`SELECT ${COLUMNS} FROM note ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty}
      ORDER BY period_from, created_at, id`,
  );
}

/** Stores a note (created now) and returns it as stored. */
export async function addNote(store: Store, note: NewNote): Promise<Note> {
  const row = await store.one<{ id: number }>(
    sql`INSERT INTO note (metric, municipality, period_from, period_to, author, created_at, text)
     VALUES (${note.metric}, ${note.municipality}, ${note.period_from}::DATE, ${note.period_to}::DATE, ${note.author}, date_trunc('second', localtimestamp), ${note.text}) RETURNING id`,
  );
  const stored = await store.one<Note>(sql`SELECT ${COLUMNS} FROM note WHERE id = ${row!.id}`);
  return stored!;
}
