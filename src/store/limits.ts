// The limits one question's queries run under (time, rows) and the Dutch error that says which one was hit, so no
// single question can hold the server or fill its memory.
import { HttpError, RoerError } from '../errors.ts';

export interface QueryLimits {
  /** After this many milliseconds the question's connection is interrupted. */
  timeoutMs: number;
  /** A single query returning more rows than this is refused before its rows are read into JavaScript. */
  maxRows: number;
}

/** A question stopped by a limit. Too big is the question's doing (400); too slow may be the server's load (503). */
export class QueryLimitError extends HttpError {
  constructor(
    readonly limit: 'time' | 'rows',
    message: string,
    hint: string,
  ) {
    super(limit === 'rows' ? 400 : 503, message, null, { hint });
    this.name = 'QueryLimitError';
  }
}

const HINT = 'Kies een kortere periode, minder uitsplitsingen of meer filters.';

export function timeLimitError(limits: QueryLimits): QueryLimitError {
  const s = Math.round(limits.timeoutMs / 100) / 10;
  return new QueryLimitError(
    'time',
    `Deze vraag duurde langer dan ${String(s).replace('.', ',')} seconden en is afgebroken.`,
    HINT,
  );
}

export function rowLimitError(limits: QueryLimits, rows: number): QueryLimitError {
  return new QueryLimitError(
    'rows',
    `Deze vraag levert ${rows.toLocaleString('nl-NL')} rijen op; het maximum is ${limits.maxRows.toLocaleString('nl-NL')}.`,
    HINT,
  );
}

/** A write that met another connection's write (DuckDB's optimistic concurrency): the database is busy, not broken. */
export class WriteConflictError extends HttpError {
  /** `original`: DuckDB's own error, for the server log. */
  constructor(readonly original: unknown) {
    super(409, 'De database is even bezig; probeer het zo opnieuw.');
    this.name = 'WriteConflictError';
  }
}

/**
 * DuckDB names a write-write conflict only in its message ("Transaction conflict", "Conflict on tuple"): this is the one
 * place that reads it, so everything above the store tells errors apart by class.
 */
export function asStoreError(e: unknown): unknown {
  return e instanceof Error && !(e instanceof RoerError) && /\bconflict\b/i.test(e.message) ? new WriteConflictError(e) : e;
}
