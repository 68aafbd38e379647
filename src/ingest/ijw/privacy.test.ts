// Privacy at the door: after importing all example messages into a database FILE, neither its bytes nor any stored
// value contains a BSN, name, street, place, phone number, e-mail address or comment from those messages.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ident, sql, Store } from '../../store/index.ts';
import { importPaths } from '../importer.ts';
import { SECRET } from '../../../test/ingest/harness.ts';
import { IJW_EXAMPLES } from '../../../test/fixtures/index.ts';

const PERSONAL =
  /<[\w]+:(Bsn|Achternaam|Voornamen|Straatnaam|Plaatsnaam|Postcode|Telefoonnummer|Emailadres|Commentaar|Naam|Organisatie)>([^<]+)</g;

function personalValues(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(IJW_EXAMPLES)) {
    for (const m of readFileSync(join(IJW_EXAMPLES, f), 'utf8').matchAll(PERSONAL))
      if (m[2]!.trim() !== '') out.add(m[2]!.trim());
  }
  return [...out].sort();
}

describe('privacy at the door', () => {
  it('finds the personal data in the examples it checks for', () => {
    expect(personalValues()).toEqual(
      expect.arrayContaining([
        '999900006',
        '999900018',
        'Wit',
        'Van Woustraat',
        '0201234567',
        'abc@def.com',
        'Commentaar client',
        'huisarts',
      ]),
    );
  });

  it('stores no BSN, name, address, phone, e-mail or comment from the example messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-privacy-'));
    const db = join(dir, 'roer.duckdb');
    const store = await Store.open(db);
    const reports = await importPaths(store, [IJW_EXAMPLES], { secret: SECRET });
    expect(reports).toHaveLength(14);
    const values = personalValues();
    // Every stored text value, from every table (exact to the SQL layer, whatever the file's compression does).
    const tables = await store.all<{ t: string }>(
      sql`SELECT table_name AS t FROM duckdb_tables() WHERE database_name = 'roer' AND NOT temporary`,
    );
    let text = '';
    for (const { t } of tables) text += JSON.stringify(await store.all(sql`SELECT * FROM ${ident(t)}`));
    for (const v of values) expect(text.includes(v), v).toBe(false);
    await store.run(sql`CHECKPOINT`);
    store.close();
    // The raw bytes of the database file and any write-ahead log.
    const bytes = Buffer.concat([db, `${db}.wal`].filter(existsSync).map((p) => readFileSync(p)));
    expect(bytes.length).toBeGreaterThan(0);
    for (const v of values.filter((v) => v.length >= 5)) expect(bytes.includes(Buffer.from(v, 'utf8')), v).toBe(false);
  });
});
