// The shape of one message's importer: its staging columns, how a record is read, optional rule checks, and the merge.
import { quoteIdent, type Store } from '../../store/index.ts';
import type { ImportedKind } from './catalogue.ts';
import { STATUS_AANLEVERING as S } from './codes.ts';
import type { Column } from './stage.ts';
import type { Header, RecordParser } from './walk.ts';

export interface MessageModule<R = unknown> {
  kind: ImportedKind;
  columns: Column[];
  parser: RecordParser<R>;
  /** iJw rules the XSD cannot check: marks more staged records for quarantine (q_line, q_field, q_reason). */
  check?(store: Store, stage: string, header: Header): Promise<void>;
  /** Merges the valid staged records into the store; returns how many records changed the store. */
  merge(store: Store, stage: string, header: Header, fileId: string): Promise<number>;
}

/** Counts rows of a query (a helper for merges that report what they will change before they change it). */
export async function countOf(store: Store, sql: string, params: (string | number | null)[] = []): Promise<number> {
  return (await store.one<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`, params))!.n;
}

/** An integer element (already checked by the XSD); null when absent or not a plain integer. */
export function integer(text: string | null): number | null {
  return text !== null && /^-?\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Marks staged records without a ToewijzingNummer (optional in the XSD, required by the iJw rules) for quarantine. */
export async function requireAllocationNo(store: Store, stage: string): Promise<void> {
  await store.run(
    `UPDATE ${quoteIdent(stage)} SET q_line = line_no, q_field = 'ToewijzingNummer',
       q_reason = 'ToewijzingNummer ontbreekt; zonder nummer hoort de regel bij geen toewijzing'
     WHERE q_reason IS NULL AND allocation_no IS NULL`,
  );
}

/**
 * SQL for the start/stop product that holds per allocation in a JW305/JW307 stage: the last one of the message among
 * new, corrected and deleted deliveries (StatusAanlevering).
 */
export function latestPerAllocation(stage: string): string {
  return `SELECT * FROM ${quoteIdent(stage)} WHERE status IN ('${S.eerste}', '${S.gewijzigd}', '${S.verwijderen}')
      QUALIFY row_number() OVER (PARTITION BY allocation_no ORDER BY rec_no DESC) = 1`;
}
