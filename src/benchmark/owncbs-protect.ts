// Protects the own-versus-CBS view for roles that see only aggregates (readers): counts under the threshold are hidden,
// the rest get the installation's cell-key noise (src/access/disclosure.ts), and every figure derived from an own count
// (the difference, the percentage) is recomputed from the protected count, so CBS's public figure beside it cannot undo it.
import { perturb } from '../access/disclosure.ts';
import type { Column, MetricResult, Value } from '../contract/index.ts';
import { compared, type OwnCbsView } from './owncbs.ts';

const count = (name: string): Column => ({ name, label: name, unit: 'count', clientCount: true });

/**
 * The view as a reader may see it. The noise of a count follows from the key and all exact counts of its period, so the
 * same period shows the same figures in every answer and a difference of two answers yields noise, not a hidden count.
 * @example protectOwnCbs(view, cellKey, 10).rows[0] // { own: null, hidden: true, difference: null, … } for 4 youths
 */
export function protectOwnCbs(view: OwnCbsView, key: Buffer, threshold: number): OwnCbsView {
  const periods = [...new Set(view.rows.map((r) => r.period))];
  const columns: Column[] = [{ name: 'period', label: 'Periode', unit: 'text' }];
  const rows: Record<string, Value>[] = periods.map((period) => {
    const row: Record<string, Value> = { period };
    for (const r of view.rows.filter((x) => x.period === period)) {
      row[`own:${r.measure}`] = r.own;
      if (r.ownExtended !== null) row[`extended:${r.measure}`] = r.ownExtended;
    }
    for (const e of view.explanations.filter((x) => x.period === period && x.count !== null)) row[`explain:${e.kind}`] = e.count;
    for (const name of Object.keys(row))
      if (name !== 'period' && !columns.some((c) => c.name === name)) columns.push(count(name));
    return row;
  });
  const small = (v: Value | undefined) => typeof v === 'number' && v > 0 && v < threshold;
  const hidden = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, small(v) ? null : v])));
  const result: MetricResult = {
    metric: 'own_cbs',
    title: 'Eigen cijfers naast CBS',
    columns,
    rows: hidden,
    filters: {},
    split: [],
  };
  const noisy = perturb(result, key, threshold).rows;
  const at = (period: string, name: string) => noisy[periods.indexOf(period)]?.[name];
  const wasSmall = (period: string, name: string) => small(rows[periods.indexOf(period)]?.[name]);
  return {
    ...view,
    rows: view.rows.map((r) => {
      const own = at(r.period, `own:${r.measure}`);
      const extended = at(r.period, `extended:${r.measure}`);
      const row = compared(
        view,
        r.period,
        r.measure,
        typeof own === 'number' ? own : null,
        typeof extended === 'number' ? extended : null,
        { value: r.cbs, missing: r.cbsMissing },
      );
      return {
        ...row,
        hidden: wasSmall(r.period, `own:${r.measure}`) || wasSmall(r.period, `extended:${r.measure}`),
      };
    }),
    explanations: view.explanations.map((e) => {
      if (e.count === null) return e;
      const v = at(e.period, `explain:${e.kind}`);
      return { ...e, count: typeof v === 'number' ? v : null, hidden: wasSmall(e.period, `explain:${e.kind}`) };
    }),
    protection:
      `Aantallen van minder dan ${threshold} jongeren zijn afgeschermd (<${threshold}); de andere aantallen zijn licht ` +
      'verstoord (±1 of ±2), steeds op dezelfde manier, en het verschil met het CBS is uit het verstoorde aantal berekend.',
  };
}
