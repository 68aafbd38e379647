// What goes on paper above a printed page: the page's name and its filters in words, since the filter bar is not
// printed. Shown only in print (style.css, Print).
import type { AppContext } from './context.ts';
import { h } from './dom.ts';
import { formatDate } from '../../src/contract/format.ts';
import { dimLabel, valueLabel } from './labels.ts';
import { NOTES_SLUG } from './pages/notes.ts';
import { FILTER_DIMS, type ViewState } from './state.ts';

/** The view's filters, period, split and parameters as Dutch sentences' parts: "Gemeente: Deventer", "Periode: 2018 t/m 2024". */
export function filtersInWords(s: ViewState, ctx: AppContext): string[] {
  const from = s.from ?? ctx.span.from;
  const to = s.to ?? ctx.span.to;
  // The notes page without a chosen period lists notes of every period.
  const allPeriods = s.page === NOTES_SLUG && s.from === undefined && s.to === undefined;
  const parts = [`Periode: ${allPeriods ? 'alle' : from === to ? from : `${from} t/m ${to}`}`];
  for (const dim of FILTER_DIMS) {
    const values = s.filters[dim];
    if (values?.length) parts.push(`${dimLabel(dim)}: ${values.map((v) => valueLabel(ctx.dims, dim, v)).join(', ')}`);
  }
  if (!s.filters.municipality?.length) parts.push('Gemeente: alle die u mag zien');
  if (s.split?.length) parts.push(`Uitgesplitst naar: ${s.split.map((d) => dimLabel(d).toLowerCase()).join(', ')}`);
  const metric = s.view ? ctx.metrics.find((m) => m.id === s.view) : undefined;
  if (metric) parts.push(`Onderdeel: ${metric.title}`);
  for (const [name, value] of Object.entries(s.params)) {
    const spec = metric?.params.find((p) => p.name === name);
    parts.push(`${spec?.label ?? name}: ${value}`);
  }
  return parts;
}

/** The print-only head: "Roer — Kosten", the filters in words, and when it was printed. */
export function printHead(s: ViewState, ctx: AppContext, title: string): HTMLElement {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return h(
    'div',
    { class: 'print-head' },
    h('p', { class: 'print-title' }, `Roer — ${title}`),
    // The import status has no filters (main.ts hides the filter bar there).
    s.page === 'import' ? null : h('p', { class: 'print-filters' }, filtersInWords(s, ctx).join(' · ')),
    h('p', { class: 'print-date' }, `Afgedrukt op ${formatDate(today)}`),
  );
}
