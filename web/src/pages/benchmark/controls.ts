// The choices of the Vergelijken page: the municipality (one of the user's own), the measure, the reference group
// (youth-care region, size class, chosen neighbours, similar context deciles, or a group saved for the municipality) and
// the base period of the index. Each choice goes into the URL; the group shown can be saved (save.ts).
import { api, type SavedReferenceGroup } from '../../api.ts';
import { onChosen } from '../../choose.ts';
import { h, mount } from '../../dom.ts';
import { multiSelect } from '../../multiselect.ts';
import { go } from '../../state.ts';
import { errorBox } from '../error.ts';
import { type BenchmarkState, withParams } from './state.ts';
import { formatPeriod } from '../../../../src/contract/format.ts';

/** A labelled select that applies its choice through `onChosen` (no reload per arrow key). */
function select(
  id: string,
  label: string,
  options: { value: string; label: string }[],
  value: string,
  apply: (v: string) => void,
): HTMLElement {
  const el = h(
    'select',
    { id },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  onChosen(el, apply);
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

/**
 * Renders the choices; returns the place in them for saving the group shown (filled once the API has resolved it,
 * web/src/pages/benchmark/save.ts).
 */
export async function renderControls(el: HTMLElement, s: BenchmarkState): Promise<HTMLElement> {
  let saved: SavedReferenceGroup[] = [];
  try {
    saved = await api.referenceGroups(s.municipality);
  } catch {
    // Without saved groups the page still compares; saving shows its own error.
  }
  const change = (c: Record<string, string | undefined>) => go(withParams(s, c));
  const groupValue = s.group.kind === 'bewaard' ? `bewaard:${s.group.name}` : s.group.kind;
  // Similar context is offered once deciles are read in (or when the URL already asks for it, to show the API's reason).
  const context = s.choices.deciles.years.length || s.group.kind === 'context';
  const groupSelect = select(
    'bm-groep',
    'Referentiegroep',
    [
      { value: 'regio', label: 'Jeugdzorgregio' },
      { value: 'grootteklasse', label: 'Gemeenten van dezelfde grootte' },
      { value: 'buren', label: 'Gekozen buurgemeenten' },
      ...(context ? [{ value: 'context', label: 'Vergelijkbare context' }] : []),
      ...saved.map((g) => ({ value: `bewaard:${g.name}`, label: `Bewaard: ${g.name}` })),
    ],
    groupValue,
    (v) =>
      v.startsWith('bewaard:')
        ? change({ groep: 'bewaard', naam: v.slice('bewaard:'.length), buren: undefined })
        : change({
            groep: v,
            naam: undefined,
            // Chosen neighbours start from the saved group's, when one was shown.
            buren:
              v === 'buren' && s.group.kind === 'bewaard'
                ? buurenOf(saved.find((g) => g.name === (s.group as { name: string }).name))
                : s.view.params.buren,
          }),
  );
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const neighbours =
    s.group.kind === 'buren'
      ? multiSelect({
          id: 'bm-buren',
          label: 'Buurgemeenten',
          options: s.choices.municipalities
            .filter((m) => m.code !== s.municipality)
            .map((m) => ({ value: m.code, label: m.name })),
          chosen: s.group.municipalities,
          allLabel: 'Kies gemeenten',
          searchLabel: 'Zoek gemeente',
          apply: (values) => change({ buren: values.join(',') || undefined }),
        })
      : null;
  const deleteButton =
    s.group.kind === 'bewaard'
      ? h(
          'button',
          {
            type: 'button',
            class: 'chip',
            onclick: async () => {
              if (s.group.kind !== 'bewaard') return;
              try {
                await api.deleteReferenceGroup(s.municipality, s.group.name);
                change({ groep: undefined, naam: undefined });
              } catch (err) {
                mount(status, errorBox(err));
              }
            },
          },
          `Groep '${s.group.name}' verwijderen`,
        )
      : null;
  const periods = s.choices.periods[s.per];
  const saveSlot = h('div', { class: 'save-group', 'data-slot': 'bm-bewaren' });
  mount(
    el,
    h(
      'div',
      { class: 'controls benchmark-controls', role: 'group', 'aria-label': 'Keuzes voor de vergelijking' },
      select(
        'bm-gemeente',
        'Gemeente',
        s.own.map((m) => ({ value: m.code, label: m.name })),
        s.municipality,
        (v) => change({ gemeente: v, groep: s.group.kind === 'bewaard' ? undefined : s.view.params.groep, naam: undefined }),
      ),
      select(
        'bm-maat',
        'Cijfer',
        s.choices.measures.map((m) => ({ value: m.key, label: m.label })),
        s.measure,
        (v) => change({ maat: v }),
      ),
      groupSelect,
      neighbours,
      s.group.kind === 'context' ? contextControls(s, change) : null,
      select(
        'bm-per',
        'Per',
        // Only the kinds of period the measure has figures for (a cost: CBS publishes it per year only).
        s.periodKinds.map((k) => ({ value: k, label: k === 'halfjaar' ? 'Halfjaar' : 'Jaar' })),
        s.per,
        // The base keeps its year where the other kind has it (state.ts).
        (v) => change({ per: v }),
      ),
      select(
        'bm-basis',
        'Basisperiode (= 100)',
        periods.map((p) => ({ value: p, label: formatPeriod(p) })),
        s.base,
        (v) => change({ basis: v }),
      ),
      saveSlot,
      deleteButton,
    ),
    status,
    s.group.kind === 'buren' && !s.group.municipalities.length
      ? h('p', { class: 'muted' }, 'Kies een of meer buurgemeenten om mee te vergelijken.')
      : null,
  );
  return saveSlot;
}

/** The context group's choices: which deciles count, their year, and whether the size class must match too. */
function contextControls(s: BenchmarkState, change: (c: Record<string, string | undefined>) => void): HTMLElement[] {
  if (s.group.kind !== 'context') return [];
  const kinds = s.choices.deciles.kinds;
  return [
    select(
      'bm-decielen',
      'Decielen',
      [
        { value: '', label: kinds.map((k) => k.label).join(' en ') },
        ...kinds.map((k) => ({ value: k.key, label: `alleen ${k.label}` })),
      ],
      s.group.deciles.length === 1 ? s.group.deciles[0]! : '',
      (v) => change({ decielen: v || undefined }),
    ),
    select(
      'bm-decieljaar',
      'Jaar van de decielen',
      [
        { value: '', label: 'Laatste jaar' },
        ...[...s.choices.deciles.years].reverse().map((y) => ({ value: String(y), label: String(y) })),
      ],
      s.group.year,
      (v) => change({ decieljaar: v || undefined }),
    ),
    select(
      'bm-grootte',
      'Grootteklasse',
      [
        { value: '', label: 'Alle groottes' },
        { value: 'ja', label: 'Alleen dezelfde grootteklasse' },
      ],
      s.group.sameSize ? 'ja' : '',
      (v) => change({ zelfde_grootte: v || undefined }),
    ),
  ];
}

/** The neighbour codes of a saved group (for editing it as a new choice), or nothing. */
function buurenOf(g: SavedReferenceGroup | undefined): string | undefined {
  return g?.group.kind === 'buren' ? g.group.municipalities.join(',') : undefined;
}
