// The lean tokenizer gives exactly the saxes reader's handler calls (names, texts, lines, root attributes), or gives up
// (ScanUnsupported) so that saxes reads the file; it never accepts a file saxes refuses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXml, type XmlHandler } from './reader.ts';
import { scanXml, ScanUnsupported } from './scan.ts';
import { BSN, jw323, writeFiles, type Prestatie } from '../../../test/ingest/ijw-messages.ts';
import { IJW_EXAMPLES } from '../../../test/fixtures/index.ts';

type Event = [string, string, number, string | Record<string, string> | undefined];

function recorder(): { events: Event[]; handler: XmlHandler } {
  const events: Event[] = [];
  return {
    events,
    handler: { open: (n, l, a) => void events.push(['open', n, l, a]), close: (n, t, l) => void events.push(['close', n, l, t]) },
  };
}

/** 'same' when both read it alike, 'scan gives up' when only saxes reads it, 'both refuse' when neither does. */
async function compare(body: string | Buffer): Promise<string> {
  const { paths } = writeFiles({ 'x.xml': body });
  const path = paths['x.xml']!;
  const saxes = recorder();
  const scan = recorder();
  const saxesOk = await readXml(path, saxes.handler).then(
    () => true,
    () => false,
  );
  try {
    await scanXml(path, scan.handler);
  } catch (e) {
    if (!(e instanceof ScanUnsupported)) throw e;
    return saxesOk ? 'scan gives up' : 'both refuse';
  }
  expect(saxesOk).toBe(true);
  expect(scan.events).toEqual(saxes.events);
  return 'same';
}

const line: Prestatie = { ref: 'X', no: '1', from: '2026-01-01', to: '2026-01-31', volume: 4, amount: 5000, dc: 'D' };
const small = jw323({ afzender: '12345678', ontvanger: '0384', id: 'F1', date: '2026-02-05' }, [[BSN.a, [line]]]);
// Over 1 MB: constructs straddle the 1 MB chunks.
const large = jw323(
  { afzender: '12345678', ontvanger: '0384', id: 'F1', date: '2026-02-05' },
  Array.from({ length: 3000 }, (_, i) => [BSN.b, [{ ...line, ref: `X&amp;${i}<!-- c${i} -->` }]]),
);

describe('scanXml reads like the saxes reader', () => {
  it('the published examples', async () => {
    for (const f of readdirSync(IJW_EXAMPLES))
      expect([f, await compare(readFileSync(join(IJW_EXAMPLES, f)))]).toEqual([f, 'same']);
  });

  it('comments, instructions, CDATA, references, CR LF, multi-line and empty tags, a BOM, chunk borders', async () => {
    const variants = [
      small.replace('<jw323:Bsn>', '<!-- a > b --><?pi x?><jw323:Bsn>'),
      small.replace('X</ijw:ReferentieNummer>', 'X&lt;&#65;&#x42;&quot;<![CDATA[<c>]]>&apos;&gt;</ijw:ReferentieNummer>'),
      small.replaceAll('\n', '\r\n'),
      small
        .replace('<jw323:Client>', '<jw323:Client\n   a="1 > 0"\n   b=\'&amp;\'\n>')
        .replace('<jw323:Prestaties>', '<jw323:Leeg/><jw323:Leeg2 /><jw323:Prestaties>'),
      small.replace('</jw323:Bsn>', '</jw323:Bsn\n>'),
      `\uFEFF${small}`,
      `${small.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>')}<!-- na -->\n`,
      large,
      large.replaceAll('\n', '\r\n'),
    ];
    for (const [i, v] of variants.entries()) expect([i, await compare(v)]).toEqual([i, 'same']);
  });

  it('gives up on what is hostile, broken or unusual', async () => {
    const cases = [
      small.replace('?>', '?>\n<!DOCTYPE a [<!ENTITY b "c">]>'),
      small.replace('X</ijw', '&b;</ijw'),
      small.replace('X</ijw', 'a & b</ijw'),
      small.replace('</jw323:Bsn>', '</jw323:BSN>'),
      small.slice(0, small.length - 40),
      `${small}<tweede/>`,
      small.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      Buffer.concat([Buffer.from(small.slice(0, 400)), Buffer.from([0xc3, 0x28]), Buffer.from(small.slice(400))]),
      small.replaceAll('\n', '\r'),
      small.replace('<jw323:Bsn>', '<!-- a -- b --><jw323:Bsn>'),
      small.replace('<jw323:Client>', '<jw323:Client a="1" a="2">'),
      small.replace('<jw323:Client>', '<jw323:Client a="<">'),
      small.replace('X</ijw', 'x]]>y</ijw'),
    ];
    for (const [i, c] of cases.entries())
      expect([i, await compare(c)]).toEqual([i, expect.stringMatching(/^(both refuse|scan gives up)$/)]);
  });
});

describe('scanXml keeps memory bounded', () => {
  it('gives up on a comment or tag that runs on for megabytes', async () => {
    const long = small.replace('<jw323:Bsn>', `<!-- ${'x'.repeat(3 * 1024 * 1024)} --><jw323:Bsn>`);
    const { paths } = writeFiles({ 'x.xml': long });
    await expect(scanXml(paths['x.xml']!, recorder().handler)).rejects.toBeInstanceOf(ScanUnsupported);
    expect(await compare(long)).toBe('scan gives up');
  });
});
