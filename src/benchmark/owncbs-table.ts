// The own-versus-CBS view as tables (columns with units, rows of values), the one shape the dashboard panel and the
// council report both show. Pure, and only type imports from the comparison: the web bundle may use it.
import { formatCount, formatEur, formatPeriod } from '../contract/format.ts';
import type { Column, Value } from '../contract/index.ts';
import type { OwnCbsView } from './owncbs.ts';

export const OWN_CBS_COLUMNS: Column[] = [
  { name: 'period', label: 'Periode', unit: 'text', kind: 'key' },
  { name: 'measure', label: 'Maatstaf', unit: 'text', kind: 'key' },
  { name: 'own', label: 'Eigen (CBS-definitie)', unit: 'count', kind: 'value' },
  { name: 'ownExtended', label: 'Eigen, 0–22 jaar', unit: 'count', kind: 'value' },
  { name: 'cbs', label: 'CBS', unit: 'count', kind: 'value' },
  { name: 'difference', label: 'Verschil', unit: 'count', kind: 'value' },
  { name: 'differencePct', label: 'Verschil (% van CBS)', unit: 'pct', kind: 'value' },
];

/** One row per period and measure; a hidden count reads '<10', a missing CBS figure says why. */
export function ownCbsRows(view: OwnCbsView): Record<string, Value>[] {
  return view.rows.map((r) => ({
    period: formatPeriod(r.period),
    measure: r.label,
    own: r.hidden ? '<10' : r.own,
    ownExtended: r.measure !== 'totaal' ? null : r.hidden ? '<10' : r.ownExtended,
    cbs: r.cbs ?? `– (${r.cbsMissing ?? 'onbekend'})`,
    difference: r.difference,
    differencePct: r.differencePct,
  }));
}

export const EXPLANATION_COLUMNS: Column[] = [
  { name: 'period', label: 'Periode', unit: 'text', kind: 'key' },
  { name: 'size', label: 'Omvang', unit: 'text', kind: 'value' },
  { name: 'effect', label: 'Eigen cijfer', unit: 'text', kind: 'value' },
  { name: 'text', label: 'Verklaring', unit: 'text', kind: 'value' },
];

const EFFECT = { hoger: 'hoger dan CBS', lager: 'lager dan CBS', geen: 'in geen van beide' } as const;

/** One row per period and explanation: how many youths (or euros) it concerns and which way it moves the own figure. */
export function explanationRows(view: OwnCbsView): Record<string, Value>[] {
  return view.explanations.map((e) => ({
    period: formatPeriod(e.period),
    size: e.hidden
      ? '<10 jongeren'
      : e.count !== null
        ? `${formatCount(e.count)} ${e.count === 1 ? 'jongere' : 'jongeren'}`
        : e.cents !== null
          ? formatEur(Math.round(e.cents / 100))
          : null,
    effect: EFFECT[e.direction],
    text: e.text,
  }));
}
