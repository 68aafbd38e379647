// What a report section is and what it is given: the request, the periods, and one way to ask a metric question that
// numbers its source ("B3"), caches it (sections share questions) and remembers whether protection hid a cell.
import type { Note } from '../../api/notes.ts';
import type { Column, Filters, MetricRequest, MetricResult, Value } from '../../contract/index.ts';
import { hidesCells } from '../caveats.ts';
import type { Figures, Ranked } from '../messages/figures.ts';
import type { Block, Caveat, ReportRequest, Source } from '../model.ts';
import type { Names, ReportSource } from '../source.ts';

/** How many years the multi-year tables show (the report year and the ones before). */
export const TREND_YEARS = 4;

export interface SectionContext {
  request: Required<ReportRequest>;
  source: ReportSource;
  /** The municipality filter of every question (absent: the whole region within the asker's scope). */
  scope: Filters;
  /** The report year: 1 January to `through`. */
  year: Filters;
  /** From 1 January of the compared year to `through`. */
  compared: Filters;
  /** From 1 January of the first year of the multi-year tables to `through`. */
  trend: Filters;
  /** Asks a question (once per distinct question); null when this asker may not see the answer. */
  ask(metric: string, request: MetricRequest): Promise<Figures | null>;
  /** The caveats found so far (the data section lists them all). */
  caveats: Caveat[];
  /** Every source asked, in order of first use. */
  sources: Source[];
  /**
   * Numbers a source that is no metric question (the measures register, a forecast) and returns its id, so its figures
   * are traced in the appendix like any other.
   */
  cite(origin: string, title: string, method: string, params?: Record<string, string | number>): string;
  /** True once a protected answer hid a cell (a count shown as '<10'). */
  anyHidden(): boolean;
}

/** What a section contributes: its blocks, key messages for the summary and caveats for the report. */
export interface SectionOutput {
  blocks: Block[];
  messages?: (Ranked | null)[];
  caveats?: (Caveat | null)[];
}

export interface SectionDef {
  /** Stable id: the HTML anchor and the test handle. */
  id: string;
  /** Dutch heading. */
  title: string;
  /** Metrics whose notes (tellen en vertellen) appear in this section. */
  notes: string[];
  /** The section's content; null leaves the section out (nothing to show for this place or asker). */
  build(ctx: SectionContext): Promise<SectionOutput | null>;
}

/** The context of one report, with the question cache and the source numbering. */
export function sectionContext(source: ReportSource, request: Required<ReportRequest>): SectionContext {
  const scope: Filters = request.municipality ? { municipality: [request.municipality] } : {};
  const first = Math.min(request.compare, request.year - TREND_YEARS + 1);
  const period = (from: number): Filters => ({ ...scope, from: `${from}-01-01`, to: request.through });
  const asked = new Map<string, Promise<Figures | null>>();
  const sources: Source[] = [];
  let hidden = false;
  const ask = (metric: string, req: MetricRequest): Promise<Figures | null> => {
    const key = JSON.stringify([metric, req.filters, req.split, req.params ?? {}]);
    let answer = asked.get(key);
    if (!answer) {
      answer = source.compute(metric, req).then((result) => {
        if (!result) return null;
        const id = `B${sources.length + 1}`;
        sources.push({
          id,
          metric,
          title: result.title,
          filters: req.filters,
          split: req.split,
          ...(req.params ? { params: req.params } : {}),
        });
        if (source.protects && hidesCells(result)) hidden = true;
        return { result, source: id };
      });
      asked.set(key, answer);
    }
    return answer;
  };
  return {
    request,
    source,
    scope,
    year: period(request.year),
    compared: period(request.compare),
    trend: period(first),
    ask,
    caveats: [],
    sources,
    cite(origin, title, method, params) {
      const id = `B${sources.length + 1}`;
      sources.push({ id, metric: origin, title, filters: scope, split: [], ...(params ? { params } : {}), method });
      return id;
    },
    anyHidden: () => hidden,
  };
}

/** A table block of `figures`: the named columns of the rows kept by `keep` (all by default), numbers as computed. */
export function table(
  figures: Figures,
  caption: string,
  columns: string[],
  keep: (row: Record<string, Value>) => boolean = () => true,
): Block {
  const cols = columns
    .map((name) => figures.result.columns.find((c) => c.name === name))
    .filter((c): c is Column => c !== undefined);
  const rows = figures.result.rows.filter(keep).map((r) => Object.fromEntries(cols.map((c) => [c.name, r[c.name] ?? null])));
  return { kind: 'table', caption, columns: cols, rows, source: figures.source };
}

/** A chart block of `figures` (optionally only the rows kept), drawn as the dashboard draws it. */
export function chart(
  figures: Figures,
  kind: Extract<Block, { kind: 'chart' }>['chart'],
  caption: string,
  measures?: string[],
  keep?: (row: Record<string, Value>) => boolean,
): Block {
  const result: MetricResult = keep ? { ...figures.result, rows: figures.result.rows.filter(keep) } : figures.result;
  // One measure is the page's primary; several are drawn side by side, as the dashboard's `together`.
  const view = measures && (measures.length > 1 ? { prefer: measures, together: measures } : { prefer: measures });
  return { kind: 'chart', chart: kind, caption, result, source: figures.source, ...(view ? { view } : {}) };
}

/** The notes block of a section, or null without notes. */
export function notesBlock(notes: Note[]): Block | null {
  if (notes.length === 0) return null;
  return {
    kind: 'notes',
    items: notes.map((n) => ({ author: n.author, period_from: n.period_from, period_to: n.period_to, text: n.text })),
  };
}

/** The rows of `year` (for keep). */
export const inYear =
  (year: number) =>
  (row: Record<string, Value>): boolean =>
    Number(row.year) === year;

/**
 * The rows with the largest `column` first (by its absolute value when `absolute`: the largest moves either way), at
 * most `n`; hidden figures last.
 */
export function topRows(
  figures: Figures,
  column: string,
  n: number,
  keep: (row: Record<string, Value>) => boolean = () => true,
  absolute = false,
): Figures {
  const value = (r: Record<string, Value>) => {
    const v = r[column];
    return typeof v === 'number' ? (absolute ? Math.abs(v) : v) : -Infinity;
  };
  const rows = figures.result.rows
    .filter(keep)
    .sort((a, b) => value(b) - value(a))
    .slice(0, n);
  return { ...figures, result: { ...figures.result, rows } };
}

/** The figures with each code of `dimension` shown by its name (the numbers untouched). */
export function named(figures: Figures, names: Names, dimension: 'provider' | 'referrer'): Figures {
  const name = (code: Value) => names[dimension]?.[String(code)] ?? code;
  const rows = figures.result.rows.map((r) => ({ ...r, [dimension]: name(r[dimension] ?? null) }));
  return { ...figures, result: { ...figures.result, rows } };
}
