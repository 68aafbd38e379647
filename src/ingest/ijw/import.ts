// Imports a batch of iJw message files of one kind inside the caller's transaction: their records go into one stage
// (small files were parsed before, a large file is stream-parsed here). A file that fails its XSD is refused whole; in
// the others — once per batch, set-based — the records that break a rule (11-proof, iJw rules) are quarantined, the rest
// merged, and each message's identity remembered.
// A message read fully before (sender + BerichtIdentificatie + message code) changes nothing.
// The caller makes sure files of one batch touch different store rows (see batches.ts), so the batch gives exactly
// what importing its files one by one in order gives.
import { RefusedFile, formatPlace, type RoerError } from '../../errors.ts';
import { ident, join, sql, type Store } from '../../store/index.ts';
import type { ImportOutcome } from '../context.ts';
import type { QuarantinedRecord } from '../importlog.ts';
import type { Secret } from '../pseudonym.ts';
import { BERICHT_CODE, LABEL, isImported, type IjwKind } from './catalogue.ts';
import { STAGE_FILE, type MessageModule } from './module.ts';
import { readXml, refused, DEFAULT_MAX_BYTES, type XmlHandler } from './reader.ts';
import { scanXml, ScanUnsupported } from './scan.ts';
import { RowBuffer, Stage, stageFiles, type RowSink } from './stage.ts';
import type { FileValidation } from './validate.ts';
import { HEADER_ONLY, walkMessage, type Header } from './walk.ts';
import { jw301 } from './jw301.ts';
import { jw305 } from './jw305.ts';
import { jw307 } from './jw307.ts';
import { jw315 } from './jw315.ts';
import { jw323 } from './jw323.ts';
import { jw325 } from './jw325.ts';

// biome-ignore lint/suspicious/noExplicitAny: each module has its own record type; the caller only passes records back to it
const MODULES: Record<string, MessageModule<any>> = {
  JW301: jw301,
  JW305: jw305,
  JW307: jw307,
  JW315: jw315,
  JW323: jw323,
  JW325: jw325,
};

/** A message file read into memory: its header, how many records it has, its records, and the keys it touches. */
export interface ParsedMessage {
  header: Header;
  records: number;
  rows: RowBuffer | null;
  /** Store rows (per the message module) and the message identity this file touches. */
  keys: Set<string>;
  /** Read by the lean tokenizer (scan.ts), which checks less than saxes. */
  scanned?: boolean;
}

const IGNORE: XmlHandler = { open: () => undefined, close: () => undefined };

export interface MessageFile {
  path: string;
  fileName: string;
  fileId: string;
  validation: Promise<FileValidation>;
  /** Set when the file was parsed before (small files); otherwise it is stream-parsed into the stage. */
  parsed?: ParsedMessage;
}

export interface MessageOutcome extends ImportOutcome {
  /** The file's quarantined records (file name filled in). */
  quarantined: QuarantinedRecord[];
}

export interface ImportMessagesOptions {
  maxBytes?: number;
  /** Read large files with the lean tokenizer, saxes as fall-back (default true; false reads them with saxes only). */
  scanLargeFiles?: boolean;
  /** Called per file with the number of records read from it (for progress bars). */
  onRecords?: (fileIndex: number, n: number) => void;
}

/**
 * The refusal for a file the validator could not read at all, or whose message fails its XSD. As in the iJw chain
 * (return code 0001, "afgekeurd om technische redenen") nothing of a schema-invalid message counts: not even its valid
 * records. Business rules in a schema-valid message still quarantine record by record.
 */
export function validationRefusal(v: FileValidation, fileName: string): RoerError | null {
  if (v.failed) return refused(`Het bestand kon niet tegen het XSD-schema worden gecontroleerd: ${v.failed}.`);
  const [first] = v.errors;
  if (!first) return null;
  const more = v.errors.length - 1;
  return new RefusedFile(
    'Het bericht voldoet niet aan het XSD-schema en is in zijn geheel geweigerd (iJw-retourcode 0001, afgekeurd om ' +
      `technische redenen): ${formatPlace({ record: first.line, field: first.field, reason: first.reason })}` +
      (more > 0 ? ` (en nog ${more} ${more === 1 ? 'fout' : 'fouten'})` : '') +
      '.',
    v.errors.map((e) => ({ file: fileName, record: e.line, field: e.field, reason: e.reason })),
    'Niets uit dit bestand is opgeslagen; lees het verbeterde bericht opnieuw in.',
  );
}

/**
 * Parses a (small) message into memory. Throws a RoerError when the file is refused.
 * @example const parsed = await parseMessage('JW301.xml', 'JW301', secret);
 */
