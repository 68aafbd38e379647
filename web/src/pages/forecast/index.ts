// "Vooruitblik": looking ahead (issue 17). Each slice draws its own panel; this branch has the measures panel only
// (the year-end and framework panels join it in order yearend, framework, measures).
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { renderMeasuresPanel } from './measures.ts';

export const FORECAST_SLUG = 'vooruitblik';

export async function renderForecast(main: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const measures = h('div', { id: 'forecast-measures' });
  mount(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', {}, 'Vooruitblik'),
      h('p', { class: 'question' }, 'Wat leveren de maatregelen op, en hoe zeker is dat?'),
    ),
    measures,
  );
  await renderMeasuresPanel(measures, s, ctx);
}
