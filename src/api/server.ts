// Runs the app on a socket: `roer serve` and `roer start` share this. The caller owns the store and closes it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { RoerError } from '../errors.ts';
import type { Store } from '../store/index.ts';
import { createApp, type AppOptions } from './app.ts';
import type { ApiEnv } from './route.ts';

export interface ServerOptions extends Partial<Omit<AppOptions, 'store'>> {
  store: Store;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  /** A ready app (e.g. with login in front); default createApp({ store, ... }). */
  app?: Hono<ApiEnv>;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections and ends open ones. */
  close(): Promise<void>;
}

/**
 * Starts listening; resolves once the port is open.
 * @example const s = await startServer({ store, port: 0 }); await fetch(`${s.url}/api/health`); await s.close()
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, port = 3000, host = '127.0.0.1', app: given, ...appOptions } = options;
  const app = given ?? createApp({ store, ...appOptions });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(
          new RoerError(
            `Poort ${port} op ${host} is al in gebruik.`,
            'Kies een andere poort met --port, of stop het andere programma.',
          ),
        );
      else if (e.code === 'EACCES')
        reject(new RoerError(`Roer mag poort ${port} niet gebruiken.`, 'Kies een poort boven 1024 met --port.'));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
        reject(new RoerError(`Het adres ${host} bestaat niet op deze computer.`, 'Gebruik bijv. --host 127.0.0.1.'));
      else reject(e);
    });
  });
}
