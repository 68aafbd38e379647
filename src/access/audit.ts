// The audit log: who saw, exported or changed what. Append-only — this module has no UPDATE or DELETE, and each entry
// carries an HMAC chain over its predecessors under a key outside the database, so verifyAuditChain detects an edited or
// removed row even when the editor recomputed the hashes. Entries of older versions (plain SHA-256) stay verifiable.
import { createHash, createHmac } from 'node:crypto';
import { userInfo } from 'node:os';
import { empty, join, sql, type Sql, type Store } from '../store/index.ts';
import { isDate } from '../contract/parse.ts';
import { auditKey } from './auditkey.ts';
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
  try {
    who = userInfo().username;
  } catch {
    /* no passwd entry (containers) */
  }
  return { name: `cli:${who}`, role: 'system' };
}

export type AuditAction =
  | 'view'
  | 'export'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'import'
  | 'mapping_save'
  | 'user_add'
  | 'user_remove'
  | 'user_reset'
  | 'user_unlock'
  | 'note_add'
  | 'notes_read'
  | 'dimensions_read'
  | 'status_read'
  | 'views_read'
  | 'view_save'
  | 'view_delete'
  | 'view_open'
  | 'coverage_read'
  | 'benchmark_read'
  | 'reference_groups_read'
  | 'reference_group_save'
  | 'reference_group_delete'
  | 'benchmark_own_read'
  | 'report'
  | 'report_text_read'
  | 'report_text_save'
  | 'forecast_yearend'
  | 'measures_read'
  | 'measure_save'
  | 'measure_delete'
  | 'scenario'
  | 'measure_monitor'
  | 'forecast_framework'
  | 'forecast_baseline'
  | 'audit_read'
  | 'audit_export'
  | 'chain_keyed'
  | 'chain_broken';

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
// Stores whose first entry is keyed, so whose log never needs the transition marker. (Only that is remembered: a marker
// written inside a caller's transaction that is then rolled back must be written again.)
const keyedStores = new WeakSet<Store>();

type Fields = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>;

/** The hash of an entry: HMAC-SHA-256 under the chain key, or (key null) the plain SHA-256 of Roer before the key. */
function entryHash(prev: string, r: Fields, key: Buffer | null): string {
  const fields = [r.logged_at, r.actor, r.role, r.action, r.target, r.detail, r.row_count, r.outcome, r.ip];
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prev).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** The marker entry where the keyed chain of a store with older, unkeyed entries begins. */
const KEYED_MARKER = 'chain_keyed';

/**
 * Whether the next entry may simply continue the keyed chain: the log is empty, already has the marker, or its first or
 * last entry carries the keyed hash (a store created by this version; either one may have been edited). Otherwise the
 * log holds only entries of the unkeyed version, and the marker goes first.
 */
async function continuesKeyedChain(store: Store, key: Buffer): Promise<boolean> {
  if (keyedStores.has(store.root)) return true;
  const ends = await store.all<AuditRow>(
    sql`(SELECT * FROM audit_log ORDER BY id LIMIT 1) UNION ALL (SELECT * FROM audit_log ORDER BY id DESC LIMIT 1)`,
  );
  if (ends.length === 0) return true;
  if (ends[0]!.id === 1 && ends[0]!.hash === entryHash('', ends[0]!, key)) {
    keyedStores.add(store.root);
    return true;
  }
  return (
    ends.some((r) => r.hash === entryHash(r.prev_hash, r, key)) ||
    Boolean(await store.one(sql`SELECT 1 AS x FROM audit_log WHERE action = ${KEYED_MARKER} LIMIT 1`))
  );
}

// Rows per INSERT when many entries are appended at once (11 bound values each).
const CHUNK = 500;

