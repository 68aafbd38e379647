// How failures leave the API: one JSON shape `{ error: { message, param } }` with a fitting status, Dutch messages only.
// Internal details (SQL, stack traces) are logged on the server and never sent to the client.
import type { Context } from 'hono';
import { RoerError } from '../errors.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503;

/** A failure meant for the API client: a Dutch message and the offending parameter (or null). */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A bad parameter (status 400). @example throw badParam('from', "'from' is geen geldige datum (jjjj-mm-dd)") */
export function badParam(param: string | null, message: string): ApiError {
  return new ApiError(400, message, param);
}

export interface ErrorBody {
  error: { message: string; param: string | null };
}

/**
 * Translates any thrown value into the API's error shape. The engine's MetricRequestError and the access layer's
 * AccessError are recognised by name, status and `.param`, so this module needs neither's internals.
 */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof Error && e.name === 'MetricRequestError') {
    const param = (e as Error & { param?: unknown }).param;
    return new ApiError(400, e.message, typeof param === 'string' ? queryName(param) : null);
  }
  if (e instanceof Error && e.name === 'AccessError') {
    const { status, param } = e as Error & { status?: ErrorStatus; param?: string | null };
    return new ApiError(status ?? 403, e.message, param ?? null);
  }
  if (e instanceof RoerError && e.name === 'QueryLimitError') {
    // Too big is the question's doing (400); too slow may be the server's load, so try again later (503).
    return new ApiError(
      (e as RoerError & { limit?: string }).limit === 'rows' ? 400 : 503,
      `${e.message} ${e.hint ?? ''}`.trim(),
    );
  }
  if (e instanceof Error && /\bconflict\b/i.test(e.message) && !(e instanceof RoerError)) {
    return new ApiError(409, 'De database is even bezig; probeer het zo opnieuw.');
  }
  if (e instanceof RoerError) return new ApiError(500, e.hint ? `${e.message} ${e.hint}` : e.message);
  return new ApiError(500, 'Er ging iets mis in Roer bij het beantwoorden van deze vraag.');
}

/** The engine names parameters by their place in a MetricRequest; the API by their query name. */
function queryName(param: string): string {
  return param.replace(/^filters\./, '').replace(/^params\./, 'p.');
}

/** The Hono error handler: every route failure becomes `{ error }` JSON. */
export function onError(e: Error, c: Context): Response {
  const err = toApiError(e);
  if (err.status === 500) console.error(`[roer api] ${c.req.method} ${c.req.path}:`, e);
  const body: ErrorBody = { error: { message: err.message, param: err.param } };
  return c.json(body, err.status);
}
