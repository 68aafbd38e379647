// Splits a large declaration message (JW323, JW325) at its Client elements into parts that each validate alone against
// the XSD: the same header and closing tags around a run of whole clients. The schema has no constraint across clients
// (no xs:unique/xs:key, Client unbounded), so the parts' errors, lines mapped back, are the file's errors. A split in
// the wrong place (e.g. inside a comment) makes a part malformed: the caller then validates the file whole.

/** One part: its bytes and how to map its line numbers back to the file's. */
export interface Part {
  contents: Buffer;
  /** The file's line number for line `line` of this part. */
  fileLine(line: number): number;
  /** True when the part's line lies in the header or the closing tags (shared by all parts). */
  shared(line: number): boolean;
}

const SPLITTABLE = /xmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/jw32[35]\/schema["']/;

/** Splits `buf` into parts of about `partBytes`; null when it is not a splittable message or has fewer than two parts. */
export function splitAtClients(buf: Buffer, partBytes: number): Part[] | null {
  // latin1 keeps one character per byte, so string offsets are byte offsets; '\n' never occurs inside a UTF-8 sequence.
  const s = buf.toString('latin1');
  if (!SPLITTABLE.test(s.slice(0, 4096))) return null;
  const clientLine = /\n([ \t]*)<(?:[\w.-]+:)?Client[\s>]/g;
  const first = clientLine.exec(s);
  const close = s.lastIndexOf('Clienten>');
  const tailStart = close < 0 ? -1 : s.lastIndexOf('\n', close) + 1;
  if (!first || tailStart <= first.index || !/^[ \t]*<\/(?:[\w.-]+:)?$/.test(s.slice(tailStart, close))) return null;
  const starts = [first.index + 1];
  for (let target = starts[0]! + partBytes; target < tailStart; target = starts[starts.length - 1]! + partBytes) {
    clientLine.lastIndex = target - 1;
    const m = clientLine.exec(s);
    if (!m || m.index + 1 >= tailStart) break;
    starts.push(m.index + 1);
  }
  if (starts.length < 2) return null;
  const lines = lineCounter(s);
  const head = buf.subarray(0, starts[0]);
  const tail = buf.subarray(tailStart);
  const headLines = lines(starts[0]!); // the header takes lines 1..headLines
  const tailFirst = lines(tailStart) + 1;
  return starts.map((from, k) => {
    const to = starts[k + 1] ?? tailStart;
    return part(
      Buffer.concat([head, buf.subarray(from, to), tail]),
      headLines,
      lines(from) + 1,
      lines(to) - lines(from),
      tailFirst,
    );
  });
}

/** A part whose line map holds only numbers (not the file's text). */
function part(contents: Buffer, headLines: number, bodyFirst: number, bodyLines: number, tailFirst: number): Part {
  return {
    contents,
    fileLine: (l) =>
      l <= headLines ? l : l <= headLines + bodyLines ? l - headLines - 1 + bodyFirst : l - headLines - bodyLines - 1 + tailFirst,
    shared: (l) => l <= headLines || l > headLines + bodyLines,
  };
}

/** Number of '\n' before each of a rising series of offsets, counted once through the text. */
function lineCounter(s: string): (offset: number) => number {
  let at = 0;
  let n = 0;
  const memo = new Map<number, number>();
  return (offset) => {
    const known = memo.get(offset);
    if (known !== undefined) return known;
    if (offset < at) {
      at = 0;
      n = 0;
    }
    for (let i = s.indexOf('\n', at); i >= 0 && i < offset; i = s.indexOf('\n', i + 1)) n++;
    at = offset;
    memo.set(offset, n);
    return n;
  };
}
