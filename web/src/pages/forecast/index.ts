// "Vooruitblik": looking ahead (issue 17). The page holds one panel per part, in order: the year-end forecast, the
// financial framework with the multi-year baseline, and the measures (each panel in its own module).
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { renderFrameworkPanel } from './framework.ts';

export const FORECAST_SLUG = 'vooruitblik';

export async function renderForecast(main: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const framework = h('div', { class: 'forecast-panel' });
  mount(main, h('h1', {}, 'Vooruitblik'), framework);
  await renderFrameworkPanel(framework, s, ctx);
}
