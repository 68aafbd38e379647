// The framework as a table and a sentence, shared by the report section and the dashboard panel: one row per year,
// the cost-line kinds that occur as their own labelled columns, unknown amounts as null (never 0).
import type { Column, Value } from '../../contract/index.ts';
import { COST_KIND_LABELS, type CostKind } from '../../forecast/cost-kinds.ts';
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
