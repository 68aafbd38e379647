// The overview for one municipality (or the region) and year: cost and its change, clients, cost per client, the share
// of youths with youth care and the cost per youth inhabitant, utilisation, budget vs realisation with the expected year-end, and the three biggest drivers of the change.
// Each tile links to the page behind it.
import { METRIC_COLUMNS as C, type Value } from '../../../src/contract/index.ts';
import { api, type YearEndView } from '../api.ts';
import { viewFor, type AppContext } from '../context.ts';
import { h, mount } from '../dom.ts';
import { formatChange, formatValue } from '../../../src/contract/format.ts';
import { valueLabel } from '../labels.ts';
import { isOneYear, lastMonthOf, type Period, periodLabel, periodRange, previousLabel, previousPeriod } from '../period.ts';
import { filtersOf, periodOf, urlOf, withChanges, withPeriod, type ViewState } from '../state.ts';
import { pageBySlug } from './catalog.ts';
import { errorBox } from './error.ts';
import { pick, type Pick } from './pick.ts';

interface Tile {
  label: string;
  value: string;
  detail?: string;
  change?: number;
  /** What the change is against ('t.o.v. vorig jaar'). */
  against?: string;
  /** A caveat on the tile itself (a filter the figure cannot follow). */
  note?: string;
  page: string;
  id: string;
}

export async function renderOverview(main: HTMLElement, s: ViewState, ctx: AppContext): Promise<void> {
  // The period picker's period (by default the data's last year), set against the same stretch a year earlier.
  const chosen = periodOf(s, ctx.span);
  const last = lastMonthOf(ctx.span);
  // Year-to-date over data that runs to December is that whole year, with its drivers and contributors.
  const period: Period = chosen.kind === 'ytd' && last.month === 12 ? { kind: 'years', from: last.year, to: last.year } : chosen;
  const range = periodRange(period, ctx.span);
  const before = previousPeriod(period, ctx.span);
  const label = periodLabel(period, ctx.span);
  const beforeLabel = previousLabel(period, ctx.span);
  const oneYear = isOneYear(period);
  const year = oneYear ? period.to : Number(range.to.slice(0, 4));
  const named = s.filters.municipality?.length ? s.filters.municipality : ctx.home;
  const where = named.length ? named.map((m) => valueLabel(ctx.dims, 'municipality', m)).join(', ') : 'de hele regio';
  const head = h(
    'header',
    { class: 'page-head' },
    h('h1', {}, `Overzicht ${label}`),
    h(
      'p',
      { class: 'question' },
      `Jeugdhulp in ${where}: kosten, cliënten en de grootste oorzaken van de verandering ten opzichte van ${beforeLabel}.`,
    ),
  );
  const grid = h('div', { class: 'tiles' });
  mount(main, head, grid);

  type Range = { from: string; to: string };
  const ask = (slug: string, dates: Range, split: string[] = [], params: Record<string, string> = {}, view?: string) => {
    const page = pageBySlug(slug);
    const metric = page && viewFor(ctx, page, view)?.metric;
    if (!metric || (view && metric.id !== view)) return Promise.resolve(null);
    const filters = { ...filtersOf(s, ctx.span), ...dates };
    return api
      .compute(metric.id, { filters, split: split.filter((d) => metric.splits.includes(d as never)) as never, params })
      .then((r) => pick(r));
  };
  const yearRange = (from: number, to: number): Range => ({ from: `${from}-01-01`, to: `${to}-12-31` });
  // One year links to the two years it is compared over; any other period travels as it is.
  const link = (page: string, change: Partial<ViewState> = {}) => {
    if (oneYear) return urlOf(withChanges(s, { page, from: change.from ?? year - 1, to: year, ...change }));
    const { from: _from, to: _to, ...rest } = change;
    return urlOf(withChanges(withPeriod(s, period), { page, ...rest }));
  };

  try {
    const [costs, costsBefore, util, budget, decomposition, byProvider, byReferrer, yearEnd, youths] = await Promise.all([
      ask('kosten', range),
      ask('kosten', before),
      ask('uitnutting', range),
      ask('budget', range),
      // The decomposition and the year-on-year change answer one year against the one before, nothing shorter or longer.
      oneYear ? ask('ontleding', yearRange(year - 1, year)) : null,
      oneYear ? ask('kosten', yearRange(year - 1, year), ['provider'], {}, 'costs_yoy') : null,
      oneYear ? ask('kosten', yearRange(year - 1, year), ['referrer'], {}, 'costs_yoy') : null,
      oneYear ? forecastOf(s, year) : null,
      ask('jeugdigen', range),
    ]);
    const tiles: Tile[] = [];
    const against = period.kind === 'years' && !oneYear ? `t.o.v. ${beforeLabel}` : 't.o.v. vorig jaar';
    if (costs) tiles.push(...costTiles(costs, costsBefore, against));
    const youthTile = youths && perYouthTile(youths);
    if (youthTile) tiles.push(youthTile);
    if (util) {
      const pct = util.column(C.utilisation.clients_pct);
      if (pct)
        tiles.push({
          id: 'utilisation',
          label: pct.col.label,
          value: formatValue(util.total(pct.col.name), 'pct'),
          page: 'uitnutting',
        });
    }
    if (budget) tiles.push(...budgetTiles(budget, yearEnd));
    mount(
      grid,
      // Utilisation, budget and the per-youth figures are per year (the population is): their page opens on that year.
      tiles.map((t) => tile(t, link(t.page, ['uitnutting', 'budget', 'jeugdigen'].includes(t.page) ? { from: year } : {}))),
    );
    const driverList = decomposition && drivers(decomposition, year, link('ontleding', { from: year }));
    const who = [
      contributors(byProvider, 'provider', year, ctx, link),
      contributors(byReferrer, 'referrer', year, ctx, link),
    ].filter((e) => e !== null);
    const yearOnly = oneYear
      ? null
      : h(
          'p',
          { class: 'muted', 'data-year-only': true },
          'De oorzaken van de verandering en de aanbieders en verwijzers die haar droegen staan hier bij een periode van één heel jaar.',
        );
    grid.after(...[driverList, ...who, yearOnly].filter((e): e is HTMLElement => e !== null));
  } catch (e) {
    mount(grid, errorBox(e));
  }
}

