// The native xmllint (libxml2-utils) and the wasm fall-back report exactly the same errors — lines, elements, Dutch
// reasons, broken files — for small files in one batch (tree mode) and for a large file streamed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemaValidator, type FileValidation } from './validate.ts';
import { xsdDir } from '../../reference.ts';
import { nativeXmllint } from './xmllint-native.ts';
import { BSN, jw301, jw323, writeFiles, type Prestatie } from '../../../test/ingest/ijw-messages.ts';
import { IJW_EXAMPLES } from '../../../test/fixtures/index.ts';

const native = nativeXmllint();
const alloc = jw301({ afzender: '0384', ontvanger: '12345678', id: 'T1', date: '2026-01-05' }, BSN.a, [
  { no: '1', cat: '45', code: '45A03', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', omvang: [2, '04', '2'] },
]);
const line: Prestatie = { ref: 'X', no: '1', from: '2026-01-01', to: '2026-01-31', volume: 4, amount: 5000, dc: 'D' };

/** Small files with one kind of fault each, beside the published examples (JW315 and JW318 hold schema faults). */
const small: Record<string, string> = {
  ...Object.fromEntries(readdirSync(IJW_EXAMPLES).map((f) => [f, readFileSync(join(IJW_EXAMPLES, f), 'utf8')])),
  'code.xml': alloc.replace('<ijw:Eenheid>04</ijw:Eenheid>', '<ijw:Eenheid>99</ijw:Eenheid>'),
  'datum.xml': alloc.replace('<ijw:Dagtekening>2026-01-05</ijw:Dagtekening>', '<ijw:Dagtekening>2026-02-30</ijw:Dagtekening>'),
  'bsn.xml': alloc.replace(BSN.a, '12345'),
  'ontbreekt.xml': alloc.replace(/<jw301:Geslacht>[^<]*<\/jw301:Geslacht>/, ''),
  'extra.xml': alloc.replace('</jw301:Bsn>', '</jw301:Bsn><jw301:Onbekend>1</jw301:Onbekend>'),
  'tekst.xml': alloc.replace('<jw301:Client>', '<jw301:Client>los'),
  'lang.xml': alloc.replace('<jw301:Afzender>0384</jw301:Afzender>', '<jw301:Afzender>03840384038403840384</jw301:Afzender>'),
  'attribuut.xml': alloc.replace('<jw301:Client>', '<jw301:Client soort="x">'),
  'wortel.xml': alloc.replaceAll('jw301/schema', 'jw399/schema'),
  'kapot.xml': alloc.replace('</jw301:Geslacht>', '</jw301:Geslacht2>'),
  'half.xml': alloc.slice(0, 900),
};

/** A declaration over 1 MB (validated alone, streamed) with faults in the header, early, and after line 65,535. */
const clients: [string, Prestatie[]][] = Array.from({ length: 6000 }, (_, i) => [
  [BSN.a, BSN.b, BSN.c][i % 3]!,
  [{ ...line, ref: `X${i}` }],
]);
const large = jw323({ afzender: '12345678', ontvanger: '0384', id: 'F1', date: '2026-02-05' }, clients)
  .replace('<ijw:Dagtekening>2026-02-05</ijw:Dagtekening>', '<ijw:Dagtekening>5 februari</ijw:Dagtekening>')
  .replace(
    '<ijw:ReferentieNummer>X0</ijw:ReferentieNummer>',
    '<ijw:ReferentieNummer>X0</ijw:ReferentieNummer><ijw:Onbekend>1</ijw:Onbekend>',
  )
  .replace(/(X5900<\/ijw:ReferentieNummer>[^]*?)<jw323:Eenheid>04/, '$1<jw323:Eenheid>99');

async function validateAll(files: Record<string, string>, engine: string | null): Promise<Record<string, FileValidation>> {
  const { paths } = writeFiles(files);
  const list = Object.values(paths).map((path) => ({ path, size: statSync(path).size }));
  const results = new SchemaValidator(xsdDir(), undefined, engine).validate(list);
  return Object.fromEntries(
    await Promise.all(Object.entries(paths).map(async ([name, p]) => [name, await results.get(p)!] as const)),
  );
}

describe.skipIf(!native)('native xmllint and xmllint-wasm', () => {
  it('report the same errors for a batch of small files', async () => {
    const wasm = await validateAll(small, null);
    expect(wasm['code.xml']!.errors).toEqual([{ line: 30, field: 'Eenheid', reason: "'99' is geen code uit de codelijst" }]);
    expect(wasm['kapot.xml']!.failed).toBe('de XML is niet goed gevormd');
    expect(Object.values(wasm).filter((v) => v.errors.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(await validateAll(small, native)).toEqual(wasm);
  });

  it('report the same errors, on the same lines past 65,535, for a large file', async () => {
    const wasm = await validateAll({ 'groot.xml': large }, null);
    expect(wasm['groot.xml']!.errors.map((e) => e.field)).toEqual(['Dagtekening', 'Onbekend', 'Eenheid']);
    expect(wasm['groot.xml']!.errors[2]!.line).toBeGreaterThan(65_535);
    expect(await validateAll({ 'groot.xml': large }, native)).toEqual(wasm);
  });

  it('both refuse a large file that is broken', async () => {
    const broken = { 'groot.xml': large.slice(0, large.length - 5000) };
    expect((await validateAll(broken, native))['groot.xml']!.failed).toBe('de XML is niet goed gevormd');
    expect((await validateAll(broken, null))['groot.xml']!.failed).toBe('de XML is niet goed gevormd');
  });
});

describe.skipIf(!native)('native xmllint', () => {
  it('never counts a file it could not read as valid', async () => {
    const { paths } = writeFiles({ 'weg.xml': small['code.xml']! });
    const { rmSync } = await import('node:fs');
    const path = paths['weg.xml']!;
    const results = new SchemaValidator(xsdDir(), undefined, native).validate([{ path, size: 100 }]);
    rmSync(path);
    expect((await results.get(path))!.failed).toBe('xmllint kon het bestand niet lezen');
  });
});
