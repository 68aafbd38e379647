// The framework as a table and a sentence, shared by the report section and the dashboard panel: one row per year,
// the cost-line kinds that occur as their own labelled columns, unknown amounts as null (never 0).
import type { Column, Value } from '../../contract/index.ts';
import { COST_KIND_LABELS, type CostKind } from '../../forecast/cost-kinds.ts';
import type { BaselineView } from '../../forecast/baseline-view.ts';
import type { FrameworkViewYear } from '../../forecast/framework-view.ts';
import { amount } from '../messages/figures.ts';
import type { Block } from '../model.ts';

const eur = (name: string, label: string): Column => ({ name, label, unit: 'eur', kind: 'value' });
const euros = (cents: number | null): Value => (cents === null ? null : cents / 100);

/**
 * The sentence on the report year: "In 2019 zijn de jaarkosten volgens het kader € 114,70 mln en de nettokosten
 * € 102,70 mln. Gerealiseerd is € 3,50 mln, € 111,20 mln onder het pad." An unknown contribution gives "hoogstens".
 * Null when the year is not in the framework.
 */
export function frameworkSentence(years: readonly FrameworkViewYear[], year: number): string | null {
  const y = years.find((r) => r.year === year);
  if (!y) return null;
  if (y.yearCostCents === null) return `Voor ${year} zijn de jaarkosten in het kader onbekend: de begroting ontbreekt.`;
  const cost = amount(y.yearCostCents / 100);
  const net =
    y.netCostCents !== null
      ? `de nettokosten ${amount(y.netCostCents / 100)}`
      : `de nettokosten onbekend omdat de rijksbijdrage onbekend is (hoogstens ${amount((y.netAtMostCents ?? y.yearCostCents) / 100)})`;
  let text = `In ${year} zijn de jaarkosten volgens het kader ${cost} en ${net}.`;
  if (y.realisedCents !== null && y.gapCents !== null) {
    const gap =
      y.gapCents === 0
        ? 'precies op het pad'
        : `${amount(Math.abs(y.gapCents) / 100)} ${y.gapCents > 0 ? 'boven' : 'onder'} het pad`;
    const parts = y.costLinesCents > 0 ? ` (waarvan ${amount(y.costLinesCents / 100)} buiten de declaraties)` : '';
    text += ` Gerealiseerd is ${amount(y.realisedCents / 100)}${parts}, ${gap}.`;
  }
  return text;
}

/** The framework table: one row per year, the cost-line kinds that occur as their own columns. */
export function frameworkTable(years: readonly FrameworkViewYear[], source: string): Block {
  const kinds = (Object.keys(COST_KIND_LABELS) as CostKind[]).filter((k) => years.some((y) => y.costLines[k] !== undefined));
  const columns: Column[] = [
    { name: 'year', label: 'Jaar', unit: 'text', kind: 'key' },
    eur('budget', 'Begroting'),
    eur('burap', 'Burap'),
    eur('target', 'Taakstelling'),
    eur('year_cost', 'Jaarkosten'),
    eur('contribution', 'Rijksbijdrage'),
    eur('net_cost', 'Nettokosten'),
    eur('invoiced', 'Gedeclareerd (met pgb)'),
    ...kinds.map((k) => eur(`cost_${k}`, COST_KIND_LABELS[k])),
    eur('realised', 'Gerealiseerd'),
    eur('gap', 'Afstand tot pad'),
  ];
  const rows = years.map((y) => ({
    year: String(y.year),
    budget: euros(y.budgetCents),
    burap: euros(y.burapCents),
    target: euros(y.targetCents),
    year_cost: euros(y.yearCostCents),
    contribution: euros(y.contributionCents),
    net_cost: euros(y.netCostCents),
    invoiced: euros(y.realisedCents === null ? null : y.invoicedCents),
    ...Object.fromEntries(kinds.map((k) => [`cost_${k}`, euros(y.costLines[k] ?? (y.realisedCents === null ? null : 0))])),
    realised: euros(y.realisedCents),
    gap: euros(y.gapCents),
  }));
  return { kind: 'table', caption: 'Financieel kader en realisatie per jaar', columns, rows, source };
}

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
