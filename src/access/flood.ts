// Failed logins in the audit log without letting a script flood it: per address, the first few failures of a minute
// get an entry each, the rest of that minute one counted entry. Every entry is a chained, never-deleted row, so one row
// per scripted attempt would bury the real events (and cost a hash chain step each).
import type { Store } from '../store/index.ts';
import { audit } from './audit.ts';

/** Entries per address per window written one by one; further failures in the window are only counted. */
export const FLOOD_AFTER = 5;
export const FLOOD_WINDOW_MS = 60_000;
/** More addresses than this with a pending count are written out at once (memory stays bounded). */
const MAX_PENDING = 10_000;

interface Burst {
  startMs: number;
  /** Failures seen in the window, including the ones logged one by one. */
  seen: number;
  counted: { firstMs: number; lastMs: number; n: number; names: Set<string>; reasons: Set<string> } | null;
}

const bursts = new WeakMap<Store, Map<string, Burst>>();

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

async function writeCounted(store: Store, ip: string, b: Burst): Promise<void> {
  const c = b.counted;
  if (!c) return;
  const names = [...c.names];
  await audit(
    store,
    { name: names.length === 1 ? names[0] : '(meerdere namen)', role: 'system', ip },
    {
      action: 'login_failed',
      detail: { reason: 'herhaald', attempts: c.n, first: iso(c.firstMs), last: iso(c.lastMs), reasons: [...c.reasons].sort() },
      rowCount: c.n,
      outcome: 'geweigerd',
    },
    new Date(c.lastMs),
  );
}

/** Writes the counted entries of windows that have ended by `now` (all of them without `now`, e.g. at shutdown). */
export async function flushLoginFloods(store: Store, now = Infinity): Promise<void> {
  const map = bursts.get(store);
  if (!map) return;
  const all = map.size > MAX_PENDING;
  for (const [ip, b] of map) {
    if (!all && b.startMs + FLOOD_WINDOW_MS > now) continue;
    map.delete(ip);
    await writeCounted(store, ip, b);
  }
}

/**
 * Audits one failed login: on its own for the first FLOOD_AFTER failures of an address in a minute, else counted.
 * @example await auditFailedLogin(store, '(onbekende naam)', '10.0.0.1', 'onjuiste gegevens', Date.now())
 */
export async function auditFailedLogin(store: Store, who: string, ip: string, reason: string, now: number): Promise<void> {
  await flushLoginFloods(store, now);
  let map = bursts.get(store);
  if (!map) bursts.set(store, (map = new Map()));
  let b = map.get(ip);
  if (!b) map.set(ip, (b = { startMs: now, seen: 0, counted: null }));
  b.seen++;
  if (b.seen <= FLOOD_AFTER) {
    await audit(
      store,
      { name: who, role: 'system', ip },
      { action: 'login_failed', detail: { reason }, outcome: 'geweigerd' },
      new Date(now),
    );
    return;
  }
  b.counted ??= { firstMs: now, lastMs: now, n: 0, names: new Set(), reasons: new Set() };
  b.counted.n++;
  b.counted.lastMs = now;
  b.counted.names.add(who);
  b.counted.reasons.add(reason);
}
