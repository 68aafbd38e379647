// Request facts the auth layer needs: the client's address (for throttling and audit) and whether the connection is TLS.
import { isIP } from 'node:net';
import type { Context } from 'hono';

export interface TransportSettings {
  /** The server itself speaks TLS (`--tls`): cookies get the Secure flag. */
  tls?: boolean;
  /**
   * Behind one reverse proxy (`--proxy`): take the client address from X-Forwarded-For and the scheme from
   * X-Forwarded-Proto. Off by default: without a proxy in front, both headers are whatever the client typed.
   */
  trustProxy?: boolean;
}

/** The last (right-most) value of a comma-separated forwarding header: the one our own proxy wrote. */
function lastHop(c: Context, header: string): string | undefined {
  return c.req.header(header)?.split(',').at(-1)?.trim();
}

/**
 * The client's address: the socket's, or behind the trusted proxy the right-most X-Forwarded-For hop — the address the
 * proxy itself saw and appended. Every hop to the left of it was written by the client and may be forged.
 * 'onbekend' in tests (no socket).
 */
export function clientIp(c: Context, t: TransportSettings): string {
  if (t.trustProxy) {
    const hop = lastHop(c, 'x-forwarded-for');
    if (hop && isIP(hop)) return hop;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'onbekend';
}

/** True when the browser reached us over HTTPS: the --tls flag, or (only with --proxy) the proxy saying so. */
export function overTls(c: Context, t: TransportSettings): boolean {
  return Boolean(t.tls) || (Boolean(t.trustProxy) && lastHop(c, 'x-forwarded-proto')?.toLowerCase() === 'https');
}
