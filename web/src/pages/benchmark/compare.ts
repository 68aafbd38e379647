// Panel "Genormaliseerde vergelijking" of the Vergelijken page: each CBS figure of the municipality as a percentage of
// another municipality's, beside the ratio of their inhabitants ("44 % of the inhabitants, 42 % of the youths in care").
// Where a percentage would mislead (different signs, a missing cell) it says "n.v.t." and why.
import { formatShare } from '../../../../src/benchmark/compare.ts';
import { formatCount, formatPeriod } from '../../../../src/contract/format.ts';
import { api } from '../../api.ts';
import { onChosen } from '../../choose.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import { go } from '../../state.ts';
import { tableWrap } from '../../table.ts';
import { errorBox } from '../error.ts';
import { type BenchmarkState, withParams } from './state.ts';

const value = (v: number | null) => (v === null ? '–' : formatCount(v));

export async function renderComparePanel(el: HTMLElement, s: BenchmarkState, _ctx: AppContext): Promise<void> {
  const section = h('section', { class: 'panel', 'data-panel': 'benchmark-compare', 'aria-labelledby': 'bm-compare-h' });
  el.append(section);
  const name = (code: string) => s.choices.municipalities.find((m) => m.code === code)?.name ?? code;
  const other = onChosen(
    h(
      'select',
      { id: 'bm-met' },
      s.choices.municipalities
        .filter((m) => m.code !== s.municipality)
        .map((m) => h('option', { value: m.code, selected: m.code === s.other }, m.name)),
    ),
    (v) => go(withParams(s, { met: v })),
  );
  const periods = [...s.choices.periods.jaar].reverse().concat([...s.choices.periods.halfjaar].reverse());
  const period = onChosen(
    h(
      'select',
      { id: 'bm-periode' },
      periods.map((p) => h('option', { value: p, selected: p === s.period }, formatPeriod(p))),
    ),
    (v) => go(withParams(s, { periode: v })),
  );
  const head = [
    h('h2', { id: 'bm-compare-h' }, `${name(s.municipality)} als percentage van een andere gemeente`),
    h(
      'p',
      { class: 'muted' },
      'Elk cijfer van de gemeente als percentage van dat van de andere, naast de verhouding van hun inwonertallen. ' +
        'Heeft een cijfer bij de een een ander teken dan bij de ander, of ontbreekt het, dan staat er "n.v.t." met de reden.',
    ),
    h(
      'div',
      { class: 'controls' },
      h('div', { class: 'field' }, h('label', { for: 'bm-met' }, 'Vergelijk met'), other),
      h('div', { class: 'field' }, h('label', { for: 'bm-periode' }, 'Periode'), period),
    ),
  ];
  if (!s.other || !s.period) {
    mount(section, ...head, h('p', { class: 'muted' }, 'Kies een gemeente en een periode.'));
    return;
  }
  try {
    const c = await api.benchmarkCompare(s.municipality, s.other, s.period);
    const row = (label: string, a: number | null, b: number | null, share: typeof c.population, head = false) =>
      h(
        'tr',
        { class: head ? 'yardstick' : null },
        h('th', { scope: 'row' }, label),
        h('td', { class: 'num' }, value(a)),
        h('td', { class: 'num' }, value(b)),
        h('td', { class: 'num' }, formatShare(share)),
        h('td', { class: 'reason' }, share.reason ?? ''),
      );
    mount(
      section,
      ...head,
      tableWrap(
        `${c.a.name} als percentage van ${c.b.name}`,
        h(
          'table',
          { class: 'data' },
          h('caption', { class: 'sr-only' }, `${c.a.name} als percentage van ${c.b.name}, ${formatPeriod(c.period)}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Cijfer'),
              h('th', { scope: 'col', class: 'num' }, c.a.name),
              h('th', { scope: 'col', class: 'num' }, c.b.name),
              h('th', { scope: 'col', class: 'num' }, `${c.a.name} als % van ${c.b.name}`),
              h('th', { scope: 'col' }, 'Toelichting'),
            ),
          ),
          h(
            'tbody',
            {},
            row(`Inwoners (1 januari ${c.period.slice(0, 4)})`, c.a.population, c.b.population, c.population, true),
            c.rows.map((r) => row(`${r.label}, ${formatPeriod(c.period)}`, r.a, r.b, r.share)),
          ),
        ),
      ),
    );
  } catch (e) {
    mount(section, ...head, errorBox(e));
  }
}
