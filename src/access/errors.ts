// The access layer's one error: a refusal with a Dutch reason, an HTTP-like status and the parameter that caused it.
// Deliberately not a RoerError: the API maps it to 401/403/429, never to 500.

export type AccessStatus = 400 | 401 | 403 | 429;

export class AccessError extends Error {
  constructor(
    message: string,
    readonly status: AccessStatus = 403,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

/** A 403 refusal. @example throw denied("U heeft geen toegang tot gemeente 1708.", 'municipality') */
export function denied(message: string, param: string | null = null): AccessError {
  return new AccessError(message, 403, param);
}
