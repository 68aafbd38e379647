// Single-byte encodings (windows-1252, latin1) are transcoded to a temporary UTF-8 file, so DuckDB and the scan see UTF-8.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Encoding } from './types.ts';

export interface Utf8File {
  path: string;
  /** Removes the temporary copy, if one was made. */
  dispose(): Promise<void>;
}

/**
 * Returns a UTF-8 version of `path`: the file itself for utf-8, else a transcoded temporary copy.
 * latin1 is true ISO-8859-1 (bytes 0x80–0x9F are control characters); windows-1252 maps 0x80 to '€'.
 */
export async function asUtf8(path: string, encoding: Encoding): Promise<Utf8File> {
  if (encoding === 'utf-8') return { path, dispose: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'roer-csv-'));
  const out = join(dir, 'utf8.csv');
  const decoder = encoding === 'windows-1252' ? new TextDecoder('windows-1252') : null;
  await pipeline(
    createReadStream(path),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) yield decoder ? decoder.decode(chunk, { stream: true }) : chunk.toString('latin1');
    },
    createWriteStream(out),
  );
  return { path: out, dispose: () => rm(dir, { recursive: true, force: true }) };
}
