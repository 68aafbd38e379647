// Writes one municipality's iJw traffic from 2021 as message files: requests, allocations, start/stop, declarations
// per provider and month (plus a supplementary one for late lines and corrections) and answers with rejections.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { day, monthIndex, yearOf, type Day } from '../dates.ts';
import type { Allocation, InvoiceLine } from '../model.ts';
import type { Rng } from '../../random.ts';
import { jw301, jw305, jw307, jw315, jw323, jw325, type Header } from './messages.ts';
import type { MessageCode } from './xml.ts';

export const IJW_START: Day = day(2021, 1, 1);

export interface IjwCounts {
  files: Record<MessageCode, number>;
  /** Prestaties in JW323 messages. */
  lines: number;
  bytes: number;
}

export function emptyCounts(): IjwCounts {
  return { files: { JW301: 0, JW305: 0, JW307: 0, JW315: 0, JW323: 0, JW325: 0 }, lines: 0, bytes: 0 };
}

function groupBy<T>(items: T[], key: (t: T) => string | null): T[][] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  return [...groups.values()];
}

const CODE_DIGIT: Record<MessageCode, string> = { JW301: '1', JW305: '5', JW307: '7', JW315: '3', JW323: '2', JW325: '4' };

/**
 * Writes the messages under `<outDir>/ijw/<year>/<code>/`. Message ids are unique per sender and message type:
 * two digits for the municipality, one for the type, then a counter.
 */
export function writeIjw(
  outDir: string,
  muniIndex: number,
  municipality: string,
  allocations: Allocation[],
  lines: InvoiceLine[],
  rng: Rng,
  counts: IjwCounts,
  start: Day = IJW_START,
): void {
  const seq: Record<string, number> = {};
  const made = new Set<string>();
  const emit = (code: MessageCode, h: Omit<Header, 'id'>, build: (h: Header) => string): Header => {
    seq[code] = (seq[code] ?? 0) + 1;
    const header = { ...h, id: `${String(muniIndex).padStart(2, '0')}${CODE_DIGIT[code]}${String(seq[code]).padStart(9, '0')}` };
    const dir = join(outDir, 'ijw', String(yearOf(h.date)), code);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const xml = build(header);
    writeFileSync(join(dir, `${code}_${h.sender}_${header.id}.xml`), xml);
    counts.files[code]++;
    counts.bytes += xml.length;
    return header;
  };
  const fromProvider = (a: { provider: { agb: string } }, date: Day) => ({
    sender: a.provider.agb,
    receiver: municipality,
    date,
  });
  const fromMunicipality = (agb: string, date: Day) => ({ sender: municipality, receiver: agb, date });

  const made2021 = allocations.filter((a) => a.allocatedOn >= start);
  for (const g of groupBy(made2021, (a) =>
    a.referrer.type === '00' ? null : `${a.client.bsn}/${a.provider.agb}/${a.requestDate}`,
  )) {
    emit('JW315', fromProvider(g[0], g[0].requestDate), (h) => jw315(h, g));
  }
  // A JW301 carries the decision's products and the client's other current allocations at that provider.
  const atProvider = new Map<string, Allocation[]>();
  for (const a of made2021) {
    const k = `${a.client.bsn}/${a.provider.agb}`;
    const list = atProvider.get(k);
    if (list) list.push(a);
    else atProvider.set(k, [a]);
  }
  for (const g of groupBy(made2021, (a) => `${a.client.bsn}/${a.provider.agb}/${a.allocatedOn}`)) {
    const d = g[0].allocatedOn;
    const current = atProvider
      .get(`${g[0].client.bsn}/${g[0].provider.agb}`)!
      .filter(
        (a) =>
          a.allocatedOn < d && a.careStart !== null && (a.end === null || a.end >= d) && (a.careEnd === null || a.careEnd >= d),
      );
    emit('JW301', fromMunicipality(g[0].provider.agb, d), (h) => jw301(h, [...current, ...g]));
  }
  for (const g of groupBy(allocations, (a) =>
    a.careStart !== null && a.careStart >= start ? `${a.client.bsn}/${a.provider.agb}/${a.careStart}` : null,
  )) {
    emit('JW305', fromProvider(g[0], g[0].careStart! + rng.int(0, 5)), (h) => jw305(h, g));
  }
  for (const g of groupBy(allocations, (a) =>
    a.careEnd !== null && a.careEnd >= start ? `${a.client.bsn}/${a.provider.agb}/${a.careEnd}` : null,
  )) {
    emit('JW307', fromProvider(g[0], g[0].careEnd! + rng.int(1, 10)), (h) => jw307(h, g));
  }
  const declared = lines.filter((l) => l.periodStart >= start);
  for (const g of groupBy(declared, (l) => `${l.provider.agb}/${l.invoiceNo}`)) {
    const month = monthIndex(g[0].periodStart);
    const declaration = emit('JW323', fromProvider(g[0], g[0].invoiceDate), (h) => jw323(h, month, g));
    counts.lines += g.length;
    if (g.some((l) => l.rejected)) {
      emit('JW325', fromMunicipality(g[0].provider.agb, declaration.date + rng.int(3, 10)), (h) => jw325(h, declaration, g));
    }
  }
}
