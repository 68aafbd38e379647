// Invoice lines from the care actually given: one line per allocation and month of care, with late invoices,
// corrections (a credit line pointing at the earlier reference plus a new debit line) and, from 2021, JW325 rejections
// (the rejected line claimed a wrong tariff or volume; most are resubmitted correctly later).
import { UNIT, tariff } from './catalogue.ts';
import { monthEnd, monthIndex, monthStart, yearOf, type Day } from './dates.ts';
import type { Allocation, InvoiceLine } from './model.ts';
import type { Rng } from '../random.ts';
import { DATA_END } from './trajectories.ts';

export const IJW_FROM = 2021;
const P_LATE = 0.03;
const P_CORRECTION = 0.02;
const P_REJECTING_DECLARATION = 0.15;
const P_REJECTED_LINE = 0.2;
const P_RESUBMIT = 0.8;

/** Delivered volume in one month: days for etmaal, one piece for a month mostly in care, else a share of hours. */
function deliveredVolume(rng: Rng, a: Allocation, from: Day, to: Day, m: number): number {
  const days = to - from + 1;
  if (a.product.unit === UNIT.etmaal) return days;
  if (a.product.unit === UNIT.stuks) return days >= 10 ? 1 : 0;
  const full = monthEnd(m) - monthStart(m) + 1;
  return Math.round(a.monthlyVolume * (days / full) * (0.72 + 0.28 * rng.next()));
}

/** All invoice lines of one municipality's allocations, in allocation and month order. */
export function invoiceLines(rng: Rng, municipality: string, allocations: Allocation[]): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  const invoiceDates = new Map<string, Day>();
  const rejecting = new Map<string, boolean>();
  let seq = 0;
  const nextRef = () => `R${municipality}${String(++seq).padStart(8, '0')}`;
  for (const a of allocations) {
    if (a.careStart === null) continue;
    const last = Math.min(a.careEnd ?? DATA_END, DATA_END);
    for (let m = monthIndex(a.careStart); monthStart(m) <= last; m++) {
      const from = Math.max(monthStart(m), a.careStart);
      const to = Math.min(monthEnd(m), last);
      const volume = deliveredVolume(rng, a, from, to, m);
      if (volume <= 0) continue;
      const year = yearOf(from);
      const t = tariff(a.product, year);
      const yyyymm = String(Math.floor(m / 12) * 100 + (m % 12) + 1);
      const group = `${a.provider.agb}/${m}`;
      // One invoice per provider and month, and one more for what came late: each line of it carries the same date.
      const invoiceDate = (late: boolean) => {
        const key = late ? `${group}/A` : group;
        let d = invoiceDates.get(key);
        if (d === undefined) invoiceDates.set(key, (d = monthEnd(m) + (late ? rng.int(45, 150) : rng.int(5, 25))));
        return d;
      };
      const line = (
        late: boolean,
        previousReference: string | null,
        vol: number,
        tariffCents: number,
        amountCents: number,
        debitCredit: 'D' | 'C',
      ): InvoiceLine => ({
        provider: a.provider,
        reference: nextRef(),
        previousReference,
        municipality,
        client: a.client,
        allocation: a,
        invoiceNo: late ? `${municipality}${yyyymm}A` : `${municipality}${yyyymm}`,
        invoiceDate: invoiceDate(late),
        periodStart: from,
        periodEnd: to,
        volume: vol,
        tariffCents,
        amountCents,
        debitCredit,
        rejected: null,
        late,
      });
      const late = rng.chance(P_LATE);
      const first = line(late, null, volume, t, volume * t, 'D');
      if (year >= IJW_FROM && !first.late) {
        let r = rejecting.get(group);
        if (r === undefined) rejecting.set(group, (r = rng.chance(P_REJECTING_DECLARATION)));
        if (r && rng.chance(P_REJECTED_LINE)) {
          const code = rng.weighted(['0611', '9321', '9308'], [4, 3, 3]);
          if (code === '0611') first.tariffCents = tariff(a.product, year - 1);
          if (code === '9321') first.volume += rng.int(2, 6);
          first.amountCents = first.volume * first.tariffCents;
          first.rejected = code;
          lines.push(first);
          if (rng.chance(P_RESUBMIT)) lines.push(line(true, null, volume, t, volume * t, 'D'));
          continue;
        }
      }
      lines.push(first);
      if (volume > 1 && rng.chance(P_CORRECTION)) {
        lines.push(line(true, first.reference, first.volume, first.tariffCents, -first.amountCents, 'C'));
        const corrected = Math.max(1, volume - rng.int(1, Math.min(4, volume - 1)));
        lines.push(line(true, null, corrected, t, corrected * t, 'D'));
      }
    }
  }
  return lines;
}
