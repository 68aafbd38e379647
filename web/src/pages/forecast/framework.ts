// Panel "Financieel kader en meerjarenraming" of the Vooruitblik page: the framework per year beside the realised cost
// (invoices and non-invoice cost lines apart), unknown shown as "onbekend" with its reason (never 0), and the
// multi-year baseline as scenario lines per care type with the number of years and the price index the user sets.
import { baselineChart } from '../../../../src/charts/baseline.ts';
import { formatEur, formatValue } from '../../../../src/contract/format.ts';
import type { BaselineView } from '../../../../src/forecast/baseline-view.ts';
import { frameworkSentence, frameworkTable } from '../../../../src/forecast/framework-table.ts';
import { api } from '../../api.ts';
import { drawChart } from '../../charts/setup.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { tableWrap } from '../../table.ts';
import { errorBox } from '../error.ts';

/** The place of the panel: the one chosen municipality, else '' (the region within the user's scope). */
const placeOf = (s: ViewState) => (s.filters.municipality?.length === 1 ? s.filters.municipality[0]! : '');

/** The last complete year of data: the baseline is fitted on it. */
export function baseYearOf(ctx: AppContext): number {
  const [year, month] = ctx.span.lastMonth.split('-').map(Number);
  return month === 12 ? year! : year! - 1;
}

async function frameworkPart(el: HTMLElement, place: string, year: number): Promise<void> {
  const years = await api.forecastFramework(place);
  if (years.length === 0) {
    mount(el, h('p', { class: 'muted' }, 'Er zijn geen begrotingen ingelezen; het financieel kader is daarom leeg.'));
    return;
  }
  const t = frameworkTable(years);
  const reasonsOf = (i: number) => years[i]!.unknown.join(' ');
  const sentence = frameworkSentence(years, year) ?? frameworkSentence(years, years.at(-1)!.year);
  mount(
    el,
    sentence ? h('p', {}, sentence) : null,
    tableWrap(
      t.caption,
      h(
        'table',
        { class: 'result framework' },
        h('caption', {}, t.caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            t.columns.map((c) => h('th', { scope: 'col' }, c.label)),
          ),
        ),
        h(
          'tbody',
          {},
          t.rows.map((r, i) =>
            h(
              'tr',
              {},
              t.columns.map((c) => {
                const v = r[c.name] ?? null;
                if (c.unit === 'text') return h('th', { scope: 'row' }, String(v));
                // Unknown is never 0: the cell says so (a cost-line kind: not imported), its reason one hover or focus away.
                const said = c.name.startsWith('cost_') ? 'niet ingelezen' : 'onbekend';
                if (v === null) return h('td', { class: 'num unknown', title: reasonsOf(i), tabindex: 0 }, said);
                return h('td', { class: 'num' }, formatValue(v, c.unit));
              }),
            ),
          ),
        ),
      ),
    ),
    years.some((y) => y.unknown.length)
      ? h(
          'details',
          {},
          h('summary', {}, 'Waarom is een bedrag onbekend?'),
          h(
            'ul',
            {},
            [...new Set(years.flatMap((y) => y.unknown))].map((u) => h('li', {}, u)),
          ),
        )
      : null,
  );
}

async function baselinePart(el: HTMLElement, place: string, baseYear: number, years: number, index: number): Promise<void> {
  let view: BaselineView;
  try {
    view = await api.forecastBaseline(place, baseYear, years, index);
  } catch (e) {
    mount(el, errorBox(e));
    return;
  }
  if (view.careTypes.length === 0) {
    mount(el, h('p', { class: 'muted' }, `Er zijn geen trajecten tot en met ${baseYear}; de basislijn is daarom leeg.`));
    return;
  }
  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': `Basislijn: kosten per zorgsoort per jaar` });
  const whole = (n: number) => Math.round(n).toLocaleString('nl-NL');
  mount(
    el,
    chartEl,
    tableWrap(
      'Meerjarige basislijn, totaal',
      h(
        'table',
        { class: 'result baseline' },
        h('caption', {}, `Basislijn totaal (basisjaar ${baseYear})`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Jaar', 'Instroom', 'Gemiddeld in zorg', 'Prijs per trajectdag', 'Kosten'].map((l) => h('th', { scope: 'col' }, l)),
          ),
        ),
        h(
          'tbody',
          {},
          view.total.map((y) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, String(y.year)),
              h('td', { class: 'num' }, whole(y.inflow)),
              h('td', { class: 'num' }, whole(y.stockMean)),
              h('td', { class: 'num' }, formatEur(y.pricePerCareDayCents / 100)),
              h('td', { class: 'num' }, formatEur(y.costCents / 100)),
            ),
          ),
        ),
      ),
    ),
  );
  drawChart(chartEl, baselineChart(view).option);
}

export async function renderFrameworkPanel(el: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const place = placeOf(s);
  const baseYear = baseYearOf(ctx);
  const frameworkEl = h('div', { class: 'framework-part' }, h('p', { class: 'muted', role: 'status' }, 'Bezig met berekenen…'));
  const baselineEl = h('div', { class: 'baseline-part' });
  const years = h(
    'select',
    { id: 'baseline-years', name: 'jaren' },
    [3, 4, 5].map((n) => h('option', { value: n, selected: n === 3 }, `${n} jaar`)),
  );
  const index = h('input', { id: 'baseline-index', name: 'indexatie', type: 'number', min: 0, max: 10, step: 0.5, value: 2 });
  const redraw = () => baselinePart(baselineEl, place, baseYear, Number(years.value), Number(index.value));
  years.addEventListener('change', redraw);
  index.addEventListener('change', redraw);
  mount(
    el,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'framework-title' },
      h('h2', { id: 'framework-title' }, 'Financieel kader en meerjarenraming'),
      frameworkEl,
      h('h3', {}, `Meerjarige basislijn vanaf ${baseYear}`),
      h(
        'div',
        { class: 'controls' },
        h('label', { for: 'baseline-years' }, 'Jaren vooruit'),
        years,
        h('label', { for: 'baseline-index' }, 'Prijsindexatie per jaar (%)'),
        index,
      ),
      baselineEl,
    ),
  );
  try {
    await frameworkPart(frameworkEl, place, Number(ctx.span.lastMonth.slice(0, 4)));
  } catch (e) {
    mount(frameworkEl, errorBox(e));
  }
  await redraw();
}
