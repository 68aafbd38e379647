// The table behind every chart: Dutch headers and formats, totals in the footer, and drill-down buttons on the
// dimension cells (buttons, so keyboard users can drill too).
import type { MetricResult, Value } from '../../src/metrics/types.ts';
import { h } from './dom.ts';
import { formatValue } from '../../src/contract/format.ts';
import type { Frame } from '../../src/charts/frame.ts';

const MAX_ROWS = 500;

/**
 * The scrolling box around a table. It can overflow (wide splits, 500 rows), so keyboard users must be able to focus it
 * to scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`), and a focusable region needs a name to be announced.
 */
export function tableWrap(name: string, ...children: (Node | null)[]): HTMLElement {
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': `Tabel: ${name}` }, ...children);
}

/** `canDrill(dim)` says which dimension columns get drill-down buttons (those the view can filter on). */
export function resultTable(
  frame: Frame,
  onDrill: ((dim: string, value: Value) => void) | null,
  canDrill: (dim: string) => boolean = () => true,
): HTMLElement {
  const r: MetricResult = frame.result;
  const dimNames = new Set(frame.dims.map((d) => d.name));
  const numeric = (unit: string) => unit !== 'text' && unit !== 'date';
  const cell = (row: Record<string, Value>, name: string, unit: string) => {
    const v = row[name];
    if (dimNames.has(name)) {
      const text = frame.label(name, v ?? null);
      return onDrill && canDrill(name) && v !== null && v !== undefined
        ? h(
            'td',
            {},
            h('button', { type: 'button', class: 'link', title: `Inzoomen op ${text}`, onclick: () => onDrill(name, v) }, text),
          )
        : h('td', {}, text);
    }
    return h('td', { class: numeric(unit) ? 'num' : null }, formatValue(v, unit as never));
  };
  const rows = r.rows.slice(0, MAX_ROWS);
  return tableWrap(
    r.title,
    h(
      'table',
      { class: 'data' },
      h('caption', { class: 'sr-only' }, r.title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          r.columns.map((c) => h('th', { scope: 'col', class: numeric(c.unit) ? 'num' : null }, c.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            r.columns.map((c) => cell(row, c.name, c.unit)),
          ),
        ),
      ),
      r.totals
        ? h(
            'tfoot',
            {},
            h(
              'tr',
              {},
              r.columns.map((c, i) =>
                i === 0 && r.totals![c.name] === undefined
                  ? h('th', { scope: 'row' }, 'Totaal')
                  : h(
                      'td',
                      { class: numeric(c.unit) ? 'num' : null },
                      r.totals![c.name] === undefined ? '' : formatValue(r.totals![c.name], c.unit),
                    ),
              ),
            ),
          )
        : null,
    ),
    r.rows.length > MAX_ROWS
      ? h('p', { class: 'muted' }, `De eerste ${MAX_ROWS} van ${r.rows.length} rijen; exporteer voor de volledige tabel.`)
      : null,
    r.rows.length === 0 ? h('p', { class: 'muted' }, 'Geen gegevens voor deze selectie.') : null,
  );
}
