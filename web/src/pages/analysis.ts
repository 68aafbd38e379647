// One analysis page: title with definition, controls, the chart (click to drill down), exports, notes and the table.
import type { Dimension, MetricRequest, MetricResult, Value } from '../../../src/metrics/types.ts';
import { api, type MetricInfo } from '../api.ts';
import { MAX_CHART_HEIGHT } from '../../../src/charts/axis.ts';
import { censoringNotes } from '../../../src/charts/captions.ts';
import { buildChart } from '../../../src/charts/index.ts';
import { frameOf } from '../../../src/charts/frame.ts';
import { chartPngWithContext } from '../charts/png.ts';
import { drawChart } from '../charts/setup.ts';
import { viewsOf, type AppContext, type View } from '../context.ts';
import { definitionButton, describeFilters } from '../definition.ts';
import { h, mount } from '../dom.ts';
import { formatDate, isoDay } from '../../../src/contract/format.ts';
import { dimLabel } from '../labels.ts';
import { notesPanel } from '../notes.ts';
import { drill, filtersOf, FILTER_DIMS, go, withChanges, type FilterDim, type ViewState } from '../state.ts';
import { resultTable } from '../table.ts';
import { controls } from './controls.ts';
import type { PageDef, ViewDef } from './catalog.ts';
import { errorBox } from './error.ts';

/** After drilling into a dimension, the view splits by the next one down this list (the one not yet fixed). */
const DRILL_ORDER: Dimension[] = [
  'municipality',
  'care_type',
  'provider',
  'referrer_type',
  'team',
  'district',
  'age_band',
  'financing',
];

export function questionOf(s: ViewState, ctx: AppContext, def: ViewDef, metric: MetricInfo): MetricRequest {
  const split = (s.split ?? def.split ?? []).filter((d) => metric.splits.includes(d));
  const params = Object.fromEntries(Object.entries(s.params).filter(([k]) => metric.params.some((p) => p.name === k)));
  const filters = filtersOf(s, ctx.span);
  // Only a whole year is widened by the year before: the year-on-year metrics compare calendar years, so a quarter set
  // against the whole year before would mislead (part of a year has no comparison instead).
  const wholeYear = filters.from!.endsWith('-01-01') && filters.to!.endsWith('-12-31');
  if (def.needsPrevious && wholeYear && filters.from!.slice(0, 4) === filters.to!.slice(0, 4))
    filters.from = `${Number(filters.to!.slice(0, 4)) - 1}-01-01`;
  return { filters, split, params };
}

/** The period a note on this view is about: the years the user sees, never the comparison year asked for with them. */
export function notePeriod(s: ViewState, ctx: AppContext): { from: string; to: string } {
  const { from, to } = filtersOf(s, ctx.span);
  return { from: from!, to: to! };
}

/** A view that compares with the year before gets it asked for too, but shows only the years the user chose. */
function withoutWidening(result: MetricResult, s: ViewState, ctx: AppContext, def: ViewDef): MetricResult {
  const from = Number(filtersOf(s, ctx.span).from!.slice(0, 4));
  if (!def.hidePrevious || !result.columns.some((c) => c.name === 'year')) return result;
  return { ...result, rows: result.rows.filter((r) => r.year === null || Number(r.year) >= from) };
}

