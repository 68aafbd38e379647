// /api/measures and /api/forecast/scenario: the measures register of a municipality or the region (read, save, delete)
// and its simulated scenario (naive sum beside P10/P50/P90 with overlap). Every question goes through the guard.
import type { Context } from 'hono';
import type { Lever } from '../../forecast/levers.ts';
import { type Band, MEASURE_STATUSES, type MeasureStatus } from '../../forecast/measures.ts';
import type { Indicator, NewMeasure } from '../../forecast/register.ts';
import { type MonitorView, monitorWindows, monthEnd } from '../../forecast/monitor.ts';
import { DEFAULT_DRAWS, MAX_DRAWS } from '../../forecast/scenario.ts';
import type { Column, Filters } from '../../contract/index.ts';
import { answer } from '../answer.ts';
import { ApiError, badParam } from '../errors.ts';
import { json } from '../json.ts';
import { contextOf, jsonBody, metricOr404, type ApiDeps, type ApiEnv, type QueryParam, type RouteDef } from '../route.ts';
import { onlyKnown, parseGemeente, parseJaar, single } from './report.ts';

const GEMEENTE: QueryParam = {
  name: 'gemeente',
  description: 'CBS-code van de gemeente (vier cijfers); leeg of weggelaten: de maatregelen van de regio.',
  schema: { type: 'string', pattern: '^(\\d{4})?$' },
};

const MAX_TEXT = 2_000;
const MAX_MECHANISMS = 20;
const MAX_BANDS = 30;
/** € 1 bn in cents: no youth-care measure saves or costs more. */
const MAX_CENTS = 100_000_000_000;

const object = (value: unknown, field: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badParam(field, `'${field}' moet een JSON-object zijn`);
  return value as Record<string, unknown>;
};

function text(value: unknown, field: string, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw badParam(field, `'${field}' ontbreekt`);
    return null;
  }
  if (typeof value !== 'string') throw badParam(field, `'${field}' moet tekst zijn`);
  if ([...value].length > MAX_TEXT) throw badParam(field, `'${field}' is te lang: hoogstens ${MAX_TEXT} tekens`);
  return value.trim();
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw badParam(field, `'${field}' moet een geheel getal van ${min} tot en met ${max} zijn`);
  return value as number;
}

const LEVER_KINDS = ['inflow', 'duration', 'price', 'shift', 'fixed'] as const;

function lever(value: unknown, field: string): Lever {
  const o = object(value, field);
  const kind = o.kind;
  if (!(LEVER_KINDS as readonly unknown[]).includes(kind))
    throw badParam(field, `'${field}.kind' moet een van ${LEVER_KINDS.join(', ')} zijn`);
  const opt = (k: string) => text(o[k], `${field}.${k}`, false) ?? undefined;
  const keep = <T extends object>(l: T) =>
    Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as unknown as Lever;
  switch (kind) {
    case 'inflow':
      return keep({ kind, careType: opt('careType'), referrer: opt('referrer') });
    case 'duration':
    case 'price':
      return keep({ kind, careType: opt('careType') });
    case 'shift':
      return { kind, from: text(o.from, `${field}.from`, true)!, to: text(o.to, `${field}.to`, true)! };
    default:
      return { kind: 'fixed' };
  }
}

function bands(value: unknown, field: string, fixed: boolean): Band[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BANDS)
    throw badParam(field, `'${field}' moet een lijst van 1 tot ${MAX_BANDS} banden zijn`);
  // Relative levers are in basis points (at most 10 000 = 100 %), fixed amounts in cents.
  const max = fixed ? MAX_CENTS : 10_000;
  return value.map((b, i) => {
    const o = object(b, `${field}[${i}]`);
    const from = integer(o.from, `${field}[${i}].from`, 1900, 2999);
    const low = integer(o.low, `${field}[${i}].low`, 0, max);
    const high = integer(o.high, `${field}[${i}].high`, 0, max);
    if (low > high) throw badParam(`${field}[${i}]`, `In '${field}[${i}]' is laag (${low}) groter dan hoog (${high})`);
    return { from, low, high };
  });
}

