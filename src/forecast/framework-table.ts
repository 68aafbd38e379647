// The framework as a table and a sentence, shared by the report section and the dashboard panel (pure: no store, no
// report import, so the web bundle can read it): one row per year, the cost-line kinds imported as their own labelled
// columns, unknown amounts as null (never 0).
import type { Column, Value } from '../contract/index.ts';
import { formatAmount as amount } from '../contract/format.ts';
import { COST_KIND_LABELS, type CostKind } from './cost-kinds.ts';
import type { FrameworkViewYear } from './framework-view.ts';

/** A table as both the report (a table block) and the dashboard (its own markup) draw it. */
export interface FrameworkTable {
  caption: string;
  columns: Column[];
  rows: Record<string, Value>[];
}

const eur = (name: string, label: string): Column => ({ name, label, unit: 'eur', kind: 'value' });
const euros = (cents: number | null | undefined): Value => (cents === null || cents === undefined ? null : cents / 100);

/**
 * The sentence on the report year: "In 2019 zijn de jaarkosten volgens het kader € 114,70 mln en de nettokosten
 * € 102,70 mln. Gerealiseerd is € 3,50 mln, € 111,20 mln onder het pad." An unknown contribution gives "hoogstens";
 * an unknown cost-line part leaves the realised cost unknown (the invoices alone are not the whole picture).
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
    const parts = y.costLinesCents ? ` (waarvan ${amount(y.costLinesCents / 100)} buiten de declaraties)` : '';
    text += ` Gerealiseerd is ${amount(y.realisedCents / 100)}${parts}, ${gap}.`;
  } else if (y.realisedCents === null && y.invoicedCents !== null) {
    text +=
      ` Gedeclareerd is ${amount(y.invoicedCents / 100)}; het hele gerealiseerde is onbekend omdat niet alle ` +
      'kostenregels buiten de declaraties zijn ingelezen.';
  }
  return text;
}

/** The framework table: one row per year, the cost-line kinds imported as their own columns. */
export function frameworkTable(years: readonly FrameworkViewYear[]): FrameworkTable {
  const kinds = (Object.keys(COST_KIND_LABELS) as CostKind[]).filter((k) => years.some((y) => k in y.costLines));
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
    invoiced: euros(y.invoicedCents),
    // A kind not imported for the year is unknown, not € 0; an imported zero stays 0.
    ...Object.fromEntries(kinds.map((k) => [`cost_${k}`, euros(y.costLines[k])])),
    realised: euros(y.realisedCents),
    gap: euros(y.gapCents),
  }));
  return { caption: 'Financieel kader en realisatie per jaar', columns, rows };
}
