// /api/benchmark/groepen: the reference groups saved for a municipality under a name (region, size class, chosen
// neighbours or similar context deciles; src/benchmark/savedgroups.ts): listed within the own municipalities, saved and deleted by those who may
// write notes. Audited through the guard; a POST carries the session's CSRF token like every other.
import { sql } from '../../store/index.ts';
import { parseReferenceGroup } from '../../benchmark/savedgroups.ts';
import { answer } from '../answer.ts';
import { ApiError, badParam } from '../errors.ts';
import { json } from '../json.ts';
import { contextOf, jsonBody, type ApiDeps, type QueryParam, type RouteDef } from '../route.ts';
import { onlyKnown, single } from './report.ts';

const CODE = /^\d{4}$/;
const MAX_NAME = 80;

const GEMEENTE: QueryParam = {
  name: 'gemeente',
  required: true,
  description: 'CBS-code van de gemeente waarvoor de groepen bewaard zijn (vier cijfers).',
  schema: { type: 'string', pattern: '^\\d{4}$' },
};

const GROUP = {
  type: 'object',
  description:
    "{kind:'regio', region} | {kind:'grootteklasse', sizeClass} | {kind:'buren', municipalities: ['0150', …]} | " +
    "{kind:'context', year: 2023, deciles: {inkomen: 5, kinderarmoede: 5}, sizeClass?}",
};
const SAVED = { type: 'object', properties: { name: { type: 'string' }, group: GROUP } };

const object = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badParam(null, 'Stuur een JSON-object');
  return value as Record<string, unknown>;
};

function gemeente(value: unknown): string {
  if (typeof value !== 'string' || !CODE.test(value))
    throw badParam('gemeente', "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708)");
  return value;
}

function name(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw badParam('name', 'Geef de referentiegroep een naam');
  if ([...value].length > MAX_NAME) throw badParam('name', `De naam is te lang: hoogstens ${MAX_NAME} tekens`);
  return value.trim();
}

export function benchmarkGroupRoutes(deps: ApiDeps): RouteDef[] {
  /** A 400 naming every code or region the municipality list does not know (the store would refuse them less kindly). */
  const known = async (municipality: string, group: { kind: string; region?: string; municipalities?: readonly string[] }) => {
    const codes = new Set((await deps.store.all<{ code: string }>(sql`SELECT code FROM municipality`)).map((r) => r.code));
    if (!codes.has(municipality)) throw badParam('gemeente', `Gemeente ${municipality} komt niet voor in de gemeentelijst`);
    const unknown = (group.municipalities ?? []).filter((c) => !codes.has(c));
    if (unknown.length) throw badParam('group.municipalities', `Onbekende gemeentecode(s): ${unknown.join(', ')}`);
    if (group.region && !(await deps.store.one(sql`SELECT 1 AS x FROM municipality WHERE region = ${group.region}`)))
      throw badParam('group.region', `Onbekende jeugdzorgregio '${group.region}'`);
  };
  return [
    {
      method: 'get',
      path: '/api/benchmark/groepen',
      tag: 'vergelijken',
      summary: 'De bewaarde referentiegroepen van een gemeente',
      query: [GEMEENTE],
      response: {
        status: 200,
        description: 'De groepen op naam',
        contentType: 'application/json',
        schema: { type: 'array', items: SAVED },
      },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(query.keys(), ['gemeente']);
        const municipality = gemeente(single(query, 'gemeente'));
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'benchmark.groups.list', municipality }));
      },
    },
    {
      method: 'post',
      path: '/api/benchmark/groepen',
      tag: 'vergelijken',
      summary: 'Bewaar een referentiegroep voor een gemeente (een bestaande naam wordt vervangen)',
      body: {
        type: 'object',
        required: ['gemeente', 'name', 'group'],
        properties: { gemeente: { type: 'string' }, name: { type: 'string' }, group: GROUP },
      },
      response: { status: 200, description: 'De bewaarde groep', contentType: 'application/json', schema: SAVED },
      handler: async (c) => {
        const body = object(await jsonBody(c));
        onlyKnown(Object.keys(body), ['gemeente', 'name', 'group']);
        const municipality = gemeente(body.gemeente);
        const parsed = parseReferenceGroup(body.group);
        if (!parsed.ok)
          throw new ApiError(
            400,
            `De referentiegroep klopt niet: ${parsed.problems.map((p) => p.message).join('; ')}`,
            `group${parsed.problems[0]!.path ? `.${parsed.problems[0]!.path}` : ''}`,
            { problems: parsed.problems.map((p) => ({ ...p, path: `group.${p.path}` })) },
          );
        await known(municipality, parsed.group);
        const saved = await answer(contextOf(c, deps), deps.guard, {
          kind: 'benchmark.groups.save',
          municipality,
          name: name(body.name),
          group: parsed.group,
        });
        return json(c, saved);
      },
    },
    {
      method: 'post',
      path: '/api/benchmark/groepen/delete',
      tag: 'vergelijken',
      summary: 'Verwijder een bewaarde referentiegroep van een gemeente',
      body: {
        type: 'object',
        required: ['gemeente', 'name'],
        properties: { gemeente: { type: 'string' }, name: { type: 'string' } },
      },
      response: { status: 200, description: 'De verwijderde groep', contentType: 'application/json', schema: SAVED },
      handler: async (c) => {
        const body = object(await jsonBody(c));
        onlyKnown(Object.keys(body), ['gemeente', 'name']);
        const municipality = gemeente(body.gemeente);
        const groupName = name(body.name);
        const deleted = await answer(contextOf(c, deps), deps.guard, {
          kind: 'benchmark.groups.delete',
          municipality,
          name: groupName,
        });
        if (!deleted) throw new ApiError(404, `Gemeente ${municipality} heeft geen referentiegroep '${groupName}'.`, 'name');
        return json(c, deleted);
      },
    },
  ];
}
