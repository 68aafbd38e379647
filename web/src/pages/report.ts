// "Rapport": the council report of a municipality (or the region) and year, prefilled from the filters the user came
// with; the user writes an introduction and conclusions (stored on the server) and opens the report as HTML or PDF.
import { api, type ReportTexts } from '../api.ts';
import type { AppContext } from '../context.ts';
import { h, mount } from '../dom.ts';
import { periodOf, type ViewState } from '../state.ts';
import { errorBox } from './error.ts';

export const REPORT_SLUG = 'rapport';

/** What the report page asks for: the place ('' = the region), the year, the comparison year and the last day. */
export interface ReportChoice {
  municipality: string;
  year: number;
  compare: number;
  through: string;
}

/** The choice the filters imply: the single chosen municipality (else the region), the period's last year, the year before. */
export function choiceOf(s: ViewState, ctx: AppContext): ReportChoice {
  const chosen = s.filters.municipality ?? [];
  const p = periodOf(s, ctx.span);
  const year = p.kind === 'years' ? p.to : p.kind === 'ytd' ? Number(ctx.span.lastMonth.slice(0, 4)) : p.year;
  return { municipality: chosen.length === 1 ? chosen[0]! : '', year, compare: year - 1, through: '' };
}

/** The API address of the report for a choice, as HTML or PDF. */
export function reportUrl(c: ReportChoice, format: 'html' | 'pdf'): string {
  const q = new URLSearchParams();
  if (c.municipality) q.set('gemeente', c.municipality);
  q.set('jaar', String(c.year));
  if (c.compare) q.set('vergelijk', String(c.compare));
  if (c.through) q.set('tot', c.through);
  if (format === 'pdf') q.set('formaat', 'pdf');
  return `/api/report?${q}`;
}

export interface ReportUser {
  readNotes: boolean;
  writeNotes: boolean;
}

const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('span', { class: 'muted hint', id: `${id}-hint` }, hint) : null,
  );

export async function renderReport(main: HTMLElement, s: ViewState, ctx: AppContext, user: ReportUser): Promise<void> {
  const choice = choiceOf(s, ctx);
  const places = ctx.dims.municipality ?? [];
  const region = ctx.home.length === 1 ? null : ctx.home.length > 1 ? 'Al uw gemeenten' : 'Hele regio';
  if (!region && !choice.municipality && places[0]) choice.municipality = places[0].value;

  const place = h(
    'select',
    { id: 'report-municipality', name: 'gemeente' },
    region ? h('option', { value: '', selected: choice.municipality === '' }, region) : null,
    places.map((o) => h('option', { value: o.value, selected: o.value === choice.municipality }, o.label)),
  );
  const year = h(
    'select',
    { id: 'report-year', name: 'jaar' },
    ctx.years.map((y) => h('option', { value: String(y), selected: y === choice.year }, String(y))),
  );
  const compare = h('input', {
    id: 'report-compare',
    name: 'vergelijk',
    type: 'number',
    min: 1900,
    max: 2999,
    step: 1,
    value: String(choice.compare),
  });
  const through = h('input', {
    id: 'report-through',
    name: 'tot',
    type: 'date',
    'aria-describedby': 'report-through-hint',
  });
  const view = h('a', { class: 'button', id: 'report-view', target: '_blank', rel: 'noopener' }, 'Bekijk rapport');
  const pdf = h('a', { class: 'button', id: 'report-pdf', download: '' }, 'Download PDF');

  const introduction = h('textarea', { id: 'report-introduction', name: 'introduction', rows: 6, maxlength: 10000 });
  const conclusions = h('textarea', { id: 'report-conclusions', name: 'conclusions', rows: 6, maxlength: 10000 });
  const status = h('p', { class: 'muted', role: 'status', id: 'report-texts-status' });
  const save = h('button', { type: 'button', id: 'report-save' }, 'Opslaan');

  const current = (): ReportChoice => ({
    municipality: (place as HTMLSelectElement).value,
    year: Number((year as HTMLSelectElement).value),
    compare: Number((compare as HTMLInputElement).value),
    through: (through as HTMLInputElement).value,
  });
  const refreshLinks = () => {
    const c = current();
    view.setAttribute('href', reportUrl(c, 'html'));
    pdf.setAttribute('href', reportUrl(c, 'pdf'));
  };
  /** The stored texts of the chosen place and year (a change of either loads theirs). */
  const loadTexts = async () => {
    if (!user.readNotes) return;
    const c = current();
    status.textContent = 'Teksten laden…';
    try {
      const t: ReportTexts = await api.reportTexts(c.municipality, c.year);
      (introduction as HTMLTextAreaElement).value = t.introduction ?? '';
      (conclusions as HTMLTextAreaElement).value = t.conclusions ?? '';
      status.textContent = t.author ? `Laatst bewaard door ${t.author}.` : '';
    } catch (e) {
      (introduction as HTMLTextAreaElement).value = '';
      (conclusions as HTMLTextAreaElement).value = '';
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  save.addEventListener('click', async () => {
    const c = current();
    status.textContent = 'Bezig met opslaan…';
    try {
      await api.saveReportTexts({
        gemeente: c.municipality || null,
        jaar: c.year,
        introduction: (introduction as HTMLTextAreaElement).value,
        conclusions: (conclusions as HTMLTextAreaElement).value,
      });
      status.textContent = 'De inleiding en conclusies zijn opgeslagen; ze staan in het rapport.';
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  for (const el of [place, year]) {
    el.addEventListener('change', () => {
      if (el === year) (compare as HTMLInputElement).value = String(Number((year as HTMLSelectElement).value) - 1);
      refreshLinks();
      void loadTexts();
    });
  }
  for (const el of [compare, through]) el.addEventListener('input', refreshLinks);
  refreshLinks();

  const texts = user.readNotes
    ? h(
        'section',
        { class: 'report-texts', 'aria-labelledby': 'report-texts-title' },
        h('h2', { id: 'report-texts-title' }, 'Inleiding en conclusies'),
        h(
          'p',
          { class: 'muted' },
          'Uw eigen tekst bij de cijfers: de inleiding komt na de samenvatting, de conclusies aan het eind.',
        ),
        field('report-introduction', 'Inleiding', introduction),
        field('report-conclusions', 'Conclusies', conclusions),
        user.writeNotes ? h('div', { class: 'actions' }, save) : null,
        status,
      )
    : null;
  if (!user.writeNotes) {
    introduction.setAttribute('readonly', '');
    conclusions.setAttribute('readonly', '');
  }

  mount(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', {}, 'Rapport'),
      h('p', { class: 'question' }, 'Het raadsrapport jeugdhulp: cijfers en verhaal, als webpagina of PDF.'),
    ),
    h(
      'form',
      { class: 'report-form controls', onsubmit: (e: Event) => e.preventDefault() },
      field('report-municipality', 'Gemeente', place),
      field('report-year', 'Jaar', year),
      field('report-compare', 'Vergelijken met', compare),
      field('report-through', 'Gegevens tot en met (optioneel)', through, 'Leeg: het hele jaar.'),
    ),
    // The actions right under the choice, in view at 1366×768; the texts below are optional.
    h('div', { class: 'actions report-actions' }, view, pdf),
    texts,
  );
  try {
    await loadTexts();
  } catch (e) {
    main.append(errorBox(e));
  }
}
