// Small-number suppression for roles that see only aggregates (readers, providers): counts of 1..threshold-1 clients
// become "<10" and the amounts of their row are hidden; complementary suppression makes sure no hidden value can be
// recovered by subtracting visible rows from a total or from the margin another query would show.
import type { Column, MetricResult, Value } from '../metrics/types.ts';
import { denied } from './errors.ts';

type Mark = 'primary' | 'secondary';

/** Columns that key a table's rows without being a split dimension. */
export const IMPLICIT_KEYS = ['year', 'entry_year', 'cohort', 'month'] as const;

/**
 * Returns a copy of `result` with small numbers suppressed.
 *
 * Rules, applied to every line of the table (the rows that share all split dimensions but one, whose sum another query
 * would show as a margin; with one split dimension the whole table is one line and `totals` is its margin):
 * 1. primary: a row with a client count of 1..threshold-1 in any `clientCount` column; its counts become "<threshold",
 *    every other figure of the row becomes null;
 * 2. secondary: a line holding exactly one suppressed row also hides its next-smallest row (all figures null), so the
 *    margin minus the visible rows yields only the sum of two hidden rows; repeated until no line has a single one;
 * 3. totals: hidden when they count fewer clients than the threshold, or when a line has a suppressed row and nothing
 *    else to hide (then the total minus the visible rows would be that row).
 *
 * @example suppress({ …, split: ['care_type'], rows: [{ care_type: 'crisis', clients: 4, cost: 81000 }, …] }).rows[0]
 *          // { care_type: 'crisis', clients: '<10', cost: null }
 */
export function suppress(result: MetricResult, threshold = 10): MetricResult {
  const counts = result.columns.filter((c) => c.clientCount);
  if (counts.length === 0) {
    if (result.rows.length === 0 && !result.totals) return result;
    throw denied(
      `'${result.title}' heeft geen aantal cliënten om kleine aantallen af te schermen; met uw rol kunt u deze analyse niet inzien.`,
      'metric',
    );
  }
  // Period columns key the rows as much as the split does (costs_yoy's year, a cohort's entry year): each is a line
  // whose margin another question shows, so they are keys even when not asked for as a split.
  const keys = [...new Set<string>([...result.split, ...IMPLICIT_KEYS])].filter((d) => result.columns.some((c) => c.name === d));
  const figures = result.columns.filter((c) => !keys.includes(c.name as never) && c.unit !== 'text' && c.unit !== 'date');
  // A row whose figures rest on clients its counts do not show (care-days of clients without cost: 0 clients, 412
  // care-days) is as small as it gets: it is protected like a row of 1–9 clients.
  const unseen = (row: Record<string, Value>) =>
    counts.every((c) => !row[c.name]) && figures.some((c) => typeof row[c.name] === 'number' && row[c.name] !== 0);
  const small = (row: Record<string, Value>) => counts.some((c) => isSmall(row[c.name], threshold)) || unseen(row);
  const size = (row: Record<string, Value>) => (typeof row[counts[0].name] === 'number' ? (row[counts[0].name] as number) : 0);

  const marks: (Mark | null)[] = result.rows.map((r) => (small(r) ? 'primary' : null));
  const exposed = complement(lines(result.rows, keys), marks, result.rows.map(size));

  const rows = result.rows.map((r, i) => (marks[i] ? hide(r, marks[i]!, counts, figures, threshold) : { ...r }));
  const anyHidden = marks.some((m) => m !== null);
  let totals = result.totals && { ...result.totals };
  if (totals && small(totals)) totals = hide(totals, 'primary', counts, figures, threshold);
  else if (totals && anyHidden && (exposed || keys.length === 0)) totals = hide(totals, 'secondary', counts, figures, threshold);
  const hiddenTotals =
    totals !== undefined && totals !== result.totals && figures.some((c) => totals![c.name] !== result.totals![c.name]);
  if (!anyHidden && !hiddenTotals) return { ...result, rows, totals };
  const note =
    `Aantallen van minder dan ${threshold} cliënten zijn afgeschermd (<${threshold}), met de bedragen in die rij; ` +
    'om terugrekenen te voorkomen zijn ook enkele andere cellen of totalen leeg gelaten.';
  return { ...result, rows, totals, notes: [...(result.notes ?? []), note] };
}

