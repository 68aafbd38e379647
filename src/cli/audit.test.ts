// `roer audit verify` and the check at server start: an intact chain, an entry edited with plain SQL (also when the
// editor re-hashed it without the key), a log begun by the unkeyed version, and the Dutch refusals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, readAudit, type AuditRow } from '../access/audit.ts';
import { users, writeUnkeyed } from '../access/testing.ts';
import { loadOrCreateSecret } from '../ingest/pseudonym.ts';
import { secretPath, sql, Store } from '../store/index.ts';
import { checkAuditAtStart } from './audit.ts';
import { roer } from './testing.ts';

afterEach(() => vi.restoreAllMocks());

const anna = { name: 'anna', role: 'admin' as const, ip: '10.0.0.1' };

/** A database file with three views by anna on 6 December 2026, 01:00:00–01:00:02. */
async function threeViews(): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'roer-audit-')), 'r.duckdb');
  const store = await Store.open(db);
  for (const i of [0, 1, 2])
    await audit(store, anna, { action: 'view', target: `m${i + 1}`, rowCount: i }, new Date(Date.UTC(2026, 11, 6, 1, 0, i)));
  store.close();
  return db;
}

const BROKEN_2 =
  'Het auditlog is beschadigd: item 2 (2026-12-06T01:00:01, view m2 door anna) past niet in de keten. ' +
  'Dat item is aangepast, een item ervoor is verwijderd of ingevoegd, of de sleutel (roer.secret) is een andere.\n';

describe('roer audit verify', () => {
  it('says an intact log is in order, with exit code 0', async () => {
    const db = await threeViews();
    expect(await roer('audit', 'verify', '--db', db)).toEqual({
      code: 0,
      err: '',
      out: 'Het auditlog is in orde: 3 items, de keten klopt.\nAlle items zijn geketend met de sleutel uit roer.secret.\n',
    });
  });

  it('names the first entry an UPDATE changed, with exit code 1', async () => {
    const db = await threeViews();
    const store = await Store.open(db);
    await store.run(sql`UPDATE audit_log SET row_count = 40 WHERE id = 2`);
    store.close();
    expect(await roer('audit', 'verify', '--db', db)).toEqual({ code: 1, out: '', err: BROKEN_2 });
  });

  it('still names it when the editor recomputed the SHA-256 hashes of that entry and the next', async () => {
    const db = await threeViews();
    const store = await Store.open(db);
    await store.run(sql`UPDATE audit_log SET target = 'm9' WHERE id = 2`);
    let prev = (await store.one<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE id = 1`))!.hash;
    for (const r of await store.all<AuditRow>(sql`SELECT * FROM audit_log WHERE id >= 2 ORDER BY id`)) {
      const fields = [r.logged_at, r.actor, r.role, r.action, r.target, r.detail, r.row_count, r.outcome, r.ip];
      const hash = createHash('sha256').update(prev).update('\n').update(JSON.stringify(fields)).digest('hex');
      await store.run(sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`);
      prev = hash;
    }
    store.close();
    expect(await roer('audit', 'verify', '--db', db)).toEqual({ code: 1, out: '', err: BROKEN_2.replace('view m2', 'view m9') });
  });

  it('verifies a log begun by the unkeyed version across the marker where the keyed chain starts', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'roer-audit-')), 'r.duckdb');
    const store = await Store.open(db);
    await writeUnkeyed(store, ['login', 'view']);
    store.close();
    loadOrCreateSecret(secretPath(db)); // that version made the key file at its first import
    expect((await roer('audit', 'verify', '--db', db)).out).toBe(
      'Het auditlog is in orde: 2 items, de keten klopt.\n' +
        'Geen item is met de sleutel geketend: alle 2 items komen van een oudere Roer-versie (alleen SHA-256) of zijn ' +
        'helemaal opnieuw berekend. Het volgende item zet de sleutelketen in.\n',
    );
    expect((await roer('user', 'add', 'piet', '--rol', 'lezer', '--db', db)).code).toBe(0);
    expect(await roer('audit', 'verify', '--db', db)).toEqual({
      code: 0,
      err: '',
      out:
        'Het auditlog is in orde: 4 items, de keten klopt.\n' +
        'De sleutelketen begint bij item 3; de 2 oudere items (van vóór de sleutel, alleen SHA-256) zijn daarmee verzegeld.\n',
    });
  });

  it('refuses in Dutch: another action, a missing database, a missing key file', async () => {
    const db = await threeViews();
    expect(await roer('audit', 'check', '--db', db)).toEqual({
      code: 1,
      out: '',
      err: "Fout: Onbekende actie 'check'.\nKies verify; zie 'roer audit --help'.\n",
    });
    const none = join(tmpdir(), 'roer-audit-bestaat-niet', 'r.duckdb');
    expect((await roer('audit', 'verify', '--db', none)).err).toBe(
      `Fout: Er is nog geen database op ${none}.\nStart Roer eerst met 'roer start' of 'roer demo'.\n`,
    );
    rmSync(secretPath(db));
    expect(await roer('audit', 'verify', '--db', db)).toEqual({
      code: 1,
      out: '',
      err: `Fout: Het sleutelbestand ${secretPath(db)} ontbreekt.\nZonder dat bestand is de keten niet na te rekenen; zet het terug uit de back-up.\n`,
    });
  });
});

describe('the check at server start', () => {
  it('warns on stderr and logs the broken entry, then lets the server start', async () => {
    const db = await threeViews();
    const store = await Store.open(db);
    await store.run(sql`UPDATE audit_log SET actor = 'bert' WHERE id = 1`);
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    await checkAuditAtStart(store);
    vi.restoreAllMocks();
    expect(err).toBe(
      '\n*** WAARSCHUWING ***\n' +
        BROKEN_2.replace('item 2 (2026-12-06T01:00:01, view m2 door anna)', 'item 1 (2026-12-06T01:00:00, view m1 door bert)') +
        "Roer start toch. Zoek uit wie bij het databasebestand kon; 'roer audit verify' toont dit opnieuw.\n\n",
    );
    const [last] = await readAudit(store, users.admin);
    expect([last.id, last.actor, last.action, last.target, last.detail]).toEqual([
      4,
      'systeem',
      'chain_broken',
      '1',
      '{"brokenAt":1,"entries":3}',
    ]);
    store.close();
  });

  it('is silent on an intact log', async () => {
    const store = await Store.open(await threeViews());
    const write = vi.spyOn(process.stderr, 'write');
    await checkAuditAtStart(store);
    expect(write).not.toHaveBeenCalled();
    expect(await readAudit(store, users.admin)).toHaveLength(3);
    store.close();
  });
});
