// An export as the screen shows it: a name column beside each code column, the rows in the screen's order, and the rows
// the screen leaves out (the comparison year) kept but marked, so the file never holds a row the reader cannot place.
import type { Column, Dimension, MetricResult, Value } from '../../metrics/types.ts';
import { namedDimension } from '../names.ts';

/** How the screen showed the answer (the dashboard passes it along with the export link). */
export interface ScreenView {
  /** The measure the screen sorted the rows by, largest magnitude first (src/charts/frame.ts). */
  order?: string;
  /** The first year the screen shows: earlier rows were asked for only to compare with. */
  shownFrom?: number;
}

export type ResultNames = Partial<Record<Dimension, Record<string, string>>>;

export const SHOWN_COLUMN = 'shown';

/** The name column of a code column: "Naam gemeente" beside "Gemeente". */
const nameColumn = (c: Column): Column => ({ name: `${c.name}_name`, label: `Naam ${c.label.toLowerCase()}`, unit: 'text' });

/**
 * `result` as the screen showed it, ready for CSV or XLSX: a name column after each code column that has names (unless
 * the metric gives one itself, `<column>_name`), rows sorted as the screen sorted them, and with `shownFrom` the hidden
 * rows after the shown ones with "nee" in a column "Op het scherm"; notes in the explanation say both.
 */
export function asOnScreen(result: MetricResult, names: ResultNames, view: ScreenView = {}): MetricResult {
  const present = new Set(result.columns.map((c) => c.name));
  const named = result.columns.filter((c) => {
    const dim = namedDimension(c.name);
    return dim !== undefined && names[dim] !== undefined && !present.has(`${c.name}_name`);
  });
  const nameOf = (c: Column, v: Value | undefined) =>
    v === null || v === undefined ? null : (names[namedDimension(c.name)!]?.[String(v)] ?? null);
  const withNames = (row: Record<string, Value>) => {
    const out: Record<string, Value> = { ...row };
    for (const c of named) out[`${c.name}_name`] = nameOf(c, row[c.name]);
    return out;
  };
  const columns = result.columns.flatMap((c) => (named.includes(c) ? [c, nameColumn(c)] : [c]));
  let rows = result.rows.map(withNames);
  const notes = [...(result.notes ?? [])];

  const measure = view.order ? result.columns.find((c) => c.name === view.order && c.unit !== 'text') : undefined;
  if (measure) {
    const size = (r: Record<string, Value>) => {
      const v = r[measure.name];
      return typeof v === 'number' && Number.isFinite(v) ? Math.abs(v) : -Infinity;
    };
    rows = [...rows].sort((a, b) => size(b) - size(a));
    notes.push(
      `Volgorde als op het scherm: de grootste ${measure.label.toLowerCase()} eerst (een daling telt naar haar grootte).`,
    );
  }

  const from = view.shownFrom;
  if (from !== undefined && present.has('year')) {
    const shown = (r: Record<string, Value>) => r.year === null || r.year === undefined || Number(r.year) >= from;
    const hidden = rows.filter((r) => !shown(r));
    if (hidden.length > 0) {
      rows = [...rows.filter(shown), ...hidden].map((r) => ({ ...r, [SHOWN_COLUMN]: shown(r) ? 'ja' : 'nee' }));
      columns.push({ name: SHOWN_COLUMN, label: 'Op het scherm', unit: 'text' });
      notes.push(
        `De rijen van vóór ${from} staan niet op het scherm: dat jaar is alleen opgevraagd om mee te vergelijken. ` +
          'Ze staan onderaan, met "nee" in de kolom "Op het scherm".',
      );
    }
  }
  return {
    ...result,
    columns,
    rows,
    ...(result.totals ? { totals: withNames(result.totals) } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
