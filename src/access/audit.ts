// The audit log: who saw, exported or changed what. Append-only — this module has no UPDATE or DELETE, and each entry
// carries a SHA-256 chain over its predecessors, so an edited or removed row is detected by verifyAuditChain.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Store } from '../store/index.ts';
import { isDate } from '../metrics/validate.ts';
import { AccessError, denied } from './errors.ts';
import { RIGHTS, type Role, type User } from './roles.ts';

/** Who did it: a logged-in user, or the system (CLI commands run by whoever holds the database file). */
export interface Actor {
  name: string;
  role: Role | 'system';
  ip?: string | null;
}

/** The actor for commands run from the command line: the operating-system user holding the database file. */
export function cliActor(): Actor {
  let who = 'onbekend';
  try { who = userInfo().username; } catch { /* no passwd entry (containers) */ }
  return { name: `cli:${who}`, role: 'system' };
}

export type AuditAction =
  | 'view' | 'export' | 'login' | 'login_failed' | 'logout' | 'import'
  | 'user_add' | 'user_remove' | 'user_reset' | 'user_unlock' | 'note_add' | 'notes_read' | 'dimensions_read' | 'status_read'
  | 'audit_read' | 'audit_export';

export interface AuditEntry {
  action: AuditAction;
  /** Metric id, user name or file name. */
  target?: string | null;
  /** Filters, split, scope, reason: stored as JSON. */
  detail?: Record<string, unknown> | null;
  rowCount?: number | null;
  outcome?: 'ok' | 'geweigerd';
}

export interface AuditRow {
  id: number;
  logged_at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  detail: string | null;
  row_count: number | null;
  outcome: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

// One queue per store: entries are chained, so two appends must not read the same predecessor.
const queues = new WeakMap<Store, Promise<unknown>>();

function entryHash(prev: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const fields = [r.logged_at, r.actor, r.role, r.action, r.target, r.detail, r.row_count, r.outcome, r.ip];
  return createHash('sha256').update(prev).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends one entry. @example await audit(store, { name: 'piet', role: 'analyst' }, { action: 'view', target: 'costs', rowCount: 12 })
 */
export function audit(store: Store, actor: Actor, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  const run = async () => {
    const last = await store.one<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const prev = last?.hash ?? '';
    const row = {
      logged_at: now.toISOString().slice(0, 19),
      actor: actor.name,
      role: actor.role,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      row_count: entry.rowCount ?? null,
      outcome: entry.outcome ?? 'ok',
      ip: actor.ip ?? null,
    };
    await store.run(
      `INSERT INTO audit_log (logged_at, actor, role, action, target, detail, row_count, outcome, ip, prev_hash, hash)
       VALUES (?::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.logged_at, row.actor, row.role, row.action, row.target, row.detail, row.row_count, row.outcome, row.ip, prev, entryHash(prev, row)],
    );
  };
  const next = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(store, next.catch(() => undefined));
  return next;
}

/** What an import reports per file (the fields of the importer's FileReport the log keeps). */
export interface ImportedFile {
  fileName: string;
  kind: string;
  status: string;
  total: number;
  ok: number;
  quarantined: number;
  note?: string;
}

/** One audit entry per offered file: name, kind, status and record counts. */
export async function auditImports(store: Store, actor: Actor, files: ImportedFile[]): Promise<void> {
  for (const f of files) {
    await audit(store, actor, {
      action: 'import', target: f.fileName, rowCount: f.ok,
      detail: { kind: f.kind, status: f.status, total: f.total, quarantined: f.quarantined, note: f.note ?? null },
      outcome: f.status === 'geweigerd' ? 'geweigerd' : 'ok',
    });
  }
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  limit?: number;
}

/** The log, newest first; only for the region administrator. */
export async function readAudit(store: Store, user: User, q: AuditQuery = {}): Promise<AuditRow[]> {
  if (!RIGHTS[user.role].administer) throw denied('Alleen de beheerder mag het auditlog inzien.');
  for (const k of ['from', 'to'] as const) {
    if (q[k] !== undefined && !isDate(q[k])) throw new AccessError(`'${k}' is geen datum (jjjj-mm-dd).`, 400, k);
  }
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.from) { where.push('logged_at >= ?::TIMESTAMP'); params.push(q.from); }
  if (q.to) { where.push("logged_at < ?::DATE + INTERVAL 1 DAY"); params.push(q.to); }
  if (q.actor) { where.push('actor = ?'); params.push(q.actor); }
  if (q.action) { where.push('action = ?'); params.push(q.action); }
  params.push(Math.max(1, Math.min(q.limit ?? 1000, 100_000)));
  return store.all<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`,
    params,
  );
}

/** Recomputes the chain; returns the id of the first entry that does not fit (edited, or its predecessor removed). */
export async function verifyAuditChain(store: Store): Promise<{ ok: true } | { ok: false; brokenAt: number }> {
  let prev = '';
  for (const r of await store.all<AuditRow>('SELECT * FROM audit_log ORDER BY id')) {
    if (r.prev_hash !== prev || entryHash(prev, r) !== r.hash) return { ok: false, brokenAt: r.id };
    prev = r.hash;
  }
  return { ok: true };
}
