// /api/notes: read and add notes on a metric, municipality and period. Notes are plain text, stored as given and
// sent back as JSON strings (never as HTML); the author is the logged-in user.
import { sql, type Store } from '../../store/index.ts';
import type { MetricRequest } from '../../metrics/types.ts';
import { answer } from '../answer.ts';
import { ApiError, badParam } from '../errors.ts';
import { json } from '../json.ts';
import { NOTE_MAX_LENGTH } from '../notes.ts';
import { parseDate, parseList } from '../request.ts';
import { contextOf, jsonBody, metricOr404, type ApiDeps, type RouteDef } from '../route.ts';
import { ref } from '../schemas.ts';

const NOTE_FIELDS = ['metric', 'municipality', 'from', 'to', 'text'];

/** Plain text within the length limit; CRLF becomes LF and control characters other than tab and newline are refused. */
export function parseNoteText(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badParam('text', "'text' moet een niet-lege tekst zijn");
  const text = value.replace(/\r\n?/g, '\n').trim();
  if ([...text].length > NOTE_MAX_LENGTH) {
    throw badParam('text', `'text' is te lang: hoogstens ${NOTE_MAX_LENGTH.toLocaleString('nl-NL')} tekens`);
  }
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) throw badParam('text', "'text' bevat een ongeldig teken");
  return text;
}

async function knownMunicipalities(store: Store, codes: string[]): Promise<void> {
  for (const code of codes) {
    if (!(await store.one(sql`SELECT 1 FROM municipality WHERE code = ${code}`))) {
      throw badParam('municipality', `Gemeente '${code}' komt niet voor in de database`);
    }
  }
}

function period(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw badParam('to', `'to' (${to}) ligt vóór 'from' (${from})`);
}

export function noteRoutes(deps: ApiDeps): RouteDef[] {
  const noteMetric = (id: unknown) => {
    if (typeof id !== 'string' || id === '') throw badParam('metric', "'metric' ontbreekt");
    return metricOr404(deps, id, 'metric');
  };
  return [
    {
      method: 'get',
      path: '/api/notes',
      tag: 'notities',
      summary: 'Notities bij een analyse, gemeente en periode',
      query: [
        { name: 'metric', description: 'Id van de analyse.', schema: { type: 'string' } },
        {
          name: 'municipality',
          description: "Gemeentecodes, gescheiden door komma's (leeg = alle notities).",
          schema: { type: 'string' },
        },
        {
          name: 'from',
          description: 'Notities waarvan de periode na deze datum eindigt (jjjj-mm-dd).',
          schema: { type: 'string', format: 'date' },
        },
        {
          name: 'to',
          description: 'Notities waarvan de periode vóór deze datum begint (jjjj-mm-dd).',
          schema: { type: 'string', format: 'date' },
        },
      ],
      response: {
        status: 200,
        description: 'De notities, oudste periode eerst',
        contentType: 'application/json',
        schema: { type: 'object', properties: { notes: { type: 'array', items: ref('Note') } } },
      },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        for (const key of query.keys()) {
          if (!['metric', 'municipality', 'from', 'to'].includes(key))
            throw badParam(key, `Onbekende filter '${key}' (toegestaan: metric, municipality, from, to)`);
        }
        const value = (k: string) => query.get(k) || undefined;
        const metric = value('metric') ? noteMetric(value('metric')) : null;
        const request: MetricRequest = { filters: {}, split: [] };
        if (value('municipality')) request.filters.municipality = parseList('municipality', value('municipality'));
        if (value('from')) request.filters.from = parseDate('from', value('from'));
        if (value('to')) request.filters.to = parseDate('to', value('to'));
        period(request.filters.from, request.filters.to);
        return json(c, { notes: await answer(contextOf(c, deps), deps.guard, { kind: 'notes.read', metric, request }) });
      },
    },
    {
      method: 'get',
      path: '/api/notes/:id',
      tag: 'notities',
      summary: 'Eén notitie (als u haar mag lezen)',
      pathParams: [{ name: 'id', description: 'Id van de notitie.', schema: { type: 'integer' } }],
      response: { status: 200, description: 'De notitie', contentType: 'application/json', schema: ref('Note') },
      handler: async (c) => {
        // Someone else's note and no note at all answer alike, so ids outside the scope reveal nothing.
        const notFound = new ApiError(404, 'Deze notitie bestaat niet, of u mag haar niet lezen.', 'id');
        const id = c.req.param('id') ?? '';
        if (!/^\d{1,9}$/.test(id)) throw notFound;
        const request: MetricRequest = { filters: {}, split: [] };
        const [note] = await answer(contextOf(c, deps), deps.guard, {
          kind: 'notes.read',
          metric: null,
          request,
          id: Number(id),
        });
        if (!note) throw notFound;
        return json(c, note);
      },
    },
    {
      method: 'post',
      path: '/api/notes',
      tag: 'notities',
      summary: 'Voeg een notitie toe (platte tekst, hoogstens 2.000 tekens)',
      body: ref('NewNote'),
      response: { status: 201, description: 'De opgeslagen notitie', contentType: 'application/json', schema: ref('Note') },
      handler: async (c) => {
        const body = await jsonBody(c);
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw badParam(null, 'De notitie moet een JSON-object zijn');
        const b = body as Record<string, unknown>;
        for (const key of Object.keys(b)) {
          if (!NOTE_FIELDS.includes(key)) throw badParam(key, `Onbekend veld '${key}' (toegestaan: ${NOTE_FIELDS.join(', ')})`);
        }
        const metric = noteMetric(b.metric);
        const request: MetricRequest = { filters: { from: parseDate('from', b.from), to: parseDate('to', b.to) }, split: [] };
        period(request.filters.from, request.filters.to);
        if (b.municipality !== undefined && b.municipality !== null && b.municipality !== '') {
          const codes = parseList('municipality', b.municipality);
          if (codes.length !== 1) throw badParam('municipality', 'Een notitie hoort bij één gemeente (of bij de hele regio)');
          await knownMunicipalities(deps.store, codes);
          request.filters.municipality = codes;
        }
        const text = parseNoteText(b.text);
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'notes.write', metric, request, text }), 201);
      },
    },
  ];
}
