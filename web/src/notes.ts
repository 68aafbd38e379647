// Tellen en vertellen: the notes on this metric, municipality and period beside the chart, and a form to add one.
// Note text is only ever inserted as text (textContent), never as HTML.
import { api, ApiFailure } from './api.ts';
import { h, mount } from './dom.ts';
import { formatDate } from '../../src/contract/format.ts';

export interface NoteScope {
  metric: string;
  municipality: string | null;
  from: string;
  to: string;
}

export function notesPanel(scope: NoteScope): HTMLElement {
  const list = h('ol', { class: 'notes-list', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const text = h('textarea', {
    id: 'note-text',
    name: 'text',
    rows: 3,
    maxlength: 2000,
    required: true,
    placeholder: 'Bijv. stijging door sluiting van aanbieder X',
  });
  const form = h(
    'form',
    { class: 'note-form' },
    h('label', { for: 'note-text' }, 'Notitie toevoegen'),
    text,
    h('button', { type: 'submit' }, 'Notitie opslaan'),
  );

  const load = async () => {
    try {
      const notes = await api.notes({
        metric: scope.metric,
        municipality: scope.municipality ?? undefined,
        from: scope.from,
        to: scope.to,
      });
      mount(
        list,
        notes.map((n) =>
          h(
            'li',
            { class: 'note' },
            h('p', { class: 'note-text' }, n.text),
            h(
              'p',
              { class: 'note-meta' },
              `${n.author} · ${formatDate(n.created_at)} · over ${formatDate(n.period_from)} t/m ${formatDate(n.period_to)}`,
            ),
          ),
        ),
      );
      status.textContent = notes.length ? '' : 'Nog geen notities bij deze analyse en periode.';
    } catch (e) {
      status.textContent = e instanceof ApiFailure ? e.message : 'Notities konden niet worden geladen.';
    }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    try {
      await api.addNote({ ...scope, text: value });
      text.value = '';
      await load();
    } catch (err) {
      status.textContent = err instanceof ApiFailure ? err.message : 'De notitie kon niet worden opgeslagen.';
    }
  });
  void load();
  return h('aside', { class: 'notes', 'aria-label': 'Notities' }, h('h2', {}, 'Notities'), list, status, form);
}
