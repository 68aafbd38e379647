// Panel "Verloop" of the Vergelijken page: the chosen figure of the municipality, its reference group, its youth-care
// region and the Netherlands (and, for an amount, the own figure) per period, as a line chart and as an index chart
// (base period = 100), and the same figures as a table, in the measure's unit (% or €). A missing or suppressed cell is
// "–" with its reason as a numbered footnote, never a 0.
import { lineNames } from '../../../../src/benchmark/table.ts';
import { benchmarkChart, formatBenchmarkValue } from '../../../../src/charts/benchmark.ts';
import { formatPeriod } from '../../../../src/contract/format.ts';
import { api, type BenchmarkAnswer, type BenchmarkSeries } from '../../api.ts';
import { drawChart } from '../../charts/setup.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import { tableWrap } from '../../table.ts';
import { errorBox } from '../error.ts';
import { type BenchmarkState, seriesQuery } from './state.ts';

const number = (digits: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const idx = number(1);

/** The table: a row per period, per line its percentage and index; empty cells point to their reason below. */
function seriesTable(series: BenchmarkSeries): HTMLElement {
  const reasons: string[] = [];
  const mark = (reason: string | null) => {
    const text = reason ?? 'geen cijfer';
    const n = (reasons.includes(text) ? reasons.indexOf(text) : reasons.push(text) - 1) + 1;
    return h('a', { href: `#bm-noot-${n}`, class: 'footnote-ref', 'aria-label': `geen cijfer: zie noot ${n}` }, `–${n}`);
  };
  const cell = (value: number | null, reason: string | null, format: (v: number) => string) =>
    value === null
      ? h('td', { class: 'num missing', title: reason ?? 'geen cijfer' }, mark(reason))
      : h('td', { class: 'num' }, format(value));
  const periods = series.lines[0]?.points.map((p) => p.period) ?? [];
  const table = h(
    'table',
    { class: 'data' },
    h('caption', { class: 'sr-only' }, `${series.label}; index ${formatPeriod(series.base)} = 100`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', rowspan: 2 }, 'Periode'),
        lineNames(series).map((name) => h('th', { scope: 'colgroup', colspan: 2, class: 'num' }, name)),
      ),
      h(
        'tr',
        {},
        series.lines.map(() => [
          h('th', { scope: 'col', class: 'num' }, series.unit === 'eur' ? '€' : '%'),
          h('th', { scope: 'col', class: 'num' }, 'index'),
        ]),
      ),
    ),
    h(
      'tbody',
      {},
      periods.map((period, i) =>
        h(
          'tr',
          { class: period === series.base ? 'base' : null },
          h('th', { scope: 'row' }, formatPeriod(period)),
          series.lines.map((l) => {
            const p = l.points[i]!;
            return [
              cell(p.value, p.reason, (v) => formatBenchmarkValue(series.unit, v)),
              cell(p.index, p.reason, (v) => idx.format(v)),
            ];
          }),
        ),
      ),
    ),
  );
  return h(
    'div',
    {},
    tableWrap(series.label, table),
    reasons.length
      ? h(
          'ol',
          { class: 'footnotes', 'aria-label': 'Waarom een cel leeg is' },
          reasons.map((r, i) => h('li', { id: `bm-noot-${i + 1}` }, `– = geen cijfer: ${r}`)),
        )
      : null,
  );
}

/** How a group's figure is made, in the words of the measure's unit (a share of youths, or an amount per inhabitant or user). */
function poolingNote(series: BenchmarkSeries): string {
  const how =
    series.unit === 'eur'
      ? 'Een groep telt de bedragen van haar leden op en deelt die door hun aantallen samen (geen gemiddelde van de ' +
        'bedragen per gemeente).'
      : 'Een groep telt de jongeren met jeugdhulp van haar leden op en deelt door hun jongeren samen (geen gemiddelde van ' +
        'percentages).';
  const own = series.lines.some((l) => l.who === 'eigen')
    ? ` De lijn '${series.lines.find((l) => l.who === 'eigen')!.label}' komt uit de eigen gegevens van de gemeente, niet ` +
      'van het CBS; waar een cijfer ontbreekt, zegt de tabel waarom.'
    : '';
  return `${how} De gemeente zelf hoort niet bij haar eigen groep.${own}`;
}

