// The notes page: every note the user may read, filtered by analysis (here), municipality and period (the filter bar),
// each with a link to the analysis it is about. Note text is only ever inserted as text.
import { api, type Note } from '../api.ts';
import type { AppContext } from '../context.ts';
import { h, mount } from '../dom.ts';
import { formatDate } from '../../../src/contract/format.ts';
import { valueLabel } from '../labels.ts';
import { go, urlOf, withChanges, type ViewState } from '../state.ts';
import { PAGES } from './catalog.ts';
import { errorBox } from './error.ts';

export const NOTES_SLUG = 'notities';

/** The analysis page a note is about, opened on the note's municipality and years. */
function noteLink(n: Note, ctx: AppContext): HTMLElement | null {
  const page = PAGES.find((p) => p.views.some((v) => v.metric === n.metric));
  if (!page) return null;
  const first = page.views.find((v) => ctx.metrics.some((m) => m.id === v.metric))?.metric;
  const href = urlOf({
    page: page.slug,
    filters: n.municipality ? { municipality: [n.municipality] } : {},
    from: Number(n.period_from.slice(0, 4)),
    to: Number(n.period_to.slice(0, 4)),
    view: n.metric === first ? undefined : n.metric,
    params: {},
  });
  return h('a', { href, 'data-nav': true }, `Naar ${page.title}`);
}

export async function renderNotes(main: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const title = (id: string) => ctx.metrics.find((m) => m.id === id)?.title ?? id;
  const metricSelect = h(
    'select',
    {
      id: 'notes-metric',
      name: 'metric',
      onchange: (e: Event) => go(withChanges(s, { view: (e.target as HTMLSelectElement).value || undefined })),
    },
    h('option', { value: '' }, 'Alle analyses'),
    ctx.metrics.map((m) => h('option', { value: m.id, selected: m.id === s.view }, m.title)),
  );
  mount(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', {}, 'Notities'),
      h('p', { class: 'question' }, 'Wat is er bij de cijfers opgemerkt?'),
    ),
    h('div', { class: 'notes-filter field' }, h('label', { for: 'notes-metric' }, 'Analyse'), metricSelect),
    h(
      'p',
      { class: 'muted' },
      'Een notitie hoort bij een analyse, een gemeente (of de hele regio) en een periode; gemeente en periode kiest u in de ' +
        'filterbalk. Zonder gekozen periode ziet u alle notities. De andere filters gelden hier niet.',
    ),
    h('p', { class: 'muted', role: 'status' }, 'Notities laden…'),
  );
  let notes: Note[];
  try {
    notes = await api.notes({
      metric: s.view,
      municipality: s.filters.municipality?.join(','),
      from: s.from ? `${s.from}-01-01` : undefined,
      to: s.to ? `${s.to}-12-31` : undefined,
    });
  } catch (e) {
    main.lastElementChild?.replaceWith(errorBox(e));
    return;
  }
  const where = (m: string | null) => (m ? valueLabel(ctx.dims, 'municipality', m) : 'hele regio');
  main.lastElementChild?.replaceWith(
    notes.length
      ? h(
          'ol',
          { class: 'notes-list notes-page' },
          notes.map((n) =>
            h(
              'li',
              { class: 'note' },
              h(
                'p',
                { class: 'note-about' },
                h('strong', {}, title(n.metric)),
                ` · ${where(n.municipality)} · ${formatDate(n.period_from)} t/m ${formatDate(n.period_to)}`,
              ),
              h('p', { class: 'note-text' }, n.text),
              h('p', { class: 'note-meta' }, `${n.author} · ${formatDate(n.created_at)} `, noteLink(n, ctx)),
            ),
          ),
        )
      : h('p', { class: 'muted', role: 'status' }, 'Geen notities bij deze keuze.'),
  );
}