function indicator(value: unknown): Indicator | null {
  if (value === undefined || value === null) return null;
  const o = object(value, 'indicator');
  const metric = text(o.metric, 'indicator.metric', true)!;
  const column = text(o.column, 'indicator.column', true)!;
  const filters = o.filters === undefined ? undefined : object(o.filters, 'indicator.filters');
  return filters ? { metric, column, filters } : { metric, column };
}

const MEASURE_FIELDS = [
  'id',
  'gemeente',
  'name',
  'description',
  'owner',
  'start',
  'preparationMonths',
  'investmentCents',
  'status',
  'indicator',
  'mechanisms',
];

/** The measure of a POST body, with a Dutch 400 naming the first wrong field. */
export function parseMeasure(body: unknown): NewMeasure {
  const o = object(body, 'maatregel');
  onlyKnown(Object.keys(o), MEASURE_FIELDS);
  const id = text(o.id, 'id', false);
  if (id !== null && !/^[\w-]{1,64}$/.test(id)) throw badParam('id', "'id' is geen geldige maatregel");
  const start = text(o.start, 'start', false);
  if (start !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(start))))
    throw badParam('start', "'start' moet een datum zijn (jjjj-mm-dd)");
  const status = o.status ?? 'idee';
  if (!(MEASURE_STATUSES as readonly unknown[]).includes(status))
    throw badParam('status', `'status' moet een van ${MEASURE_STATUSES.join(', ')} zijn`);
  const mechanisms = o.mechanisms ?? [];
  if (!Array.isArray(mechanisms) || mechanisms.length > MAX_MECHANISMS)
    throw badParam('mechanisms', `'mechanisms' moet een lijst van hoogstens ${MAX_MECHANISMS} werkingen zijn`);
  return {
    ...(id !== null ? { id } : {}),
    municipality: parseGemeente(o.gemeente),
    name: text(o.name, 'name', true)!,
    description: text(o.description, 'description', false) ?? '',
    owner: text(o.owner, 'owner', false),
    start,
    preparationMonths: o.preparationMonths == null ? null : integer(o.preparationMonths, 'preparationMonths', 0, 120),
    investmentCents: o.investmentCents == null ? 0 : integer(o.investmentCents, 'investmentCents', 0, MAX_CENTS),
    status: status as MeasureStatus,
    indicator: indicator(o.indicator),
    mechanisms: mechanisms.map((m, i) => {
      const x = object(m, `mechanisms[${i}]`);
      const l = lever(x.lever, `mechanisms[${i}].lever`);
      return { lever: l, bands: bands(x.bands, `mechanisms[${i}].bands`, l.kind === 'fixed') };
    }),
  };
}

const SCENARIO_QUERY: QueryParam[] = [
  GEMEENTE,
  { name: 'van', description: 'Eerste jaar (standaard 2019).', schema: { type: 'integer' } },
  { name: 'tot', description: 'Laatste jaar (standaard van + 3; hoogstens 15 jaar).', schema: { type: 'integer' } },
  {
    name: 'seed',
    description: 'Zaad van de simulatie: hetzelfde zaad geeft dezelfde cijfers (standaard 1).',
    schema: { type: 'string' },
  },
  {
    name: 'trekkingen',
    description: `Aantal trekkingen (standaard ${DEFAULT_DRAWS}; meer dan ${MAX_DRAWS} wordt ${MAX_DRAWS}).`,
    schema: { type: 'integer', minimum: 1 },
  },
  { name: 'doel', description: 'Te halen besparing per jaar in euro (bijv. de taakstelling).', schema: { type: 'number' } },
];

