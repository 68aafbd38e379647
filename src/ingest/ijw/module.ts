// The shape of one message's importer: its staging columns, how a record is read, what key it touches, optional rule
// checks, and the merge. Checks and merges are set-based over a whole batch of files of one kind: every staged row
// carries its file's index, and `stage_file` holds each file's header (sender, receiver, dagtekening, file id).
import { ident, sql, type Sql, type Store } from '../../store/index.ts';
import type { ImportedKind } from './catalogue.ts';
import { STATUS_AANLEVERING as S } from './codes.ts';
import type { Cell, Column } from './stage.ts';
import type { Header, RecordParser } from './walk.ts';

/** The temporary table with one row per file of the batch: file_idx, file_id, sender, receiver, message_id, message_date. */
export const STAGE_FILE = 'stage_file';

export interface MessageModule<R = unknown> {
  kind: ImportedKind;
  columns: Column[];
  parser: RecordParser<R>;
  /**
   * The store row a record writes, as a string (e.g. municipality + ToewijzingNummer). Files of one batch never share a
   * key: a file that would touch a row an earlier file of the batch touches starts a new batch, so that order holds.
   */
  key(h: Header, own: Cell[], clientId: string | null): string;
  /** iJw rules the XSD cannot check: marks more staged records for quarantine (q_line, q_field, q_reason). */
  check?(store: Store, stage: string): Promise<void>;
  /** Merges the valid staged records into the store; returns per file index how many records changed the store. */
  merge(store: Store, stage: string): Promise<Map<number, number>>;
}

/** SQL: the staged rows with their file's header columns (sender, receiver, message_date, file_id). */
export function headed(stage: string): Sql {
  return sql`SELECT s.*, f.sender, f.receiver, f.message_date, f.file_id FROM ${ident(stage)} s JOIN ${ident(STAGE_FILE)} f USING (file_idx)`;
}

/** SQL: the headers of the files that still have staged rows (only those are merged, as a file with none changes nothing). */
export function mergedFiles(stage: string): Sql {
  return sql`SELECT * FROM ${ident(STAGE_FILE)} WHERE file_idx IN (SELECT file_idx FROM ${ident(stage)})`;
}

/** Counts the rows of a query (which has a file_idx column) per file: what a merge will change, before it changes it. */
export async function countPerFile(store: Store, query: Sql): Promise<Map<number, number>> {
  const rows = await store.all<{ f: number; n: number }>(
    sql`SELECT file_idx AS f, count(*) AS n FROM (${query}) GROUP BY file_idx`,
  );
  return new Map(rows.map((r) => [r.f, r.n]));
}

/** An integer element (already checked by the XSD); null when absent or not a plain integer. */
export function integer(text: string | null): number | null {
  return text !== null && /^-?\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Marks staged records without a ToewijzingNummer (optional in the XSD, required by the iJw rules) for quarantine. */
export async function requireAllocationNo(store: Store, stage: string): Promise<void> {
  await store.run(
    sql`UPDATE ${ident(stage)} SET q_line = line_no, q_field = 'ToewijzingNummer',
       q_reason = 'ToewijzingNummer ontbreekt; zonder nummer hoort de regel bij geen toewijzing'
     WHERE q_reason IS NULL AND allocation_no IS NULL`,
  );
}

/**
 * SQL for the start/stop product that holds per allocation in a JW305/JW307 stage (with header columns): per file, the
 * last one of the message among new, corrected and deleted deliveries (StatusAanlevering).
 */
export function latestPerAllocation(stage: string): Sql {
  return sql`SELECT * FROM (${headed(stage)}) WHERE status IN (${S.eerste}, ${S.gewijzigd}, ${S.verwijderen})
      QUALIFY row_number() OVER (PARTITION BY file_idx, allocation_no ORDER BY rec_no DESC) = 1`;
}
