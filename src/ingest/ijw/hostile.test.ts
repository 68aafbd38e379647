// Hostile input is refused as a whole with a clear Dutch reason, logged as 'geweigerd', and leaves no data behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, Store } from '../../store/index.ts';
import { BSN, jw301 } from '../../../test/ingest/ijw-messages.ts';
import { load, snapshot } from '../../../test/ingest/harness.ts';

const valid = jw301({ afzender: '0384', ontvanger: '12345678', id: 'T1', date: '2026-01-05' }, BSN.a, [
  { no: '1', cat: '45', code: '45A03', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', omvang: [2, '04', '2'] },
]);
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const withProlog = (prolog: string) => valid.replace(DECL, `${DECL}\n${prolog}`);

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
});
afterEach(() => store.close());

async function refusedWith(name: string, body: string | Buffer, maxFileBytes?: number): Promise<string> {
  const before = await snapshot(store);
  const [r] = await load(store, { [name]: body }, maxFileBytes);
  expect(r!.status).toBe('geweigerd');
  expect(r!.ok).toBe(0);
  const after = await snapshot(store);
  // Only the log entry of the refusal is new.
  expect({ ...after, import_file: before.import_file }).toEqual(before);
  expect(await store.all(sql`SELECT status, records_ok FROM import_file WHERE file_name = ${name}`)).toEqual([
    { status: 'geweigerd', records_ok: 0 },
  ]);
  return r!.note!;
}

describe('hostile or broken files are refused', () => {
  it('refuses an external entity (XXE)', async () => {
    const xxe = withProlog('<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(
      '<jw301:Commentaar>Vertrouwelijke toelichting',
      '<jw301:Commentaar>&xxe;',
    );
    expect(await refusedWith('xxe.xml', xxe)).toMatch(
      /^Het bestand bevat een DOCTYPE-declaratie \(mogelijk externe entiteiten of een entiteitenbom\) en is geweigerd\./,
    );
  });

  it('refuses an entity-expansion bomb', async () => {
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ].join('');
    const bomb = withProlog(`<!DOCTYPE lolz [${lol}]>`).replace('Vertrouwelijke toelichting', '&lol9;');
    expect(await refusedWith('bom.xml', bomb)).toMatch(/DOCTYPE-declaratie/);
  });

  it('refuses a root element hidden behind a long prolog', async () => {
    const late = withProlog(`<!--${'x'.repeat(70_000)}-->\n<!DOCTYPE a [<!ENTITY b "c">]>`);
    expect(await refusedWith('laat.xml', late)).toBe('Het bestand is geen iJw-bericht: er is geen hoofdelement gevonden.');
  });

  it('the streaming reader refuses a DOCTYPE by itself too (defence in depth)', async () => {
    const { writeFiles } = await import('../../../test/ingest/ijw-messages.ts');
    const { paths } = writeFiles({ 'x.xml': withProlog('<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>') });
    const { readXml } = await import('./reader.ts');
    await expect(readXml(paths['x.xml']!, { open: () => undefined, close: () => undefined })).rejects.toThrow(
      /DOCTYPE-declaratie/,
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(await refusedWith('groot.xml', valid, 1000)).toMatch(/^Het bestand is te groot \(\d+,\d kB; de grens is 1,0 kB\)\./);
  });

  it('refuses a declared encoding other than UTF-8', async () => {
    const latin = Buffer.from(valid.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(await refusedWith('latin.xml', latin)).toBe('Het bestand heeft tekenset ISO-8859-1; een iJw-bericht moet UTF-8 zijn.');
  });

  it('refuses bytes that are not valid UTF-8, naming the line of the first bad byte', async () => {
    // Commentaar, on line 31, written in Latin-1.
    const bad = Buffer.from(valid.replace('Vertrouwelijke toelichting', 'Caf\u00e9'), 'latin1');
    expect(await refusedWith('bytes.xml', bad)).toBe(
      'Het bestand bevat op regel 31 bytes die geen geldige UTF-8 zijn; een iJw-bericht moet UTF-8 zijn.',
    );
  });

  it('names that line in a large file too, also after a character split over two chunks of 1 MB', async () => {
    const { CHUNK } = await import('./reader.ts');
    // A comment on lines 3–4, after the root's start tag, whose 'é' (2 bytes) straddles the first chunk's end:
    // Commentaar moves to line 33.
    const head = `${valid.slice(0, valid.indexOf('\n', DECL.length + 1))}\n<!--`;
    const text = `${head + 'x'.repeat(CHUNK - 1 - Buffer.byteLength(head))}\u00e9\n-->${valid.slice(head.length - 5)}`;
    expect(Buffer.from(text).subarray(CHUNK - 1, CHUNK + 1)).toEqual(Buffer.from('\u00e9'));
    const bad = Buffer.from(text.replace('Vertrouwelijke toelichting', '\u0000'));
    bad[bad.indexOf(0)] = 0xe9;
    expect(await refusedWith('groot.xml', bad)).toBe(
      'Het bestand bevat op regel 33 bytes die geen geldige UTF-8 zijn; een iJw-bericht moet UTF-8 zijn.',
    );
  });

  it('refuses UTF-16', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    expect(await refusedWith('utf16.xml', utf16)).toBe('Het bestand is UTF-16 gecodeerd; een iJw-bericht moet UTF-8 zijn.');
  });

  it('refuses a truncated file', async () => {
    expect(await refusedWith('half.xml', valid.slice(0, Math.floor(valid.length * 0.7)))).toMatch(
      /^Het bestand is geen geldige XML \(regel \d+\): niet afgesloten element/,
    );
  });

  it('refuses XML that is not well-formed', async () => {
    expect(await refusedWith('kapot.xml', valid.replace('</jw301:Geslacht>', '</jw301:Geslacht2>'))).toMatch(
      /^Het bestand is geen geldige XML \(regel \d+\)/,
    );
  });

  it('refuses XML that is not an iJw message, and a file of an unknown type', async () => {
    expect(await refusedWith('ander.xml', `${DECL}<factuur xmlns="urn:iets"><regel/></factuur>`)).toBe(
      'Het bestand is geen iJw 3.2-bericht (hoofdelement factuur, namespace urn:iets).',
    );
    expect(await refusedWith('notities.pdf', '%PDF-1.4')).toMatch(/^Onbekend bestandstype '.pdf'/);
  });
});
