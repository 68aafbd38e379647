// JSON responses that keep numbers exact: a BigInt becomes a JS number only when it is exactly representable,
// otherwise the response fails loudly (never a silent string or a rounded figure).
import type { Context } from 'hono';
import { ApiError } from './errors.ts';

function exact(_key: string, value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ApiError(500, `Het getal ${value} is te groot om exact als JSON te versturen.`);
  }
  return Number(value);
}

/** Serialises `value` to JSON, converting BigInt deliberately. @example toJson({ n: 3n }) === '{"n":3}' */
export function toJson(value: unknown): string {
  return JSON.stringify(value, exact);
}

/** A JSON response with an explicit UTF-8 content type. */
export function json(c: Context, value: unknown, status: 200 | 201 = 200): Response {
  return c.body(toJson(value), status, { 'Content-Type': 'application/json; charset=utf-8' });
}
