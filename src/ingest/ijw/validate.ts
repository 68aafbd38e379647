// XSD validation with libxml2's xmllint: Debian's native binary when present (xmllint-native.ts), else xmllint-wasm in a
// worker thread. Files go in batches, one xmllint at a time, so validation runs beside the parsing on the main thread.
// One umbrella schema imports every message schema, so a batch may mix message kinds (libxml2 picks the declaration by
// the root's namespace) and each xmllint start is paid once per batch, not per kind. Results come back per file as Dutch
// schema errors. Small files are validated as trees (xmllint compiles the schema once per batch; its stream mode
// compiles it per file); a large file alone: natively streamed from disk (bounded memory), or with wasm split into
// parts (split.ts) validated as trees by two workers, else streamed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateXML, memoryPages, type XMLFileInfo } from 'xmllint-wasm';
import { parseSchemaError, type SchemaError } from './schema-errors.ts';
import { splitAtClients } from './split.ts';
import { nativeXmllint, runNative, type LintInput } from './xmllint-native.ts';
import { BERICHT_CODE } from './catalogue.ts';
import { xsdDir } from '../../reference.ts';

export interface FileValidation {
  errors: SchemaError[];
  /** Set when the validator could not read the file at all (then the file is refused). */
  failed?: string;
}

const BATCH_BYTES = 32 * 1024 ** 2;
/** Files larger than this are validated alone: split into parts of PART_BYTES where possible, else streamed. */
const STREAM_BYTES = 1024 ** 2;
const PART_BYTES = 8 * 1024 ** 2;
const PARTS_PER_CALL = 4;
const BATCH_FILES = 1000;
/** The first batch is small so that importing can start early; later batches double up to BATCH_FILES. */
const FIRST_BATCH_FILES = 16;

export class SchemaValidator {
  private queue: Promise<unknown> = Promise.resolve();
  private schemas: Promise<XMLFileInfo[]> | null = null;

  /**
   * `partBytes`: size of the parts a large message is split into for wasm (tests use small parts); `native`: the xmllint
   * binary, null for the wasm build (default: the native one when installed).
   */
  constructor(
    private readonly dir = xsdDir(),
    private readonly partBytes = PART_BYTES,
    private readonly native = nativeXmllint(),
  ) {}

  /**
   * Starts validating `files` (iJw messages of any kind, with their sizes), in order; returns one promise per path,
   * which always resolves (a validation that could not run gives `failed`).
   */
  validate(files: { path: string; size: number }[]): Map<string, Promise<FileValidation>> {
    const out = new Map<string, Promise<FileValidation>>();
    for (const batch of batches(files)) {
      const large = batch.length === 1 && batch[0]!.size > STREAM_BYTES;
      // A validation that fails outright (xmllint cannot start, a file vanished, the worker dies) refuses the batch's
      // files with one Dutch reason, for a large file as for small ones; it never rejects.
      const run = this.queue
        .then(async () =>
          large
            ? [await this.runLarge(batch[0]!.path)]
            : this.check(
                batch.map((f) => ({ path: f.path })),
                false,
              ),
        )
        .catch((e: unknown): FileValidation[] =>
          batch.map(() => ({ errors: [], failed: `de controle liep vast (${e instanceof Error ? e.message : String(e)})` })),
        );
      this.queue = run;
      for (const [i, f] of batch.entries())
        out.set(
          f.path,
          run.then((r) => r[i]!),
        );
    }
    return out;
  }

  /**
   * A large file: the native xmllint streams it whole. With wasm, a large declaration message is split at its clients
   * into parts that two workers validate as trees (faster than streaming, and both cores work); anything else, or a
   * part that does not parse, is validated whole, streamed.
   */
  private async runLarge(path: string): Promise<FileValidation> {
    // Native xmllint streams the file from disk faster than the wasm parts and holds none of it in this process.
    if (this.native) return (await this.check([{ path }], true))[0]!;
    // The parts are copies: the file's bytes are read again only when they must be validated whole.
    const parts = splitAtClients(await readFile(path), this.partBytes);
    if (parts) {
      // Two workers take a few parts at a time (bounded memory: each holds its parts, their copies and one tree).
      const byPart: FileValidation[] = new Array(parts.length);
      let next = 0;
      const worker = async () => {
        while (next < parts.length) {
          const from = next;
          next = Math.min(parts.length, next + PARTS_PER_CALL);
          (
            await this.check(
              parts.slice(from, next).map((p) => ({ contents: p.contents })),
              false,
            )
          ).forEach((r, i) => {
            byPart[from + i] = r;
          });
        }
      };
      await Promise.all([worker(), worker()]);
      if (byPart.every((r) => !r.failed)) {
        const errors: SchemaError[] = [];
        const sharedSeen = new Set<string>();
        byPart.forEach((r, i) => {
          for (const e of r.errors) {
            const line = parts[i]!.fileLine(e.line);
            const key = `${line}|${e.field}|${e.reason}`;
            if (parts[i]!.shared(e.line)) {
              if (sharedSeen.has(key)) continue;
              sharedSeen.add(key);
            }
            errors.push({ ...e, line });
          }
        });
        return { errors: errors.sort((a, b) => a.line - b.line) };
      }
    }
    return (await this.check([{ path }], true))[0]!;
  }