function tile(t: Tile, href: string): HTMLElement {
  const cls = t.change === undefined ? '' : t.change > 0 ? 'up' : t.change < 0 ? 'down' : '';
  return h(
    'a',
    { class: 'tile', href, 'data-nav': true, 'data-tile': t.id },
    h('span', { class: 'tile-label' }, t.label),
    h('span', { class: 'tile-value' }, t.value),
    t.change !== undefined
      ? h('span', { class: `tile-change ${cls}` }, `${formatChange(t.change)} ${t.against ?? 't.o.v. vorig jaar'}`)
      : null,
    t.detail ? h('span', { class: 'tile-detail' }, t.detail) : null,
    t.note ? h('span', { class: 'tile-note' }, t.note) : null,
  );
}

/** Cost, clients and cost per client over the period, each with its change against the comparison period. */
function costTiles(p: Pick, before: Pick | null, against: string): Tile[] {
  const change = (name: string) => {
    const a = num(before?.total(name) ?? null);
    const b = num(p.total(name));
    return a && b !== null ? b / a - 1 : undefined;
  };
  const out: Tile[] = [];
  const cost = p.column(C.costs.cost);
  const clients = p.column(C.costs.clients);
  const perClient = p.column(C.costs.cost_per_client);
  const figure = (id: string, label: string, name: string, unit: 'eur' | 'count') => ({
    id,
    label,
    value: formatValue(p.total(name), unit),
    change: change(name),
    against,
    page: 'kosten',
  });
  if (cost) out.push(figure('cost', 'Totale kosten', cost.col.name, 'eur'));
  if (clients) out.push(figure('clients', 'Cliënten', clients.col.name, 'count'));
  if (perClient) out.push(figure('per_client', 'Kosten per cliënt', perClient.col.name, 'eur'));
  return out;
}

/**
 * The share of youths 0–17 with youth care and the cost per youth inhabitant (the per_youth metric, the same question
 * a reader's small-number protection applies to); without a figure, the metric's own reason on the tile.
 */
