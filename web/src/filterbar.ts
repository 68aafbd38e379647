// The one filter bar on every page: municipality, period, care type, provider, referrer, team, district, age band,
// ZIN/PGB. Each change becomes a new URL (bookmarkable; Back undoes it). Active filters also show as removable chips.
import type { Dimensions } from './api.ts';
import { h, mount } from './dom.ts';
import { dimLabel, valueLabel } from './labels.ts';
import { FILTER_DIMS, go, withChanges, type FilterDim, type ViewState } from './state.ts';

const BAR: FilterDim[] = ['municipality', 'care_type', 'provider', 'referrer_type', 'team', 'district', 'age_band', 'financing'];
const ALL: Partial<Record<FilterDim, string>> = { municipality: 'Hele regio', financing: 'ZIN en PGB' };

export function renderFilterBar(el: HTMLElement, s: ViewState, dims: Dimensions, years: number[]): void {
  const select = (
    id: string,
    label: string,
    options: { value: string; label: string }[],
    value: string,
    onchange: (v: string) => void,
  ) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        { id, name: id, onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value) },
        options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
      ),
    );

  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const from = s.from ?? years[0];
  const to = s.to ?? years[years.length - 1];
  const fields = [
    select('f-from', 'Van', yearOptions, String(from), (v) =>
      go(withChanges(s, { from: Number(v), to: Math.max(Number(v), to) })),
    ),
    select('f-to', 'Tot en met', yearOptions, String(to), (v) =>
      go(withChanges(s, { to: Number(v), from: Math.min(Number(v), from) })),
    ),
    ...BAR.filter((d) => (dims[d]?.length ?? 0) > 0).map((d) => {
      const chosen = s.filters[d] ?? [];
      const options = [{ value: '', label: ALL[d] ?? 'Alle' }, ...dims[d]];
      if (chosen.length > 1) options.push({ value: chosen.join(','), label: `${chosen.length} gekozen` });
      return select(`f-${d}`, dimLabel(d), options, chosen.join(','), (v) =>
        go(withChanges(s, { filters: { ...s.filters, [d]: v ? v.split(',') : undefined } })),
      );
    }),
  ];
  const chips = FILTER_DIMS.filter((d) => s.filters[d]?.length).map((d) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          title: 'Filter verwijderen',
          onclick: () => go(withChanges(s, { filters: { ...s.filters, [d]: undefined } })),
        },
        `${dimLabel(d)}: ${s.filters[d]!.map((v) => valueLabel(dims, d, v)).join(', ')} ✕`,
      ),
    ),
  );
  mount(
    el,
    h('form', { class: 'filter-bar', onsubmit: (e: Event) => e.preventDefault() }, fields),
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
              { type: 'button', class: 'chip clear', onclick: () => go(withChanges(s, { filters: {} })) },
              'Alle filters wissen',
            ),
          ),
        )
      : null,
  );
}
