// One block of a report section as HTML: sentences, tables (Dutch figures), charts (inline SVG), notes and caveats.
// Every text is escaped here (user notes and imported names are untrusted); every table and chart carries a mark
// linking to its source in the appendix.
import { escapeHtml as esc } from '../charts/html.ts';
import { type Lookups, valueLabel } from '../charts/labels.ts';
import type { Column, Value } from '../contract/index.ts';
import { formatDate, formatValue } from '../contract/format.ts';
import type { Block, Caveat, Message, ReportNote } from './model.ts';
import { chartSvg } from './svg.ts';

export interface BlockContext {
  lookups: Lookups;
  /** The id of the next chart in the document ('c1', 'c2', …): it prefixes the chart's SVG names. */
  nextChartId(): string;
}

const NUMERIC = new Set(['eur', 'count', 'pct', 'days', 'months', 'ratio']);

/** From this many columns a table is set smaller ('wide'), and smaller again from WIDER, to fit the page. */
export const WIDE = 6;
export const WIDER = 8;

/** The class of a table by its number of columns: the stylesheet sets many columns in smaller type. */
function widthClass(columns: number): string {
  return columns >= WIDER ? ' class="wide wider"' : columns >= WIDE ? ' class="wide"' : '';
}

/** The anchor of a source in the appendix. */
export const sourceAnchor = (id: string) => `bron-${id}`;

/** A footnote mark linking to the source: <sup class="source"><a href="#bron-B1">B1</a></sup>. */
export function sourceMark(ids: string | string[]): string {
  const list = [...new Set(typeof ids === 'string' ? [ids] : ids)];
  if (!list.length) return '';
  const links = list.map((id) => `<a href="#${esc(sourceAnchor(id))}">${esc(id)}</a>`).join(', ');
  return `<sup class="source">[${links}]</sup>`;
}

/** Text with blank lines as paragraphs. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
}

/** A cell as text: figures and dates the Dutch way by their unit, codes by their Dutch name. */
function cellText(c: Column, v: Value | undefined, lookups: Lookups): string {
  if (v === null || v === undefined || NUMERIC.has(c.unit) || c.unit === 'date') return formatValue(v, c.unit);
  return valueLabel(lookups, c.name, v);
}

export function tableHtml(
  caption: string,
  columns: Column[],
  rows: Record<string, Value>[],
  source: string,
  lookups: Lookups,
): string {
  const cls = (c: Column) => (NUMERIC.has(c.unit) ? ' class="num"' : '');
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${esc(c.label)}</th>`).join('');
  const row = (r: Record<string, Value>) =>
    `<tr>${columns.map((c) => `<td${cls(c)}>${esc(cellText(c, r[c.name], lookups))}</td>`).join('')}</tr>`;
  return [
    `<table${widthClass(columns.length)}>`,
    `<caption>${esc(caption)}${sourceMark(source)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...rows.map(row),
    '</tbody>',
    '</table>',
  ].join('\n');
}

export function messagesHtml(items: Message[]): string {
  return `<ul class="messages">\n${items.map((m) => `<li>${esc(m.text)}${sourceMark(m.sources)}</li>`).join('\n')}\n</ul>`;
}

export function notesHtml(items: ReportNote[]): string {
  if (!items.length) return '';
  const note = (n: ReportNote) =>
    `<div class="note"><p class="text">${esc(n.text)}</p><p class="by">${esc(n.author)}, over ${esc(formatDate(n.period_from))} t/m ${esc(formatDate(n.period_to))}</p></div>`;
  return `<aside class="notes">\n<h3>Notities</h3>\n${items.map(note).join('\n')}\n</aside>`;
}

export function caveatsHtml(items: Caveat[], heading = 'Kanttekeningen'): string {
  if (!items.length) return '';
  return `<aside class="caveats">\n<h3>${esc(heading)}</h3>\n<ul>\n${items.map((c) => `<li>${esc(c.text)}</li>`).join('\n')}\n</ul>\n</aside>`;
}

function chartHtml(block: Extract<Block, { kind: 'chart' }>, ctx: BlockContext): string {
  const { svg, notes } = chartSvg(block, ctx.nextChartId(), ctx.lookups);
  // A list, or an answer with nothing to draw: its figures as a table, so nothing the builder meant to show goes missing.
  if (!svg) return tableHtml(block.caption, block.result.columns, block.result.rows, block.source, ctx.lookups);
  const list = notes.length ? `<ul class="chart-notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  return `<figure class="chart">\n<figcaption>${esc(block.caption)}${sourceMark(block.source)}</figcaption>\n${svg}\n${list}</figure>`;
}

export function blockHtml(block: Block, ctx: BlockContext): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphs(block.text);
    case 'messages':
      return messagesHtml(block.items);
    case 'table':
      return tableHtml(block.caption, block.columns, block.rows, block.source, ctx.lookups);
    case 'chart':
      return chartHtml(block, ctx);
    case 'notes':
      return notesHtml(block.items);
    case 'caveats':
      return caveatsHtml(block.items);
  }
}
