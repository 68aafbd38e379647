// Unpacking a zip of iJw messages: only .xml entries, each inflated to no more than it declared; anything else refused.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFile } from '../../test/ingest/tabular/harness.ts';
import { zipOf } from '../../test/ingest/zip.ts';
import { unzipMessages } from './unzip.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'roer-unzip-'));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error) => e.message,
  );

describe('unzipMessages', () => {
  it('writes the XML entries (stored and deflated) flat into the folder, skipping folders and archiver metadata', async () => {
    const zip = tempFile(
      'berichten.zip',
      zipOf([
        { name: 'jan/', data: '' },
        { name: 'jan/JW301.xml', data: '<a/>' },
        { name: 'JW323.xml', data: `<b>${'x'.repeat(1000)}</b>`, deflate: true },
        { name: '__MACOSX/._JW301.xml', data: 'meta' },
      ]),
    );
    const out = dir();
    const paths = await unzipMessages(zip, 'berichten.zip', out);
    expect(paths.map((p) => basename(p))).toEqual(['JW301.xml', 'JW323.xml']);
    expect(readFileSync(join(out, 'JW323.xml'), 'utf8')).toBe(`<b>${'x'.repeat(1000)}</b>`);
  });

  it('refuses other files, twin names, an entry larger than declared, and a file that is no zip', async () => {
    const zip = (files: Parameters<typeof zipOf>[0]) => tempFile('b.zip', zipOf(files));
    expect(await refusal(unzipMessages(zip([{ name: 'a.csv', data: 'x' }]), 'b.zip', dir()))).toBe(
      "b.zip: het zip-bestand bevat 'a.csv'; een zip mag alleen iJw-berichten (.xml) bevatten.",
    );
    const twins = zip([
      { name: 'a/JW301.xml', data: '<a/>' },
      { name: 'b/JW301.xml', data: '<b/>' },
    ]);
    expect(await refusal(unzipMessages(twins, 'b.zip', dir()))).toBe(
      "b.zip: het zip-bestand bevat twee berichten met de naam 'JW301.xml'.",
    );
    const lying = zip([{ name: 'a.xml', data: 'x'.repeat(5000), deflate: true, claim: 100 }]);
    expect(await refusal(unzipMessages(lying, 'b.zip', dir()))).toBe(
      'b.zip: het zip-bestand is beschadigd en kan niet worden uitgepakt.',
    );
    expect(await refusal(unzipMessages(tempFile('c.zip', 'geen zip'), 'c.zip', dir()))).toBe(
      'c.zip: dit is geen geldig zip-bestand.',
    );
    expect(await refusal(unzipMessages(zip([{ name: 'leeg/', data: '' }]), 'b.zip', dir()))).toBe(
      'b.zip: het zip-bestand bevat geen iJw-berichten (.xml).',
    );
  });
});
