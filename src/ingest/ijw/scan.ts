// A lean XML tokenizer for large iJw messages: the same handler calls as reader.ts's saxes reader (local names, the text
// directly inside, line numbers) at a fraction of its cost, working on the bytes. It only accepts what it is sure of;
// anything unusual (DOCTYPE, bad UTF-8, an odd tag, a lone CR, an unknown entity, a huge text) throws ScanUnsupported and
// the caller reads the file with saxes instead, which gives the exact refusal or the exact events.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { checkSize, CHUNK, DEFAULT_MAX_BYTES, MAX_TEXT, type XmlHandler } from './reader.ts';

/** The file needs the full parser (saxes): it may be broken, hostile, or merely unusual. */
export class ScanUnsupported extends Error {}

// MAX_TEXT: the saxes reader refuses a text over that many characters; counted here in bytes (never fewer than characters).
const MAX_NAMES = 10_000;
const ATTR = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const EMPTY = Buffer.alloc(0);

/** An element name: its bytes, qualified and local text, and the next name with the same hash. */
interface Name {
  bytes: Buffer;
  local: string;
  next: Name | undefined;
}

/**
 * Reads the UTF-8 file at `path` and calls `handler` per element, exactly as readXml would for a well-formed file
 * (refusing an oversized file the same way).
 * @example await scanXml('JW323.xml', walk.handler) // throws ScanUnsupported → readXml('JW323.xml', fresh handler)
 */
export async function scanXml(path: string, handler: XmlHandler, maxBytes = DEFAULT_MAX_BYTES): Promise<void> {
  await checkSize(path, maxBytes);
  const scanner = new Scanner(handler);
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) scanner.feed(chunk as Buffer, false);
  scanner.feed(EMPTY, true);
}

class Scanner {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** Bytes of `buf` before this offset are known to be valid UTF-8. */
  private checked = 0;
  /** Line number at offset `lineAt` of `buf`. */
  private line = 1;
  private lineAt = 0;
  /** The open elements. */
  private readonly stack: Name[] = [];
  // An iJw message uses a few dozen element names: each is decoded once and then found by a hash of its bytes.
  private readonly names = new Map<number, Name>();
  // The text since the last tag: one piece is kept as offsets (most are white space that the next tag drops), more
  // pieces (around a comment, or across chunks) are joined in `joined`.
  private textFrom = 0;
  private textTo = 0;
  private joined: string | null = null;
  private textLength = 0;
  private rootDone = false;
  private started = false;
  private readonly indents: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  /** Takes the next chunk (bytes left from the last one kept in front) and handles every complete construct. */
  feed(chunk: Buffer, final: boolean): void {
    if (this.buf.length > 0 || chunk.length > 0) {
      this.lineOf(this.pos);
      if (this.textFrom !== this.textTo) {
        this.joined = this.decode(this.textFrom, this.textTo);
        this.textFrom = this.textTo = 0;
      }
      const rest = this.buf.subarray(this.pos);
      this.checked -= this.pos;
      this.buf = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      this.pos = 0;
      this.lineAt = 0;
    }
    const b = this.buf;
    const end = final ? b.length : completeUtf8(b);
    if (!isUtf8(b.subarray(this.checked, end))) throw new ScanUnsupported('not UTF-8');
    // Lines are counted at LF; a lone CR (also one that ends a chunk) would count as a line of its own.
    for (let i = b.indexOf(13, this.checked); i >= 0 && i < end; i = b.indexOf(13, i + 1))
      if (b[i + 1] !== 10) throw new ScanUnsupported('lone CR');
    this.checked = end;
    if (!this.started) {
      if (b.length < 3 && !final) return;
      this.started = true;
      // A byte order mark is not part of the text (as with TextDecoder).
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.pos = this.lineAt = 3;
      this.declaration(b, final);
    }
    this.run(b, final);
    // Memory stays bounded: a text, tag or comment that runs on for megabytes is left to saxes (which streams it).
    if (b.length - this.pos > MAX_TEXT + CHUNK) throw new ScanUnsupported('construct too long');
    if (final && (this.stack.length > 0 || !this.rootDone || this.pos < b.length))
      throw new ScanUnsupported('unfinished document');
  }

  private run(b: Buffer, final: boolean): void {
    const len = b.length;
    for (;;) {
      let lt = this.pos;
      while (lt < len && b[lt] !== 60) lt++;
      // A text that runs to the end of the chunk is read with the next one (it may end inside a character).
      if (lt >= len && !final) {
        if (len - this.pos > MAX_TEXT) throw new ScanUnsupported('text too long');
        return;
      }
      if (lt > this.pos) this.addText(b, this.pos, lt);
      this.pos = lt;
      if (lt >= len) return;
      if (lt + 1 >= len) {
        if (final) throw new ScanUnsupported('unfinished tag');
        return;
      }
      const c = b[lt + 1]!;
      let next: number;
      if (c === 47 /* / */) next = this.endTag(b, lt);
      else if (c === 33 /* ! */) next = this.markup(b, lt, final);
      else if (c === 63 /* ? */) next = this.instruction(b, lt);
      else next = this.startTag(b, lt);
      if (next < 0) return;
      this.pos = next;
    }
  }

