// Identifies an iJw message from the start of its file, so files can be ordered and batched before they are parsed.
// Refuses early what is hostile or not iJw: oversized, UTF-16 or other declared encodings, DOCTYPE, a foreign root.
import { open } from 'node:fs/promises';
import { checkSize, isUtf8Label, refused } from './reader.ts';
import { kindOfNamespace, type IjwKind } from './catalogue.ts';

const HEAD = 64 * 1024;

/** The message kind of the XML file at `path`, or a RoerError explaining why it is refused. */
export async function sniffMessage(path: string, maxBytes: number): Promise<IjwKind> {
  await checkSize(path, maxBytes);
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(HEAD);
    const { bytesRead } = await fh.read(buf, 0, HEAD, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw refused('Het bestand is UTF-16 gecodeerd; een iJw-bericht moet UTF-8 zijn.');
  }
  const text = head.toString('latin1');
  const decl = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml\b([^?]*)\?>/.exec(text);
  const encoding = decl ? /encoding\s*=\s*["']([^"']*)["']/.exec(decl[1]!)?.[1] : undefined;
  if (encoding !== undefined && !isUtf8Label(encoding)) {
    throw refused(`Het bestand heeft tekenset ${encoding}; een iJw-bericht moet UTF-8 zijn.`);
  }
  const prolog = text.replace(/<\?[^]*?\?>|<!--[^]*?-->/g, '');
  if (/<!DOCTYPE/i.test(prolog.slice(0, prolog.search(/<[A-Za-z_]/) >>> 0))) {
    throw refused('Het bestand bevat een DOCTYPE-declaratie (mogelijk externe entiteiten of een entiteitenbom) en is geweigerd.');
  }
  const root = /<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(prolog);
  if (!root) throw refused('Het bestand is geen iJw-bericht: er is geen hoofdelement gevonden.');
  const [, prefix, local, attrs] = root;
  const ns = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(attrs ?? '')?.[1];
  const kind = local === 'Bericht' && ns ? kindOfNamespace(ns) : undefined;
  if (!kind) {
    throw refused(`Het bestand is geen iJw 3.2-bericht (hoofdelement ${local}${ns ? `, namespace ${ns}` : ''}).`);
  }
  return kind;
}