/** The scenario question of a query string; Dutch 400s naming the parameter. */
export function parseScenarioQuery(query: URLSearchParams) {
  onlyKnown(
    query.keys(),
    SCENARIO_QUERY.map((p) => p.name),
  );
  const municipality = parseGemeente(single(query, 'gemeente'));
  const vanRaw = single(query, 'van');
  const from = vanRaw ? parseJaar('van', vanRaw) : 2019;
  const totRaw = single(query, 'tot');
  const to = totRaw ? parseJaar('tot', totRaw) : from + 3;
  if (to < from || to - from > 14) throw badParam('tot', "'tot' moet van 'van' tot hoogstens 14 jaar daarna liggen");
  const seed = single(query, 'seed') || '1';
  if (seed.length > 40) throw badParam('seed', "'seed' is te lang: hoogstens 40 tekens");
  const drawsRaw = single(query, 'trekkingen');
  let draws = DEFAULT_DRAWS;
  if (drawsRaw) {
    if (!/^\d{1,12}$/.test(drawsRaw) || Number(drawsRaw) < 1)
      throw badParam('trekkingen', "'trekkingen' moet een positief geheel getal zijn");
    draws = Math.min(Number(drawsRaw), MAX_DRAWS);
  }
  const doelRaw = single(query, 'doel');
  let targetCents: number | null = null;
  if (doelRaw) {
    const euros = Number(doelRaw);
    if (!/^\d+(\.\d{1,2})?$/.test(doelRaw) || !(euros <= MAX_CENTS / 100))
      throw badParam('doel', "'doel' moet een bedrag in euro zijn (bijv. 5000000)");
    targetCents = Math.round(euros * 100);
  }
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return { municipality, request: { years, seed, draws, targetCents } };
}

const MEASURE_SCHEMA = {
  type: 'object',
  description: 'Een maatregel met zijn werkingen op hefbomen (banden laag–hoog per jaar).',
};

