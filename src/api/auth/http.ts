// Request facts the auth layer needs: the client's address (for throttling and audit) and whether the connection is TLS.
import type { Context } from 'hono';

export interface TransportSettings {
  /** The server itself speaks TLS (`--tls`): cookies get the Secure flag. */
  tls?: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address. Off by default (the header is forgeable). */
  trustProxy?: boolean;
}

/** The client's address: the socket's, or the proxy's X-Forwarded-For when the proxy is trusted; 'onbekend' in tests. */
export function clientIp(c: Context, t: TransportSettings): string {
  if (t.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd && /^[0-9a-fA-F:.]{2,45}$/.test(fwd)) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'onbekend';
}

/** True when the browser reached us over HTTPS: the --tls flag, or a proxy saying so (X-Forwarded-Proto: https). */
export function overTls(c: Context, t: TransportSettings): boolean {
  return Boolean(t.tls) || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
