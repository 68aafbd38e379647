// XSD validation in batches: one worker call for files of several kinds, results per file, broken files singled out.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaValidator } from './validate.ts';
import { xsdDir } from '../../reference.ts';
import { nativeXmllint } from './xmllint-native.ts';
import { BSN, jw301, jw323, writeFiles } from '../../../test/ingest/ijw-messages.ts';

const alloc = jw301({ afzender: '0384', ontvanger: '12345678', id: 'T1', date: '2026-01-05' }, BSN.a, [
  { no: '1', cat: '45', code: '45A03', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', omvang: [2, '04', '2'] },
]);
const invoice = jw323({ afzender: '12345678', ontvanger: '0384', id: 'F1', date: '2026-02-05' }, [
  [BSN.a, [{ ref: 'X1', no: '1', from: '2026-01-01', to: '2026-01-31', volume: 4, amount: 5000, dc: 'D' }]],
]);

const ENGINES = [
  { name: 'xmllint-wasm', binary: null },
  ...(nativeXmllint() ? [{ name: 'native xmllint', binary: nativeXmllint() }] : []),
];

describe.each(ENGINES)('SchemaValidator with $name', ({ binary }) => {
  it('validates a mixed batch and reports per file', async () => {
    const { paths } = writeFiles({
      'ok301.xml': alloc,
      'ok323.xml': invoice,
      'bad.xml': alloc.replace('<ijw:Eenheid>04</ijw:Eenheid>', '<ijw:Eenheid>99</ijw:Eenheid>'),
      'half.xml': alloc.slice(0, 900),
    });
    const files = Object.values(paths).map((path) => ({ path, size: statSync(path).size }));
    const results = new SchemaValidator(xsdDir(), undefined, binary).validate(files);
    expect(await results.get(paths['ok301.xml']!)).toEqual({ errors: [] });
    expect(await results.get(paths['ok323.xml']!)).toEqual({ errors: [] });
    expect(await results.get(paths['bad.xml']!)).toEqual({
      errors: [{ line: 30, field: 'Eenheid', reason: "'99' is geen code uit de codelijst" }],
    });
    expect((await results.get(paths['half.xml']!))!.failed).toBe('de XML is niet goed gevormd');
  });
});

describe('SchemaValidator when validating fails outright', () => {
  it('resolves every file, small or large, with the same kind of Dutch failure instead of rejecting', async () => {
    const { paths } = writeFiles({ 'klein.xml': alloc });
    const small = { path: paths['klein.xml']!, size: statSync(paths['klein.xml']!).size };
    const large = { path: `${paths['klein.xml']!}.weg`, size: 2 * 1024 ** 2 };
    // No xmllint binary: it cannot start, for the small batch as for the large file streamed alone.
    const missing = new SchemaValidator(xsdDir(), undefined, '/bestaat/niet/xmllint').validate([small, large]);
    for (const f of [small, large]) {
      expect(await missing.get(f.path)).toEqual({
        errors: [],
        failed: 'de controle liep vast (spawn /bestaat/niet/xmllint ENOENT)',
      });
    }
    // The wasm build: a large file that vanished before it was read.
    const gone = await new SchemaValidator(xsdDir(), undefined, null).validate([large]).get(large.path)!;
    expect(gone.failed).toMatch(/^de controle liep vast \(ENOENT: no such file or directory/);
  });
});
