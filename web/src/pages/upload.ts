// "Gegevens inlezen": administrators and analysts upload an iJw message or a CSV/XLSX export (with a saved column
// mapping), follow its progress and see what was read and what went to quarantine; they can also save a mapping.
import { ApiFailure, api, type SavedMapping, type UploadJob } from '../api.ts';
import { h, mount } from '../dom.ts';
import { errorBox } from './error.ts';
import { type Cell, table } from './status.ts';

const POLL_MS = 500;
const STATUS: Record<string, string> = {
  ingelezen: 'ingelezen',
  overgeslagen: 'overgeslagen (al eerder ingelezen)',
  geweigerd: 'geweigerd',
};

/** What became of the upload: a line per file and the quarantined records with line, field and reason. */
function result(job: UploadJob): HTMLElement {
  if (job.status === 'mislukt') return h('p', { class: 'error', role: 'alert' }, job.error ?? 'Het inlezen is mislukt.');
  const files = job.files.map((f) => ({ ...f, status: STATUS[f.status] ?? f.status })) as unknown as Record<string, Cell>[];
  const problems = job.files.flatMap((f) => f.problems.map((p) => ({ file: f.fileName, ...p })));
  return h(
    'div',
    { class: 'upload-result' },
    table(
      'Uitkomst per bestand',
      [
        ['fileName', 'Bestand'],
        ['kind', 'Soort'],
        ['status', 'Status'],
        ['total', 'Gelezen'],
        ['ok', 'Opgeslagen'],
        ['unchanged', 'Ongewijzigd'],
        ['quarantined', 'In quarantaine'],
        ['note', 'Opmerking'],
      ],
      files,
    ),
    problems.length
      ? table(
          job.files.some((f) => f.status === 'geweigerd') ? 'Fouten en quarantaine' : 'Records in quarantaine',
          [
            ['file', 'Bestand'],
            ['record', 'Regel'],
            ['field', 'Veld'],
            ['reason', 'Reden'],
          ],
          problems as unknown as Record<string, Cell>[],
        )
      : h('p', {}, 'Geen records in quarantaine.'),
  );
}

/** The form to save a column mapping (JSON as in docs/mapping.md) under a name. */
function mappingForm(onSaved: (m: SavedMapping) => void): HTMLElement {
  const message = h('p', { role: 'status' });
  const name = h('input', { id: 'mapping-name', name: 'name', required: true, pattern: '[a-z0-9][a-z0-9\\-]{0,59}' });
  const text = h('textarea', { id: 'mapping-json', name: 'mapping', rows: 8, required: true, spellcheck: 'false' });
  return h(
    'details',
    { class: 'upload-mapping' },
    h('summary', {}, 'Kolomindeling opslaan'),
    h(
      'form',
      {
        onsubmit: async (e: Event) => {
          e.preventDefault();
          let mapping: unknown;
          try {
            mapping = JSON.parse(text.value);
          } catch {
            message.textContent = 'De kolomindeling is geen geldige JSON.';
            return;
          }
          try {
            const saved = await api.saveMapping(name.value, mapping);
            message.textContent = `Kolomindeling '${saved.name}' is opgeslagen.`;
            onSaved(saved);
          } catch (err) {
            message.textContent = err instanceof ApiFailure ? err.message : 'Opslaan lukte niet.';
          }
        },
      },
      h('div', { class: 'field' }, h('label', { for: 'mapping-name' }, 'Naam (kleine letters, cijfers, streepjes)'), name),
      h('div', { class: 'field' }, h('label', { for: 'mapping-json' }, 'Kolomindeling (JSON, zie docs/mapping.md)'), text),
      h('button', { type: 'submit' }, 'Opslaan'),
      message,
    ),
  );
}

export async function renderUpload(main: HTMLElement): Promise<void> {
  const head = h(
    'header',
    { class: 'page-head' },
    h('h1', {}, 'Gegevens inlezen'),
    h(
      'p',
      { class: 'question' },
      'Lees iJw-berichten (.xml, of een .zip daarvan) of een export uit uw zaaksysteem (.csv, .xlsx, met een kolomindeling) in.',
    ),
  );
  mount(main, head, h('p', { class: 'muted', role: 'status' }, 'Bezig met laden…'));
  let mappings: SavedMapping[];
  try {
    mappings = await api.mappings();
  } catch (e) {
    mount(main, head, errorBox(e));
    return;
  }
  const file = h('input', { id: 'upload-file', name: 'file', type: 'file', required: true, accept: '.xml,.zip,.csv,.txt,.xlsx' });
  const choice = h('select', { id: 'upload-mapping', name: 'mapping' });
  const fillChoice = () =>
    mount(
      choice,
      h('option', { value: '' }, 'Geen (iJw-bericht)'),
      mappings.map((m) => h('option', { value: m.name }, `${m.name} — ${m.tables.map((t) => t.files).join(', ')}`)),
    );
  fillChoice();
  const progress = h('progress', { id: 'upload-progress', max: 1, hidden: true, 'aria-label': 'Voortgang van het inlezen' });
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const output = h('div', {});
  const submit = h('button', { type: 'submit' }, 'Inlezen');
  const form = h(
    'form',
    {
      class: 'upload-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const chosen = file.files?.[0];
        if (!chosen) return;
        const data = new FormData();
        data.set('file', chosen);
        if (choice.value) data.set('mapping', choice.value);
        submit.disabled = true;
        mount(output);
        progress.hidden = false;
        progress.removeAttribute('value');
        status.textContent = `${chosen.name} wordt verstuurd…`;
        try {
          let job = await api.upload(data);
          while (job.status === 'wachtend' || job.status === 'bezig') {
            status.textContent =
              job.status === 'wachtend'
                ? `${job.fileName} wacht op een eerdere upload…`
                : `${job.fileName} wordt ingelezen: ${job.progress.records.toLocaleString('nl-NL')} records gelezen…`;
            await new Promise((r) => setTimeout(r, POLL_MS));
            job = await api.uploadJob(job.id);
          }
          progress.value = 1;
          status.textContent = job.status === 'klaar' ? `${job.fileName} is verwerkt.` : `${job.fileName} is niet ingelezen.`;
          mount(output, result(job));
        } catch (err) {
          status.textContent = '';
          mount(output, errorBox(err));
        } finally {
          progress.hidden = true;
          submit.disabled = false;
        }
      },
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'upload-file' }, 'Bestand (.xml, .zip met berichten, .csv, .txt of .xlsx)'),
      file,
    ),
    h('div', { class: 'field' }, h('label', { for: 'upload-mapping' }, 'Kolomindeling (voor CSV en XLSX)'), choice),
    submit,
  );
  mount(
    main,
    head,
    form,
    progress,
    status,
    output,
    mappingForm((saved) => {
      mappings = [...mappings.filter((m) => m.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name));
      fillChoice();
      choice.value = saved.name;
    }),
  );
}