export async function renderAnalysis(main: HTMLElement, s: ViewState, ctx: AppContext, page: PageDef, view: View): Promise<void> {
  const { def, metric } = view;
  const q = questionOf(s, ctx, def, metric);
  const views = viewsOf(ctx, page);
  const tabs =
    views.length > 1
      ? h(
          'div',
          { class: 'tabs', role: 'group', 'aria-label': 'Onderdeel' },
          views.map((v) =>
            h(
              'button',
              {
                type: 'button',
                class: 'tab',
                'aria-pressed': String(v.metric.id === metric.id),
                onclick: () => go(withChanges(s, { view: v.metric.id, split: undefined, measure: undefined, params: {} })),
              },
              v.metric.title,
            ),
          ),
        )
      : null;
  const head = (definition?: HTMLElement) =>
    h(
      'header',
      { class: 'page-head' },
      h('div', { class: 'title-row' }, h('h1', {}, page.title), definition),
      h('p', { class: 'question' }, page.question),
      tabs,
    );
  mount(main, head(), h('p', { class: 'muted', role: 'status' }, 'Bezig met berekenen…'));
  let result: ReturnType<typeof withoutWidening>;
  try {
    result = withoutWidening(await api.compute(metric.id, q), s, ctx, def);
  } catch (e) {
    mount(main, head(definitionButton(metric.title, metric.definition, q.filters, ctx.dims)), errorBox(e));
    return;
  }
  const frame = frameOf(
    result,
    ctx.dims,
    [s.measure ?? '', ...(def.prefer ?? [])].filter(Boolean),
    s.measure ? [] : def.together,
    def.dims,
  );
  const built = buildChart(def.chart, frame);
  const onDrill = (pairs: { dim: string; value: Value }[]) => {
    let next = s;
    let split = [...q.split];
    for (const { dim, value } of pairs) {
      if (value === null) continue;
      if (dim === 'year' && /^\d{4}$/.test(String(value))) next = withChanges(next, { from: Number(value), to: Number(value) });
      else if ((FILTER_DIMS as readonly string[]).includes(dim)) next = drill(next, dim as FilterDim, String(value));
      else continue;
      const replacement = DRILL_ORDER.find(
        (d) => metric.splits.includes(d) && !next.filters[d as FilterDim]?.length && !split.includes(d),
      );
      split = split.map((d) => (d === dim ? replacement : d)).filter((d): d is Dimension => !!d);
    }
    if (next !== s) go(withChanges(next, { split }));
  };

  // Only what the user split by can be drilled into (a cohort's entry year, say, is not a filter).
  const canDrill = (dim: string) =>
    (FILTER_DIMS as readonly string[]).includes(dim) || (dim === 'year' && (q.split as string[]).includes(dim));
  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': `Grafiek: ${result.title}` });
  // The file follows the screen: its sort (frameOf returns a new result only when it sorted) and its first year.
  const shownOn = {
    order: frame.result !== result ? frame.primary?.name : undefined,
    shownFrom: def.hidePrevious ? (s.from ?? ctx.span.from) : undefined,
  };
  const exportLink = (format: 'csv' | 'xlsx', label: string) =>
    h('a', { class: 'button', href: api.exportUrl(metric.id, q, format, shownOn), download: '' }, label);
  const pngButton = h('button', { type: 'button', class: 'button' }, 'Grafiek als PNG');
  const chartNotes = [...censoringNotes(result, ctx.span.from), ...(built.notes ?? [])];
  const tableOnly = def.chart === 'table';
  const exports = h(
    'div',
    { class: 'actions' },
    tableOnly ? null : pngButton,
    exportLink('csv', 'Tabel als CSV'),
    exportLink('xlsx', 'Tabel als Excel'),
  );
  const table = resultTable(frame, (dim, value) => onDrill([{ dim, value }]), canDrill);
  // A list (one row per client) is read, not compared: its table takes the chart's place.
  const figure = tableOnly
    ? h('div', { class: 'figure list' }, table, exports)
    : h(
        'figure',
        { class: 'figure' },
        chartEl,
        h(
          'figcaption',
          {},
          chartNotes.length
            ? h(
                'ul',
                { class: 'chart-notes' },
                chartNotes.map((n) => h('li', {}, n)),
              )
            : null,
          exports,
        ),
      );
  mount(
    main,
    head(definitionButton(metric.title, metric.definition, result.filters, ctx.dims, result.notes)),
    result.notes?.length
      ? h(
          'ul',
          { class: 'caveats' },
          result.notes.map((n) => h('li', {}, n)),
        )
      : null,
    controls(s, metric, q.split, ['trend', 'bar', 'pareto', 'heatmap'].includes(def.chart) ? frame : null),
    h(
      'div',
      { class: 'analysis-grid' },
      figure,
      // The period the user chose, not the question's: a comparing view also asks for the year before (questionOf).
      notesPanel({
        metric: metric.id,
        municipality: s.filters.municipality?.length === 1 ? s.filters.municipality[0] : null,
        ...notePeriod(s, ctx),
      }),
    ),
    tableOnly ? null : h('h2', {}, 'Tabel'),
    tableOnly ? null : table,
  );

  if (tableOnly) return;
  if (result.rows.length === 0 || Object.keys(built.option).length === 0) {
    chartEl.classList.add('empty');
    chartEl.textContent =
      result.rows.length === 0
        ? 'Geen gegevens voor deze selectie.'
        : 'Deze uitsplitsing laat zich niet als grafiek tonen; zie de tabel.';
    pngButton.disabled = true;
    return;
  }
  if (built.height) chartEl.style.height = `${Math.min(built.height, MAX_CHART_HEIGHT)}px`;
  const chart = drawChart(chartEl, built.option);
  chart.on('click', (p) => onDrill(built.drill(p as { dataIndex: number; seriesIndex?: number }).filter((d) => canDrill(d.dim))));
  pngButton.addEventListener('click', async () => {
    const href = await chartPngWithContext(chart, {
      title: result.title,
      filters: [
        ...describeFilters(result.filters, ctx.dims),
        ...(q.split.length ? [`Uitgesplitst naar: ${q.split.map((d) => dimLabel(d).toLowerCase()).join(' en ')}`] : []),
      ],
      notes: chartNotes,
      source: `Bron: Roer, gegevens jeugdhulp ${ctx.span.from} t/m ${ctx.span.to}`,
      made: `Gemaakt op ${formatDate(isoDay(new Date()))}`,
    });
    h('a', { href, download: `${metric.id}.png` }).click();
  });
}
