// The dashboard: static files from web/dist with SPA fallback to index.html, and a Dutch page while it is not built.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './route.ts';

export const NOT_BUILT_HTML = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Roer</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Roer</h1>
<p>Het dashboard is nog niet gebouwd: <code>npm run build</code></p>
<p>De API werkt wel: zie <a href="/api/metrics">/api/metrics</a> en <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
`;

/**
 * Serves `webDist` for every GET outside /api/. Paths without a file extension that match no file get index.html
 * (client-side routing); a missing asset stays a 404. Whether the dashboard is built is checked per request, so a
 * build made while the server runs is picked up.
 */
export function dashboard(webDist: string): MiddlewareHandler<ApiEnv> {
  // Created on first use: serveStatic complains on the console when its root does not exist yet.
  let files: MiddlewareHandler<ApiEnv> | undefined;
  let index: MiddlewareHandler<ApiEnv> | undefined;
  return async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || (c.req.method !== 'GET' && c.req.method !== 'HEAD'))
      return next();
    if (!isBuilt(webDist)) return c.html(NOT_BUILT_HTML, 503);
    files ??= serveStatic<ApiEnv>({ root: webDist });
    index ??= serveStatic<ApiEnv>({ root: webDist, path: 'index.html' });
    const response = await files(c, async () => {});
    if (response) return response;
    const last = c.req.path.split('/').pop() ?? '';
    if (last.includes('.')) return c.text('Niet gevonden', 404);
    return (await index(c, async () => {})) ?? c.text('Niet gevonden', 404);
  };
}

/** True if `dir` holds a built dashboard. */
export function isBuilt(dir: string): boolean {
  const index = join(dir, 'index.html');
  return existsSync(index) && statSync(index).isFile();
}
