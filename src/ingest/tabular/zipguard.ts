// Zip-bomb guard, run before any unzip library touches a file: reads the zip's central directory itself and refuses
// files that are not zip, that claim too much uncompressed data, or whose compression ratio is absurd.
import { open } from 'node:fs/promises';
import { RoerError } from '../../errors.ts';

export interface ZipLimits {
  /** Largest total uncompressed size (default 1 GB). */
  maxUncompressed: number;
  /** Largest ratio uncompressed / compressed, over the whole archive and per entry (default 200). */
  maxRatio: number;
  /** Most entries (default 10,000; an XLSX has a few dozen). */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressed: 1e9, maxRatio: 200, maxEntries: 10_000 };

export interface ZipSummary {
  entries: number;
  compressed: number;
  uncompressed: number;
  /** Each entry as the central directory describes it (for an unpacker that trusts nothing else: src/ingest/unzip.ts). */
  files: ZipEntry[];
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  uncompressed: number;
  /** Where the entry's local header starts; 0xffffffff when it is only in a ZIP64 field (not followed). */
  offset: number;
}

const EOCD = 0x06054b50,
  ZIP64_LOCATOR = 0x07064b50,
  ZIP64_EOCD = 0x06064b50,
  CENTRAL = 0x02014b50;

/**
 * Checks `path` against `limits` from its central directory alone.
 * @throws RoerError (Dutch) when the file is not a zip, is damaged, or exceeds a limit.
 * @example await checkZip('export.xlsx') // { entries: 9, compressed: 5120, uncompressed: 23800 }
 */
export async function checkZip(path: string, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipSummary> {
  const fh = await open(path);
  try {
    const size = (await fh.stat()).size;
    const read = async (pos: number, len: number) => {
      if (pos < 0 || len < 0 || pos + len > size) throw damaged(fileName);
      const b = Buffer.alloc(len);
      await fh.read(b, 0, len, pos);
      return b;
    };
    const head = size >= 4 ? await read(0, 4) : Buffer.alloc(0);
    if (size < 22 || head.readUInt32LE(0) !== 0x04034b50) {
      throw isZip(fileName)
        ? new RoerError(`${fileName}: dit is geen geldig zip-bestand.`)
        : new RoerError(
            `${fileName}: dit is geen geldig XLSX-bestand (geen zip-archief).`,
            'Sla het bestand in Excel op als .xlsx, of exporteer als CSV.',
          );
    }
    // The End Of Central Directory record sits in the last 22 + 65,535 (comment) bytes.
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = await read(size - tailLen, tailLen);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    if (at < 0) throw damaged(fileName);
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const eocdPos = size - tailLen + at;
      const loc = await read(eocdPos - 20, 20);
      if (loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw damaged(fileName);
      const z = await read(Number(loc.readBigUInt64LE(8)), 56);
      if (z.readUInt32LE(0) !== ZIP64_EOCD) throw damaged(fileName);
      count = Number(z.readBigUInt64LE(32));
      cdSize = Number(z.readBigUInt64LE(40));
      cdOffset = Number(z.readBigUInt64LE(48));
    }
    if (count > limits.maxEntries) throw tooBig(fileName, `${count} onderdelen`);
    const cd = await read(cdOffset, cdSize);
    let compressed = 0,
      uncompressed = 0,
      pos = 0;
    const files: ZipEntry[] = [];
    for (let n = 0; n < count; n++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CENTRAL) throw damaged(fileName);
      let c = cd.readUInt32LE(pos + 20),
        u = cd.readUInt32LE(pos + 24);
      const nameLen = cd.readUInt16LE(pos + 28),
        extraLen = cd.readUInt16LE(pos + 30),
        commentLen = cd.readUInt16LE(pos + 32);
      if (u === 0xffffffff || c === 0xffffffff)
        [u, c] = zip64Sizes(cd.subarray(pos + 46 + nameLen, pos + 46 + nameLen + extraLen), u, c, fileName);
      compressed += c;
      uncompressed += u;
      const name = cd.toString('utf8', pos + 46, pos + 46 + nameLen);
      files.push({ name, method: cd.readUInt16LE(pos + 10), compressed: c, uncompressed: u, offset: cd.readUInt32LE(pos + 42) });
      if (u > limits.maxUncompressed || uncompressed > limits.maxUncompressed) {
        throw tooBig(
          fileName,
          `uitgepakt ${(uncompressed / 1e6).toFixed(0)} MB, grens ${(limits.maxUncompressed / 1e6).toFixed(0)} MB`,
        );
      }
      if (u > 1e6 && u / Math.max(c, 1) > limits.maxRatio) throw ratio(fileName, u / Math.max(c, 1), limits);
      pos += 46 + nameLen + extraLen + commentLen;
    }
    if (uncompressed > 1e6 && uncompressed / Math.max(compressed, 1) > limits.maxRatio)
      throw ratio(fileName, uncompressed / Math.max(compressed, 1), limits);
    return { entries: count, compressed, uncompressed, files };
  } finally {
    await fh.close();
  }
}

/** Sizes from the ZIP64 extended-information extra field (id 0x0001): uncompressed first, then compressed. */
function zip64Sizes(extra: Buffer, u: number, c: number, fileName: string): [number, number] {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p),
      len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len) throw damaged(fileName);
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (u === 0xffffffff) u = next();
      if (c === 0xffffffff) c = next();
      return [u, c];
    }
    p += 4 + len;
  }
  throw damaged(fileName);
}

/** The guard also checks zips of iJw messages (src/ingest/unzip.ts); its messages name what the user sent. */
const isZip = (f: string) => /\.zip$/i.test(f);
const kindOf = (f: string) => (isZip(f) ? 'zip-bestand' : 'XLSX-bestand');
const damaged = (f: string) =>
  new RoerError(`${f}: het ${kindOf(f)} is beschadigd (de inhoudsopgave van het zip-archief klopt niet).`);
const tooBig = (f: string, what: string) =>
  new RoerError(`${f}: het ${kindOf(f)} is geweigerd: te groot na uitpakken (${what}); mogelijk een zip-bom.`);
const ratio = (f: string, r: number, l: ZipLimits) =>
  new RoerError(
    `${f}: het ${kindOf(f)} is geweigerd: onwaarschijnlijk sterk gecomprimeerd (${Math.round(r)}×, grens ${l.maxRatio}×); mogelijk een zip-bom.`,
  );
