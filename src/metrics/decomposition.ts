// Growth decomposition: why did cost change from year to year — more clients, more care-days per client, dearer
// care-days, or a shift between care types. The method is in lmdi.ts and docs/metrics.md.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import type { Store } from '../store/index.ts';
import { costAndCareSql } from './costs.ts';
import { decompose, periodFigures, type AggregateRow } from './lmdi.ts';
import { change, eur, result, round, ratio, type Row, query } from './result.ts';
import type { Column, Metric, MetricRequest } from './types.ts';

export const DECOMPOSITION_COLUMNS: Column[] = Object.values(C.decomposition);

/**
 * The decomposition table from aggregate rows (period × care type). `clients` gives the unique clients per period over
 * all care types (needed when a client has several care types); without it the rows' clients are summed.
 */
export function decompositionRows(input: AggregateRow[], clients?: Map<string | number, number>): Row[] {
  const periods = periodFigures(input, clients);
  return periods.map((p, i) => {
    const row: Row = {
      year: p.period,
      cost: eur(p.costCents),
      clients: p.clients,
      cost_per_client: round((ratio(p.costCents, p.clients) ?? NaN) / 100),
      care_days_per_client: round(ratio(p.careDays, p.clients), 1),
      cost_per_care_day: round((ratio(p.costCents, p.careDays) ?? NaN) / 100),
    };
    const prev = periods[i - 1];
    if (!prev) return row;
    const e = decompose(
      input.filter((r) => r.period === prev.period),
      input.filter((r) => r.period === p.period),
      [prev.clients, p.clients],
    );
    return {
      ...row,
      cost_change: eur(p.costCents - prev.costCents),
      cost_change_pct: change(p.costCents, prev.costCents),
      clients_change_pct: change(p.clients, prev.clients),
      care_days_per_client_change_pct: change(ratio(p.careDays, p.clients), ratio(prev.careDays, prev.clients)),
      cost_per_care_day_change_pct: change(ratio(p.costCents, p.careDays), ratio(prev.costCents, prev.careDays)),
      effect_volume: eur(e.volume),
      effect_intensity: eur(e.intensity),
      effect_price: eur(e.price),
      effect_mix: eur(e.mix),
      effect_other: eur(e.other),
    };
  });
}

export const decomposition: Metric = {
  id: 'decomposition',
  title: 'Ontleding van de kostengroei',
  definition:
    'Splitst de verandering in kosten van jaar op jaar exact op in vier delen: meer of minder jeugdigen (volume), meer of ' +
    'minder trajectdagen per jeugdige (intensiteit), duurdere of goedkopere trajectdagen (prijs) en een verschuiving tussen ' +
    'zorgsoorten (mix). Methode: logaritmisch-gemiddelde Divisia-index (LMDI), per zorgsoort; de delen tellen op de cent ' +
    'op tot de totale verandering. Kosten, jeugdigen (met kosten) en trajectdagen zoals bij "Kosten en cliënten"; het jaar ' +
    'van de zorg telt. Een zorgsoort die in één van beide jaren ontbreekt, telt volledig als verschuiving; kosten zonder ' +
    'trajectdagen (zoals PGB zonder toewijzing) staan apart als "niet te ontleden".',
  splits: [],
  async compute(store: Store, req: MetricRequest) {
    const byType = costAndCareSql(req, ['year', 'care_type']);
    const byYear = costAndCareSql(req, ['year']);
    const rows = await query(store, byType);
    const years = await query(store, byYear);
    const input: AggregateRow[] = rows
      .filter((r) => r.year !== null)
      .map((r) => ({
        period: Number(r.year),
        careType: String(r.care_type),
        costCents: Number(r.cost_cents ?? 0),
        clients: Number(r.clients ?? 0),
        careDays: Number(r.care_days ?? 0),
      }));
    const clients = new Map(years.map((r) => [Number(r.year), Number(r.clients ?? 0)]));
    return result(this, req, DECOMPOSITION_COLUMNS, decompositionRows(input, clients));
  },
};
