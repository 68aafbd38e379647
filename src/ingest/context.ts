// What every importer gets for one file: the store, the pseudonym secret, the file's identity, and a quarantine collector.
import type { Store } from '../store/index.ts';
import type { Problem } from '../errors.ts';
import type { Secret } from './pseudonym.ts';

export interface ImportContext {
  store: Store;
  secret: Secret;
  /** sha-256 of the file's bytes: the file's identity in the import log. */
  fileId: string;
  /** Absolute path of the file being imported. */
  path: string;
  /** The name shown to users (base name). */
  fileName: string;
  /** Records a rejected record; it is written to quarantine with the file's other records, in the same transaction. */
  quarantine(problem: Omit<Problem, 'file'> & { raw?: string }): void;
}

/** What an importer reports for one file. */
export interface ImportOutcome {
  /** The kind of file, e.g. 'JW301' or 'allocations'. */
  kind: string;
  /** Records offered (messages' product lines, CSV rows). */
  total: number;
  /** Records stored (new or replacing an older version). */
  ok: number;
  /** Records that changed nothing because the store already had them. */
  unchanged?: number;
  /** A Dutch note for the import log, e.g. 'retourbericht JW302: niet gebruikt'. */
  note?: string;
}
