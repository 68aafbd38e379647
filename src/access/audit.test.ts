import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../store/index.ts';
import { audit, auditImports, readAudit, verifyAuditChain } from './audit.ts';
import { AccessError } from './errors.ts';
import { allUsers, users } from './testing.ts';

const anna = { name: 'anna', role: 'admin' as const, ip: '10.0.0.1' };

describe('audit log', () => {
  it('appends entries with filters, scope and row count, readable newest first by the administrator', async () => {
    const store = await Store.open(':memory:');
    await audit(store, anna, { action: 'login' }, new Date('2026-01-05T09:00:00Z'));
    await audit(store, { name: 'bert', role: 'analyst' }, { action: 'view', target: 'costs', detail: { filters: { municipality: ['0150'] } }, rowCount: 12 }, new Date('2026-01-05T09:01:02Z'));
    const rows = await readAudit(store, users.admin);
    expect(rows.map(({ hash, prev_hash, ...r }) => r)).toEqual([
      { id: 2, logged_at: '2026-01-05T09:01:02', actor: 'bert', role: 'analyst', action: 'view', target: 'costs', detail: '{"filters":{"municipality":["0150"]}}', row_count: 12, outcome: 'ok', ip: null },
      { id: 1, logged_at: '2026-01-05T09:00:00', actor: 'anna', role: 'admin', action: 'login', target: null, detail: null, row_count: null, outcome: 'ok', ip: '10.0.0.1' },
    ]);
    expect(await readAudit(store, users.admin, { action: 'login' })).toHaveLength(1);
    expect(await readAudit(store, users.admin, { from: '2026-01-06' })).toHaveLength(0);
    store.close();
  });

  it('is readable by the region administrator only', async () => {
    const store = await Store.open(':memory:');
    for (const u of allUsers.filter((u) => u.role !== 'admin')) await expect(readAudit(store, u)).rejects.toThrow(AccessError);
    await expect(readAudit(store, users.admin, { from: "2026'; DROP TABLE audit_log" })).rejects.toThrow("'from' is geen datum (jjjj-mm-dd).");
    store.close();
  });

  it('keeps a hash chain that exposes an edited or deleted entry', async () => {
    const store = await Store.open(':memory:');
    await Promise.all([1, 2, 3, 4].map((i) => audit(store, anna, { action: 'view', target: `m${i}`, rowCount: i })));
    expect(await verifyAuditChain(store)).toEqual({ ok: true });
    await store.run("UPDATE audit_log SET row_count = 99 WHERE id = 2"); // an attacker with file access
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 2 });
    await store.run("UPDATE audit_log SET row_count = 2 WHERE id = 2");
    await store.run('DELETE FROM audit_log WHERE id = 3');
    expect(await verifyAuditChain(store)).toEqual({ ok: false, brokenAt: 4 });
    store.close();
  });

  it('has no UPDATE or DELETE path in the code: no source file outside tests changes audit_log rows', () => {
    const src = fileURLToPath(new URL('../', import.meta.url));
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
    walk(src);
    const offenders = files
      .filter((f) => /\.(ts|sql|js)$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => /(UPDATE\s+"?audit_log|DELETE\s+FROM\s+"?audit_log|TRUNCATE\s+"?audit_log|DROP\s+TABLE\s+(IF\s+EXISTS\s+)?"?audit_log|ALTER\s+TABLE\s+"?audit_log)/i.test(readFileSync(f, 'utf8')));
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
      ['cli:roer', 'bom.xlsx', 0, 'geweigerd', '{"kind":"allocations","status":"geweigerd","total":0,"quarantined":0,"note":"te groot"}'],
      ['cli:roer', 'jw301.xml', 11, 'ok', '{"kind":"JW301","status":"ingelezen","total":12,"quarantined":1,"note":null}'],
    ]);
    store.close();
  });
});
