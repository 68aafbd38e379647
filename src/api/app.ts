// The HTTP app: JSON API under /api/ (routes per resource, all described in /api/openapi.json) and the dashboard
// everywhere else. Built in-process from a store, so tests call `app.request(...)` without a socket.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/index.ts';
import { DEFAULT_LIMITS, openGuard, type AnswerLimits, type Guard } from './answer.ts';
import { metricsEngine, type MetricsEngine } from './engine.ts';
import { ApiError, onError } from './errors.ts';
import { register, type ApiDeps, type ApiEnv, type RouteDef } from './route.ts';
import { dimensionRoutes } from './routes/dimensions.ts';
import { exportRoutes } from './routes/exports.ts';
import { metricRoutes } from './routes/metrics.ts';
import { noteRoutes } from './routes/notes.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { statusRoutes } from './routes/status.ts';
import { UPLOAD_PATH, uploadRoutes } from './routes/uploads.ts';
import { viewRoutes } from './routes/views.ts';
import { reportRoutes } from './routes/report.ts';
import { forecastFrameworkRoutes } from './routes/forecast-framework.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { forecastYearEndRoutes } from './routes/forecast-yearend.ts';
import { benchmarkRoutes } from './routes/benchmark.ts';
import { benchmarkChoiceRoutes } from './routes/benchmark-choices.ts';
import { benchmarkCompareRoutes } from './routes/benchmark-compare.ts';
import { benchmarkGroupRoutes } from './routes/benchmark-groups.ts';
import { benchmarkOwnRoutes } from './routes/benchmark-own.ts';
import { forecastMeasureRoutes } from './routes/forecast-measures.ts';
import { dashboard } from './static.ts';
import { type UploadSettings, Uploads } from './uploads.ts';

export interface AppOptions {
  store: Store;
  /** The metrics engine (default: the real catalogue). */
  engine?: MetricsEngine;
  /** Scoping and suppression (default: none, everything visible). */
  guard?: Guard;
  /** Where the built dashboard lives (default: web/dist in the repository). */
  webDist?: string;
  version?: string;
  /** Rows and time one metric question may take (default DEFAULT_LIMITS). */
  limits?: Partial<AnswerLimits>;
  /** Uploads in the browser (the pseudonym secret and the data folder); without it the upload routes answer 503. */
  upload?: UploadSettings;
}

/** Questions and notes are small; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 64 * 1024;

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/**
 * Headers of every API answer, errors included: no browser or proxy cache keeps health data, sessions or CSRF tokens
 * (a shared computer's back button or disk cache would show them to the next user), and JSON is never sniffed as HTML.
 */
export const apiHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
};

/** All API route definitions of an app with these dependencies (registered and documented alike). */
export function apiRoutes(deps: ApiDeps): RouteDef[] {
  const routes: RouteDef[] = [
    ...statusRoutes(deps),
    ...metricRoutes(deps),
    ...exportRoutes(deps),
    ...dimensionRoutes(deps),
    ...noteRoutes(deps),
    ...uploadRoutes(deps),
    ...viewRoutes(deps),
    ...coverageRoutes(deps),
    ...reportRoutes(deps),
    ...forecastYearEndRoutes(deps),
    ...benchmarkRoutes(deps),
    ...benchmarkChoiceRoutes(deps),
    ...benchmarkCompareRoutes(deps),
    ...benchmarkGroupRoutes(deps),
    ...benchmarkOwnRoutes(deps),
    ...forecastMeasureRoutes(deps),
    ...forecastFrameworkRoutes(deps),
  ];
  routes.push(...openApiRoutes(deps, () => routes));
  return routes;
}

/**
 * Creates the app. @example const app = createApp({ store }); await app.request('/api/metrics')
 */
export function createApp(options: AppOptions): Hono<ApiEnv> {
  const deps: ApiDeps = {
    store: options.store,
    engine: options.engine ?? metricsEngine,
    guard: options.guard ?? openGuard,
    version: options.version ?? VERSION,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.upload ? { uploads: new Uploads(options.store, options.upload) } : {}),
  };
  const app = new Hono<ApiEnv>();
  app.onError(onError);
  app.use('/api/*', apiHeaders);
  const smallBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(400, `Het verzoek is te groot (hoogstens ${MAX_BODY_BYTES / 1024} kB).`);
    },
  });
  // An upload has its own, larger limit (answered with 413 by its route).
  app.use('/api/*', (c, next) => (c.req.path === UPLOAD_PATH ? next() : smallBody(c, next)));
  register(app, apiRoutes(deps));
  app.all('/api/*', (c) => {
    throw new ApiError(404, `Onbekende API-route: ${c.req.method} ${c.req.path}. Zie /api/openapi.json.`);
  });
  app.use('*', dashboard(options.webDist ?? DEFAULT_WEB_DIST));
  return app;
}