export function forecastMeasureRoutes(deps: ApiDeps): RouteDef[] {
  const ctxOf = (c: Context<ApiEnv>) => contextOf(c, deps);
  return [
    {
      method: 'get',
      path: '/api/measures',
      tag: 'vooruitblik',
      summary: 'Het maatregelenregister van een gemeente of de regio',
      query: [GEMEENTE],
      response: {
        status: 200,
        description: 'De maatregelen in volgorde',
        contentType: 'application/json',
        schema: { type: 'array', items: MEASURE_SCHEMA },
      },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(query.keys(), ['gemeente']);
        const municipality = parseGemeente(single(query, 'gemeente'));
        return json(c, await answer(ctxOf(c), deps.guard, { kind: 'measures.list', municipality }));
      },
    },
    {
      method: 'post',
      path: '/api/measures',
      tag: 'vooruitblik',
      summary: 'Bewaar een maatregel: nieuw (zonder id) of gewijzigd (met id); alleen wie notities mag schrijven',
      body: {
        type: 'object',
        required: ['name'],
        properties: { gemeente: { type: ['string', 'null'] }, name: { type: 'string' } },
      },
      response: { status: 200, description: 'De bewaarde maatregel', contentType: 'application/json', schema: MEASURE_SCHEMA },
      handler: async (c) => {
        const measure = parseMeasure(await jsonBody(c));
        return json(c, await answer(ctxOf(c), deps.guard, { kind: 'measures.save', measure }));
      },
    },
    {
      method: 'post',
      path: '/api/measures/:id/delete',
      tag: 'vooruitblik',
      summary: 'Verwijder een maatregel van een gemeente of de regio',
      pathParams: [{ name: 'id', description: 'De maatregel.', required: true, schema: { type: 'string' } }],
      body: { type: 'object', properties: { gemeente: { type: ['string', 'null'] } } },
      response: { status: 200, description: 'De verwijderde maatregel', contentType: 'application/json', schema: MEASURE_SCHEMA },
      handler: async (c) => {
        const body = object(await jsonBody(c), 'body');
        onlyKnown(Object.keys(body), ['gemeente']);
        const municipality = parseGemeente(body.gemeente);
        const id = c.req.param('id') ?? '';
        const deleted = await answer(ctxOf(c), deps.guard, { kind: 'measures.delete', municipality, id });
        if (!deleted) throw new ApiError(404, `Onbekende maatregel '${id}'.`, 'id');
        return json(c, deleted);
      },
    },
    {
      method: 'get',
      path: '/api/measures/:id/monitor',
      tag: 'vooruitblik',
      summary: 'De indicator van een maatregel vóór en na zijn start, over even lange perioden',
      description:
        'Na: van de start tot en met tot (standaard de laatste maand met gegevens); vóór: even veel dagen vóór de start. ' +
        'Elk cijfer is met uw rechten gevraagd.',
      pathParams: [{ name: 'id', description: 'De maatregel.', required: true, schema: { type: 'string' } }],
      query: [GEMEENTE, { name: 'tot', description: 'Laatste dag (jjjj-mm-dd).', schema: { type: 'string', format: 'date' } }],
      response: {
        status: 200,
        description: 'De indicator vóór en na de start, en het verschil',
        contentType: 'application/json',
        schema: { type: 'object' },
      },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(query.keys(), ['gemeente', 'tot']);
        const municipality = parseGemeente(single(query, 'gemeente'));
        const tot = single(query, 'tot') || undefined;
        if (tot !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(tot) || Number.isNaN(Date.parse(tot))))
          throw badParam('tot', "'tot' moet een datum zijn (jjjj-mm-dd)");
        const ctx = ctxOf(c);
        const id = c.req.param('id') ?? '';
        const measure = (await answer(ctx, deps.guard, { kind: 'measures.list', municipality })).find((m) => m.id === id);
        if (!measure) throw new ApiError(404, `Onbekende maatregel '${id}'.`, 'id');
        if (!measure.indicator) throw new ApiError(404, `Maatregel '${measure.name}' heeft geen indicator.`, 'id');
        if (!measure.start) throw new ApiError(404, `Maatregel '${measure.name}' heeft geen startdatum.`, 'id');
        const metric = metricOr404(deps, measure.indicator.metric, 'indicator');
        const place = municipality ? [municipality] : undefined;
        let through = tot;
        if (!through) {
          const cov = await answer(ctx, deps.guard, { kind: 'coverage', municipality: place });
          if (!cov.through) throw new ApiError(404, 'Er zijn nog geen gegevens om de maatregel mee te volgen.');
          through = monthEnd(cov.through);
        }
        const windows = monitorWindows(measure.start, through);
        const base = { id, indicator: measure.indicator, start: measure.start };
        if (!windows)
          return json(c, { ...base, label: null, unit: null, before: null, after: null, change: null } satisfies MonitorView);
        let column: Column | undefined;
        const value = async (w: { from: string; to: string }) => {
          const filters = { ...(measure.indicator!.filters ?? {}), ...(place ? { municipality: place } : {}), ...w } as Filters;
          const result = await answer(ctx, deps.guard, { kind: 'compute', metric, request: { filters, split: [] } });
          column = result.columns.find((k) => k.name === measure.indicator!.column);
          const v = result.rows[0]?.[measure.indicator!.column];
          return { ...w, value: typeof v === 'number' ? v : v == null ? null : Number(v) };
        };
        const before = await value(windows.before);
        const after = await value(windows.after);
        const change = before.value === null || after.value === null ? null : after.value - before.value;
        const view: MonitorView = {
          ...base,
          label: column?.label ?? null,
          unit: column?.unit ?? null,
          days: windows.days,
          before,
          after,
          change,
        };
        return json(c, view);
      },
    },
    {
      method: 'get',
      path: '/api/forecast/scenario',
      tag: 'vooruitblik',
      summary: 'Het scenario van de maatregelen: per jaar de naïeve som en P10/P50/P90 met overlap, en de kans op het doel',
      description:
        'Monte Carlo met een vast zaad: elke maatregel trekt binnen zijn band; effecten op dezelfde hefboom worden ' +
        'vermenigvuldigd, niet opgeteld. Maatregelen op instroom (per verwijzer of zorgsoort), duur, prijs of verschuiving ' +
        'lopen door de meerjarige basislijn per zorgsoort van de gemeente (de regio: uw eigen gemeenten), gefit op het jaar ' +
        'vóór het eerste jaar (of het laatste volledige jaar) met +2 % prijsindexatie; `baseline` noemt die, `perMeasure` ' +
        'geeft de band per maatregel. De kanttekeningen zeggen dat de maatregelen elkaar overlappen en welke werking niet ' +
        'doorgerekend kon worden (een zorgsoort of verwijzer die in de gegevens niet voorkomt).',
      query: SCENARIO_QUERY,
      response: {
        status: 200,
        description: 'Per jaar naïeve som, gemiddelde, P10/P50/P90 (centen) en kans op het doel; met kanttekeningen',
        contentType: 'application/json',
        schema: { type: 'object' },
      },
      handler: async (c) => {
        const { municipality, request } = parseScenarioQuery(new URL(c.req.url).searchParams);
        return json(c, await answer(ctxOf(c), deps.guard, { kind: 'measures.scenario', municipality, request }));
      },
    },
  ];
}