  /** Validates files in one xmllint (native process or wasm worker); results per file. */
  private async check(inputs: LintInput[], stream: boolean): Promise<FileValidation[]> {
    if (this.native) {
      const r = await runNative(this.native, this.dir, UMBRELLA.contents as string, inputs, stream);
      return this.outcome(r.normal ? null : r.output, r.output, inputs, stream);
    }
    const contents = await Promise.all(inputs.map((i) => ('path' in i ? readFile(i.path) : i.contents)));
    const bytes = contents.reduce((n, c) => n + c.length, 0);
    try {
      const result = await validateXML({
        xml: contents.map((c, i) => ({ fileName: `f${i}.xml`, contents: c })),
        schema: [UMBRELLA],
        preload: await this.loadSchemas(),
        stream,
        initialMemoryPages: memoryPages.defaultInitialMemoryPages,
        maxMemoryPages: Math.min(memoryPages.max, Math.ceil((bytes * 1.5 + 256 * 1024 ** 2) / (64 * 1024))),
      });
      return splitOutput(result.rawOutput, contents.length);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return this.outcome(message, message, inputs, stream);
    }
  }

  /**
   * Results from xmllint's output; `abnormal` is set when it did not end normally. Then what it printed per file is
   * used, else the batch is split to find the file that breaks it.
   */
  private async outcome(
    abnormal: string | null,
    output: string,
    inputs: LintInput[],
    stream: boolean,
  ): Promise<FileValidation[]> {
    if (abnormal === null || /^f\d+\.xml[: ]/m.test(abnormal)) return splitOutput(output, inputs.length);
    if (inputs.length > 1) {
      const half = Math.ceil(inputs.length / 2);
      return [...(await this.check(inputs.slice(0, half), stream)), ...(await this.check(inputs.slice(half), stream))];
    }
    return [{ errors: [], failed: abnormal.split('\n')[0]! }];
  }

  private loadSchemas(): Promise<XMLFileInfo[]> {
    this.schemas ??= Promise.all(
      ['basisschema', ...KINDS].map(async (name) => {
        const fileName = `${name}.xsd`;
        return { fileName, contents: await readFile(join(this.dir, fileName), 'utf8') };
      }),
    );
    return this.schemas;
  }
}

const KINDS = Object.keys(BERICHT_CODE);

/** A schema that only imports the message schemas: each document is validated against the one its root belongs to. */
const UMBRELLA: XMLFileInfo = {
  fileName: 'roer-ijw.xsd',
  contents: `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:roer:ijw" elementFormDefault="qualified">
${KINDS.map((k) => `  <xs:import namespace="http://www.istandaarden.nl/ijw/3_2/${k.toLowerCase()}/schema" schemaLocation="${k}.xsd"/>`).join('\n')}
</xs:schema>
`,
};

function* batches<T extends { size: number }>(files: T[]): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  let limit = FIRST_BATCH_FILES;
  for (const f of files) {
    if (
      batch.length > 0 &&
      (bytes + f.size > BATCH_BYTES || batch.length >= limit || f.size > STREAM_BYTES || batch[0]!.size > STREAM_BYTES)
    ) {
      yield batch;
      batch = [];
      bytes = 0;
      limit = Math.min(BATCH_FILES, limit * 2);
    }
    batch.push(f);
    bytes += f.size;
  }
  if (batch.length > 0) yield batch;
}

/** xmllint prints `f<i>.xml:<line>: <message>` per error; parser errors mean the file itself is broken. */
function splitOutput(raw: string, n: number): FileValidation[] {
  const out: FileValidation[] = Array.from({ length: n }, () => ({ errors: [] }));
  for (const line of raw.split('\n')) {
    const broken = /^f(\d+)\.xml : failed to parse/.exec(line);
    if (broken) out[Number(broken[1])]!.failed ??= 'de XML is niet goed gevormd';
    const m = /^f(\d+)\.xml:(\d+): (.*)$/.exec(line);
    if (!m) continue;
    const file = out[Number(m[1])]!;
    // Tree mode prints the parser's complaints where stream mode says 'failed to parse': one Dutch text for both.
    if (/parser error/.test(m[3]!)) file.failed ??= 'de XML is niet goed gevormd';
    else if (/validity error/.test(m[3]!)) file.errors.push(parseSchemaError(Number(m[2]), m[3]!));
  }
  // xmllint ends each file it validated with 'f<i>.xml validates' or '… fails to validate'; a file without either was
  // not read at all (e.g. it disappeared, which the native xmllint only mentions as a warning): never count it valid.
  const verdict = new Set([...raw.matchAll(/^f(\d+)\.xml (?:validates|fails to validate)$/gm)].map((v) => Number(v[1])));
  out.forEach((file, i) => {
    if (!verdict.has(i)) file.failed ??= 'xmllint kon het bestand niet lezen';
  });
  return out;
}
