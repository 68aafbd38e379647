// The quick scan's promise that no cell needs trimming: a space beside a delimiter or a line break anywhere, also
// across the 1 MB chunks it reads, makes the file "padded".
import { describe, expect, it } from 'vitest';
import { tempFile } from '../../../test/ingest/tabular/harness.ts';
import { quickScanCsv } from './scan.ts';

const scan = (text: string) => quickScanCsv(tempFile('x.csv', text), 'x.csv', ';');

describe('quickScanCsv', () => {
  it('counts records and finds no padding in a plain file; spaces inside a cell do not count', async () => {
    expect(await scan('A;B\n1;€ 2,00\n3;4\n')).toEqual({ records: 2, regular: true, padded: false });
  });

  it('finds a space before or after a delimiter, at a line start or end, and at the end of the file', async () => {
    for (const text of [
      'A;B\n1 ;2\n',
      'A;B\n1; 2\n',
      'A;B\n 1;2\n',
      'A;B\n1;2 \n',
      'A;B\r\n1;2 \r\n',
      'A;B\n1;2 ',
      ' A;B\n1;2\n',
    ]) {
      expect((await scan(text)).padded, JSON.stringify(text)).toBe(true);
    }
  });

  it('finds a padded cell whose space and delimiter fall on both sides of a chunk boundary', async () => {
    const filler = `A;B\n${'1;2\n'.repeat((1 << 20) / 4)}`;
    const head = filler.slice(0, (1 << 20) - 1);
    expect((await scan(`${head} ;x\n`)).padded).toBe(true); // the space is the chunk's last byte, ';' the next one's first
    expect((await scan(`${head}y;x\n`)).padded).toBe(false);
  });
});
