// The one filter bar on every page, sticky and one line high: municipality, the period picker, a "Meer filters" button
// that folds out the other filters (long lists searchable), and the active filters as removable chips. Each applied
// change becomes a new URL (bookmarkable; Back undoes it); focus stays where the user left it.
import type { Option } from './api.ts';
import { onChosen } from './choose.ts';
import type { AppContext } from './context.ts';
import { h, mount } from './dom.ts';
import { dimLabel, valueLabel } from './labels.ts';
import { multiSelect } from './multiselect.ts';
import { lastMonthOf, MONTH_NAMES, type Period, type PeriodKind, periodLabel } from './period.ts';
import { REPORT_SLUG } from './pages/report.ts';
import { FILTER_DIMS, type FilterDim, go, periodOf, urlOf, type ViewState, withChanges, withPeriod } from './state.ts';

/** Folded filters, in this order; long lists get a search field. */
const MORE: FilterDim[] = [
  'care_type',
  'product',
  'provider',
  'referrer_type',
  'team',
  'district',
  'age_band',
  'sex',
  'financing',
];
const SEARCHABLE = new Set<FilterDim>(['care_type', 'product', 'provider', 'referrer_type', 'team', 'district']);
const ALL: Partial<Record<FilterDim, string>> = { financing: 'ZIN en PGB' };
const KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: 'years', label: 'Hele jaren' },
  { kind: 'quarter', label: 'Kwartaal' },
  { kind: 'month', label: 'Maand' },
  { kind: 'ytd', label: 'Lopend jaar' },
];

/** Whether the folded filters are shown; kept across re-renders (not in the URL: it is a view of the bar, not data). */
let moreOpen = false;

export interface BarUser {
  /** An aggregate-only role: whole years and no filters besides the municipality (docs/security.md). */
  suppressed: boolean;
}

export function renderFilterBar(el: HTMLElement, s: ViewState, ctx: AppContext, user: BarUser): void {
  const focused = el.contains(document.activeElement) ? document.activeElement?.id : undefined;
  const apply = (next: ViewState) => go(next);
  const setFilter = (d: FilterDim, values: string[] | undefined) =>
    apply(withChanges(s, { filters: { ...s.filters, [d]: values?.length ? values : undefined } }));

  const more = user.suppressed ? [] : MORE.filter((d) => (ctx.dims[d]?.length ?? 0) > 0);
  const activeMore = more.filter((d) => s.filters[d]?.length);
  const panel = h(
    'div',
    { id: 'f-more', class: 'bar-more', hidden: !moreOpen },
    more.map((d) => {
      const options = ctx.dims[d] as Option[];
      const chosen = s.filters[d] ?? [];
      if (SEARCHABLE.has(d))
        return multiSelect({
          id: `f-${d}`,
          label: dimLabel(d),
          options,
          chosen,
          allLabel: 'Alle',
          searchLabel: `Zoek ${dimLabel(d).toLowerCase()}`,
          apply: (values) => setFilter(d, values),
        });
      return select(`f-${d}`, dimLabel(d), choiceOptions(options, chosen, ALL[d] ?? 'Alle'), chosen.join(','), (v) =>
        setFilter(d, v ? v.split(',') : undefined),
      );
    }),
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      id: 'f-more-toggle',
      class: 'more-toggle',
      'aria-expanded': String(moreOpen),
      'aria-controls': 'f-more',
      onclick: () => {
        moreOpen = !moreOpen;
        panel.hidden = !moreOpen;
        toggle.setAttribute('aria-expanded', String(moreOpen));
      },
    },
    'Meer filters',
    activeMore.length ? h('span', { class: 'badge' }, ` (${activeMore.length})`) : null,
  );

  const chips = FILTER_DIMS.filter((d) => d !== 'municipality' && s.filters[d]?.length).map((d) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          title: 'Filter verwijderen',
          onclick: () => setFilter(d, undefined),
        },
        `${dimLabel(d)}: ${s.filters[d]!.map((v) => valueLabel(ctx.dims, d, v)).join(', ')} ✕`,
      ),
    ),
  );

  mount(
    el,
    h(
      'form',
      { class: 'filter-bar', onsubmit: (e: Event) => e.preventDefault() },
      h(
        'div',
        { class: 'bar-line' },
        municipalityField(s, ctx, (values) => setFilter('municipality', values)),
        periodFields(s, ctx, user, apply),
        more.length ? toggle : null,
        // The council report for the municipality and period in view (prefilled on its page).
        h(
          'a',
          { id: 'f-report', class: 'button report-link', href: urlOf(withChanges(s, { page: REPORT_SLUG })), 'data-nav': true },
          'Rapport',
        ),
        chips.length
          ? h(
              'ul',
              { class: 'chips', 'aria-label': 'Actieve filters' },
              chips,
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'chip clear', onclick: () => apply(withChanges(s, { filters: {} })) },
                  'Alle filters wissen',
                ),
              ),
            )
          : null,
      ),
      panel,
    ),
  );
  // The bar is rebuilt after every change; put focus back on the same control (or the first one, if it went away).
  if (focused) (document.getElementById(focused) ?? el.querySelector<HTMLElement>('select, button'))?.focus();
}

