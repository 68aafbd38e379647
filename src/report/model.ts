// What a council report is, before it is rendered: sections of blocks (sentences, tables, charts, notes, caveats), each
// figure traceable to the metric question it came from. Built by build.ts from a Source; rendered by html.ts / pdf.ts.
import type { FrameView } from '../charts/frame.ts';
import type { ChartKind } from '../charts/index.ts';
import type { Column, Dimension, Filters, MetricRequest, MetricResult, Value } from '../contract/index.ts';

/** What the user asks for: `roer report --gemeente <code> --jaar <year> [--vergelijk <year>] [--tot <date>]`. */
export interface ReportRequest {
  /** A municipality code ('1708'), or null for the whole region within the asker's scope. */
  municipality: string | null;
  /** The report year. */
  year: number;
  /** The year compared with (default year − 1). */
  compare?: number;
  /** Last day of data the report reads, ISO date (default the end of `year`). */
  through?: string;
}

/**
 * One metric question the report asked, numbered in order of first use ("B3"): every figure in a sentence, table or
 * chart names its source, and the appendix lists them all, with the data they rest on.
 */
export interface Source {
  id: string;
  metric: string;
  /** The metric's Dutch title. */
  title: string;
  filters: Filters;
  split: Dimension[];
  params?: Record<string, string | number>;
  /**
   * For figures that do not come from a metric question (the measures register, a forecast): how they were made, in
   * Dutch. `metric` then names the part of Roer that made them.
   */
  method?: string;
}

/**
 * A key message: one sentence written by a tested rule from the figures. Every number in `text` is a value of the
 * tables, formatted the Dutch way; `sources` are the questions those numbers came from.
 */
export interface Message {
  /** The rule that wrote it (e.g. 'cost-growth'), for tests and the appendix. */
  rule: string;
  text: string;
  sources: string[];
}

/** A caveat the report adds by itself: incomplete recent months, quarantined records, changed product lists, … */
export interface Caveat {
  /** e.g. 'incomplete-months', 'quarantine', 'rejected', 'product-change', 'pgb', 'subsidy-shift', 'suppressed'. */
  kind: string;
  text: string;
}

/** A note a user attached (tellen en vertellen), shown in the section of its metric. */
export interface ReportNote {
  author: string;
  period_from: string;
  period_to: string;
  text: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'messages'; items: Message[] }
  | { kind: 'table'; caption: string; columns: Column[]; rows: Record<string, Value>[]; source: string }
  /** A chart drawn from a metric answer, as the dashboard draws it. */
  | {
      kind: 'chart';
      chart: ChartKind;
      caption: string;
      result: MetricResult;
      source: string;
      /** The dashboard view's choice of measures (web/src/pages/catalog.ts), so the chart is the page's chart. */
      view?: FrameView;
    }
  | { kind: 'notes'; items: ReportNote[] }
  | { kind: 'caveats'; items: Caveat[] };

export interface Section {
  /** Stable id, used as the HTML anchor and in tests ('costs', 'decomposition', …). */
  id: string;
  /** Dutch heading. */
  title: string;
  blocks: Block[];
}

/** The data a report rests on, stated on its title page and in its appendix (the same data gives the same report). */
export interface DataVersion {
  /** A short digest over the import log (files, their record counts and times): changes whenever data changes. */
  digest: string;
  /** When the last file was imported, ISO timestamp; null in an empty store. */
  importedAt: string | null;
  /** Files imported. */
  files: number;
  /** 'YYYY-MM' of the last care month with an invoice line, within the report's scope. */
  through: string | null;
}

export interface Report {
  /** "Jeugdhulp in Steenwijkerland 2018". */
  title: string;
  /** The municipality's name, or the region's ("Regio IJsselland"): printed on every page. */
  place: string;
  request: Required<ReportRequest>;
  /** ISO timestamp of generation: the only thing that differs between two reports on the same data. */
  generatedAt: string;
  data: DataVersion;
  /** The user's introduction and conclusions (stored and audited), if written. */
  introduction: string | null;
  conclusions: string | null;
  /** The key messages (Samenvatting), the strongest first. */
  summary: Message[];
  sections: Section[];
  /** Report-wide caveats ("Kanttekeningen bij de cijfers"); sections may hold their own too. */
  caveats: Caveat[];
  /** Every metric question the report asked, in order of id. */
  sources: Source[];
  /** True when figures were protected (small numbers suppressed) for the reader who asked. */
  protectedFigures: boolean;
}

/** Creates sources in order of first use and gives each the same id when asked again. */
export type SourceOf = (metric: string, request: MetricRequest) => string;