function perYouthTile(p: Pick): Tile | null {
  const share = p.column(C.per_youth.share_pct);
  if (!share) return null;
  const perYouth = p.column(C.per_youth.cost_per_youth);
  const value = p.total(share.col.name);
  return {
    id: 'per_youth',
    label: 'Jeugdigen met jeugdhulp',
    value: formatValue(value, 'pct'),
    detail: [
      'van de inwoners van 0–17 jaar',
      perYouth ? `${formatValue(p.total(perYouth.col.name), 'eur')} per jeugdige inwoner` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    note: value === null ? p.result.notes?.join(' ') : undefined,
    page: 'jeugdigen',
  };
}

/** Budget and the expected year-end: realisation = invoiced + expected for care delivered but not yet invoiced. */
/**
 * The year-end forecast behind the budget tile, for one municipality or the region and no other filter (the forecast
 * follows no provider, referrer …); null where it cannot be asked or is refused (a reader's role).
 */
function forecastOf(s: ViewState, year: number): Promise<YearEndView | null> {
  const municipalities = s.filters.municipality ?? [];
  const others = Object.entries(s.filters).some(([d, v]) => d !== 'municipality' && v?.length);
  if (municipalities.length > 1 || others) return Promise.resolve(null);
  return api.forecastYearEnd({ gemeente: municipalities[0], jaar: year }).catch(() => null);
}

/**
 * Budget, invoiced, and the expected year-end with its 80 % band and over- or underspend: from the year-end forecast
 * where there is one (invoiced + not yet invoiced + the months still to come), else invoiced + not yet invoiced.
 */
function budgetTiles(p: Pick, forecast: YearEndView | null): Tile[] {
  const budget = p.column(C.budget.budget);
  const invoiced = p.column(C.budget.invoiced);
  const yearEnd = p.column(C.budget.realised);
  if (!budget) return [];
  const b = num(p.total(budget.col.name));
  const f = forecast?.total;
  const e = f ? f.centralCents / 100 : yearEnd ? num(p.total(yearEnd.col.name)) : null;
  const band =
    f && f.low80Cents !== null && f.high80Cents !== null
      ? ` (80 %: ${formatValue(f.low80Cents / 100, 'eur')}–${formatValue(f.high80Cents / 100, 'eur')})`
      : '';
  return [
    {
      id: 'budget',
      label: 'Budget',
      value: formatValue(b, 'eur'),
      page: 'budget',
      // The budget has no provider, referrer … : say so on the tile rather than show it as if filtered.
      note: p.result.notes?.join(' '),
      detail: [
        invoiced ? `gedeclareerd ${formatValue(p.total(invoiced.col.name), 'eur')}` : '',
        e !== null ? `verwacht jaareinde ${formatValue(e, 'eur')}${band}` : '',
        b !== null && e !== null ? `${e > b ? 'overschrijding' : 'onderschrijding'} ${formatValue(Math.abs(e - b), 'eur')}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ];
}

/** The three effects of the decomposition (volume, intensity, price, mix, …) with the largest size in `year`. */
function drivers(p: Pick, year: number, href: string): HTMLElement | null {
  const row = p.rowWhere('year', year);
  if (!row) return null;
  const effects = [
    C.decomposition.effect_volume,
    C.decomposition.effect_intensity,
    C.decomposition.effect_price,
    C.decomposition.effect_mix,
    C.decomposition.effect_other,
  ].map((c) => c.name as string);
  const top = p.result.columns
    .filter((c) => effects.includes(c.name) && num(row[c.name]) !== null)
    .sort((a, b) => Math.abs(num(row[b.name])!) - Math.abs(num(row[a.name])!))
    .slice(0, 3);
  const change = p.column(C.decomposition.cost_change);
  return h(
    'section',
    { class: 'drivers', 'aria-labelledby': 'drivers-h' },
    h(
      'h2',
      { id: 'drivers-h' },
      'Grootste oorzaken van de verandering',
      change ? h('span', { class: 'muted' }, ` (totaal ${signed(num(row[change.col.name]))})`) : null,
    ),
    h(
      'ol',
      {},
      top.map((c) =>
        h(
          'li',
          {},
          h(
            'a',
            { href, 'data-nav': true, class: 'tile driver', 'data-driver': c.name },
            h('span', { class: 'tile-label' }, c.label),
            h('span', { class: `tile-value ${num(row[c.name])! > 0 ? 'up' : 'down'}` }, signed(num(row[c.name]))),
          ),
        ),
      ),
    ),
  );
}

const WHO_TITLE: Record<'provider' | 'referrer', string> = {
  provider: 'Aanbieders met de grootste verandering',
  referrer: 'Verwijzers met de grootste verandering',
};

/**
 * The three providers (or individual referrers) whose cost changed most against the year before, largest change
 * (rise or fall) first, each linking to the year-on-year view split the same way — the "who drove it" beside the "why".
 */
function contributors(
  p: Pick | null,
  dim: 'provider' | 'referrer',
  year: number,
  ctx: AppContext,
  link: (page: string, change?: Partial<ViewState>) => string,
): HTMLElement | null {
  if (!p) return null;
  const top = p.result.rows
    .filter((r) => Number(r.year) === year && num(r.cost_change) !== null && num(r.cost_change) !== 0)
    .sort((a, b) => Math.abs(num(b.cost_change)!) - Math.abs(num(a.cost_change)!))
    .slice(0, 3);
  if (!top.length) return null;
  const href = link('kosten', { from: year, view: 'costs_yoy', split: [dim] });
  const id = `who-${dim}`;
  return h(
    'section',
    { class: 'drivers', 'aria-labelledby': id },
    h('h2', { id }, WHO_TITLE[dim], h('span', { class: 'muted' }, ` (${year - 1} → ${year})`)),
    h(
      'ol',
      {},
      top.map((r) =>
        h(
          'li',
          {},
          h(
            'a',
            { href, 'data-nav': true, class: 'tile driver', [`data-${dim}`]: String(r[dim]) },
            h('span', { class: 'tile-label' }, valueLabel(ctx.dims, dim, r[dim])),
            h('span', { class: `tile-value ${num(r.cost_change)! > 0 ? 'up' : 'down'}` }, signed(num(r.cost_change))),
            h(
              'span',
              { class: 'tile-detail' },
              `${formatValue(r.clients_previous ?? 0, 'count')} → ${formatValue(r.clients ?? null, 'count')} cliënten`,
            ),
          ),
        ),
      ),
    ),
  );
}

function signed(v: number | null): string {
  if (v === null) return '–';
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatValue(Math.abs(v), 'eur')}`;
}

function num(v: Value | undefined): number | null {
  return typeof v === 'number' ? v : null;
}
