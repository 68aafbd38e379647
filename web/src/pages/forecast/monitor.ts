// The monitoring part of the measures panel: per measure with an indicator and a start date, the indicator before and
// after the start as a small bar chart, the sentence that says what moved, and the same figures as a table.
import { monitorChart } from '../../../../src/charts/monitor.ts';
import { formatDate, formatValue } from '../../../../src/contract/format.ts';
import { type MonitorView, monitorSentence } from '../../../../src/forecast/monitor.ts';
import { api, type StoredMeasure } from '../../api.ts';
import { drawChart } from '../../charts/setup.ts';
import { h, mount } from '../../dom.ts';
import { tableWrap } from '../../table.ts';
import { errorBox } from '../error.ts';

/** The figures of one measure as a table: the chart's fallback for a screen reader or a copy. */
function monitorTable(m: StoredMeasure, v: MonitorView): HTMLElement {
  const label = v.label ?? v.indicator.column;
  const row = (when: string, w: MonitorView['before']) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, when),
      h('td', {}, w ? `${formatDate(w.from)} – ${formatDate(w.to)}` : '–'),
      h('td', { class: 'num' }, formatValue(w?.value ?? null, v.unit ?? 'count')),
    );
  return tableWrap(
    `${label}: ${m.name}`,
    h(
      'table',
      { class: 'data monitor-table' },
      h('caption', {}, `${label} vóór en na de start van '${m.name}'`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['', 'Periode', label].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h('tbody', {}, row('Vóór de start', v.before), row('Na de start', v.after)),
    ),
  );
}

async function monitorOne(el: HTMLElement, place: string, m: StoredMeasure): Promise<void> {
  let v: MonitorView;
  try {
    v = await api.monitor(place, m.id);
  } catch (e) {
    mount(el, h('h4', {}, m.name), errorBox(e));
    return;
  }
  const sentence = monitorSentence(v);
  const parts: (HTMLElement | null)[] = [h('h4', {}, m.name), h('p', { class: 'monitor-sentence' }, sentence)];
  let chart: HTMLElement | null = null;
  if (v.before && v.after && v.unit) {
    const built = monitorChart({ label: v.label ?? v.indicator.column, unit: v.unit, before: v.before, after: v.after });
    chart = h('div', { class: 'chart monitor-chart', role: 'img', 'aria-label': sentence });
    chart.style.height = `${built.height ?? 220}px`;
    parts.push(chart, monitorTable(m, v));
    mount(el, ...parts);
    drawChart(chart, built.option);
    return;
  }
  mount(el, ...parts);
}

/** The monitoring section for the register `measures` of `place` ('' = the region). */
export function renderMonitor(el: HTMLElement, place: string, measures: readonly StoredMeasure[]): Promise<void> {
  const followed = measures.filter((m) => m.indicator && m.start);
  const rest = measures.filter((m) => !(m.indicator && m.start));
  const items = followed.map((m) => h('div', { class: 'monitor-item', 'data-measure': m.id }));
  mount(
    el,
    h('h3', { id: 'monitor-title' }, 'Volgen: de indicator vóór en na de start'),
    followed.length ? null : h('p', { class: 'muted' }, 'Geen maatregel heeft een indicator en een startdatum om te volgen.'),
    ...items,
    followed.length && rest.length
      ? h('p', { class: 'muted' }, `Zonder indicator of startdatum: ${rest.map((m) => m.name).join(', ')}.`)
      : null,
  );
  return Promise.all(followed.map((m, i) => monitorOne(items[i]!, place, m))).then(() => undefined);
}
