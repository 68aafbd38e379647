// "Definitions in reach": an ⓘ button that opens the metric's Dutch definition and the filters in force.
import type { Filters } from '../../src/metrics/types.ts';
import { describeFilters } from '../../src/charts/labels.ts';
import type { Dimensions } from './api.ts';
import { h } from './dom.ts';

export { describeFilters };

export function definitionButton(
  title: string,
  definition: string,
  filters: Filters,
  dims: Dimensions,
  caveats: string[] = [],
): HTMLElement {
  const id = `def-${Math.random().toString(36).slice(2, 8)}`;
  const panel = h(
    'div',
    { id, class: 'definition', hidden: true, role: 'region', 'aria-label': `Definitie van ${title}` },
    h('h3', {}, `Definitie: ${title}`),
    definition.split(/\n{2,}/).map((p) => h('p', {}, p)),
    h('h4', {}, 'Filters in gebruik'),
    h(
      'ul',
      {},
      describeFilters(filters, dims).map((l) => h('li', {}, l)),
    ),
    caveats.length
      ? [
          h('h4', {}, 'Kanttekeningen'),
          h(
            'ul',
            {},
            caveats.map((c) => h('li', {}, c)),
          ),
        ]
      : null,
  );
  const button = h(
    'button',
    {
      type: 'button',
      class: 'info',
      'aria-expanded': 'false',
      'aria-controls': id,
      title: 'Definitie en filters tonen',
      onclick: () => {
        const open = panel.hidden;
        panel.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
      },
    },
    h('span', { 'aria-hidden': 'true' }, 'i'),
    h('span', { class: 'sr-only' }, 'Definitie'),
  );
  // Escape closes an open definition from the button or from inside it, and focus goes back to the button.
  const onkeydown = (e: Event) => {
    if ((e as KeyboardEvent).key !== 'Escape' || panel.hidden) return;
    e.preventDefault();
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  return h('span', { class: 'definition-wrap', onkeydown }, button, panel);
}
