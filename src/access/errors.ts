// The access layer's refusal: the project's HttpError (status 401/403/429, or 400 for a malformed audit query) with a
// Dutch reason and the parameter that caused it. A subclass only so the layer can audit its own refusals.
import { HttpError } from '../errors.ts';

export type AccessStatus = 400 | 401 | 403 | 429;

export class AccessError extends HttpError {
  constructor(message: string, status: AccessStatus = 403, param: string | null = null) {
    super(status, message, param);
    this.name = 'AccessError';
  }
}

/** A 403 refusal. @example throw denied("U heeft geen toegang tot gemeente 1708.", 'municipality') */
export function denied(message: string, param: string | null = null): AccessError {
  return new AccessError(message, 403, param);
}
