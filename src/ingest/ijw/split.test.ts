// With xmllint-wasm a large declaration message is validated in parts split at its clients: the errors (lines mapped
// back to the file) must be exactly those of validating the whole file, streamed (the native xmllint always streams).
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaValidator } from './validate.ts';
import { splitAtClients } from './split.ts';
import { xsdDir } from '../../reference.ts';
import { BSN, jw323, writeFiles, type Prestatie } from '../../../test/ingest/ijw-messages.ts';

const line: Prestatie = { ref: 'X', no: '1', from: '2026-01-01', to: '2026-01-31', volume: 4, amount: 5000, dc: 'D' };
const clients: [string, Prestatie[]][] = Array.from({ length: 1500 }, (_, i) => [
  [BSN.a, BSN.b, BSN.c][i % 3]!,
  [{ ...line, ref: `X${i}` }],
]);
// Errors in the header, in the first and in a late client.
const big = jw323({ afzender: '12345678', ontvanger: '0384', id: 'F1', date: '2026-02-05' }, clients)
  .replace('<ijw:Dagtekening>2026-02-05</ijw:Dagtekening>', '<ijw:Dagtekening>5 februari</ijw:Dagtekening>')
  .replace(
    '<ijw:ReferentieNummer>X0</ijw:ReferentieNummer>',
    '<ijw:ReferentieNummer>X0</ijw:ReferentieNummer><ijw:Onbekend>1</ijw:Onbekend>',
  )
  .replace(/(X1400<\/ijw:ReferentieNummer>[^]*?)<jw323:Eenheid>04/, '$1<jw323:Eenheid>99');

describe('validating a large message in parts', () => {
  it('finds exactly the errors, on exactly the lines, of validating it whole', async () => {
    const { paths } = writeFiles({ 'groot.xml': big });
    const path = paths['groot.xml']!;
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(1024 ** 2);
    expect(splitAtClients(Buffer.from(big), 200_000)!.length).toBe(Math.ceil(size / 200_000));
    const inParts = await new SchemaValidator(xsdDir(), 200_000, null).validate([{ path, size }]).get(path)!;
    const whole = await new SchemaValidator(xsdDir(), Infinity, null).validate([{ path, size }]).get(path)!;
    expect(whole.errors.map((e) => e.field)).toEqual(['Dagtekening', 'Onbekend', 'Eenheid']);
    expect(inParts).toEqual(whole);
  });

  it('does not split other messages', () => {
    expect(splitAtClients(Buffer.from(big.replaceAll('jw323/schema', 'jw301/schema')), 1000)).toBeNull();
  });
});
