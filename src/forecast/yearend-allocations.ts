// The allocation-based parts of the year-end forecast: running allocations to year-end (allocated value × utilisation
// learned from history) and new inflow (what allocations starting after the cut-off cost in earlier years).
import type { CostCell } from './yearend.ts';

/** Allocated value (cents, as the utilisation metric prices it: src/store/allocated.ts) of allocations starting in
 * month `start`, in month of care `careMonth`; months are absolute (year × 12 + month − 1). */
export interface AllocatedCell {
  start: number;
  careMonth: number;
  cents: number;
}

/** Where utilisation is learned: cost cells (those with `start` are on a priced allocation) and allocated value. */
export interface UtilisationSource {
  cells: readonly CostCell[];
  allocated: readonly AllocatedCell[];
}

/** What earlier years are read with: the invoices known at the cut-off, each care month ÷ the share of its cost usually
 * invoiced by then (chain ladder); at most `years` of them, each with a year of data before it. */
export interface History {
  shares: readonly number[];
  years: number;
  /** The first month with data: an earlier year counts only from a year after it (else every allocation looks new). */
  firstMonth: number;
}

/** Sum over up to `h.years` earlier years of `f(year, cut-off then, completed cost of a cell)`; null without any. */
function overEarlierYears(
  year: number,
  cutoff: number,
  h: History,
  f: (y: number, at: number, completed: (c: CostCell) => number) => void,
): number | null {
  const maxLag = h.shares.length - 1;
  const completed = (c: CostCell) => {
    if (c.invoiceMonth > cutoff) return 0;
    const s = cutoff - c.careMonth >= maxLag ? 1 : h.shares[cutoff - c.careMonth]!;
    return s > 0 ? c.cents / s : c.cents;
  };
  let used = 0;
  for (let back = 1; back <= h.years; back++) {
    const y = year - back;
    if (y * 12 < h.firstMonth + 12) break;
    f(y, cutoff - 12 * back, completed);
    used++;
  }
  return used || null;
}

/**
 * Utilisation as the metric `utilisation` defines it in euros (invoiced on allocations with an amount ÷ their allocated
 * value), measured on what the forecast needs it for: the allocations running at the same month of earlier years, over
 * their months to that year-end. (Over all allocations it is higher: running allocations often stop before their end.)
 * Null without allocated value to learn from.
 */
export function learnUtilisation(source: UtilisationSource, year: number, cutoff: number, h: History): number | null {
  let invoiced = 0;
  let allocated = 0;
  const used = overEarlierYears(year, cutoff, h, (y, at, completed) => {
    const [from, to] = [Math.max(y * 12, at + 1), y * 12 + 11];
    for (const c of source.cells)
      if (c.start !== undefined && c.start <= at && c.careMonth >= from && c.careMonth <= to) invoiced += completed(c);
    allocated += runningValue(source.allocated, at, from, to);
  });
  return used && allocated > 0 ? invoiced / allocated : null;
}

/** Allocated value in the care months `from`…`to` of the allocations that started by the cut-off (each only in its own
 * months: one ending mid-year adds nothing after its end). */
export function runningValue(allocated: readonly AllocatedCell[], cutoff: number, from: number, to: number): number {
  let s = 0;
  for (const a of allocated) if (a.start <= cutoff && a.careMonth >= from && a.careMonth <= to) s += a.cents;
  return s;
}

/**
 * Expected cost of new inflow: what allocations starting after the cut-off cost up to the year-end, in the same months of
 * the earlier years, grown into this year by `growth` a year, averaged. Null when no earlier year can be used.
 */
export function newInflow(
  cells: readonly CostCell[],
  year: number,
  cutoff: number,
  h: History & { growth: number },
): number | null {
  let sum = 0;
  const used = overEarlierYears(year, cutoff, h, (y, at, completed) => {
    const [from, to] = [Math.max(y * 12, at + 1), y * 12 + 11];
    let cost = 0;
    for (const c of cells)
      if (c.start !== undefined && c.start > at && c.start <= to && c.careMonth >= from && c.careMonth <= to)
        cost += completed(c);
    sum += cost * h.growth ** (year - y);
  });
  return used ? sum / used : null;
}
