// The report's baseline sentence and table (the framework's own table and sentence are shared with the dashboard from
// src/forecast/framework-table.ts).
import type { BaselineView } from '../../forecast/baseline-view.ts';
import { amount } from '../messages/figures.ts';
import type { Block } from '../model.ts';

/**
 * "Bij de instroom en duur van 2018 en 2 % prijsindexatie per jaar kost de jeugdhulp in 2021 naar verwachting
 * € 0,30 mln (2019: € 0,21 mln)." Null without a projection.
 */
export function baselineSentence(view: BaselineView): string | null {
  const first = view.total[0];
  const last = view.total.at(-1);
  if (!first || !last || view.careTypes.length === 0) return null;
  const index = String(view.indexPercent).replace('.', ',');
  return (
    `Bij de instroom en duur van ${view.baseYear} en ${index} % prijsindexatie per jaar kost de jeugdhulp in ` +
    `${last.year} naar verwachting ${amount(last.costCents / 100)} (${first.year}: ${amount(first.costCents / 100)}).`
  );
}

/** The baseline's total per year: inflow, mean number in care, price per care-day and cost. */
export function baselineTable(view: BaselineView, source: string): Block {
  return {
    kind: 'table',
    caption: `Meerjarige basislijn (basisjaar ${view.baseYear})`,
    columns: [
      { name: 'year', label: 'Jaar', unit: 'text', kind: 'key' },
      { name: 'inflow', label: 'Instroom', unit: 'count', kind: 'value' },
      { name: 'stock', label: 'Gemiddeld in zorg', unit: 'count', kind: 'value' },
      { name: 'price', label: 'Prijs per trajectdag', unit: 'eur', kind: 'value' },
      { name: 'cost', label: 'Kosten', unit: 'eur', kind: 'value' },
    ],
    rows: view.total.map((y) => ({
      year: String(y.year),
      inflow: Math.round(y.inflow),
      stock: Math.round(y.stockMean),
      price: y.pricePerCareDayCents / 100,
      cost: y.costCents / 100,
    })),
    source,
  };
}
