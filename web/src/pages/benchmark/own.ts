// Panel "Eigen cijfers naast CBS" of the comparison page: the municipality's own youth counts made with CBS's
// definition beside CBS's figures per half-year and year, the difference, and what the own data says about it.
import type { OwnCbsView } from '../../../../src/benchmark/owncbs.ts';
import { EXPLANATION_COLUMNS, explanationRows, OWN_CBS_COLUMNS, ownCbsRows } from '../../../../src/benchmark/owncbs-table.ts';
import { formatValue } from '../../../../src/contract/format.ts';
import type { Column, Value } from '../../../../src/contract/index.ts';
import { api } from '../../api.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import { valueLabel } from '../../labels.ts';
import { tableWrap } from '../../table.ts';
import { errorBox } from '../error.ts';

/** A plain table of formatted values (numbers right-aligned), named for screen readers. */
function plainTable(name: string, columns: Column[], rows: Record<string, Value>[]): HTMLElement {
  const numeric = (c: Column) => c.unit !== 'text';
  return tableWrap(
    name,
    h(
      'table',
      // The page's table style (as the series table), so numbers line up right and rows are ruled.
      { class: 'data' },
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: numeric(c) ? 'num' : null }, c.label)))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            ...columns.map((c, i) =>
              h(
                i === 0 ? 'th' : 'td',
                { scope: i === 0 ? 'row' : null, class: numeric(c) ? 'num' : null },
                formatValue(r[c.name], c.unit),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The panel's content for one answer (exported for the page and its tests). */
export function ownPanelContent(view: OwnCbsView): HTMLElement[] {
  return [
    ...(view.fictitious
      ? [
          h(
            'p',
            { class: 'notice', role: 'note' },
            'Let op: de CBS-cijfers zijn de verzonnen demoset van Roer (fictief, gegenereerd door Roer), geen echte CBS-cijfers.',
          ),
        ]
      : []),
    h('details', {}, h('summary', {}, 'Hoe is het eigen cijfer geteld?'), h('p', {}, view.definition)),
    plainTable(`eigen cijfers naast CBS ${view.year}`, OWN_CBS_COLUMNS, ownCbsRows(view)),
    ...(view.explanations.length
      ? [
          h('h3', {}, 'Wat de eigen gegevens over het verschil zeggen'),
          plainTable('verklaringen van het verschil', EXPLANATION_COLUMNS, explanationRows(view)),
        ]
      : [h('p', { class: 'muted' }, 'De eigen gegevens geven geen verklaring voor het verschil.')]),
    ...(view.protection ? [h('p', { class: 'muted' }, view.protection)] : []),
  ];
}

/**
 * The panel for one municipality and year (on the Vergelijken page: its chosen municipality and the year of its chosen
 * period; without a year, the data's last year).
 */
export async function renderOwnPanel(
  el: HTMLElement,
  municipality: string | null,
  period: string | null,
  ctx: AppContext,
): Promise<void> {
  const section = h('section', { class: 'panel', 'data-panel': 'benchmark-own', 'aria-labelledby': 'benchmark-own-h' });
  el.append(section);
  const year = period ? Number(period.slice(0, 4)) : (ctx.years[ctx.years.length - 1] ?? null);
  if (!municipality || year === null) {
    mount(
      section,
      h('h2', { id: 'benchmark-own-h' }, 'Eigen cijfers naast CBS'),
      h('p', {}, 'Kies één gemeente: de eigen cijfers staan per gemeente naast die van het CBS.'),
    );
    return;
  }
  const gemeente = municipality;
  try {
    const view = await api.benchmarkOwn({ gemeente, jaar: year });
    mount(
      section,
      h('h2', { id: 'benchmark-own-h' }, `Eigen cijfers naast CBS, ${valueLabel(ctx.dims, 'municipality', gemeente)} ${year}`),
      ...ownPanelContent(view),
    );
  } catch (e) {
    mount(section, h('h2', { id: 'benchmark-own-h' }, 'Eigen cijfers naast CBS'), errorBox(e));
  }
}
