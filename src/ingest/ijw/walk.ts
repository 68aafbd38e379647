// Walks one iJw message: reads the header, pseudonymises each client at once (BSN checked with the 11-proof, then dropped),
// and hands every record (product line, prestatie) to the message's own parser, which turns it into one staged row.
// Names, addresses, phone numbers, e-mail and comments are never copied out of the stream.
import { isValidBsn, pseudonymise, type Secret } from '../pseudonym.ts';
import type { XmlHandler } from './reader.ts';
import type { Cell, RecordProblem, RowSink } from './stage.ts';

export interface Header {
  berichtCode: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
}

export interface ClientInfo {
  clientId: string | null;
  birthDate: string | null;
  sex: string | null;
  /** LDT_DatumGebruik: 1 only month and year known, 2 only the year, 3 nothing. */
  birthDateUse?: string;
  problem?: RecordProblem;
}

/**
 * The birth date as 'YYYY-MM-DD', honouring DatumGebruik: only month and year known gives the 1st of the month, only the
 * year 1 January; null when unknown. Kept to compute ages to the day; users see at most the month (client.birth_month).
 */
export function birthDate(c: ClientInfo): string | null {
  const d = c.birthDate;
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d) || c.birthDateUse === '3') return null;
  return c.birthDateUse === '2' ? `${d.slice(0, 4)}-01-01` : c.birthDateUse === '1' ? `${d.slice(0, 7)}-01` : d;
}

/** What a message module supplies: how to read one record and which staged row it becomes. */
export interface RecordParser<R> {
  /** The element that is one record, e.g. 'ToegewezenProduct' or 'Prestatie'. */
  recordElement: string;
  newRecord(line: number): R;
  /** A leaf element inside a record, with its parent's name. */
  leaf(rec: R, name: string, parent: string, text: string): void;
  /** A leaf element outside header and clients (e.g. DeclaratieNummer). */
  docLeaf?(doc: Record<string, string>, name: string, parent: string, text: string): void;
  /** The record's own staged values (after the common columns). */
  row(rec: R, client: ClientInfo, header: Header, doc: Record<string, string>): Cell[];
}

export interface Walk {
  handler: XmlHandler;
  header: Header;
  /** Records read so far. */
  records: number;
}

/** Reads no records: for messages Roer only checks (return messages). */
export const HEADER_ONLY: RecordParser<null> = { recordElement: '', newRecord: () => null, leaf: () => undefined, row: () => [] };

/** An XmlHandler that hands every record of the message to `stage` (none without a stage). */
export function walkMessage<R>(parser: RecordParser<R>, stage: RowSink | null, secret: Secret): Walk {
  const header: Header = { berichtCode: '', afzender: '', ontvanger: '', identificatie: '', dagtekening: '' };
  const doc: Record<string, string> = {};
  const stack: string[] = [];
  let client: ClientInfo | null = null;
  let rec: R | null = null;
  let recNo = -1;
  let recLine = 0;
  const walk: Walk = { header, records: 0, handler: undefined as unknown as XmlHandler };

  walk.handler = {
    open(name, line) {
      stack.push(name);
      if (name === 'Client' && client === null && rec === null) {
        client = { clientId: null, birthDate: null, sex: null };
      } else if (stage !== null && name === parser.recordElement && client !== null && rec === null) {
        recNo = walk.records++;
        recLine = line;
        rec = parser.newRecord(line);
      }
    },
    close(name, text, line) {
      stack.pop();
      const parent = stack[stack.length - 1] ?? '';
      if (rec !== null) {
        if (name === parser.recordElement) {
          stage!.append(recNo, recLine, client!.problem, client!.clientId, parser.row(rec, client!, header, doc));
          rec = null;
        } else parser.leaf(rec, name, parent, text);
      } else if (client !== null) {
        if (name === 'Client') {
          client = null;
        } else if (parent === 'Client') clientLeaf(client, name, text, line, secret);
        else if (parent === 'Geboortedatum' && stack[stack.length - 2] === 'Client') {
          if (name === 'Datum') client.birthDate = text;
          else if (name === 'DatumGebruik') client.birthDateUse = text;
        }
      } else if (parent === 'Header') {
        if (name === 'BerichtCode') header.berichtCode = text;
        else if (name === 'Afzender') header.afzender = text;
        else if (name === 'Ontvanger') header.ontvanger = text;
      } else if (parent === 'BerichtIdentificatie' && stack[stack.length - 2] === 'Header') {
        if (name === 'Identificatie') header.identificatie = text;
        else if (name === 'Dagtekening') header.dagtekening = text;
      } else parser.docLeaf?.(doc, name, parent, text);
    },
  };
  return walk;
}

/** Bsn is replaced at once by its pseudonym; an invalid BSN marks the client's records for quarantine (without the value). */
function clientLeaf(client: ClientInfo, name: string, text: string, line: number, secret: Secret): void {
  if (name === 'Bsn') {
    if (isValidBsn(text)) client.clientId = pseudonymise(secret, text);
    else client.problem = { line, field: 'Bsn', reason: 'het BSN is ongeldig (voldoet niet aan de elfproef)' };
  } else if (name === 'Geslacht') client.sex = text;
}
