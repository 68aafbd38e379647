// The project's small error vocabulary. User-facing messages are Dutch; only entry points turn errors into exit codes.
import type { Problem as RequestProblem } from './contract/parse.ts';

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

/** The statuses Roer answers with. */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503;

export type { Problem as RequestProblem } from './contract/parse.ts';

/**
 * The one error that knows how it leaves the API (like Hono's HTTPException): its status, a Dutch message, the
 * parameter it concerns and, for a refused question, every problem with its path. Access refusals, query limits and
 * bad questions are all of this class, so the API maps none of them by name or message.
 */
export class HttpError extends RoerError {
  readonly problems: RequestProblem[];
  constructor(
    readonly status: HttpStatus,
    message: string,
    readonly param: string | null = null,
    options: { problems?: RequestProblem[]; hint?: string } = {},
  ) {
    super(message, options.hint);
    this.name = 'HttpError';
    this.problems = options.problems ?? [];
  }
}

/** A refused question (400) listing all its problems; the message names them all, the param is the first one's. */
export function invalidRequest(problems: RequestProblem[]): HttpError {
  const message =
    problems.length === 1
      ? problems[0].message
      : `De vraag heeft ${problems.length} problemen: ${problems.map((p) => p.message.replace(/\.$/, '')).join('; ')}.`;
  return new HttpError(400, message, problems[0]?.path ? queryName(problems[0].path) : null, { problems });
}

/** The query parameter a problem's path is about: `filters.municipality[1]` → `municipality`, `p.top` stays. */
function queryName(path: string): string {
  return path.replace(/^filters\./, '').replace(/\[\d+\]$/, '');
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
