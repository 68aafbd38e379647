// Streams one XML file through saxes, refusing hostile input: DOCTYPE (external entities, entity bombs), non-UTF-8 text,
// oversized files, truncated or not-well-formed XML. Emits local element names with their text and line numbers.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { RoerError } from '../../errors.ts';
import { lineOfInvalidUtf8 } from '../utf8.ts';

/** Files larger than this are refused unless the caller raises the limit. */
export const DEFAULT_MAX_BYTES = 512 * 1024 ** 2;
/** No element of an iJw message comes near this; a longer text is an attack or a broken file. */
export const MAX_TEXT = 1024 * 1024;
/** Bytes read at a time from a message file. */
export const CHUNK = 1 << 20;

export interface XmlHandler {
  /** A start tag; `name` without namespace prefix. `attrs` only for the root element. */
  open(name: string, line: number, attrs?: Record<string, string>): void;
  /** An end tag with the text directly inside it (meaningful for leaf elements). */
  close(name: string, text: string, line: number): void;
}

/** A file that is refused as a whole; nothing of it is stored. */
export function refused(reason: string, hint?: string): RoerError {
  return new RoerError(reason, hint);
}

/** Refuses a file over `maxBytes` before reading it. */
export async function checkSize(path: string, maxBytes: number): Promise<number> {
  const { size } = await stat(path);
  if (size > maxBytes) {
    throw refused(
      `Het bestand is te groot (${bytes(size)}; de grens is ${bytes(maxBytes)}).`,
      'Verhoog de grens met --max-mb als het bestand te vertrouwen is.',
    );
  }
  return size;
}

function bytes(n: number): string {
  const [v, unit] = n >= 1024 ** 2 ? [n / 1024 ** 2, 'MB'] : [n / 1024, 'kB'];
  return `${v.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${unit}`;
}

/** True for the encodings an iJw message may declare (the standard prescribes UTF-8). */
export function isUtf8Label(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding.trim());
}

/** Parses `path` as one XML document, calling `handler` per element. Throws a RoerError when the file is refused. */
export async function readXml(path: string, handler: XmlHandler, maxBytes = DEFAULT_MAX_BYTES): Promise<void> {
  const size = await checkSize(path, maxBytes);
  const parser = new SaxesParser({ position: true });
  let text = '';
  let root = true;
  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !isUtf8Label(decl.encoding)) {
      throw refused(`Het bestand heeft tekenset ${decl.encoding}; een iJw-bericht moet UTF-8 zijn.`);
    }
  });
  parser.on('doctype', () => {
    throw refused('Het bestand bevat een DOCTYPE-declaratie (mogelijk externe entiteiten of een entiteitenbom) en is geweigerd.');
  });
  parser.on('error', (e) => {
    throw refused(
      `Het bestand is geen geldige XML (regel ${parser.line}): ${dutchSaxError(e.message)}.`,
      'Controleer of het bestand volledig en onbeschadigd is.',
    );
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (root) {
      root = false;
      handler.open(name, parser.line, tag.attributes as Record<string, string>);
    } else handler.open(name, parser.line);
    text = '';
  });
  parser.on('text', (t) => {
    text += t;
    if (text.length > MAX_TEXT)
      throw refused(`Het bestand bevat op regel ${parser.line} een element met meer dan een miljoen tekens en is geweigerd.`);
  });
  parser.on('closetag', (tag) => {
    handler.close(localName(tag.name), text, parser.line);
    text = '';
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // A small file is one chunk anyway: read it at once instead of opening a stream (with its 1 MB buffer) per file.
  const chunks = size <= CHUNK ? [await readFile(path)] : createReadStream(path, { highWaterMark: CHUNK });
  let tail = Buffer.alloc(0);
  for await (const chunk of chunks) {
    parser.write(decode(decoder, chunk as Buffer, tail, parser.line));
    tail = Buffer.from((chunk as Buffer).subarray(-3));
    // From a character's start (the previous chunk decoded, so past its continuation bytes there is one).
    while (tail.length > 0 && (tail[0]! & 0xc0) === 0x80) tail = tail.subarray(1);
  }
  parser.write(decode(decoder, undefined, tail, parser.line));
  parser.close();
}

/**
 * Decodes the next chunk; refuses bytes that are not UTF-8, naming the line of the first bad one. `tail`, the previous
 * chunk's last bytes, may hold the start of a character this chunk ends; `line` is the parser's line after it.
 */
function decode(decoder: TextDecoder, chunk: Buffer | undefined, tail: Buffer, line: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    const at = chunk ? lineOfInvalidUtf8(Buffer.concat([tail, chunk]), line - tail.filter((b) => b === 10).length) : line;
    throw refused(`Het bestand bevat op regel ${at} bytes die geen geldige UTF-8 zijn; een iJw-bericht moet UTF-8 zijn.`);
  }
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The most common saxes complaints in Dutch; the rest verbatim. */
function dutchSaxError(msg: string): string {
  const m = msg.replace(/^.*?:\d+:\d+: /, '');
  if (/unclosed tag/i.test(m))
    return `niet afgesloten element (${m.replace(/^unclosed tag: /i, '')}); het bestand lijkt afgebroken`;
  if (/document must contain a root element/i.test(m)) return 'het bestand bevat geen XML-element';
  if (/undefined entity/i.test(m)) return `onbekende entiteit (${m.replace(/^undefined entity: /i, '')})`;
  if (/unexpected close tag/i.test(m)) return 'onverwachte eindtag';
  if (/text data outside of root node/i.test(m)) return 'tekst buiten het hoofdelement';
  return m;
}
