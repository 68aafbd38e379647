// The Vooruitblik page (/vooruitblik): looking ahead, one panel per part in order: the year-end forecast, the
// financial framework, the measures. Each panel asks its own API and shows its own error.
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { renderYearendPanel } from './yearend.ts';

export const FORECAST_SLUG = 'vooruitblik';

export async function renderForecast(el: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  mount(
    el,
    h(
      'header',
      { class: 'page-head' },
      h('h1', {}, 'Vooruitblik'),
      h('p', { class: 'question' }, 'Waar komen de kosten dit jaar uit, en hoe verhouden ze zich tot de begroting?'),
    ),
  );
  await renderYearendPanel(el, s, ctx);
}
