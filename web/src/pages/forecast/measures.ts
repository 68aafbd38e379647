// The "Maatregelen" panel of Vooruitblik: the register as a table with each measure's band and the naive sum under the
// overlap warning, an edit form, a tornado of the bands for a chosen year, the scenario's P10/P50/P90 beside the sum
// with the baseline the levers ran on, and the monitoring of each measure with an indicator.
import { formatEur } from '../../../../src/contract/format.ts';
import type { Lever } from '../../../../src/forecast/levers.ts';
import { type Band, MEASURE_STATUSES, type Mechanism, OVERLAP_NOTE } from '../../../../src/forecast/measures.ts';
import { tornadoChart } from '../../../../src/charts/tornado.ts';
import { api, type ScenarioAnswer, type StoredMeasure } from '../../api.ts';
import { drawChart } from '../../charts/setup.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import type { ViewState } from '../../state.ts';
import { errorBox } from '../error.ts';
import { renderMonitor } from './monitor.ts';

const eur = (cents: number) => formatEur(Math.round(cents / 100));
const band = (low: number, high: number) => `${eur(low)} – ${eur(high)}`;

/** The place of the panel: the single chosen municipality, else the region (''). */
const placeOf = (s: ViewState) => (s.filters.municipality?.length === 1 ? s.filters.municipality[0]! : '');

const field = (id: string, label: string, control: HTMLElement) =>
  h('div', { class: 'field' }, h('label', { for: id }, label), control);

/** A measure's band in `year` as the scenario ran it through its baseline (0–0 when the scenario did not run it). */
const rangeOf = (sc: ScenarioAnswer, m: StoredMeasure, year: number) =>
  sc.perMeasure.find((p) => p.id === m.id)?.years.find((y) => y.year === year) ?? { lowCents: 0, highCents: 0 };

