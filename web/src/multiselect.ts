// A searchable multi-select for long value lists (providers, products, referrers): a button that opens a panel with a
// search field and a list of checkboxes. Typing narrows the list, arrow keys move through it, Space ticks; the choice
// applies when the panel closes (Toepassen, Escape, or focus leaving it), so nothing reloads while the user is choosing.
import type { Option } from './api.ts';
import { h } from './dom.ts';

export interface MultiSelectSpec {
  /** Element id prefix, e.g. 'f-provider'. */
  id: string;
  label: string;
  options: Option[];
  chosen: string[];
  /** The button's text when nothing is chosen ('Alle'). */
  allLabel: string;
  /** What the search field is called for screen readers ('Zoek aanbieder'). */
  searchLabel: string;
  apply: (values: string[]) => void;
}

/** Lower case without accents, so "creche" finds "Crèche". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Options whose label or code contains every word of the query. @example matching(opts, 'kind kra') → Kindkracht */
export function matching(options: Option[], query: string): Option[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return options.filter((o) => {
    const text = fold(`${o.label} ${o.value}`);
    return words.every((w) => text.includes(w));
  });
}

/** The button text for a choice: 'Alle', the one label, or 'n gekozen'. */
export function choiceText(options: Option[], chosen: string[], allLabel: string): string {
  if (chosen.length === 0) return allLabel;
  if (chosen.length === 1) return options.find((o) => o.value === chosen[0])?.label ?? chosen[0];
  return `${chosen.length} gekozen`;
}

export function multiSelect(spec: MultiSelectSpec): HTMLElement {
  const { id, options } = spec;
  const staged = new Set(spec.chosen);
  const button = h(
    'button',
    {
      type: 'button',
      id: `${id}-button`,
      class: 'multi-button',
      'aria-expanded': 'false',
      'aria-controls': `${id}-panel`,
      'aria-labelledby': `${id}-label ${id}-button`,
    },
    choiceText(options, spec.chosen, spec.allLabel),
  );
  const search = h('input', {
    id: `${id}-search`,
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Typ om te zoeken',
    'aria-controls': `${id}-list`,
    'aria-describedby': `${id}-count`,
  });
  const count = h('p', { id: `${id}-count`, class: 'multi-count', 'aria-live': 'polite' });
  // Ids by position: values may hold spaces or colons (team '0150:Team Noord'), which an id may not.
  const boxes = options.map((o, i) =>
    h('input', { type: 'checkbox', value: o.value, tabindex: '-1', checked: staged.has(o.value), id: `${id}-o${i}` }),
  );
  const items = options.map((o, i) => h('li', {}, h('label', { for: boxes[i].id }, boxes[i], ` ${o.label}`)));
  const list = h('ul', { id: `${id}-list`, class: 'multi-list', 'aria-label': spec.label }, items);
  const visible = () => boxes.filter((_, i) => !items[i].hidden);
  /** Roving focus: only one checkbox is in the Tab order, so Tab leaves the list in one step. */
  const rove = (to: HTMLInputElement | undefined) => {
    for (const b of boxes) b.tabIndex = b === to ? 0 : -1;
  };
  const narrow = () => {
    const shown = new Set(matching(options, search.value).map((o) => o.value));
    options.forEach((o, i) => {
      items[i].hidden = !shown.has(o.value);
    });
    count.textContent = `${shown.size} van ${options.length}`;
    rove(visible()[0]);
  };
  const panel = h(
    'div',
    { id: `${id}-panel`, class: 'multi-panel', role: 'group', 'aria-labelledby': `${id}-label`, hidden: true },
    h('label', { for: search.id, class: 'sr-only' }, spec.searchLabel),
    search,
    count,
    list,
    h(
      'div',
      { class: 'multi-actions' },
      h('button', { type: 'button', class: 'apply', onclick: () => close(true) }, 'Toepassen'),
      h(
        'button',
        {
          type: 'button',
          class: 'chip clear',
          onclick: () => {
            staged.clear();
            for (const b of boxes) b.checked = false;
          },
        },
        'Niets kiezen',
      ),
    ),
  );
  const field = h(
    'div',
    { class: 'field multi', id },
    h('span', { class: 'label', id: `${id}-label` }, spec.label),
    button,
    panel,
  );

  let outside: (e: Event) => void = () => {};
  const open = () => {
    document.addEventListener('pointerdown', outside);
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    search.value = '';
    narrow();
    search.focus();
  };
  function close(focusButton: boolean) {
    if (panel.hidden) return;
    document.removeEventListener('pointerdown', outside);
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
    const next = options.map((o) => o.value).filter((v) => staged.has(v));
    const same = next.length === spec.chosen.length && next.every((v) => spec.chosen.includes(v));
    if (!same) spec.apply(next);
  }

  button.addEventListener('click', () => (panel.hidden ? open() : close(true)));
  search.addEventListener('input', narrow);
  for (const b of boxes)
    b.addEventListener('change', () => {
      if (b.checked) staged.add(b.value);
      else staged.delete(b.value);
    });
  field.addEventListener('keydown', (e) => {
    const shown = visible();
    const at = shown.indexOf(document.activeElement as HTMLInputElement);
    const move = (i: number) => {
      const to = shown[Math.max(0, Math.min(shown.length - 1, i))];
      rove(to);
      to?.focus();
    };
    if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' && !panel.hidden) {
      e.preventDefault();
      move(at + 1);
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      if (at === 0) search.focus();
      else move(at - 1);
    } else if (e.key === 'Home' && at >= 0) {
      e.preventDefault();
      move(0);
    } else if (e.key === 'End' && at >= 0) {
      e.preventDefault();
      move(shown.length - 1);
    } else if (e.key === 'Enter' && document.activeElement === search) {
      // Enter ticks the first match: type "kindk", Enter, and Kindkracht is chosen.
      e.preventDefault();
      if (shown[0]) shown[0].click();
    } else if (e.key === 'Enter' && at >= 0) {
      e.preventDefault();
      close(true);
    }
  });
  // Focus moving elsewhere (Tab past the buttons) or a click outside closes the panel and applies the choice. A click on
  // a label inside moves focus nowhere (relatedTarget null), so only a known outside target counts.
  field.addEventListener('focusout', (e) => {
    const to = (e as FocusEvent).relatedTarget as Node | null;
    if (to && !field.contains(to)) close(false);
  });
  outside = (e: Event) => {
    if (!field.contains(e.target as Node)) close(false);
  };
  return field;
}
