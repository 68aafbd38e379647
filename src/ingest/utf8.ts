// Where bytes stop being UTF-8: the line of the first bad byte, so that a refusal names the line to look at.
import { isUtf8 } from 'node:buffer';

const LF = 10;

/** Byte offset of the first invalid UTF-8 sequence in `buf` (its length when there is none). */
export function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    const n = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
    if (n === 0 || i + n > buf.length || !isUtf8(buf.subarray(i, i + n))) return i;
    i += n;
  }
  return buf.length;
}

/**
 * The line of the first invalid UTF-8 byte in `buf`, whose first byte lies on line `lineAtStart`.
 * @example lineOfInvalidUtf8(Buffer.from('a\nb\n\xe9\n', 'latin1'), 1) // 3
 */
export function lineOfInvalidUtf8(buf: Buffer, lineAtStart: number): number {
  const at = firstInvalidUtf8(buf);
  let line = lineAtStart;
  for (let i = buf.indexOf(LF); i >= 0 && i < at; i = buf.indexOf(LF, i + 1)) line++;
  return line;
}