  /** `</name>`; returns the offset after it, or -1 when it is not complete yet. */
  private endTag(b: Buffer, lt: number): number {
    const name = this.stack.pop();
    if (name === undefined) throw new ScanUnsupported('end tag without element');
    const nb = name.bytes;
    const n = nb.length;
    let i = lt + 2;
    if (i + n >= b.length) {
      this.stack.push(name);
      return -1;
    }
    for (let k = 0; k < n; k++) if (b[i + k] !== nb[k]) throw new ScanUnsupported('unbalanced end tag');
    i += n;
    while (i < b.length && space(b[i]!)) i++;
    if (i >= b.length) {
      this.stack.push(name);
      return -1;
    }
    if (b[i] !== 62) throw new ScanUnsupported('unbalanced end tag');
    this.handler.close(name.local, this.takeText(b), this.lineOf(i));
    if (this.stack.length === 0) this.rootDone = true;
    return i + 1;
  }

  /** `<name attributes>` or `<name/>`; returns the offset after it, or -1 when it is not complete yet. */
  private startTag(b: Buffer, lt: number): number {
    const len = b.length;
    let e = lt + 1;
    let colon = -1;
    let h = 0;
    for (; e < len; e++) {
      const x = b[e]!;
      if (x === 58 /* : */) {
        if (colon < 0) colon = e;
      } else if (!((x >= 97 && x <= 122) || (x >= 65 && x <= 90) || (x >= 48 && x <= 57) || x === 95 || x === 45 || x === 46))
        break;
      h = (Math.imul(h, 31) + x) | 0;
    }
    if (e >= len) return -1;
    const c = b[lt + 1]!;
    if (e === lt + 1 || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58 || colon === e - 1)
      throw new ScanUnsupported('odd tag name');
    const stop = b[e]!;
    let gt: number;
    let attrs: Record<string, string> | null = null;
    let selfClosing = false;
    if (stop === 62 /* > */) gt = e;
    else if (stop === 47 /* / */) {
      if (e + 1 >= len) return -1;
      if (b[e + 1] !== 62) throw new ScanUnsupported('odd tag');
      gt = e + 1;
      selfClosing = true;
    } else if (space(stop)) {
      // A '>' inside a quoted attribute value does not end the tag.
      let q = 0;
      for (gt = e; gt < len; gt++) {
        const x = b[gt]!;
        if (q === 0) {
          if (x === 62) break;
          if (x === 34 || x === 39) q = x;
        } else if (x === q) q = 0;
      }
      if (gt >= len) return -1;
      selfClosing = b[gt - 1] === 47;
      attrs = attributes(b.toString('utf8', e, selfClosing ? gt - 1 : gt));
    } else throw new ScanUnsupported('odd tag name');
    if (this.rootDone) throw new ScanUnsupported('second root');
    const name = this.nameAt(b, lt + 1, e, colon, h);
    const at = this.lineOf(gt);
    if (this.stack.length === 0) this.handler.open(name.local, at, attrs ?? {});
    else this.handler.open(name.local, at);
    this.resetText();
    if (selfClosing) {
      this.handler.close(name.local, '', at);
      if (this.stack.length === 0) this.rootDone = true;
    } else this.stack.push(name);
    return gt + 1;
  }

  /** A comment or CDATA section (anything else, e.g. a DOCTYPE, is left to saxes). */
  private markup(b: Buffer, lt: number, final: boolean): number {
    if (b.length - lt < 9 && !final) return -1;
    if (b[lt + 2] === 45 && b[lt + 3] === 45) {
      const end = b.indexOf('-->', lt + 4);
      if (end < 0) return final ? fail('unfinished comment') : -1;
      const dashes = b.indexOf('--', lt + 4);
      if (dashes < end || b[end - 1] === 45) throw new ScanUnsupported('-- in comment');
      return end + 3;
    }
    if (b.toString('latin1', lt, lt + 9) === '<![CDATA[' && this.stack.length > 0) {
      // saxes reports CDATA apart from text; readXml does not listen to it, so its content is not part of the text.
      const end = b.indexOf(']]>', lt + 9);
      if (end < 0) return final ? fail('unfinished CDATA') : -1;
      return end + 3;
    }
    throw new ScanUnsupported('DOCTYPE or other declaration');
  }

  /** A processing instruction (not a second XML declaration). */
  private instruction(b: Buffer, lt: number): number {
    const end = b.indexOf('?>', lt + 2);
    if (end < 0) return -1;
    const target = /^[^\s?]*/.exec(b.toString('utf8', lt + 2, end))![0];
    if (/^xml$/i.test(target)) throw new ScanUnsupported('misplaced declaration');
    return end + 2;
  }

