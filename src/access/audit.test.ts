import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, Store } from '../store/index.ts';
import { audit, auditImports, readAudit, verifyAuditChain, type AuditRow } from './audit.ts';
import { auditKeyFrom } from './auditkey.ts';
import { AccessError } from './errors.ts';
import { allUsers, sha256Entry, users, writeUnkeyed } from './testing.ts';

const anna = { name: 'anna', role: 'admin' as const, ip: '10.0.0.1' };

/** An attacker with file access re-hashes entries `from`..`to` (default: to the end) with plain SHA-256. */
async function resealWithSha256(store: Store, from: number, to = Number.MAX_SAFE_INTEGER): Promise<void> {
  let prev =
    from === 1
      ? ''
      : (await store.one<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE id < ${from} ORDER BY id DESC LIMIT 1`))!.hash;
  for (const r of await store.all<AuditRow>(sql`SELECT * FROM audit_log WHERE id BETWEEN ${from} AND ${to} ORDER BY id`)) {
    const hash = sha256Entry(prev, r);
    await store.run(sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`);
    prev = hash;
  }
  if (to !== Number.MAX_SAFE_INTEGER) await store.run(sql`UPDATE audit_log SET prev_hash = ${prev} WHERE id = ${to + 1}`);
}

describe('audit log', () => {
  it('appends entries with filters, scope and row count, readable newest first by the administrator', async () => {
    const store = await Store.open(':memory:');
    await audit(store, anna, { action: 'login' }, new Date('2026-01-05T09:00:00Z'));
    await audit(
      store,
      { name: 'bert', role: 'analyst' },
      { action: 'view', target: 'costs', detail: { filters: { municipality: ['0150'] } }, rowCount: 12 },
      new Date('2026-01-05T09:01:02Z'),
    );
    const rows = await readAudit(store, users.admin);
    expect(rows.map(({ hash, prev_hash, ...r }) => r)).toEqual([
      {
        id: 2,
        logged_at: '2026-01-05T09:01:02',
        actor: 'bert',
        role: 'analyst',
        action: 'view',
        target: 'costs',
        detail: '{"filters":{"municipality":["0150"]}}',
        row_count: 12,
        outcome: 'ok',
        ip: null,
      },
      {
        id: 1,
        logged_at: '2026-01-05T09:00:00',
        actor: 'anna',
        role: 'admin',
        action: 'login',
        target: null,
        detail: null,
        row_count: null,
        outcome: 'ok',
        ip: '10.0.0.1',
      },
    ]);
    expect(await readAudit(store, users.admin, { action: 'login' })).toHaveLength(1);
    expect(await readAudit(store, users.admin, { from: '2026-01-06' })).toHaveLength(0);
    store.close();
  });

  it('is readable by the region administrator only', async () => {
    const store = await Store.open(':memory:');
    for (const u of allUsers.filter((u) => u.role !== 'admin')) await expect(readAudit(store, u)).rejects.toThrow(AccessError);
    await expect(readAudit(store, users.admin, { from: "2026'; DROP TABLE audit_log" })).rejects.toThrow(
      "'from' is geen datum (jjjj-mm-dd).",
    );
    store.close();
  });

  it('keeps a keyed hash chain that exposes an edited or deleted entry', async () => {
    const store = await Store.open(':memory:');
    await Promise.all([1, 2, 3, 4].map((i) => audit(store, anna, { action: 'view', target: `m${i}`, rowCount: i })));
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 4, unkeyed: 0, keyedFrom: 1 });
    await store.run(sql`UPDATE audit_log SET row_count = 99 WHERE id = 2`); // an attacker with file access
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 2, entries: 4 });
    await store.run(sql`UPDATE audit_log SET row_count = 2 WHERE id = 2`);
    await store.run(sql`DELETE FROM audit_log WHERE id = 3`);
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 4, entries: 3 });
    store.close();
  });

  it('detects an edit whose editor recomputed the hashes without the key', async () => {
    const store = await Store.open(':memory:');
    for (const i of [1, 2, 3, 4]) await audit(store, anna, { action: 'view', target: `m${i}`, rowCount: i });
    await store.run(sql`UPDATE audit_log SET actor = 'iemand' WHERE id = 2`);
    await resealWithSha256(store, 2);
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 2, entries: 4 });
    // With a key of another installation (another roer.secret) not even the untouched first entry fits.
    await store.run(sql`UPDATE audit_log SET actor = 'anna' WHERE id = 2`);
    expect(await verifyAuditChain(store, randomBytes(32))).toEqual({ ok: false, brokenAt: 1, entries: 4 });
    store.close();
  });

  it('takes its key from roer.secret beside the database file, not from the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-audit-'));
    let store = await Store.open(join(dir, 'r.duckdb'));
    await audit(store, anna, { action: 'login' });
    store.close();
    const secret = Buffer.from(readFileSync(join(dir, 'roer.secret'), 'utf8').trim(), 'hex');
    store = await Store.open(join(dir, 'r.duckdb'));
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 1, unkeyed: 0, keyedFrom: 1 });
    expect(await verifyAuditChain(store, auditKeyFrom(secret))).toEqual({ ok: true, entries: 1, unkeyed: 0, keyedFrom: 1 });
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues a log of the unkeyed version with a marker that seals the old entries, and verifies across it', async () => {
    const store = await Store.open(':memory:');
    await writeUnkeyed(store, ['login', 'view', 'logout']);
    await audit(store, anna, { action: 'view', target: 'costs', rowCount: 7 }, new Date('2026-12-06T02:00:00Z'));
    const rows = (await readAudit(store, users.admin)).reverse();
    expect(rows.map((r) => [r.id, r.actor, r.action, r.detail, r.row_count])).toEqual([
      [1, 'anna', 'login', null, null],
      [2, 'anna', 'view', null, null],
      [3, 'anna', 'logout', null, null],
      [4, 'systeem', 'chain_keyed', '{"chain":"hmac-sha256","key":"roer/audit/v1","unkeyedBefore":3}', 3],
      [5, 'anna', 'view', null, 7],
    ]);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 5, unkeyed: 3, keyedFrom: 4 });
    await audit(store, anna, { action: 'logout' });
    expect(await readAudit(store, users.admin, { action: 'chain_keyed' })).toHaveLength(1);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 6, unkeyed: 3, keyedFrom: 4 });

    // An old entry edited and re-hashed with SHA-256 no longer leads to the marker, whose HMAC covers its predecessor.
    await store.run(sql`UPDATE audit_log SET ip = '10.9.9.9' WHERE id = 2`);
    await resealWithSha256(store, 2, 3);
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 4, entries: 6 });
    await store.run(sql`UPDATE audit_log SET ip = '10.0.0.1' WHERE id = 2`);
    await resealWithSha256(store, 2, 3);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 6, unkeyed: 3, keyedFrom: 4 });
    // Nor may an entry after the marker be re-hashed the old way.
    await store.run(sql`UPDATE audit_log SET row_count = 70 WHERE id = 5`);
    await resealWithSha256(store, 5);
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 5, entries: 6 });
    store.close();
  });

  it('writes the marker again when the transaction of the first keyed entry is rolled back', async () => {
    const store = await Store.open(':memory:');
    await writeUnkeyed(store, ['login']);
    await expect(
      store.transaction(async () => {
        await audit(store, anna, { action: 'user_add', target: 'piet' });
        throw new Error('user change failed');
      }),
    ).rejects.toThrow('user change failed');
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 1, unkeyed: 1, keyedFrom: null });
    await audit(store, anna, { action: 'logout' });
    expect((await readAudit(store, users.admin)).map((r) => r.action).reverse()).toEqual(['login', 'chain_keyed', 'logout']);
    // The rolled-back marker and entry used ids 2 and 3 of the sequence (a sequence does not roll back): the marker is 4.
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 3, unkeyed: 1, keyedFrom: 4 });
    store.close();
  });

  it('cannot tell a log rewritten entirely in the unkeyed form from an old one: it reports no keyed chain', async () => {
    const store = await Store.open(':memory:');
    for (const i of [1, 2, 3]) await audit(store, anna, { action: 'view', target: `m${i}`, rowCount: i });
    await store.run(sql`UPDATE audit_log SET row_count = 0 WHERE id = 2`);
    await resealWithSha256(store, 1);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 3, unkeyed: 3, keyedFrom: null });
    store.close();
  });

  it('has no UPDATE or DELETE path in the code: no source file outside tests changes audit_log rows', () => {
    const src = fileURLToPath(new URL('../', import.meta.url));
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f));
    };
    walk(src);
    const offenders = files
      .filter((f) => /\.(ts|sql|js)$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) =>
        /(UPDATE\s+"?audit_log|DELETE\s+FROM\s+"?audit_log|TRUNCATE\s+"?audit_log|DROP\s+TABLE\s+(IF\s+EXISTS\s+)?"?audit_log|ALTER\s+TABLE\s+"?audit_log)/i.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});

describe('import entries', () => {
  it('logs one entry per offered file with its status and counts', async () => {
    const store = await Store.open(':memory:');
    await auditImports(store, { name: 'cli:roer', role: 'system' }, [
      { fileName: 'jw301.xml', kind: 'JW301', status: 'ingelezen', total: 12, ok: 11, quarantined: 1 },
      { fileName: 'bom.xlsx', kind: 'allocations', status: 'geweigerd', total: 0, ok: 0, quarantined: 0, note: 'te groot' },
    ]);
    const rows = await readAudit(store, users.admin, { action: 'import' });
    expect(rows.map((r) => [r.actor, r.target, r.row_count, r.outcome, r.detail])).toEqual([
      [
        'cli:roer',
        'bom.xlsx',
        0,
        'geweigerd',
        '{"kind":"allocations","status":"geweigerd","total":0,"quarantined":0,"note":"te groot"}',
      ],
      ['cli:roer', 'jw301.xml', 11, 'ok', '{"kind":"JW301","status":"ingelezen","total":12,"quarantined":1,"note":null}'],
    ]);
    store.close();
  });
});
