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
import { renderUpload } from './pages/upload.ts';
import { NOTES_SLUG, renderNotes } from './pages/notes.ts';
import { REPORT_SLUG, renderReport } from './pages/report.ts';
import { FORECAST_SLUG, renderForecast } from './pages/forecast/index.ts';
import { BENCHMARK_SLUG, renderBenchmark } from './pages/benchmark/index.ts';
import { coverageLine } from './coverage.ts';
import { printHead } from './printhead.ts';
import { linkedView, openLinked, renderViewsMenu, takeNotice } from './views.ts';
import { disposeCharts } from './charts/setup.ts';
import { interceptLinks, onNavigate, readState, urlOf, withChanges, withHome, type ViewState } from './state.ts';

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

async function render(asked: ViewState): Promise<void> {
  const seq = ++renderSeq;
  // data-ready marks a page whose figures are all drawn (tests and the page-load benchmark wait for it).
  main.removeAttribute('data-ready');
  let ctx: Awaited<ReturnType<typeof appContext>>;
  let user: SessionUser | null;
  let s = asked;
  try {
    user = await ensureSession();
    if (seq !== renderSeq) return;
    ctx = { ...(await appContext()), home: user?.municipalities ?? [] };
    // A one-municipality user starts on it; the URL says so too, so a bookmark or a shared link means the same.
    s = withHome(asked, ctx.home);
    if (s !== asked) history.replaceState(null, '', urlOf(s));
  } catch (e) {
    mount(main, errorBox(e));
    main.dataset.ready = 'true';
    return;
  }
  if (seq !== renderSeq) return;
  const linked = linkedView(s);
  if (linked) {
    // A saved view's link: the server narrows it to this user, then the view replaces the link in the history.
    await openLinked(linked).catch((e) => {
      mount(main, errorBox(e));
      main.dataset.ready = 'true';
    });
    return;
  }
  const available = PAGES.filter((p) => viewFor(ctx, p));
  const forecastAllowed = !user?.rights?.suppressed && available.some((p) => p.slug === 'budget');
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
      // Like the analysis pages: shown where the budget analysis is, and not to an aggregate-only role (refused).
      forecastAllowed ? h('li', {}, link(FORECAST_SLUG, 'Vooruitblik')) : null,
      // CBS's public figures: every role may compare.
      h('li', {}, link(BENCHMARK_SLUG, 'Vergelijken')),
      // Links only to what the role may open (the server refuses the rest anyway).
      user?.rights?.readNotes ? h('li', {}, link(NOTES_SLUG, 'Notities')) : null,
      // Every role may make a report (its figures are asked with the role's own rights).
      h('li', {}, link(REPORT_SLUG, 'Rapport')),
      user?.rights?.importStatus ? h('li', {}, link('import', 'Importstatus')) : null,
      user?.rights?.upload ? h('li', {}, link('inlezen', 'Gegevens inlezen')) : null,
    ),
  );
  disposeCharts(main);
  // Each render draws into its own element, so a slow earlier render that finishes late writes into a detached node.
  const el = h('div', { class: 'view' });
  const page = pageBySlug(s.page);
  const title =
    page?.title ??
    {
      import: 'Importstatus',
      inlezen: 'Gegevens inlezen',
      [NOTES_SLUG]: 'Notities',
      [REPORT_SLUG]: 'Rapport',
      [FORECAST_SLUG]: 'Vooruitblik',
      [BENCHMARK_SLUG]: 'Vergelijken',
    }[s.page] ??
    'Overzicht';
  const notice = takeNotice();
  mount(main, printHead(s, ctx, title), coverageLine(), notice ? h('p', { class: 'notice', role: 'status' }, notice) : null, el);
  renderViewsMenu(viewsMenu(), s);
  renderFilterBar(byId('filters'), s, ctx, { suppressed: !!user?.rights?.suppressed });
  // The report page has its own place and year fields (prefilled from the filters); the benchmark page its own choices.
  byId('filters').hidden = s.page === 'import' || s.page === 'inlezen' || s.page === REPORT_SLUG || s.page === BENCHMARK_SLUG;
  const view = page && viewFor(ctx, page, s.view);
  document.title = `${title} — Roer`;
  if (s.page === 'overzicht') await renderOverview(el, s, ctx);
  else if (s.page === 'import') await renderStatus(el);
  else if (s.page === 'inlezen') await renderUpload(el);
  else if (s.page === NOTES_SLUG) await renderNotes(el, s, ctx);
  else if (s.page === FORECAST_SLUG) await renderForecast(el, s, ctx);
  else if (s.page === BENCHMARK_SLUG) await renderBenchmark(el, s, ctx);
  else if (s.page === REPORT_SLUG)
    await renderReport(el, s, ctx, {
      // Without login (a test app) everything is allowed; the server checks again on every call.
      readNotes: user ? !!user.rights?.readNotes : true,
      writeNotes: user ? !!user.rights?.writeNotes : true,
    });
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

/** The saved-views menu's place in the top bar, before the user's name. */
function viewsMenu(): HTMLElement {
  const found = document.getElementById('views');
  if (found) return found;
  const el = h('div', { id: 'views', class: 'views' });
  byId('user').before(el);
  return el;
}

interceptLinks();
onNavigate((s) => {
  void render(s);
  // A change made in the filter bar keeps focus there (the bar puts it back on the same control after re-rendering).
  if (!byId('filters').contains(document.activeElement)) main.focus({ preventScroll: true });
});
void render(readState());
