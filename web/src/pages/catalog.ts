// The dashboard's pages: one per analysis, each bound to a metric of /api/metrics by id, with the chart that suits it,
// the split it opens with and the measures it shows first. Pages whose metric the server lacks are left out of the menu.
import type { Dimension } from '../../../src/metrics/types.ts';
import type { ChartKind } from '../charts/index.ts';

export interface PageDef {
  slug: string;
  title: string;
  /** Metric ids, first one the server has wins (tolerates renames in the catalogue). */
  metric: string[];
  chart: ChartKind;
  /** The split the page opens with; dimensions the metric cannot split by are dropped. */
  split: Dimension[];
  /** Measures the chart shows first, by column name. */
  prefer?: string[];
  /** Short Dutch question the page answers. */
  question: string;
  /** The metric compares with the year before: the period asked for always includes it. */
  needsPrevious?: boolean;
}

export const PAGES: PageDef[] = [
  { slug: 'kosten', title: 'Kosten en cliënten', metric: ['costs'], chart: 'trend', split: ['year'], prefer: ['cost'],
    question: 'Hoe ontwikkelen kosten, cliënten en kosten per cliënt zich?' },
  { slug: 'ontleding', title: 'Ontleding van de groei', metric: ['decomposition'], chart: 'waterfall', split: [], needsPrevious: true,
    question: 'Komt de kostengroei door meer cliënten, meer zorgdagen, hogere prijzen of een andere mix?' },
  { slug: 'uitnutting', title: 'Uitnutting', metric: ['utilisation'], chart: 'trend', split: ['year'],
    question: 'Welk deel van de toegewezen zorg wordt ook gedeclareerd?' },
  { slug: 'cohorten', title: 'Cohorten', metric: ['cohorts'], chart: 'heatmap', split: [], prefer: ['clients'],
    question: 'Hoeveel cliënten per instroomjaar zijn later nog in zorg, en wat kosten zij?' },
  { slug: 'zorgintensief', title: 'Zorgintensieve cliënten', metric: ['intensive', 'care_intensive', 'high_cost'], chart: 'bar', split: ['year'],
    question: 'Hoeveel cliënten kosten meer dan € 50.000 of € 100.000 per jaar?' },
  { slug: 'verwijzers', title: 'Verwijzers', metric: ['referrals', 'referrers'], chart: 'bar', split: ['referrer_type'],
    question: 'Wie verwijst, en naar welke zorg?' },
  { slug: 'stromen', title: 'Instroom, uitstroom en wachttijd', metric: ['flows'], chart: 'trend', split: ['year'],
    question: 'Hoeveel cliënten stromen in en uit, hoe lang duurt zorg en hoe lang is de wachttijd?' },
  { slug: 'zorgpaden', title: 'Zorgpaden', metric: ['pathways'], chart: 'sankey', split: [],
    question: 'Welke overgangen tussen zorgsoorten komen het meest voor?' },
  { slug: 'aanbieders', title: 'Aanbieders', metric: ['providers'], chart: 'pareto', split: ['provider'],
    question: 'Bij welke aanbieders gaat het geld heen, en hoe geconcentreerd is dat?' },
  { slug: 'budget', title: 'Budget en realisatie', metric: ['budget'], chart: 'bar', split: ['year'],
    question: 'Hoe verhoudt de realisatie zich tot het budget, en wat wordt het jaareinde?' },
];

export function pageBySlug(slug: string): PageDef | undefined {
  return PAGES.find((p) => p.slug === slug);
}