/** The register table: per measure its band in `year`, its status and investment; the naive sum as the last row. */
function registerTable(
  measures: StoredMeasure[],
  sc: ScenarioAnswer,
  year: number,
  edit: (m: StoredMeasure) => void,
): HTMLElement {
  const sum = sc.years.find((y) => y.year === year)?.naive ?? { lowCents: 0, highCents: 0 };
  return h(
    'table',
    { class: 'data', id: 'measures-table' },
    h('caption', {}, `Maatregelen en hun besparing in ${year}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Maatregel', 'Status', 'Eigenaar', 'Besparing laag – hoog', 'Investering', ''].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      measures.map((m) => {
        const b = rangeOf(sc, m, year);
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, m.name),
          h('td', {}, m.status),
          h('td', {}, m.owner ?? '—'),
          h('td', { class: 'num' }, band(b.lowCents, b.highCents)),
          h('td', { class: 'num' }, eur(m.investmentCents)),
          h('td', {}, h('button', { type: 'button', 'aria-label': `Bewerk ${m.name}`, onclick: () => edit(m) }, 'Bewerk')),
        );
      }),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Opgeteld'),
        h('td', {}),
        h('td', {}),
        h('td', { class: 'num', id: 'measures-naive' }, band(sum.lowCents, sum.highCents)),
        h('td', { class: 'num' }, eur(measures.reduce((t, m) => t + m.investmentCents, 0))),
        h('td', {}),
      ),
    ),
  );
}

/** The scenario beside the naive sum, per year. */
function scenarioTable(sc: ScenarioAnswer): HTMLElement {
  return h(
    'table',
    { class: 'data', id: 'measures-scenario' },
    h('caption', {}, 'Besparing met overlap (Monte Carlo) naast de opgetelde besparing'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Jaar', 'Opgeteld', 'P10', 'Verwacht (P50)', 'P90'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      sc.years.map((y) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(y.year)),
          h('td', { class: 'num' }, band(y.naive.lowCents, y.naive.highCents)),
          h('td', { class: 'num' }, eur(y.p10Cents)),
          h('td', { class: 'num' }, eur(y.p50Cents)),
          h('td', { class: 'num' }, eur(y.p90Cents)),
        ),
      ),
    ),
  );
}

const LEVER_KINDS = [
  ['', 'geen'],
  ['inflow', 'instroom'],
  ['duration', 'duur'],
  ['price', 'prijs per trajectdag'],
  ['shift', 'verschuiving naar een andere zorgsoort'],
] as const;

/** The lever the form describes, or null when none is chosen (a shift needs both care types). */
function leverOf(kind: string, careType: string, referrer: string, to: string): Lever | null {
  const scoped = careType ? { careType } : {};
  switch (kind) {
    case 'inflow':
      return { kind, ...scoped, ...(referrer ? { referrer } : {}) };
    case 'duration':
    case 'price':
      return { kind, ...scoped };
    case 'shift':
      return careType && to ? { kind, from: careType, to } : null;
    default:
      return null;
  }
}

/** Sets the band of year `y` on the mechanism of `lever` (added when the measure has none on it yet). */
function setBand(mechanisms: Mechanism[], lever: Lever, band: Band): void {
  const same = JSON.stringify(lever);
  let m = mechanisms.find((x) => JSON.stringify(x.lever) === same);
  if (!m) mechanisms.push((m = { lever, bands: [] }));
  m.bands = [...m.bands.filter((b) => b.from !== band.from), band];
}

/**
 * The edit form: the measure's fields, one fixed-saving band (from a year, low and high in euros) and one band on a
 * lever (inflow per care type or referrer type, duration, price, or a shift; low and high in per cent).
 */
function editForm(
  place: string,
  year: number,
  ctx: AppContext,
  done: () => void,
): { form: HTMLElement; load: (m: StoredMeasure | null) => void } {
  const input = (id: string, type = 'text', extra: Record<string, unknown> = {}) =>
    h('input', { id, name: id, type, ...extra }) as HTMLInputElement;
  const name = input('measure-name', 'text', { required: true, maxlength: 2000 });
  const description = h('textarea', { id: 'measure-description', rows: 3, maxlength: 2000 }) as HTMLTextAreaElement;
  const owner = input('measure-owner');
  const start = input('measure-start', 'date');
  const prep = input('measure-preparation', 'number', { min: 0, max: 120, step: 1 });
  const investment = input('measure-investment', 'number', { min: 0, step: 1 });
  const status = h(
    'select',
    { id: 'measure-status' },
    MEASURE_STATUSES.map((s) => h('option', { value: s }, s)),
  ) as HTMLSelectElement;
  const from = input('measure-from', 'number', { min: 1900, max: 2999, step: 1, value: String(year) });
  const low = input('measure-low', 'number', { min: 0, step: 1 });
  const high = input('measure-high', 'number', { min: 0, step: 1 });
  const options = (id: string, first: string, list: readonly { value: string; label: string }[]) =>
    h(
      'select',
      { id },
      h('option', { value: '' }, first),
      list.map((o) => h('option', { value: o.value }, o.label)),
    ) as HTMLSelectElement;
  const leverKind = h(
    'select',
    { id: 'measure-lever' },
    LEVER_KINDS.map(([value, label]) => h('option', { value }, label)),
  ) as HTMLSelectElement;
  const careType = options('measure-caretype', 'alle zorgsoorten', ctx.dims.care_type ?? []);
  const referrer = options('measure-referrer', 'alle verwijzers', ctx.dims.referrer_type ?? []);
  const shiftTo = options('measure-shift-to', '—', ctx.dims.care_type ?? []);
  const leverLow = input('measure-lever-low', 'number', { min: 0, max: 100, step: 0.01 });
  const leverHigh = input('measure-lever-high', 'number', { min: 0, max: 100, step: 0.01 });
  const metric = options(
    'measure-indicator',
    'geen',
    ctx.metrics.map((m) => ({ value: m.id, label: m.title })),
  );
  const column = input('measure-indicator-column', 'text', { pattern: '[a-z0-9_]+', maxlength: 64 });
  const message = h('p', { role: 'status', id: 'measure-status-message', class: 'muted' });
  let editing: StoredMeasure | null = null;
  const load = (m: StoredMeasure | null) => {
    editing = m;
    name.value = m?.name ?? '';
    description.value = m?.description ?? '';
    owner.value = m?.owner ?? '';
    start.value = m?.start ?? '';
    prep.value = m?.preparationMonths == null ? '' : String(m.preparationMonths);
    investment.value = m ? String(m.investmentCents / 100) : '';
    status.value = m?.status ?? 'idee';
    for (const el of [low, high, leverLow, leverHigh]) el.value = '';
    for (const el of [leverKind, careType, referrer, shiftTo]) el.value = '';
    metric.value = m?.indicator?.metric ?? '';
    column.value = m?.indicator?.column ?? '';
    message.textContent = m ? `U bewerkt '${m.name}'.` : '';
    name.focus();
  };
  const cents = (el: HTMLInputElement) => Math.round(Number(el.value || '0') * 100);
  const save = async () => {
    const mechanisms = (editing?.mechanisms ?? []).map((x) => ({ ...x, bands: [...x.bands] }));
    const y = Number(from.value);
    if (low.value !== '' || high.value !== '')
      setBand(mechanisms, { kind: 'fixed' }, { from: y, low: cents(low), high: cents(high) });
    const lever = leverOf(leverKind.value, careType.value, referrer.value, shiftTo.value);
    if (leverKind.value && !lever) {
      message.textContent = 'Kies bij een verschuiving de zorgsoort waaruit en die waarnaar jeugdigen gaan.';
      return;
    }
    // Per cent in the form, basis points in the register (10 % = 1000).
    const bp = (el: HTMLInputElement) => Math.round(Number(el.value || '0') * 100);
    if (lever && (leverLow.value !== '' || leverHigh.value !== ''))
      setBand(mechanisms, lever, { from: y, low: bp(leverLow), high: bp(leverHigh) });
    if (metric.value && !column.value) {
      message.textContent = 'Kies bij de indicator ook de kolom die de maatregel moet bewegen.';
      return;
    }
    // The filters of an indicator set through the API stay as long as its analysis does.
    const kept = editing?.indicator?.metric === metric.value ? editing.indicator.filters : undefined;
    const indicator = metric.value ? { metric: metric.value, column: column.value, ...(kept ? { filters: kept } : {}) } : null;
    message.textContent = 'Bezig met opslaan…';
    try {
      await api.saveMeasure({
        ...(editing ? { id: editing.id } : {}),
        gemeente: place || null,
        name: name.value,
        description: description.value,
        owner: owner.value || null,
        start: start.value || null,
        preparationMonths: prep.value === '' ? null : Number(prep.value),
        investmentCents: cents(investment),
        status: status.value,
        indicator,
        mechanisms,
      });
      message.textContent = 'De maatregel is opgeslagen.';
      done();
    } catch (e) {
      message.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const remove = async () => {
    if (!editing) return;
    try {
      await api.deleteMeasure(place, editing.id);
      message.textContent = 'De maatregel is verwijderd.';
      done();
    } catch (e) {
      message.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const form = h(
    'form',
    {
      class: 'measure-form controls',
      'aria-labelledby': 'measure-form-title',
      onsubmit: (e: Event) => (e.preventDefault(), void save()),
    },
    h('h3', { id: 'measure-form-title' }, 'Maatregel toevoegen of bewerken'),
    field('measure-name', 'Naam', name),
    field('measure-description', 'Beschrijving', description),
    field('measure-owner', 'Eigenaar', owner),
    field('measure-start', 'Start', start),
    field('measure-preparation', 'Voorbereidingstijd (maanden)', prep),
    field('measure-investment', 'Eenmalige investering (€)', investment),
    field('measure-status', 'Status', status),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Vaste besparing per jaar (geldt tot de volgende band)'),
      field('measure-from', 'Vanaf jaar', from),
      field('measure-low', 'Laag (€)', low),
      field('measure-high', 'Hoog (€)', high),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Werking op een hefboom per jaar, vanaf hetzelfde jaar (laag–hoog in %)'),
      field('measure-lever', 'Hefboom', leverKind),
      field('measure-caretype', 'Zorgsoort (bij verschuiving: van)', careType),
      field('measure-referrer', 'Verwijzer (bij instroom)', referrer),
      field('measure-shift-to', 'Naar zorgsoort (bij verschuiving)', shiftTo),
      field('measure-lever-low', 'Laag (%)', leverLow),
      field('measure-lever-high', 'Hoog (%)', leverHigh),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Volgen: de indicator die de maatregel moet bewegen (met de start hierboven)'),
      field('measure-indicator', 'Analyse', metric),
      field('measure-indicator-column', 'Kolom (bijv. specialist_pct)', column),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', id: 'measure-save' }, 'Opslaan'),
      h('button', { type: 'button', onclick: () => load(null) }, 'Nieuwe maatregel'),
      h('button', { type: 'button', id: 'measure-delete', onclick: () => void remove() }, 'Verwijderen'),
    ),
    message,
  );
  return { form, load };
}

export async function renderMeasuresPanel(el: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const place = placeOf(s);
  const years = ctx.years.length ? ctx.years : [new Date().getFullYear()];
  const year = Math.max(...years);
  const body = h('div', { class: 'measures-body' });
  const yearSelect = h(
    'select',
    { id: 'measures-year' },
    Array.from({ length: 6 }, (_, i) => year - 2 + i).map((y) =>
      h('option', { value: String(y), selected: y === year }, String(y)),
    ),
  ) as HTMLSelectElement;
  const draw = async () => {
    const chosen = Number(yearSelect.value);
    try {
      const [measures, sc] = await Promise.all([
        api.measures(place),
        api.scenario({ ...(place ? { gemeente: place } : {}), van: String(chosen), tot: String(chosen + 2) }),
      ]);
      const { form, load } = editForm(place, chosen, ctx, () => void draw());
      const monitor = h('section', { class: 'measures-monitor', id: 'measures-monitor', 'aria-labelledby': 'monitor-title' });
      const chart = h('div', {
        class: 'chart',
        id: 'measures-tornado',
        role: 'img',
        'aria-label': `Bandbreedte per maatregel in ${chosen}`,
      });
      const built = tornadoChart(
        measures.map((m) => {
          const b = rangeOf(sc, m, chosen);
          return { name: m.name, low: b.lowCents / 100, high: b.highCents / 100 };
        }),
      );
      chart.style.height = `${built.height ?? 360}px`;
      mount(
        body,
        measures.length
          ? registerTable(measures, sc, chosen, load)
          : h('p', { class: 'muted' }, 'Er staan nog geen maatregelen in het register.'),
        h('p', { class: 'notice', role: 'note', id: 'measures-overlap' }, OVERLAP_NOTE),
        measures.length ? scenarioTable(sc) : null,
        sc.baseline
          ? h(
              'p',
              { id: 'measures-baseline' },
              `Maatregelen op instroom, duur, prijs of verschuiving zijn doorgerekend op de ${sc.baseline.label}.`,
            )
          : null,
        sc.caveats.filter((c) => c !== OVERLAP_NOTE).map((c) => h('p', { class: 'muted' }, c)),
        measures.length ? chart : null,
        monitor,
        form,
      );
      if (measures.length) drawChart(chart, built.option);
      await renderMonitor(monitor, place, measures);
    } catch (e) {
      mount(body, errorBox(e));
    }
  };
  yearSelect.addEventListener('change', () => void draw());
  mount(
    el,
    h(
      'section',
      { class: 'forecast-measures', 'aria-labelledby': 'measures-title' },
      h('h2', { id: 'measures-title' }, 'Maatregelen'),
      h('form', { class: 'controls', onsubmit: (e: Event) => e.preventDefault() }, field('measures-year', 'Jaar', yearSelect)),
      body,
    ),
  );
  await draw();
}
