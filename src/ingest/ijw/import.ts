// Imports one iJw message file inside the caller's transaction: stream-parse into a stage, wait for its XSD validation,
// quarantine the records with schema or rule errors, merge the rest, and remember the message's identity.
// A message fully read before (sender + BerichtIdentificatie + message code) changes nothing.
import type { ImportContext, ImportOutcome } from '../context.ts';
import { BERICHT_CODE, LABEL, isImported, type IjwKind } from './catalogue.ts';
import type { MessageModule } from './module.ts';
import { readXml, refused, DEFAULT_MAX_BYTES } from './reader.ts';
import { Stage } from './stage.ts';
import type { FileValidation } from './validate.ts';
import { HEADER_ONLY, walkMessage } from './walk.ts';
import { jw301 } from './jw301.ts';
import { jw305 } from './jw305.ts';
import { jw307 } from './jw307.ts';
import { jw315 } from './jw315.ts';
import { jw323 } from './jw323.ts';
import { jw325 } from './jw325.ts';

const MODULES: Record<string, MessageModule<any>> = { JW301: jw301, JW305: jw305, JW307: jw307, JW315: jw315, JW323: jw323, JW325: jw325 };

export interface IjwImportOptions {
  kind: IjwKind;
  validation: Promise<FileValidation>;
  maxBytes?: number;
  /** Called with the number of records read so far (for progress bars). */
  onRecords?: (n: number) => void;
}

/** Imports the message at `ctx.path`. Throws a RoerError when the file is refused (then nothing of it may be stored). */
export async function importIjw(ctx: ImportContext, opts: IjwImportOptions): Promise<ImportOutcome> {
  const { kind } = opts;
  const module = isImported(kind) ? MODULES[kind]! : null;
  const stage = module ? await Stage.open(ctx.store, `stage_${kind.toLowerCase()}`, module.columns) : null;
  const walk = walkMessage(module ? module.parser : HEADER_ONLY, stage, ctx.secret);
  try {
    await readXml(ctx.path, walk.handler, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  } finally {
    await stage?.close();
  }
  const total = walk.ranges.records;
  opts.onRecords?.(total);
  const validation = await opts.validation;
  if (validation.failed) throw refused(`Het bestand kon niet tegen het XSD-schema worden gecontroleerd: ${validation.failed}.`);

  const h = walk.header;
  if (h.identificatie !== '' && h.berichtCode === BERICHT_CODE[kind]) {
    const seen = await ctx.store.one<{ file_id: string }>(
      'SELECT file_id FROM message WHERE sender = ? AND message_id = ? AND message_code = ?', [h.afzender, h.identificatie, kind]);
    if (seen) {
      return { kind, total, ok: 0, unchanged: total, note: `bericht al eerder ingelezen (afzender ${h.afzender}, identificatie ${h.identificatie}); niets gewijzigd` };
    }
  }

  let ok = 0;
  let quarantined = 0;
  if (module && stage) {
    await stage.mark(walk.ranges.locate(validation.errors));
    await module.check?.(ctx.store, stage.table, h);
    const q = await stage.takeQuarantined(ctx.fileName);
    for (const r of q) ctx.quarantine({ record: r.record, field: r.field, reason: r.reason, raw: r.raw });
    quarantined = q.length;
    if (quarantined < total) ok = await module.merge(ctx.store, stage.table, h, ctx.fileId);
  } else {
    // A return message: only checked. Its schema errors are still reported.
    for (const e of validation.errors) ctx.quarantine({ record: e.line, field: e.field, reason: e.reason });
    quarantined = validation.errors.length;
  }
  // Only a message read without problems counts as received: a corrected copy of a message with quarantined records
  // must still be read (its records that were stored already change nothing the second time).
  if (quarantined === 0 && h.identificatie !== '' && h.afzender !== '') {
    await ctx.store.run('INSERT OR IGNORE INTO message VALUES (?, ?, CAST(? AS DATE), ?, ?, ?)',
      [h.afzender, h.identificatie, /^\d{4}-\d{2}-\d{2}$/.test(h.dagtekening) ? h.dagtekening : null, kind, h.ontvanger || null, ctx.fileId]);
  }
  const note = module ? undefined : `${kind} (${LABEL[kind]}) wordt door Roer niet gebruikt; alleen gecontroleerd`;
  return { kind, total, ok, unchanged: module ? total - quarantined - ok : 0, ...(note ? { note } : {}) };
}
