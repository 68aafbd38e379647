// /api/views: the logged-in user's saved views (list, save, delete) and opening any view by its id, the shareable link.
// The body is parsed here into a SavedState with the dashboard URL's own names; codes are checked by every question the
// opened view asks, so only their shape is checked here.
import { answer } from '../answer.ts';
import { ApiError, badParam } from '../errors.ts';
import { json } from '../json.ts';
import { LIST_FILTERS } from '../request.ts';
import { contextOf, jsonBody, type ApiDeps, type RouteDef } from '../route.ts';
import { MAX_SPLITS } from '../request.ts';
import type { Schema } from '../route.ts';
import type { NewSavedView, SavedState } from '../views.ts';

const FIELDS = ['name', 'page', 'filters', 'from', 'to', 'split', 'view', 'measure', 'params', 'period'];
/** The period picker's token for a quarter, a month or year-to-date (web/src/period.ts periodToken). */
const PERIOD = /^(?:\d{4}-Q[1-4]|\d{4}-(?:0[1-9]|1[0-2])|ytd)$/;
export const VIEW_NAME_MAX_LENGTH = 100;
/** Codes, metric ids, column and parameter names: letters, digits and a few separators, never markup. */
const TOKEN = /^[\p{L}\p{N}_.:\- ]{1,64}$/u;
const MAX_CODES = 200;
const MAX_PARAMS = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A plain-text name: trimmed, 1–100 characters, no control characters. */
function parseName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badParam('name', "'name' moet een niet-lege naam zijn");
  const name = value.trim();
  if ([...name].length > VIEW_NAME_MAX_LENGTH)
    throw badParam('name', `'name' is te lang: hoogstens ${VIEW_NAME_MAX_LENGTH} tekens`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badParam('name', "'name' bevat een ongeldig teken");
  return name;
}

function parseToken(param: string, value: unknown): string {
  if (typeof value !== 'string' || !TOKEN.test(value)) throw badParam(param, `'${param}' is geen geldige waarde`);
  return value;
}

function parseYear(param: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1900 || (value as number) > 2999)
    throw badParam(param, `'${param}' moet een jaartal zijn (bijv. 2024)`);
  return value as number;
}

/** Parses a saved view's body, or throws a Dutch 400 naming the field. */
export function parseNewView(body: unknown): NewSavedView {
  if (!isObject(body)) throw badParam(null, 'De weergave moet een JSON-object zijn');
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) throw badParam(key, `Onbekend veld '${key}' (toegestaan: ${FIELDS.join(', ')})`);
  }
  const name = parseName(body.name);
  if (typeof body.page !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(body.page))
    throw badParam('page', "'page' is geen geldige pagina (kleine letters, bijv. 'kosten')");
  const filters: Record<string, string[]> = {};
  if (body.filters !== undefined && !isObject(body.filters)) throw badParam('filters', "'filters' moet een object zijn");
  for (const [dim, codes] of Object.entries(body.filters ?? {})) {
    if (!(LIST_FILTERS as readonly string[]).includes(dim))
      throw badParam(`filters.${dim}`, `Onbekende filter '${dim}' (toegestaan: ${LIST_FILTERS.join(', ')})`);
    if (!Array.isArray(codes) || codes.length > MAX_CODES)
      throw badParam(`filters.${dim}`, `'${dim}' moet een lijst van hoogstens ${MAX_CODES} codes zijn`);
    if (codes.length) filters[dim] = [...new Set(codes.map((c) => parseToken(`filters.${dim}`, c)))];
  }
  const state: SavedState = { filters, params: {} };
  const from = parseYear('from', body.from);
  const to = parseYear('to', body.to);
  if (from !== undefined && to !== undefined && from > to) throw badParam('to', `'to' (${to}) ligt vóór 'from' (${from})`);
  if (from !== undefined) state.from = from;
  if (to !== undefined) state.to = to;
  if (body.period !== undefined && body.period !== null) {
    if (typeof body.period !== 'string' || !PERIOD.test(body.period))
      throw badParam('period', "'period' moet een kwartaal (2024-Q2), een maand (2024-05) of 'ytd' zijn");
    state.period = body.period;
  }
  if (body.split !== undefined && body.split !== null) {
    if (!Array.isArray(body.split) || body.split.length > MAX_SPLITS)
      throw badParam('split', `'split' moet een lijst van hoogstens ${MAX_SPLITS} dimensies zijn`);
    state.split = body.split.map((d) => parseToken('split', d));
  }
  for (const key of ['view', 'measure'] as const) {
    if (body[key] !== undefined && body[key] !== null && body[key] !== '') state[key] = parseToken(key, body[key]);
  }
  if (body.params !== undefined && !isObject(body.params)) throw badParam('params', "'params' moet een object zijn");
  const params = Object.entries(body.params ?? {});
  if (params.length > MAX_PARAMS) throw badParam('params', `Hoogstens ${MAX_PARAMS} parameters`);
  for (const [k, v] of params) state.params[parseToken('params', k)] = parseToken(`params.${k}`, String(v));
  return { name, page: body.page, state };
}

