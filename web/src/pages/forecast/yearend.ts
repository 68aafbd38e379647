// Panel "Verwacht jaareinde" of the Vooruitblik page: the expected cost of the year with its 80 % band against the
// budget as a fan chart, the sentence the council report uses, and the build-up per care type.
import { fanChart } from '../../../../src/charts/fan.ts';
import { formatEur, formatMonth } from '../../../../src/contract/format.ts';
import type { YearEndRow } from '../../../../src/forecast/yearend-view.ts';
import { yearEndSentence } from '../../../../src/report/messages/forecast-yearend.ts';
import { api } from '../../api.ts';
import { drawChart } from '../../charts/setup.ts';
import type { AppContext } from '../../context.ts';
import { h, mount } from '../../dom.ts';
import { valueLabel } from '../../labels.ts';
import { go, type ViewState, withChanges } from '../../state.ts';
import { tableWrap } from '../../table.ts';
import { errorBox } from '../error.ts';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const eur = (cents: number | null) => (cents === null ? '–' : formatEur(Math.round(cents / 100)));
const band = (r: YearEndRow) =>
  r.low80Cents === null || r.high80Cents === null ? '–' : `${eur(r.low80Cents)}–${eur(r.high80Cents)}`;
const signed = (cents: number | null) => (cents === null ? '–' : `${cents > 0 ? '+' : ''}${eur(cents)}`);

const COLUMNS = [
  'Gefactureerd',
  'Nog niet gefactureerd',
  'Lopende toewijzingen',
  'Nieuwe instroom',
  'Verwacht',
  '80 %-interval',
  'Begroting',
  'Verwacht − begroting',
];

function tableRow(label: string, r: YearEndRow, total = false): HTMLElement {
  const cells = [
    eur(r.invoicedCents),
    eur(r.notYetInvoicedCents),
    eur(r.runningCents),
    eur(r.inflowCents),
    eur(r.centralCents),
    band(r),
    eur(r.budgetCents),
    signed(r.overspendCents),
  ];
  const tag = total ? 'th' : 'td';
  return h('tr', {}, h(tag, { scope: 'row' }, label), ...cells.map((c) => h('td', { class: 'num' }, c)));
}

export async function renderYearendPanel(el: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  const section = h('section', { class: 'panel', 'data-panel': 'yearend', 'aria-labelledby': 'yearend-h' });
  el.append(section);
  const municipalities = s.filters.municipality ?? [];
  // The forecast is of one municipality or the region: with several chosen it shows the region within the account.
  const gemeente = municipalities.length === 1 ? municipalities[0] : undefined;
  const where = gemeente ? valueLabel(ctx.dims, 'municipality', gemeente) : 'de regio';
  // Per care type (default) or per team, kept in the URL as p.per so a bookmark shows the same split.
  const per = s.params.per === 'team' ? 'team' : 'care_type';
  const dim = per === 'team' ? 'team' : 'care_type';
  const perSelect = h(
    'select',
    {
      id: 'yearend-per',
      onchange: (e: Event) => go(withChanges(s, { params: { ...s.params, per: (e.target as HTMLSelectElement).value } })),
    },
    h('option', { value: 'care_type', selected: per === 'care_type' }, 'per zorgsoort'),
    h('option', { value: 'team', selected: per === 'team' }, 'per team'),
  );
  try {
    const view = await api.forecastYearEnd({ gemeente, per });
    if (!view) {
      mount(section, h('h2', { id: 'yearend-h' }, 'Verwacht jaareinde'), h('p', {}, 'Er zijn nog geen gegevens.'));
      return;
    }
    const t = view.total;
    const chartEl = h('div', {
      class: 'chart',
      role: 'img',
      'aria-label': `Grafiek: kosten ${view.year} tot nu en verwacht tot het jaareinde, met 80 %-interval en begroting`,
    });
    const head = [per === 'team' ? 'Team' : 'Zorgsoort', ...COLUMNS].map((c, i) =>
      h('th', { scope: 'col', class: i ? 'num' : null }, c),
    );
    mount(
      section,
      h('h2', { id: 'yearend-h' }, `Verwacht jaareinde ${view.year}, ${where}`),
      h('p', { class: 'question', 'data-sentence': true }, yearEndSentence(view.year, t)),
      h(
        'p',
        { class: 'muted' },
        `Met de declaraties tot en met ${formatMonth(view.cutoff)}: gefactureerd, plus geleverde zorg die nog niet is ` +
          'gefactureerd (de declaratievertraging uit eerdere maanden), plus de lopende toewijzingen tot het jaareinde ' +
          '(toegewezen bedrag × uitnutting uit eerdere jaren) en de nieuwe instroom (zoals in eerdere jaren na deze maand). ' +
          'Het totaal van de rest van het jaar volgt het recente niveau en het seizoen (dat zat er in de backtest het minst ' +
          'naast); lopende toewijzingen en nieuwe instroom verdelen dat. Het 80 %-interval: hoe ver dezelfde verwachting er ' +
          'in dezelfde maand van eerdere jaren naast zat, bij de 40 verwachtingen (per gemeente en zorgsoort, per gemeente, ' +
          'per zorgsoort en voor de regio) die in omvang het dichtst bij deze liggen; voor het totaal alleen die per ' +
          'gemeente en voor de regio, zodat het totaal per zorgsoort en per team dezelfde band heeft. Begroting: per ' +
          'zorgsoort of team begroting + burap; in de totaalrij de jaarkosten van het financieel kader (begroting + burap ' +
          '− taakstelling). ' +
          [t.lagReason, t.intervalReason].filter(Boolean).join(' '),
      ),
      chartEl,
      h('p', {}, h('label', { for: 'yearend-per' }, 'Uitsplitsing '), perSelect),
      tableWrap(
        `verwacht jaareinde ${per === 'team' ? 'per team' : 'per zorgsoort'}`,
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...head)),
          h(
            'tbody',
            {},
            // Cost without a team (PGB, allocations without one) has the key ''.
            view.rows.map((r) => tableRow(r.key === '' ? 'zonder team' : valueLabel(ctx.dims, dim, r.key), r)),
          ),
          h('tfoot', {}, tableRow('Totaal', t, true)),
        ),
      ),
    );
    const known = view.months.map((m) => m.cumulativeCents / 100);
    drawChart(
      chartEl,
      fanChart({
        months: MONTHS,
        known,
        // The last known month holds what was delivered: the invoiced plus what is still to be invoiced.
        start: (known[known.length - 1] ?? 0) + t.notYetInvoicedCents / 100,
        central: t.centralCents / 100,
        low: t.low80Cents === null ? null : t.low80Cents / 100,
        high: t.high80Cents === null ? null : t.high80Cents / 100,
        budget: t.budgetCents === null ? null : t.budgetCents / 100,
      }),
    );
  } catch (e) {
    mount(section, h('h2', { id: 'yearend-h' }, 'Verwacht jaareinde'), errorBox(e));
  }
}