function isSmall(v: Value | undefined, threshold: number): boolean {
  return typeof v === 'number' && v > 0 && v < threshold;
}

function hide(
  row: Record<string, Value>,
  mark: Mark,
  counts: Column[],
  figures: Column[],
  threshold: number,
): Record<string, Value> {
  const out = { ...row };
  for (const c of figures) out[c.name] = null;
  if (mark === 'primary') for (const c of counts) if (isSmall(row[c.name], threshold)) out[c.name] = `<${threshold}`;
  return out;
}

/**
 * Rule 2 to its fixed point; marks hidden rows 'secondary' in `marks` and returns true when some line had a single
 * hidden row and nothing left to hide with it. The result is that of the plain loop "pass over all lines in order, in
 * a line with exactly one hidden row hide its smallest visible row (the first of equals), repeat until a pass changes
 * nothing", but each pass visits only the lines that changed since their last visit, in order (two heaps: this pass,
 * next pass), and each line keeps its rows sorted by size with a cursor past the hidden ones — so the work grows with
 * rows × split dimensions × log, without recursion, however many rows and passes there are.
 */
function complement(lineRows: number[][], marks: (Mark | null)[], size: number[]): boolean {
  const linesOf: number[][] = marks.map(() => []);
  lineRows.forEach((line, l) => {
    for (const i of line) linesOf[i].push(l);
  });
  const hidden = lineRows.map((line) => line.reduce((n, i) => n + (marks[i] === null ? 0 : 1), 0));
  const bySize = lineRows.map((line) => line.filter((i) => size[i] > 0).sort((a, b) => size[a] - size[b] || a - b));
  const cursor = lineRows.map(() => 0);
  const queued = lineRows.map(() => true);
  let pass = new MinHeap(lineRows.map((_, l) => l));
  let nextPass = new MinHeap([]);
  let exposed = false;
  for (let at = -1; pass.size > 0 || nextPass.size > 0; ) {
    if (pass.size === 0) [pass, nextPass, at] = [nextPass, pass, -1];
    const l = pass.pop();
    queued[l] = false;
    at = l;
    if (hidden[l] !== 1) continue;
    const rows = bySize[l];
    while (cursor[l] < rows.length && marks[rows[cursor[l]]] !== null) cursor[l]++;
    if (cursor[l] === rows.length) {
      exposed = true;
      continue;
    }
    const row = rows[cursor[l]];
    marks[row] = 'secondary';
    for (const m of linesOf[row]) {
      hidden[m]++;
      if (queued[m]) continue;
      queued[m] = true;
      (m > at ? pass : nextPass).push(m);
    }
  }
  return exposed;
}

/** A binary min-heap of line numbers (iterative, so no input size can overflow the stack). */
class MinHeap {
  private readonly items: number[];
  constructor(sorted: number[]) {
    this.items = sorted; // an ascending array is already a heap
  }
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    let i = a.push(x) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Groups row indices into lines: for each key, the rows that agree on every other key. One key → one line. */
function lines(rows: Record<string, Value>[], keys: string[]): number[][] {
  if (keys.length === 0) return [rows.map((_, i) => i)];
  const out: number[][] = [];
  for (const k of keys) {
    const others = keys.filter((o) => o !== k);
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const id = JSON.stringify(others.map((o) => r[o]));
      const group = groups.get(id);
      if (group) group.push(i);
      else groups.set(id, [i]);
    });
    for (const group of groups.values()) out.push(group);
  }
  return out;
}
