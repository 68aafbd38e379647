// The project's small error vocabulary. User-facing messages are Dutch; only entry points turn errors into exit codes.

/** An error whose message is meant for the user (Dutch), e.g. a locked database or a missing file. */
export class RoerError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'RoerError';
  }
}

/**
 * A problem with one record of user input, kept as a value (never thrown) and stored in quarantine.
 * @example { file: 'jw323.xml', record: 12, field: 'Bedrag', reason: 'geen geldig bedrag' }
 */
export interface Problem {
  file: string;
  record: number;
  field: string | null;
  reason: string;
}

/**
 * A file refused as a whole because of problems on given lines (an iJw message that fails its XSD): nothing of it is
 * stored, and `problems` says where and why, for the import report.
 */
export class RefusedFile extends RoerError {
  constructor(
    message: string,
    readonly problems: Problem[],
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** Where and what, without the file: `regel 44, veld Einddatum: …`. */
export function formatPlace(p: Omit<Problem, 'file'>): string {
  return `${p.field ? `regel ${p.record}, veld ${p.field}` : `regel ${p.record}`}: ${p.reason}`;
}

/** Formats a problem the way `roer import` and `roer status` print it. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${formatPlace(p)}`;
}