/** Options with an "all" entry first and, when several values are chosen (a drill-down, a link), one entry for them. */
function choiceOptions(options: Option[], chosen: string[], all: string | null): Option[] {
  const out = [...(all === null ? [] : [{ value: '', label: all }]), ...options];
  if (chosen.length > 1) out.push({ value: chosen.join(','), label: `${chosen.length} gekozen` });
  return out;
}

function select(id: string, label: string, options: Option[], value: string, apply: (v: string) => void): HTMLElement {
  const el = h(
    'select',
    { id, name: id },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), onChosen(el, apply));
}

/**
 * The municipality: a regional user may choose "Hele regio"; a user limited to several municipalities chooses among
 * them ("Al uw gemeenten"); a user limited to one has only that one.
 */
function municipalityField(s: ViewState, ctx: AppContext, apply: (values: string[] | undefined) => void): HTMLElement {
  const options = (ctx.dims.municipality as Option[] | undefined) ?? [];
  const chosen = s.filters.municipality ?? [];
  const all = ctx.home.length === 1 ? null : ctx.home.length > 1 ? 'Al uw gemeenten' : 'Hele regio';
  return select('f-municipality', 'Gemeente', choiceOptions(options, chosen, all), chosen.join(','), (v) =>
    apply(v ? v.split(',') : undefined),
  );
}

/** The period picker: kind (whole years, quarter, month, year-to-date) and the fields that kind needs. */
function periodFields(s: ViewState, ctx: AppContext, user: BarUser, apply: (s: ViewState) => void): HTMLElement {
  const p = periodOf(s, ctx.span);
  const last = lastMonthOf(ctx.span);
  const years = ctx.years.map((y) => ({ value: String(y), label: String(y) }));
  const set = (next: Period) => apply(withPeriod(s, next));
  const yearOf = (q: Period) => (q.kind === 'years' ? q.to : q.kind === 'ytd' ? last.year : q.year);
  /** A sensible first choice when switching kind: the latest quarter or month of the year in view. */
  const start = (kind: PeriodKind): Period => {
    const year = yearOf(p);
    const month = year === last.year ? last.month : 12;
    if (kind === 'quarter') return { kind, year, quarter: Math.ceil(month / 3) };
    if (kind === 'month') return { kind, year, month };
    if (kind === 'ytd') return { kind };
    return { kind, from: year, to: year };
  };
  const fields: HTMLElement[] = [];
  if (!user.suppressed)
    fields.push(
      select(
        'f-period-kind',
        'Periode',
        KINDS.map((k) => ({
          value: k.kind,
          label: k.kind === 'ytd' ? `Lopend jaar (${periodLabel({ kind: 'ytd' }, ctx.span)})` : k.label,
        })),
        p.kind,
        (v) => set(start(v as PeriodKind)),
      ),
    );
  if (p.kind === 'years') {
    fields.push(
      select('f-from', user.suppressed ? 'Periode van' : 'Van', years, String(p.from), (v) =>
        set({ kind: 'years', from: Number(v), to: Math.max(Number(v), p.to) }),
      ),
      select('f-to', 't/m', years, String(p.to), (v) => set({ kind: 'years', to: Number(v), from: Math.min(Number(v), p.from) })),
    );
  } else if (p.kind === 'quarter' || p.kind === 'month') {
    const q = p;
    fields.push(select('f-year', 'Jaar', years, String(q.year), (v) => set({ ...q, year: Number(v) })));
    if (q.kind === 'quarter')
      fields.push(
        select(
          'f-quarter',
          'Kwartaal',
          [1, 2, 3, 4].map((n) => ({ value: String(n), label: `${n}e kwartaal` })),
          String(q.quarter),
          (v) => set({ ...q, quarter: Number(v) }),
        ),
      );
    else
      fields.push(
        select(
          'f-month',
          'Maand',
          MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m })),
          String(q.month),
          (v) => set({ ...q, month: Number(v) }),
        ),
      );
  }
  return h('div', { class: 'period', role: 'group', 'aria-label': `Periode: ${periodLabel(p, ctx.span)}` }, fields);
}
