// Year-on-year change of the cost figures, per split value: this year against the year before.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import type { Store } from '../store/index.ts';
import { costAndCareSql, costFigures } from './costs.ts';
import { change, eur, result, splitColumns, type Row, query } from './result.ts';
import { DIMENSIONS, type Column, type Dimension, type Metric, type MetricRequest } from './types.ts';

const PERIODS: Dimension[] = ['year', 'half_year', 'quarter', 'month'];
const FIGURES = ['cost', 'clients', 'cost_per_client', 'care_days', 'cost_per_care_day'] as const;

const COLUMNS: Column[] = Object.values(C.costs_yoy);

export const costsYoy: Metric = {
  id: 'costs_yoy',
  title: 'Verandering ten opzichte van vorig jaar',
  definition:
    'Per jaar de kosten, unieke cliënten, kosten per cliënt, trajectdagen en kosten per trajectdag (definities als bij ' +
    '"Kosten en cliënten") naast die van het jaar ervoor, met de verandering in euro en in procenten. Een onderdeel (bijvoorbeeld ' +
    'een aanbieder) dat vorig jaar kosten had en dit jaar niet, staat er met kosten 0. Het jaar van de zorg ' +
    'telt (of de declaratiedatum als u die kiest). Het eerste jaar heeft geen vergelijking.',
  splits: DIMENSIONS.filter((d) => !PERIODS.includes(d)),
  async compute(store: Store, req: MetricRequest) {
    const q = costAndCareSql(req, [...req.split, 'year']);
    const raw = await query(store, q);
    const key = (r: Row, year: number) => JSON.stringify([...req.split.map((d) => r[d] ?? null), year]);
    const byKey = new Map(raw.map((r) => [key(r, Number(r.year)), costFigures(r)]));
    const years = new Set(raw.filter((r) => r.year !== null).map((r) => Number(r.year)));
    const compare = (r: Row, year: number, now: Row) => {
      const prev = byKey.get(key(r, year - 1));
      return {
        ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
        year,
        cost: now.cost,
        cost_previous: prev?.cost ?? null,
        cost_change: prev ? eur(Math.round(Number(now.cost) * 100) - Math.round(Number(prev.cost) * 100)) : null,
        clients: now.clients,
        clients_previous: prev?.clients ?? null,
        ...Object.fromEntries(FIGURES.map((f) => [`${f}_change_pct`, prev ? change(now[f], prev[f]) : null])),
      };
    };
    // A provider (or referrer, team…) that had costs last year and none this year must show as a fall to zero:
    // a closure is exactly the change an analyst looks for. Only for years the selection has data in.
    const rows = raw
      .filter((r) => r.year !== null)
      .flatMap((r) => {
        const year = Number(r.year);
        const row = compare(r, year, costFigures(r));
        const vanished = years.has(year + 1) && !byKey.has(key(r, year + 1));
        return vanished ? [row, compare(r, year + 1, costFigures({}))] : [row];
      });
    return result(this, req, [...splitColumns(req.split), ...COLUMNS], rows);
  },
};