/** Appends `rows` after the last entry, each chained to its predecessor, in multi-row INSERTs. */
async function append(store: Store, key: Buffer, rows: Fields[]): Promise<void> {
  let prev = (await store.one<{ hash: string }>(sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`))?.hash ?? '';
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const values: Sql[] = [];
    for (const r of chunk) {
      const hash = entryHash(prev, r, key);
      values.push(
        sql`(${r.logged_at}::TIMESTAMP, ${join([r.actor, r.role, r.action, r.target, r.detail, r.row_count, r.outcome, r.ip, prev, hash])})`,
      );
      prev = hash;
    }
    await store.run(
      sql`INSERT INTO audit_log (logged_at, actor, role, action, target, detail, row_count, outcome, ip, prev_hash, hash)
       VALUES ${join(values)}`,
    );
  }
}

/** Queues `rows` behind the store's earlier appends; the marker goes first when the log has only unkeyed entries. */
function enqueue(store: Store, rows: Fields[]): Promise<void> {
  const run = async () => {
    const key = auditKey(store);
    if (!(await continuesKeyedChain(store, key))) {
      const n = (await store.one<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM audit_log`))!.n;
      rows = [
        {
          logged_at: rows[0]!.logged_at,
          actor: 'systeem',
          role: 'system',
          action: KEYED_MARKER,
          target: null,
          detail: JSON.stringify({ chain: 'hmac-sha256', key: 'roer/audit/v1', unkeyedBefore: n }),
          row_count: n,
          outcome: 'ok',
          ip: null,
        },
        ...rows,
      ];
    }
    await append(store, key, rows);
  };
  const next = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}

function fields(actor: Actor, entry: AuditEntry, now: Date): Fields {
  return {
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
}

/**
 * Appends one entry. @example await audit(store, { name: 'piet', role: 'analyst' }, { action: 'view', target: 'costs', rowCount: 12 })
 */
export function audit(store: Store, actor: Actor, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  return enqueue(store, [fields(actor, entry, now)]);
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

/** One audit entry per offered file: name, kind, status and record counts (appended together: the demo has 5,512). */
export async function auditImports(store: Store, actor: Actor, files: ImportedFile[], now: Date = new Date()): Promise<void> {
  if (files.length === 0) return;
  await enqueue(
    store,
    files.map((f) =>
      fields(
        actor,
        {
          action: 'import',
          target: f.fileName,
          rowCount: f.ok,
          detail: { kind: f.kind, status: f.status, total: f.total, quarantined: f.quarantined, note: f.note ?? null },
          outcome: f.status === 'geweigerd' ? 'geweigerd' : 'ok',
        },
        now,
      ),
    ),
  );
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
  const where: Sql[] = [];
  if (q.from) where.push(sql`logged_at >= ${q.from}::TIMESTAMP`);
  if (q.to) where.push(sql`logged_at < ${q.to}::DATE + INTERVAL 1 DAY`);
  if (q.actor) where.push(sql`actor = ${q.actor}`);
  if (q.action) where.push(sql`action = ${q.action}`);
  const limit = Math.max(1, Math.min(q.limit ?? 1000, 100_000));
  return store.all<AuditRow>(
    sql`SELECT * FROM audit_log ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty} ORDER BY id DESC LIMIT ${limit}`,
  );
}

export type ChainCheck =
  | { ok: true; entries: number; unkeyed: number; keyedFrom: number | null }
  | { ok: false; brokenAt: number; entries: number };

/**
 * Recomputes the chain. It may start with entries of Roer before the key (plain SHA-256); the keyed chain then begins
 * at the marker entry, whose HMAC covers the last unkeyed hash and so seals everything before it. From the first keyed
 * entry on every entry must carry the HMAC. Returns the id of the first entry that does not fit (edited, or a
 * predecessor removed), or the counts: `unkeyed` entries before the keyed chain, which starts at entry `keyedFrom`.
 * @example await verifyAuditChain(store) // { ok: true, entries: 4, unkeyed: 0, keyedFrom: 1 }
 */
export async function verifyAuditChain(store: Store, key: Buffer = auditKey(store)): Promise<ChainCheck> {
  const rows = await store.all<AuditRow>(sql`SELECT * FROM audit_log ORDER BY id`);
  let prev = '';
  let keyedFrom: number | null = null;
  let unkeyed = 0;
  for (const [i, r] of rows.entries()) {
    const fits = r.prev_hash === prev;
    if (fits && keyedFrom === null && (i === 0 || r.action === KEYED_MARKER) && entryHash(prev, r, key) === r.hash) {
      keyedFrom = r.id;
    } else if (!fits || entryHash(prev, r, keyedFrom === null ? null : key) !== r.hash) {
      return { ok: false, brokenAt: r.id, entries: rows.length };
    } else if (keyedFrom === null) {
      unkeyed++;
    }
    prev = r.hash;
  }
  return { ok: true, entries: rows.length, unkeyed, keyedFrom };
}