export async function parseMessage(
  path: string,
  kind: IjwKind,
  secret: Secret,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<ParsedMessage> {
  const module = isImported(kind) ? MODULES[kind]! : null;
  const rows = module ? new RowBuffer() : null;
  const parsed = await readMessage(path, kind, rows, secret, maxBytes);
  const h = parsed.header;
  if (module && rows)
    rows.replay({
      append: (_r, _l, _p, clientId, own) => {
        parsed.keys.add(`${kind}|${module.key(h, own, clientId)}`);
      },
    });
  return { ...parsed, rows };
}

async function readMessage(
  path: string,
  kind: IjwKind,
  sink: RowSink | null,
  secret: Secret,
  maxBytes: number,
  read = readXml,
): Promise<ParsedMessage> {
  const module = isImported(kind) ? MODULES[kind]! : null;
  const walk = walkMessage(module ? module.parser : HEADER_ONLY, sink, secret);
  await read(path, walk.handler, maxBytes);
  const h = walk.header;
  const keys = new Set<string>();
  if (h.identificatie !== '') keys.add(`bericht|${h.afzender}|${h.identificatie}|${kind}`);
  return { header: h, records: walk.records, rows: null, keys };
}

/** Streams a large file into the stage: lean tokenizer first; when it gives up, the file's rows go and saxes reads it. */
async function streamMessage(
  path: string,
  kind: IjwKind,
  stage: Stage | null,
  secret: Secret,
  maxBytes: number,
  scan: boolean,
): Promise<ParsedMessage> {
  if (scan) {
    try {
      return { ...(await readMessage(path, kind, stage, secret, maxBytes, scanXml)), scanned: true };
    } catch (e) {
      if (!(e instanceof ScanUnsupported)) throw e;
      await stage?.discard(stage.fileIdx);
    }
  }
  return readMessage(path, kind, stage, secret, maxBytes);
}

/**
 * Imports `files` (all of message kind `kind`) and returns one outcome per file, in order. Throws when the batch
 * cannot be imported (a RoerError when a file is refused); the caller's transaction then leaves nothing behind.
 */
export async function importMessages(
  store: Store,
  secret: Secret,
  kind: IjwKind,
  files: MessageFile[],
  opts: ImportMessagesOptions = {},
): Promise<MessageOutcome[]> {
  const module = isImported(kind) ? MODULES[kind]! : null;
  const stage = module ? await Stage.open(store, `stage_${kind.toLowerCase()}`, module.columns) : null;
  const parsed: ParsedMessage[] = [];
  try {
    for (const [i, f] of files.entries()) {
      if (stage) stage.fileIdx = i;
      let p = f.parsed;
      if (p) {
        if (stage) p.rows?.replay(stage);
      } else
        p = await streamMessage(f.path, kind, stage, secret, opts.maxBytes ?? DEFAULT_MAX_BYTES, opts.scanLargeFiles ?? true);
      parsed.push(p);
      opts.onRecords?.(i, p.records);
    }
  } finally {
    await stage?.close();
  }
  const validations = await Promise.all(files.map((f) => f.validation));
  for (const [i, v] of validations.entries()) {
    const refusal = validationRefusal(v, files[i]!.fileName);
    if (refusal) {
      // A file xmllint cannot read gets saxes's own refusal first (with its line), as when saxes had read it.
      if (v.failed && parsed[i]!.scanned) await readXml(files[i]!.path, IGNORE, opts.maxBytes ?? DEFAULT_MAX_BYTES);
      throw refusal;
    }
  }
  await stageFiles(
    store,
    parsed.map((p, i) => ({ fileId: files[i]!.fileId, header: p.header })),
  );

  // Messages read before change nothing.
  const seen = new Set<number>();
  if (parsed.some((p) => p.header.identificatie !== '')) {
    const rows = await store.all<{ i: number }>(
      sql`SELECT f.file_idx AS i FROM ${ident(STAGE_FILE)} f JOIN message m ON m.sender = f.sender AND m.message_id = f.message_id
        AND m.message_code = ${kind}`,
    );
    for (const { i } of rows)
      if (parsed[i]!.header.identificatie !== '' && parsed[i]!.header.berichtCode === BERICHT_CODE[kind]) seen.add(i);
  }
  await stage?.drop([...seen]);

  const quarantined: QuarantinedRecord[][] = files.map(() => []);
  let changed = new Map<number, number>();
  // A return message is only checked (a schema-invalid one was refused above).
  if (module && stage) {
    await module.check?.(store, stage.table);
    for (const { fileIdx, ...r } of await stage.takeQuarantined(files.map((f) => f.fileName))) quarantined[fileIdx]!.push(r);
    if (parsed.some((p, i) => !seen.has(i) && quarantined[i]!.length < p.records))
      changed = await module.merge(store, stage.table);
  }
  // Only a message read without problems counts as received: a corrected copy of a message with quarantined records
  // must still be read (its records that were stored already change nothing the second time).
  const received = parsed.flatMap((p, i) =>
    !seen.has(i) && quarantined[i]!.length === 0 && p.header.identificatie !== '' && p.header.afzender !== '' ? [i] : [],
  );
  if (received.length > 0) {
    await store.run(
      sql`INSERT OR IGNORE INTO message SELECT sender, message_id,
         CASE WHEN regexp_full_match(message_date, '\\d{4}-\\d{2}-\\d{2}') THEN CAST(message_date AS DATE) END, ${kind}, nullif(receiver, ''), file_id
       FROM ${ident(STAGE_FILE)} WHERE file_idx IN (${join(received)})`,
    );
  }
  const note = module ? undefined : `${kind} (${LABEL[kind]}) wordt door Roer niet gebruikt; alleen gecontroleerd`;
  return parsed.map((p, i) => {
    const h = p.header;
    const total = p.records;
    if (seen.has(i)) {
      return {
        kind,
        total,
        ok: 0,
        unchanged: total,
        quarantined: [],
        note: `bericht al eerder ingelezen (afzender ${h.afzender}, identificatie ${h.identificatie}); niets gewijzigd`,
      };
    }
    const ok = changed.get(i) ?? 0;
    const q = quarantined[i]!;
    return { kind, total, ok, unchanged: module ? total - q.length - ok : 0, quarantined: q, ...(note ? { note } : {}) };
  });
}
