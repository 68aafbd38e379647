import { describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { logImport, wasImported, writeQuarantine } from './importlog.ts';

describe('import log', () => {
  it('remembers imported files by digest', async () => {
    const store = await Store.open(':memory:');
    expect(await wasImported(store, 'abc')).toBe(false);
    await logImport(store, {
      fileId: 'abc',
      fileName: 'a.csv',
      kind: 'allocations',
      total: 3,
      ok: 2,
      quarantined: 1,
      status: 'ingelezen',
    });
    expect(await wasImported(store, 'abc')).toBe(true);
    store.close();
  });

  it('replaces the open complaints of a file that is offered again', async () => {
    const store = await Store.open(':memory:');
    await writeQuarantine(store, 'f1', 'a.csv', [{ file: 'a.csv', record: 3, field: 'Bedrag', reason: 'geen geldig bedrag' }]);
    await writeQuarantine(store, 'f2', 'a.csv', [{ file: 'a.csv', record: 4, field: null, reason: 'te weinig kolommen' }]);
    const open = await store.all(sql`SELECT file_id, record_no, field, reason FROM quarantine WHERE NOT resolved`);
    expect(open).toEqual([{ file_id: 'f2', record_no: 4, field: null, reason: 'te weinig kolommen' }]);
    store.close();
  });
});