/** The group's name and who could not be counted in it: inline when few, folded away when many. */
function groupFacts(series: BenchmarkSeries, s: BenchmarkState): (HTMLElement | null)[] {
  const label = lineNames(series)[series.lines.findIndex((l) => l.who === 'groep')];
  const names = series.leftOut.map((c) => s.choices.municipalities.find((m) => m.code === c)?.name ?? c);
  const lead = 'In een of meer perioden niet meegeteld in de groep of de regio (geen cijfer, geen inwonertal of geen deciel)';
  return [
    label ? h('p', { class: 'group-label' }, h('strong', {}, 'Referentiegroep: '), label) : null,
    names.length === 0
      ? null
      : names.length <= 10
        ? h('p', { class: 'muted', 'data-left-out': names.length }, `${lead}: ${names.join(', ')}.`)
        : h(
            'details',
            { class: 'muted', 'data-left-out': names.length },
            h('summary', {}, `${lead}: ${names.length} gemeenten`),
            h('p', {}, `${names.join(', ')}.`),
          ),
  ];
}

/** Renders the panel; returns the answer shown (null when there is none), so the page can offer to save its group. */
export async function renderSeriesPanel(el: HTMLElement, s: BenchmarkState, _ctx: AppContext): Promise<BenchmarkAnswer | null> {
  const section = h('section', { class: 'panel', 'data-panel': 'benchmark-series', 'aria-labelledby': 'bm-series-h' });
  el.append(section);
  const name = s.own.find((m) => m.code === s.municipality)?.name ?? s.municipality;
  const q = seriesQuery(s);
  if (!q) {
    mount(section, h('h2', { id: 'bm-series-h' }, `Verloop, ${name}`), h('p', { class: 'muted' }, 'Maak de keuze compleet.'));
    return null;
  }
  try {
    const series = await api.benchmark(q);
    const percentEl = h('div', {
      class: 'chart',
      role: 'img',
      'aria-label': `Lijngrafiek: ${series.label} per periode voor ${lineNames(series).join(', ')}`,
    });
    const indexEl = h('div', {
      class: 'chart',
      role: 'img',
      'aria-label': `Lijngrafiek: index (${formatPeriod(series.base)} = 100) voor ${lineNames(series).join(', ')}`,
    });
    const tables = s.choices.measures.find((m) => m.key === series.measure)?.tables ?? [];
    const sources = s.choices.sources.filter((t) => tables.includes(t.table));
    mount(
      section,
      h('h2', { id: 'bm-series-h' }, `${series.label}, ${name}`),
      series.note ? h('p', { class: 'notice', role: 'note' }, series.note) : null,
      h(
        'div',
        { class: 'benchmark-charts' },
        h('figure', { class: 'figure' }, h('figcaption', {}, series.unit === 'eur' ? 'Bedrag in euro' : 'Percentage'), percentEl),
        h('figure', { class: 'figure' }, h('figcaption', {}, `Index (${formatPeriod(series.base)} = 100)`), indexEl),
      ),
      ...groupFacts(series, s),
      h('p', { class: 'muted' }, poolingNote(series)),
      seriesTable(series),
      h('p', { class: 'actions' }, h('a', { class: 'button', href: api.benchmarkCsvUrl(q), download: true }, 'Tabel als CSV')),
      h(
        'p',
        { class: 'muted source' },
        `Bron: ${sources.map((t) => `${t.title ?? `CBS-tabel ${t.table}`}`).join('; ') || 'CBS open data'}.`,
      ),
    );
    drawChart(percentEl, benchmarkChart(series, 'value'));
    drawChart(indexEl, benchmarkChart(series, 'index'));
    return series;
  } catch (e) {
    mount(section, h('h2', { id: 'bm-series-h' }, `Verloop, ${name}`), errorBox(e));
    return null;
  }
}