const idParam = { name: 'id', description: 'Id van de bewaarde weergave (uit de link).', schema: { type: 'string' } };

function viewId(value: string | undefined): string {
  if (!value || !/^[A-Za-z0-9_-]{22}$/.test(value)) throw notFound();
  return value;
}

const notFound = () => new ApiError(404, 'Deze weergave bestaat niet (meer).', 'id');

const VIEW_SCHEMA: Schema = {
  type: 'object',
  required: ['id', 'name', 'page', 'owner', 'created_at', 'state'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    page: { type: 'string' },
    owner: { type: 'string' },
    created_at: { type: 'string' },
    state: {
      type: 'object',
      properties: {
        filters: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        from: { type: 'integer' },
        to: { type: 'integer' },
        period: {
          type: 'string',
          pattern: PERIOD.source,
          description: "Een kwartaal (2024-Q2), een maand (2024-05) of 'ytd'; gaat dan vóór from/to.",
        },
        split: { type: 'array', items: { type: 'string' } },
        view: { type: 'string' },
        measure: { type: 'string' },
        params: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    narrowed: { type: ['string', 'null'], description: 'Bij openen: wat er is weggelaten omdat u het niet mag zien.' },
  },
};

export function viewRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/views',
      tag: 'weergaven',
      summary: 'Uw bewaarde weergaven, op naam',
      response: {
        status: 200,
        description: 'De weergaven die u zelf heeft bewaard',
        contentType: 'application/json',
        schema: { type: 'object', properties: { views: { type: 'array', items: VIEW_SCHEMA } } },
      },
      handler: async (c) => json(c, { views: await answer(contextOf(c, deps), deps.guard, { kind: 'views.list' }) }),
    },
    {
      method: 'post',
      path: '/api/views',
      tag: 'weergaven',
      summary: 'Bewaar een weergave (pagina, filters, periode, uitsplitsing, parameters) onder een naam',
      body: { type: 'object', required: ['name', 'page'], properties: { ...(VIEW_SCHEMA.properties as object) } },
      response: { status: 201, description: 'De bewaarde weergave', contentType: 'application/json', schema: VIEW_SCHEMA },
      handler: async (c) => {
        const view = parseNewView(await jsonBody(c));
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'views.save', view }), 201);
      },
    },
    {
      method: 'get',
      path: '/api/views/:id',
      tag: 'weergaven',
      summary: 'Open een bewaarde weergave via haar link, beperkt tot wat u mag zien',
      pathParams: [idParam],
      response: { status: 200, description: 'De weergave', contentType: 'application/json', schema: VIEW_SCHEMA },
      handler: async (c) => {
        const id = viewId(c.req.param('id'));
        const view = await answer(contextOf(c, deps), deps.guard, { kind: 'views.open', id });
        if (!view) throw notFound();
        return json(c, view);
      },
    },
    {
      method: 'post',
      path: '/api/views/:id/delete',
      tag: 'weergaven',
      summary: 'Verwijder een van uw eigen bewaarde weergaven',
      pathParams: [idParam],
      response: { status: 200, description: 'De verwijderde weergave', contentType: 'application/json', schema: VIEW_SCHEMA },
      handler: async (c) => {
        const id = viewId(c.req.param('id'));
        const view = await answer(contextOf(c, deps), deps.guard, { kind: 'views.delete', id });
        if (!view) throw notFound();
        return json(c, view);
      },
    },
  ];
}
