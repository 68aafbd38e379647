// Saving the reference group the Vergelijken page shows, whatever its kind (region, size class, chosen neighbours,
// similar context), under a name for the municipality: the group as the API resolved it, so a context group keeps its
// year and deciles and a size class its class, and choosing it later (bewaard=) shows the same group.
import { api, type SavedReferenceGroup } from '../../api.ts';
import { h, mount } from '../../dom.ts';
import { go } from '../../state.ts';
import { errorBox } from '../error.ts';
import { type BenchmarkState, withParams } from './state.ts';

/** What is kept of each kind, said before saving so nobody expects a context group to follow next year's deciles. */
function whatIsKept(group: SavedReferenceGroup['group']): string {
  if (group.kind === 'context') return `Bewaard worden de decielen van ${group.year}, niet die van een later jaar.`;
  if (group.kind === 'grootteklasse') return 'Bewaard wordt de grootteklasse, niet de lijst gemeenten.';
  return '';
}

/** Fills `el` with the save form for `group` (the answer's), unless the page already shows a saved group. */
export function renderSaveGroup(el: HTMLElement, s: BenchmarkState, group: SavedReferenceGroup['group']): void {
  if (s.group.kind === 'bewaard') return;
  const status = h('span', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const kept = whatIsKept(group);
  const nameInput = h('input', {
    id: 'bm-naam',
    type: 'text',
    maxlength: 80,
    autocomplete: 'off',
    'aria-describedby': kept ? 'bm-naam-hint' : null,
  });
  const form = h(
    'form',
    {
      class: 'inline-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const name = nameInput.value.trim();
        if (!name) {
          mount(status, 'Geef de groep een naam.');
          return;
        }
        try {
          await api.saveReferenceGroup(s.municipality, name, group);
          go(withParams(s, { groep: 'bewaard', naam: name, buren: undefined }));
        } catch (err) {
          mount(status, errorBox(err));
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'bm-naam' }, 'Bewaar deze groep als'), nameInput),
    h('button', { type: 'submit' }, 'Bewaren'),
    kept ? h('span', { id: 'bm-naam-hint', class: 'muted hint' }, kept) : null,
    status,
  );
  // Folded behind one button: open, the name field would push the charts below the fold at 1366×768.
  const details = h('details', { class: 'save-group-form' }, h('summary', {}, 'Groep bewaren…'), form);
  details.addEventListener('toggle', () => {
    if ((details as HTMLDetailsElement).open) nameInput.focus();
  });
  mount(el, details);
}
