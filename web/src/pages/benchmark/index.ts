// The Vergelijken page (/vergelijken): the municipality beside its reference group, its youth-care region and the
// Netherlands on CBS's public figures, then the normalised comparison with one other municipality. One module per
// panel; each gets the page's state (the choices, from the URL) and the app context, and asks its own API.
import { api } from '../../api.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { errorBox } from '../error.ts';
import { renderComparePanel } from './compare.ts';
import { renderControls } from './controls.ts';
import { renderOwnPanel } from './own.ts';
import { renderSaveGroup } from './save.ts';
import { renderSeriesPanel } from './series.ts';
import { benchmarkState } from './state.ts';

export const BENCHMARK_SLUG = 'vergelijken';

export async function renderBenchmark(main: HTMLElement, view: ViewState, ctx: AppContext): Promise<void> {
  const head = h(
    'header',
    { class: 'page-head' },
    h('h1', {}, 'Vergelijken met andere gemeenten'),
    h('p', { class: 'question' }, 'Hoe verhoudt het jeugdhulpgebruik van de gemeente zich tot vergelijkbare gemeenten?'),
  );
  let choices: Awaited<ReturnType<typeof api.benchmarkChoices>>;
  try {
    choices = await api.benchmarkChoices();
  } catch (e) {
    mount(main, head, errorBox(e));
    return;
  }
  const own = (ctx.dims.municipality ?? []).map((o) => ({ code: o.value, name: o.label }));
  const state = benchmarkState(view, choices, own);
  const fictitious = choices.sources.filter((s) => s.fictitious);
  const controls = h('div', { id: 'benchmark-controls' });
  const series = h('div', { id: 'benchmark-series' });
  // "Eigen cijfers naast CBS": the municipality's own counts with CBS's definition (web/src/pages/benchmark/own.ts).
  const ownSlot = h('div', { id: 'benchmark-own' });
  const compare = h('div', { id: 'benchmark-compare' });
  mount(
    main,
    head,
    fictitious.length
      ? h(
          'p',
          { class: 'notice demo-data', role: 'note', 'data-fictitious': true },
          h('strong', {}, 'Let op: fictieve landelijke cijfers (demo). '),
          `De CBS-tabel${fictitious.length > 1 ? 'len' : ''} ${fictitious.map((s) => s.table).join(', ')} ` +
            'in deze database zijn door Roer verzonnen voor de demo, in het formaat van het CBS. Het zijn geen cijfers van het CBS.',
        )
      : null,
    controls,
    series,
    ownSlot,
    compare,
  );
  if (!choices.periods.halfjaar.length && !choices.periods.jaar.length) {
    mount(
      controls,
      h(
        'p',
        { role: 'status' },
        "Er zijn nog geen CBS-cijfers over jongeren met jeugdhulp ingelezen. Lees de CBS-tabellen in met 'roer benchmark " +
          "import' (of download ze met 'roer benchmark fetch'); zie docs/benchmark.md.",
      ),
    );
    return;
  }
  if (!state.municipality) {
    mount(controls, h('p', { role: 'alert' }, 'Uw account heeft geen gemeente om te vergelijken.'));
    return;
  }
  const saveSlot = await renderControls(controls, state);
  // Side by side in time: a slow panel does not hold the other back.
  await Promise.all([
    // The group can be saved once the API has said which it is (a context group's year and deciles).
    renderSeriesPanel(series, state, ctx).then((answer) => answer && renderSaveGroup(saveSlot, state, answer.group)),
    renderOwnPanel(ownSlot, state.municipality, state.period || null, ctx),
    renderComparePanel(compare, state, ctx),
  ]);
}
