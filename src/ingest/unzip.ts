// Unpacks a zip of iJw messages into a folder for the importer: the zip-bomb guard (tabular/zipguard.ts) checks the
// archive first, then each entry is inflated with no more output than the central directory declared for it.
import { open, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { RoerError } from '../errors.ts';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './tabular/zipguard.ts';

const LOCAL = 0x04034b50;
/** What a zip of messages may hold; folders and the metadata some archivers add are skipped. */
const MESSAGE = '.xml';
const skipped = (name: string) =>
  name.endsWith('/') || name.startsWith('__MACOSX/') || basename(name).startsWith('.') || basename(name) === 'Thumbs.db';

/**
 * Writes the XML entries of the zip at `path` into `dir` (flat, by base name) and returns their paths.
 * @throws RoerError (Dutch) for a damaged or suspicious archive, an entry that is not .xml, or two entries of one name.
 * @example await unzipMessages('berichten.zip', 'berichten.zip', '/tmp/x') // ['/tmp/x/JW301.xml', …]
 */
export async function unzipMessages(
  path: string,
  fileName: string,
  dir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<string[]> {
  const zip = await checkZip(path, fileName, limits);
  const entries = zip.files.filter((e) => !skipped(e.name));
  const other = entries.find((e) => extname(e.name).toLowerCase() !== MESSAGE);
  if (other)
    throw new RoerError(`${fileName}: het zip-bestand bevat '${other.name}'; een zip mag alleen iJw-berichten (.xml) bevatten.`);
  const names = new Set<string>();
  const out: string[] = [];
  const fh = await open(path);
  try {
    for (const e of entries) {
      const name = basename(e.name);
      if (names.has(name.toLowerCase()))
        throw new RoerError(`${fileName}: het zip-bestand bevat twee berichten met de naam '${name}'.`);
      names.add(name.toLowerCase());
      const head = Buffer.alloc(30);
      await fh.read(head, 0, 30, e.offset);
      if (e.offset === 0xffffffff || head.readUInt32LE(0) !== LOCAL) throw damaged(fileName);
      const start = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
      const packed = Buffer.alloc(e.compressed);
      const { bytesRead } = await fh.read(packed, 0, e.compressed, start);
      if (bytesRead !== e.compressed) throw damaged(fileName);
      let data: Buffer;
      if (e.method === 0) data = packed;
      else if (e.method === 8) {
        try {
          // The declared size bounds the output: an entry that inflates to more is refused, not written.
          data = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.uncompressed) });
        } catch {
          throw damaged(fileName);
        }
      } else throw new RoerError(`${fileName}: '${name}' is ingepakt op een manier die Roer niet kent (methode ${e.method}).`);
      if (data.length !== e.uncompressed) throw damaged(fileName);
      const target = join(dir, name);
      await writeFile(target, data);
      out.push(target);
    }
  } finally {
    await fh.close();
  }
  if (out.length === 0) throw new RoerError(`${fileName}: het zip-bestand bevat geen iJw-berichten (.xml).`);
  return out;
}

const damaged = (f: string) => new RoerError(`${f}: het zip-bestand is beschadigd en kan niet worden uitgepakt.`);
