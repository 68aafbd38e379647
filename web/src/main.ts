// Boots the dashboard: loads the catalogue once, then renders the page the URL names, with the filter bar above it.
import './charts/setup.ts';
import { api, onBusy, type SessionUser } from './api.ts';
import { loginForm, userMenu } from './login.ts';
import { appContext, viewFor } from './context.ts';
import { byId, h, mount } from './dom.ts';
import { renderFilterBar } from './filterbar.ts';
import { renderAnalysis } from './pages/analysis.ts';
import { PAGES, pageBySlug } from './pages/catalog.ts';
import { errorBox } from './pages/error.ts';
import { renderOverview } from './pages/overview.ts';
import { renderStatus } from './pages/status.ts';
import { disposeCharts } from './charts/setup.ts';
import { interceptLinks, onNavigate, readState, urlOf, withChanges, type ViewState } from './state.ts';

const main = byId('main');
const busy = byId('busy');
let pending: ReturnType<typeof setTimeout> | undefined;
onBusy((on) => {
  // Show the bar only for waits that a user would notice, so fast pages do not flicker.
  clearTimeout(pending);
  if (on)
    pending = setTimeout(() => {
      busy.hidden = false;
      main.setAttribute('aria-busy', 'true');
    }, 150);
  else {
    busy.hidden = true;
    main.removeAttribute('aria-busy');
  }
});

let renderSeq = 0;
let session: Promise<SessionUser | null> | null = null;

/** Makes sure someone is logged in when the server has a login (shows the form if not); null = no login needed. */
function ensureSession(): Promise<SessionUser | null> {
  session ??= api.session().then(async (s) => {
    if (s === undefined) return null;
    if (s.user) return s.user;
    byId('filters').hidden = true;
    return loginForm(main);
  });
  session.then(
    (u) => userMenu(byId('user'), u),
    () => {
      session = null;
    },
  );
  return session;
}

async function render(s: ViewState): Promise<void> {
  const seq = ++renderSeq;
  // data-ready marks a page whose figures are all drawn (tests and the page-load benchmark wait for it).
  main.removeAttribute('data-ready');
  let ctx: Awaited<ReturnType<typeof appContext>>;
  try {
    await ensureSession();
    if (seq !== renderSeq) return;
    ctx = await appContext();
  } catch (e) {
    mount(main, errorBox(e));
    main.dataset.ready = 'true';
    return;
  }
  if (seq !== renderSeq) return;
  const available = PAGES.filter((p) => viewFor(ctx, p));
  const link = (slug: string, title: string) =>
    h(
      'a',
      { href: urlOf(withChanges(s, { page: slug })), 'data-nav': true, 'aria-current': s.page === slug ? 'page' : null },
      title,
    );
  mount(
    byId('nav'),
    h(
      'ul',
      {},
      h('li', {}, link('overzicht', 'Overzicht')),
      available.map((p) => h('li', {}, link(p.slug, p.nav ?? p.title))),
      h('li', {}, link('import', 'Importstatus')),
    ),
  );
  disposeCharts(main);
  // Each render draws into its own element, so a slow earlier render that finishes late writes into a detached node.
  const el = h('div', { class: 'view' });
  mount(main, el);
  renderFilterBar(byId('filters'), s, ctx.dims, ctx.years);
  byId('filters').hidden = s.page === 'import';
  const page = pageBySlug(s.page);
  const view = page && viewFor(ctx, page, s.view);
  document.title = `${page?.title ?? (s.page === 'import' ? 'Importstatus' : 'Overzicht')} — Roer`;
  if (s.page === 'overzicht') await renderOverview(el, s, ctx);
  else if (s.page === 'import') await renderStatus(el);
  else if (page && view) await renderAnalysis(el, s, ctx, page, view);
  else if (page && s.view)
    mount(
      el,
      h('h1', {}, 'Analyse niet gevonden'),
      h('p', { role: 'alert' }, `De pagina ${page.title} heeft geen analyse '${s.view}'. `),
      h('a', { href: urlOf(withChanges(s, { view: undefined })), 'data-nav': true }, `Naar ${page.title}`),
    );
  else
    mount(
      el,
      h('h1', {}, 'Pagina niet gevonden'),
      h('p', {}, 'Deze pagina bestaat niet (meer). '),
      h('a', { href: '/', 'data-nav': true }, 'Naar het overzicht'),
    );
  if (seq === renderSeq) main.dataset.ready = 'true';
}

interceptLinks();
onNavigate((s) => {
  void render(s);
  main.focus({ preventScroll: true });
});
void render(readState());
