// The Vooruitblik page (/vooruitblik): looking ahead, one panel per part in order: the year-end forecast, the
// financial framework, the measures. Each panel asks its own API and shows its own error.
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { renderFrameworkPanel } from './framework.ts';
import { renderMeasuresPanel } from './measures.ts';
import { renderYearendPanel } from './yearend.ts';

export const FORECAST_SLUG = 'vooruitblik';

export async function renderForecast(main: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const yearend = h('div', { id: 'forecast-yearend' });
  const framework = h('div', { id: 'forecast-framework' });
  const measures = h('div', { id: 'forecast-measures' });
  mount(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', {}, 'Vooruitblik'),
      h('p', { class: 'question' }, 'Waar komen de kosten dit jaar uit, wat leveren de maatregelen op, en hoe zeker is dat?'),
    ),
    yearend,
    framework,
    measures,
  );
  // Side by side in time: a slow panel does not hold the other back.
  await Promise.all([
    renderYearendPanel(yearend, s, ctx),
    renderFrameworkPanel(framework, s, ctx),
    renderMeasuresPanel(measures, s, ctx),
  ]);
}
