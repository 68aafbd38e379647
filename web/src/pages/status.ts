// Import status: what the store holds, which files were imported when, and the quarantined records with their reasons.
import { TABLE_LABELS } from '../../../src/store/summary.ts';
import { api, type StatusSummary } from '../api.ts';
import { h, mount } from '../dom.ts';
import { tableWrap } from '../table.ts';
import { errorBox } from './error.ts';

const nf = new Intl.NumberFormat('nl-NL');

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export type Cell = string | number | null | undefined;
/** A plain data table: `headers` are [key, Dutch label]; numbers right-aligned in Dutch format. Also used by upload.ts. */
export function table(caption: string, headers: [string, string][], rows: Record<string, Cell>[]): HTMLElement {
  const numeric = (v: Cell) => typeof v === 'number';
  return tableWrap(
    caption,
    h(
      'table',
      { class: 'data' },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map(([, label]) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            headers.map(([key]) =>
              h(
                'td',
                { class: numeric(r[key]) ? 'num' : null },
                numeric(r[key]) ? nf.format(r[key] as number) : String(r[key] ?? '–'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export async function renderStatus(main: HTMLElement): Promise<void> {
  const head = h(
    'header',
    { class: 'page-head' },
    h('h1', {}, 'Importstatus'),
    h('p', { class: 'question' }, 'Welke bestanden zijn wanneer ingelezen, en welke records staan in quarantaine?'),
  );
  mount(main, head, h('p', { class: 'muted', role: 'status' }, 'Bezig met laden…'));
  let s: StatusSummary;
  try {
    s = await api.status();
  } catch (e) {
    mount(main, head, errorBox(e));
    return;
  }
  const counts = Object.entries(s.counts ?? {}).map(([k, n]) => ({
    what: capital((TABLE_LABELS as Record<string, string>)[k] ?? k),
    n,
  }));
  const quarantine = (s.quarantine ?? []) as Record<string, Cell>[];
  const total = typeof s.quarantineTotal === 'number' ? s.quarantineTotal : quarantine.length;
  mount(
    main,
    head,
    h(
      'div',
      { class: 'status-grid' },
      table(
        'Inhoud van de database',
        [
          ['what', 'Soort'],
          ['n', 'Aantal'],
        ],
        counts,
      ),
      table(
        'Ingelezen bestanden',
        [
          ['file_name', 'Bestand'],
          ['kind', 'Soort'],
          ['imported_at', 'Ingelezen op'],
          ['records_ok', 'Records goed'],
          ['records_quarantined', 'In quarantaine'],
          ['status', 'Status'],
          ['note', 'Opmerking'],
        ],
        (s.files ?? []) as Record<string, Cell>[],
      ),
    ),
    h('h2', {}, `Quarantaine: ${nf.format(total)} record(s)`),
    quarantine.length
      ? table(
          'Records in quarantaine',
          [
            ['file', 'Bestand'],
            ['record', 'Record'],
            ['field', 'Veld'],
            ['reason', 'Reden'],
          ],
          quarantine,
        )
      : h('p', {}, 'Er staan geen records in quarantaine.'),
    total > quarantine.length
      ? h('p', { class: 'muted' }, `De eerste ${nf.format(quarantine.length)} worden getoond; \`roer status\` toont ze alle.`)
      : null,
  );
}