  /** The XML declaration at the start, when there is one: only version 1.x, UTF-8, standalone as saxes reads them. */
  private declaration(b: Buffer, final: boolean): void {
    const at = this.pos;
    if (b.toString('latin1', at, at + 5) !== '<?xml' || !space(b[at + 5] ?? 0)) return;
    const end = b.indexOf('?>', at);
    if (end < 0) throw new ScanUnsupported(final ? 'unfinished declaration' : 'long declaration');
    if (
      !/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]\1(\s+encoding\s*=\s*(["'])utf-?8\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/i.test(
        b.toString('latin1', at, end),
      )
    ) {
      throw new ScanUnsupported('unusual XML declaration');
    }
    this.pos = end + 2;
  }

  private nameAt(b: Buffer, from: number, to: number, colon: number, h: number): Name {
    const n = to - from;
    let name = this.names.get(h);
    for (; name !== undefined; name = name.next) {
      const nb = name.bytes;
      if (nb.length !== n) continue;
      let k = 0;
      while (k < n && nb[k] === b[from + k]) k++;
      if (k === n) return name;
    }
    const bytes = Buffer.from(b.subarray(from, to));
    name = { bytes, local: b.toString('utf8', colon < 0 ? from : colon + 1, to), next: this.names.get(h) };
    if (this.names.size < MAX_NAMES) this.names.set(h, name);
    return name;
  }

  private lineOf(at: number): number {
    const b = this.buf;
    let line = this.line;
    for (let i = this.lineAt; i < at; i++) if (b[i] === 10) line++;
    this.line = line;
    this.lineAt = at;
    return line;
  }

  private addText(b: Buffer, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++) if (!space(b[i]!)) throw new ScanUnsupported('text outside the root');
      return;
    }
    this.textLength += to - from;
    if (this.textLength > MAX_TEXT) throw new ScanUnsupported('text too long');
    if (this.textFrom === this.textTo && this.joined === null) {
      this.textFrom = from;
      this.textTo = to;
      return;
    }
    this.joined = (this.joined ?? this.decode(this.textFrom, this.textTo)) + this.decode(from, to);
    this.textFrom = this.textTo = 0;
  }

  private resetText(): void {
    this.textFrom = this.textTo = this.textLength = 0;
    this.joined = null;
  }

  private takeText(b: Buffer): string {
    let s = this.joined ?? (this.textFrom === this.textTo ? '' : this.piece(b, this.textFrom, this.textTo));
    this.resetText();
    if (s.includes(']]>')) throw new ScanUnsupported(']]> in text');
    // CR LF is read as LF, before references are resolved (a &#13; stays a CR).
    if (s.includes('\r')) s = s.replace(/\r\n/g, '\n');
    if (s.includes('&')) s = entities(s);
    return s;
  }

  /** The text of bytes `from`–`to`; the white space between tags (a line end and indentation) comes from a cache. */
  private piece(b: Buffer, from: number, to: number): string {
    const n = to - from;
    if (b[from] === 10 && n <= 64) {
      const indent = b[from + 1];
      let i = from + 1;
      while (i < to && b[i] === indent) i++;
      if (i === to && (n === 1 || indent === 9 || indent === 32)) {
        const key = n === 1 ? 0 : indent === 9 ? n : 64 + n;
        return (this.indents[key] ??= b.toString('latin1', from, to));
      }
    }
    return b.toString('utf8', from, to);
  }

  private decode(from: number, to: number): string {
    return this.buf.toString('utf8', from, to);
  }
}

function fail(why: string): never {
  throw new ScanUnsupported(why);
}

/** The length of `b` without a UTF-8 sequence cut off at its end. */
function completeUtf8(b: Buffer): number {
  for (let i = b.length - 1, back = 1; i >= 0 && back <= 4; i--, back++) {
    const x = b[i]!;
    if (x < 0x80) return b.length;
    if (x >= 0xc0) return back >= (x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2) ? b.length : i;
  }
  return b.length;
}

/** True for XML white space (space, tab, LF, CR). */
function space(x: number): boolean {
  return x === 32 || x === 10 || x === 9 || x === 13;
}

/** The attributes of a start tag (after its name), values with entities resolved and white space normalised. */
function attributes(rest: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let end = 0;
  for (let m = ATTR.exec(rest); m; m = ATTR.exec(rest)) {
    if (m[1]! in out) throw new ScanUnsupported('duplicate attribute');
    const raw = m[2] ?? m[3]!;
    out[m[1]!] = entities(raw.replace(/\r\n|[\t\n\r]/g, ' '));
    end = ATTR.lastIndex;
  }
  if (rest.slice(end).trim() !== '') throw new ScanUnsupported('odd attributes');
  return out;
}

/** Resolves the five predefined entities and character references; anything else needs the full parser. */
function entities(s: string): string {
  return s.replace(/&([^;&\s<]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new ScanUnsupported('bare &');
    const known = ENTITY[ref];
    if (known !== undefined) return known;
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
    const cp = m ? parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : NaN;
    if (
      !(
        cp === 0x9 ||
        cp === 0xa ||
        cp === 0xd ||
        (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff)
      )
    ) {
      throw new ScanUnsupported('unknown entity');
    }
    return String.fromCodePoint(cp);
  });
}
