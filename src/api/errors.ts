// How failures leave the API: one JSON shape `{ error: { message, param, problems } }` with the status the error
// carries (HttpError), Dutch messages only. Internal details (SQL, stack traces) are logged, never sent to the client.
import type { Context } from 'hono';
import { HttpError, RoerError, type HttpStatus, type RequestProblem } from '../errors.ts';

/** The API's failure is the project's one HttpError; the old names stay for the routes that use them. */
export { HttpError as ApiError, type HttpStatus as ErrorStatus };

/** A bad parameter (status 400). @example throw badParam('from', "'from' is geen geldige datum (jjjj-mm-dd)") */
export function badParam(param: string | null, message: string): HttpError {
  return new HttpError(400, message, param);
}

export interface ErrorBody {
  /** `problems` (when there are any): every problem of a refused question with its path (`filters.municipality[1]`). */
  error: { message: string; param: string | null; problems?: RequestProblem[] };
}

/**
 * Translates any thrown value into an HttpError: those keep their status (the store's write conflict is a 409, the
 * database is busy); any other error is a 500 whose details stay on the server.
 */
export function toApiError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof RoerError) return new HttpError(500, e.message, null, { hint: e.hint });
  return new HttpError(500, 'Er ging iets mis in Roer bij het beantwoorden van deze vraag.');
}

/** The Hono error handler: every route failure becomes `{ error }` JSON. */
export function onError(e: Error, c: Context): Response {
  const err = toApiError(e);
  if (err.status === 500) console.error(`[roer api] ${c.req.method} ${c.req.path}:`, e);
  return c.json(errorBody(err), err.status);
}

/** The JSON body of an error: its message with the hint after it, the parameter, and every problem with its path. */
export function errorBody(err: HttpError): ErrorBody {
  const message = err.hint ? `${err.message} ${err.hint}` : err.message;
  const problems = err.problems.length ? { problems: err.problems } : {};
  return { error: { message, param: err.param, ...problems } };
}
