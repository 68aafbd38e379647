// Saved views: a menu in the top bar with the user's own named views (page + filters + period + split + parameters),
// a form to save the current one, and its shareable link /weergave/<id>, which the server opens narrowed to the opener.
import { api, ApiFailure, type SavedView } from './api.ts';
import { h, mount } from './dom.ts';
import { parsePeriodToken, periodToken } from './period.ts';
import { replace, type ViewState } from './state.ts';

/** The path of a saved view's shareable link. */
export const viewLink = (id: string) => `/weergave/${id}`;

/** The saved view's id when the URL is a view's link, else null. */
export function linkedView(s: ViewState): string | null {
  return /^weergave\/([A-Za-z0-9_-]+)$/.exec(s.page)?.[1] ?? null;
}

/** A sentence to show once on the page a link opened (why it shows less than was saved). */
let notice: string | null = null;
export function takeNotice(): string | null {
  const n = notice;
  notice = null;
  return n;
}

/** Opens a view's link: asks the server (which narrows it to this user) and moves to the view in place of the link. */
export async function openLinked(id: string): Promise<void> {
  const v = await api.view(id);
  notice = v.narrowed ?? null;
  const st = v.state;
  replace({
    page: v.page,
    filters: st.filters,
    from: st.from,
    to: st.to,
    period: parsePeriodToken(st.period ?? null),
    split: st.split as ViewState['split'],
    view: st.view,
    measure: st.measure,
    params: st.params,
  });
}

let mine: Promise<SavedView[]> | null = null;
const reload = () => {
  mine = api.views();
  return mine;
};

/** The menu in the top bar, for the view `s` now shown. */
export function renderViewsMenu(el: HTMLElement, s: ViewState): void {
  const status = h('p', { class: 'views-status', role: 'status' });
  const list = h('ul', { class: 'views-list' });
  const name = h('input', { id: 'view-name', name: 'name', maxlength: 100, required: true, autocomplete: 'off' });
  const showLink = (v: SavedView) => {
    const url = `${location.origin}${viewLink(v.id)}`;
    status.replaceChildren(`Link naar '${v.name}': `, h('a', { href: viewLink(v.id), 'data-nav': true }, url));
    void navigator.clipboard?.writeText(url).then(
      () => status.append(' (gekopieerd)'),
      () => undefined,
    );
  };
  const fill = (views: SavedView[]) =>
    mount(
      list,
      views.length
        ? views.map((v) =>
            h(
              'li',
              {},
              h('a', { href: viewLink(v.id), 'data-nav': true, class: 'view-link' }, v.name),
              h(
                'button',
                { type: 'button', class: 'link-button', 'aria-label': `Link naar ${v.name}`, onclick: () => showLink(v) },
                'Link',
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  'aria-label': `Verwijderen: ${v.name}`,
                  onclick: async () => {
                    await api.deleteView(v.id).catch(() => undefined);
                    fill(await reload());
                  },
                },
                'Verwijderen',
              ),
            ),
          )
        : h('li', { class: 'muted' }, 'Nog geen bewaarde weergaven.'),
    );
  const form = h(
    'form',
    {
      class: 'view-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          const { page, filters, from, to, period, split, view, measure, params } = s;
          const saved = await api.saveView({
            name: name.value,
            page,
            filters: filters as Record<string, string[]>,
            ...(period ? { period: periodToken(period) } : { from, to }),
            ...{ split, view, measure, params },
          });
          name.value = '';
          fill(await reload());
          showLink(saved);
        } catch (err) {
          status.textContent = err instanceof ApiFailure ? err.message : 'De weergave kon niet worden bewaard.';
        }
      },
    },
    h('label', { for: 'view-name' }, 'Deze weergave bewaren als'),
    name,
    h('button', { type: 'submit' }, 'Bewaren'),
  );
  mount(
    el,
    h(
      'details',
      { class: 'views-menu' },
      h('summary', {}, 'Bewaarde weergaven'),
      h('div', { class: 'views-panel' }, list, form, status),
    ),
  );
  (mine ?? reload()).then(fill, (e) => {
    mine = null;
    status.textContent = e instanceof ApiFailure ? e.message : 'Weergaven konden niet worden geladen.';
  });
}
