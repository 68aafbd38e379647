// The dashboard's pages: one per analysis. A page shows one or more metrics of /api/metrics ("views", chosen with a
// tab), each with the chart that suits it, the split it opens with and the measures it shows first. Views whose metric
// the server lacks are left out; a page without any is left out of the menu.
import type { Dimension, METRIC_COLUMNS, MetricId } from '../../../src/contract/index.ts';
import type { ChartKind } from '../../../src/charts/index.ts';

/** A view of metric M: its column names are the ones the contract declares for M (a typo does not compile). */
interface ViewOf<M extends MetricId> {
  metric: M;
  chart: ChartKind;
  /** The split the view opens with; dimensions the metric cannot split by are dropped. */
  split?: Dimension[];
  /** Measures the chart shows first, by column name. */
  prefer?: ColumnOf<M>[];
  /** Measures of one unit drawn side by side (e.g. budget and realisation), instead of the first measure alone. */
  together?: ColumnOf<M>[];
  /** The metric compares with the year before: the period asked for always includes it. */
  needsPrevious?: boolean;
  /** With needsPrevious: the year before is only the comparison (in the *_previous columns), so its rows are hidden. */
  hidePrevious?: boolean;
  /** Numeric columns that are categories of the chart, not figures. */
  dims?: ColumnOf<M>[];
}

type ColumnOf<M extends MetricId> = keyof (typeof METRIC_COLUMNS)[M];
export type ViewDef = { [M in MetricId]: ViewOf<M> }[MetricId];

export interface PageDef {
  slug: string;
  title: string;
  /** Shorter name for the menu. */
  nav?: string;
  /** Short Dutch question the page answers. */
  question: string;
  views: ViewDef[];
}

export const PAGES: PageDef[] = [
  {
    slug: 'kosten',
    title: 'Kosten en cliënten',
    nav: 'Kosten',
    question: 'Hoe ontwikkelen kosten, cliënten en kosten per cliënt zich?',
    views: [
      { metric: 'costs', chart: 'trend', split: ['year'], prefer: ['cost'] },
      { metric: 'costs_yoy', chart: 'bar', prefer: ['cost_change'], needsPrevious: true, hidePrevious: true },
    ],
  },
  {
    slug: 'jeugdigen',
    title: 'Jeugdigen met jeugdhulp',
    nav: 'Per jeugdige',
    question:
      'Welk deel van de jeugdigen (0–17 jaar) heeft jeugdhulp, en wat kost jeugdhulp per jeugdige inwoner? Per jaar voor de hele regio, en verder uit te splitsen per gemeente of per wijk.',
    views: [
      // Opens per year (the population is per year, so a share needs one): the region's trend; split further by
      // municipality or district with the second selector.
      {
        metric: 'per_youth',
        chart: 'trend',
        split: ['year'],
        prefer: ['share_pct', 'cost_per_youth'],
        together: ['share_pct', 'outpatient_pct', 'residential_pct'],
      },
    ],
  },
  {
    slug: 'ontleding',
    title: 'Ontleding van de groei',
    nav: 'Ontleding',
    question: 'Komt de kostengroei door meer cliënten, meer zorgdagen, hogere prijzen of een andere mix?',
    views: [{ metric: 'decomposition', chart: 'waterfall', needsPrevious: true }],
  },
  {
    slug: 'uitnutting',
    title: 'Uitnutting',
    question: 'Welk deel van de toegewezen zorg wordt ook gedeclareerd?',
    views: [
      {
        metric: 'utilisation',
        chart: 'trend',
        split: ['year'],
        prefer: ['clients_pct', 'allocations_pct'],
        together: ['clients_pct', 'allocations_pct', 'euros_pct'],
      },
    ],
  },
  {
    slug: 'cohorten',
    title: 'Cohorten',
    question: 'Hoeveel cliënten per instroomjaar zijn later nog in zorg, en wat kosten zij?',
    views: [{ metric: 'cohorts', chart: 'heatmap', prefer: ['clients'] }],
  },
  {
    slug: 'zorgintensief',
    title: 'Zorgintensieve cliënten',
    nav: 'Zorgintensief',
    question: 'Hoeveel cliënten kosten meer dan € 50.000 of € 100.000 per jaar?',
    views: [
      {
        metric: 'intensive_clients',
        chart: 'bar',
        prefer: ['clients_over_low'],
        together: ['clients_over_low', 'clients_over_high'],
      },
      { metric: 'intensive_entry', chart: 'heatmap', prefer: ['clients'] },
      { metric: 'intensive_client_list', chart: 'table', prefer: ['cost'] },
    ],
  },
  {
    slug: 'verwijzers',
    title: 'Verwijzers',
    question: 'Wie verwijst, en naar welke zorg?',
    views: [
      { metric: 'referrals', chart: 'bar', prefer: ['clients'] },
      { metric: 'referrers', chart: 'pareto', prefer: ['cost'] },
      { metric: 'gp_specialist_mh', chart: 'trend', split: ['year'], prefer: ['specialist_pct'] },
    ],
  },
  {
    slug: 'stromen',
    title: 'Instroom, uitstroom en wachttijd',
    nav: 'Stromen en wachttijd',
    question: 'Hoeveel cliënten stromen in en uit, hoe lang duurt zorg en hoe lang is de wachttijd?',
    views: [
      { metric: 'flows', chart: 'trend', together: ['inflow', 'outflow', 'stock'] },
      { metric: 'waiting_time', chart: 'bar', split: ['year'] },
      { metric: 'duration', chart: 'bar' },
      { metric: 'endings', chart: 'bar' },
      { metric: 'reentry', chart: 'trend', split: ['year'] },
      { metric: 'reindication', chart: 'bar' },
      { metric: 'extended_care', chart: 'trend', split: ['year'] },
    ],
  },
  {
    slug: 'zorgpaden',
    title: 'Zorgpaden',
    question: 'Welke overgangen tussen zorgsoorten komen het meest voor?',
    views: [
      { metric: 'transitions', chart: 'sankey', prefer: ['clients'] },
      { metric: 'pathways', chart: 'bar', prefer: ['clients'] },
      { metric: 'stacking', chart: 'bar', prefer: ['clients'], dims: ['max_simultaneous'] },
    ],
  },
  {
    slug: 'aanbieders',
    title: 'Aanbieders',
    question: 'Bij welke aanbieders gaat het geld heen, en hoe geconcentreerd is dat?',
    views: [
      { metric: 'providers', chart: 'pareto', prefer: ['cost'] },
      { metric: 'provider_concentration', chart: 'bar', prefer: ['cost'] },
    ],
  },
  {
    slug: 'declaraties',
    title: 'Declaraties: gedeclareerd, afgewezen en geaccepteerd',
    nav: 'Declaraties',
    question: 'Hoeveel van wat aanbieders declareren wordt afgewezen, bij wie en om welke reden?',
    views: [
      {
        metric: 'claims',
        chart: 'bar',
        split: ['provider'],
        prefer: ['rejected'],
        together: ['claimed', 'rejected', 'accepted'],
      },
    ],
  },
  {
    slug: 'budget',
    title: 'Budget en realisatie',
    nav: 'Budget',
    question: 'Hoe verhoudt de realisatie zich tot het budget, en wat wordt het jaareinde?',
    views: [{ metric: 'budget', chart: 'bar', together: ['budget', 'invoiced', 'realised'] }],
  },
];

export function pageBySlug(slug: string): PageDef | undefined {
  return PAGES.find((p) => p.slug === slug);
}
