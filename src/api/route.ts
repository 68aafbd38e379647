// A route is defined once — method, path, Dutch documentation, parameters, handler — and both registered on the app
// and described in the OpenAPI document from that same definition.
import type { Context, Hono } from 'hono';
import type { Metric } from '../metrics/types.ts';
import type { Store } from '../store/index.ts';
import type { User } from '../access/roles.ts';
import type { AnswerContext, AnswerLimits, Guard } from './answer.ts';
import type { MetricsEngine } from './engine.ts';
import { ApiError } from './errors.ts';
import type { Uploads } from './uploads.ts';

/** Hono environment: the access layer sets `user` in a middleware. */
/** `user` and `ip` are set by the access layer's middleware (`ip`: the client's address, resolved behind a proxy). */
export type ApiEnv = { Variables: { user?: User | null; ip?: string } };

/** A JSON Schema fragment (OpenAPI 3.1 uses JSON Schema 2020-12). */
export type Schema = Record<string, unknown>;

export interface QueryParam {
  name: string;
  description: string;
  schema: Schema;
  required?: boolean;
}

export interface RouteDef {
  method: 'get' | 'post';
  /** Hono path, e.g. '/api/metrics/:id'. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  pathParams?: QueryParam[];
  query?: QueryParam[];
  body?: Schema;
  /** The success response. */
  response: { status: 200 | 201; description: string; contentType: string; schema?: Schema };
  handler: (c: Context<ApiEnv>) => Promise<Response> | Response;
}

/** What every route factory gets. */
export interface ApiDeps {
  store: Store;
  engine: MetricsEngine;
  guard: Guard;
  version: string;
  limits: AnswerLimits;
  /** Uploads in the browser; absent when the server was not given a data folder and secret (503). */
  uploads?: Uploads;
}

export function register(app: Hono<ApiEnv>, routes: RouteDef[]): void {
  for (const r of routes) app.on(r.method.toUpperCase(), r.path, r.handler);
}

/** The answer context for one request. */
export function contextOf(c: Context<ApiEnv>, deps: ApiDeps): AnswerContext {
  return {
    store: deps.store,
    limits: deps.limits,
    engine: deps.engine,
    user: c.get('user') ?? null,
    ip: c.get('ip') ?? remoteAddress(c),
  };
}

/** The client's address when served by @hono/node-server (absent in in-process tests). */
function remoteAddress(c: Context<ApiEnv>): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** The catalogue metric with this id, or a 404 naming it. */
export function metricOr404(deps: ApiDeps, id: string, param = 'id'): Metric {
  const metric = deps.engine.catalogue.find((m) => m.id === id);
  if (!metric) throw new ApiError(404, `Onbekende analyse '${id}'. Zie /api/metrics voor de lijst.`, param);
  return metric;
}

/**
 * Reads a JSON body or fails with a Dutch 400. The JSON content type is required: a cross-site HTML form cannot send
 * it, so a logged-in browser cannot be made to post notes from another site.
 */
export async function jsonBody(c: Context<ApiEnv>): Promise<unknown> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(400, 'Stuur de inhoud als JSON, met de kop Content-Type: application/json.');
  }
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'De inhoud van het verzoek is geen geldige JSON.');
  }
}
