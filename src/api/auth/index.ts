// The secured Roer app: security headers, sessions, login, CSRF protection and the access Guard around createApp.
// `roer serve` / `roer start` build their app with createSecureApp; createApp alone (no login) is for tests.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from '../../access/lockout.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../access/sessions.ts';
import { apiHeaders, createApp, type AppOptions } from '../app.ts';
import { ApiError, onError } from '../errors.ts';
import { accessGuard } from './guard.ts';
import { securityHeaders } from './headers.ts';
import { clientIp, type TransportSettings } from './http.ts';
import { csrfProtection, loadSession, requireLogin, type AuthEnv } from './middleware.ts';
import { registerAuthRoutes } from './routes.ts';

export { ensureAdmin } from '../../access/admin.ts';
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './middleware.ts';

export interface SecureAppOptions extends Omit<AppOptions, 'guard'>, TransportSettings {
  /** Small-number threshold for readers and providers (default 10). */
  threshold?: number;
  /**
   * Perturbation key for readers and providers: `cellKeyFrom(installation secret)`, so a cell shows the same value after
   * every restart. Without one (tests, tools), a random key for the life of the process.
   */
  cellKey?: Buffer;
  session?: SessionPolicy;
  lockout?: LockoutPolicy;
  /** Clock, for tests of expiry. */
  now?: () => number;
}

/**
 * The app as served: everything under /api/ except health, login and session needs a login; every answer is scoped.
 * @example const app = createSecureApp({ store, engine, tls: false }); serve({ fetch: app.fetch, port: 3000 })
 */
export function createSecureApp(options: SecureAppOptions): Hono<AuthEnv> {
  const now = options.now ?? Date.now;
  const session = options.session ?? DEFAULT_SESSION_POLICY;
  const app = new Hono<AuthEnv>();
  app.onError(onError);
  app.use('*', securityHeaders());
  const transport: TransportSettings = { tls: options.tls, trustProxy: options.trustProxy };
  // One address per request for throttling and every audit entry (the proxy's X-Forwarded-For hop only with --proxy).
  app.use('*', async (c, next) => {
    c.set('ip', clientIp(c, transport));
    await next();
  });
  app.use('/api/*', apiHeaders); // also on login, session, logout, audit and the refusals before the API proper
  app.use('/api/*', loadSession(options.store, session, now), requireLogin(), csrfProtection());
  app.use(
    '/api/login',
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new ApiError(400, 'Het verzoek is te groot.');
      },
    }),
  );
  registerAuthRoutes(app, { store: options.store, session, lockout: options.lockout ?? DEFAULT_LOCKOUT, now, ...transport });
  app.route(
    '/',
    createApp({
      ...options,
      guard: accessGuard({ threshold: options.threshold, cellKey: options.cellKey ?? randomBytes(32) }),
    }) as unknown as Hono<AuthEnv>,
  );
  return app;
}
