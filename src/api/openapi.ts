// Builds the OpenAPI 3.1 document from the route definitions and the metric catalogue — never written by hand —
// so the document lists exactly the routes the app serves and the metrics, splits and parameters the engine has.
import { declaredColumns, isMetricId } from '../contract/columns.ts';
import type { Metric } from '../metrics/types.ts';
import type { QueryParam, RouteDef, Schema } from './route.ts';
import { SCHEMAS, metricQuery } from './schemas.ts';
import { AUTH_PATHS, AUTH_SCHEMAS } from './openapi/auth-paths.ts';
import { ROUTE_DESCRIPTIONS } from './openapi/descriptions.ts';
import { ERROR_EXAMPLES, EXAMPLE_METRIC, type RouteExample, routeExamples } from './openapi/examples.ts';
import { metricRequestSchema } from './openapi/metric-request.ts';
import { metricResultSchema } from './openapi/metric-result.ts';
import { PARAM_SPEC_SCHEMA } from './openapi/param-spec.ts';
import { GLOBAL_SECURITY, SECURITY_SCHEMES, securityOf } from './openapi/security.ts';
import { TAGS } from './openapi/tags.ts';

/** '/api/metrics/:id' → '/api/metrics/{id}'. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

const ERRORS: Record<string, string> = {
  400: 'Ongeldige parameter (message en param zeggen welke)',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  409: 'Database bezig',
  500: 'Interne fout',
  503: 'De vraag duurde langer dan de tijdslimiet en is afgebroken',
};

const withExample = (media: object, example: unknown) => (example === undefined ? media : { ...media, example });

function operation(
  r: RouteDef,
  operationId: string,
  extra: {
    query?: QueryParam[];
    summary?: string;
    description?: string;
    pathParams?: boolean;
    ids?: string[];
    result?: Schema;
    body?: Schema;
    example?: RouteExample;
  } = {},
) {
  const params = [
    ...(extra.pathParams === false
      ? []
      : (r.pathParams ?? []).map((p) => ({
          ...p,
          in: 'path',
          required: true,
          ...(p.name === 'id' && extra.ids ? { schema: { type: 'string', enum: extra.ids } } : {}),
        }))),
    ...(extra.query ?? r.query ?? []).map((p) => ({
      name: p.name,
      in: 'query',
      required: p.required ?? false,
      description: p.description,
      schema: p.schema,
      ...(p.schema.type === 'array' ? { style: 'form', explode: false } : {}),
      ...(extra.example?.query?.[p.name] === undefined ? {} : { example: extra.example.query[p.name] }),
    })),
  ];
  return {
    operationId,
    tags: [r.tag],
    summary: extra.summary ?? r.summary,
    description: extra.description ?? r.description ?? ROUTE_DESCRIPTIONS[`${r.method} ${r.path}`] ?? r.summary,
    security: securityOf(r.method, openApiPath(r.path)),
    ...(params.length ? { parameters: params } : {}),
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': withExample({ schema: extra.body ?? r.body }, extra.example?.request) },
          },
        }
      : {}),
    responses: {
      [r.response.status]: {
        description: r.response.description,
        content: {
          [r.response.contentType]: r.response.schema
            ? withExample({ schema: extra.result ?? r.response.schema }, extra.example?.response)
            : {},
        },
      },
      ...Object.fromEntries(Object.keys(ERRORS).map((s) => [s, { $ref: `#/components/responses/E${s}` }])),
    },
  };
}

const idOf = (r: RouteDef) =>
  r.method +
  r.path
    .replace(/^\/api/, '')
    .replace(/[/:.](\w)/g, (_m, ch: string) => ch.toUpperCase())
    .replace(/\W/g, '');

/**
 * The OpenAPI 3.1 document. Routes with an `{id}` of a metric are also listed once per catalogue metric, with that
 * metric's title, definition, splits and parameters.
 * @example buildOpenApi(routes, catalogue, '0.1.0').paths['/api/metrics/{id}'].get
 */
export function buildOpenApi(routes: RouteDef[], catalogue: readonly Metric[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: string, op: unknown) => ((paths[path] ??= {})[method] = op);
  const ids = catalogue.map((m) => m.id);
  const metricSchemas: Record<string, Schema> = {};
  const examples = routeExamples(version);
  for (const r of routes) {
    const example = examples[`${r.method} ${r.path}`];
    add(openApiPath(r.path), r.method, operation(r, idOf(r), { ids, example }));
    if (!r.path.startsWith('/api/metrics/:id')) continue;
    for (const m of catalogue) {
      const query = r.method === 'get' ? metricQuery(m) : undefined;
      // The answer's columns, where they are declared (JSON routes only; the exports are files).
      const columns = isMetricId(m.id) ? declaredColumns(m.id, m.splits) : undefined;
      const isResult = (r.response.schema as { $ref?: string } | undefined)?.$ref === '#/components/schemas/MetricResult';
      if (columns && isResult) metricSchemas[`MetricResult_${m.id}`] ??= metricResultSchema(m, columns);
      if (r.body) metricSchemas[`MetricRequest_${m.id}`] ??= metricRequestSchema(m);
      add(r.path.replace(':id', m.id), r.method, {
        ...operation(r, `${idOf(r)}_${m.id}`, {
          query,
          pathParams: false,
          summary: `${m.title} — ${r.summary}`,
          description: m.definition,
          ...(m.id === EXAMPLE_METRIC ? { example } : {}),
          ...(r.body ? { body: { $ref: `#/components/schemas/MetricRequest_${m.id}` } } : {}),
          ...(columns && isResult ? { result: { $ref: `#/components/schemas/MetricResult_${m.id}` } } : {}),
        }),
        'x-metric': { id: m.id, splits: m.splits, params: m.params ?? [], clientRows: m.clientRows ?? false },
      });
    }
  }
  const errorResponses = Object.fromEntries(
    Object.entries(ERRORS).map(([s, description]) => [
      `E${s}`,
      {
        description,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: { error: ERROR_EXAMPLES[s] } },
        },
      },
    ]),
  );
  const metricInfo: Schema = {
    type: 'object',
    properties: {
      id: { enum: catalogue.map((m) => m.id) },
      title: { type: 'string' },
      definition: { type: 'string' },
      splits: { type: 'array', items: { type: 'string' } },
      params: { type: 'array', items: { $ref: '#/components/schemas/ParamSpec' } },
      clientRows: { type: 'boolean' },
    },
  };
  for (const [path, item] of Object.entries(AUTH_PATHS))
    for (const [method, op] of Object.entries(item)) add(path, method, { ...(op as object), security: securityOf(method, path) });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roer API',
      version,
      description:
        'Stuurinformatie jeugdhulp: analyses met filters en uitsplitsingen, exports, notities en importstatus. Foutmeldingen zijn Nederlands en noemen de parameter. ' +
        'Log eerst in met POST /api/login; stuur daarna de sessiecookie mee, en bij elke POST ook het beveiligingstoken in de kop X-CSRF-Token.',
      // The package is private and carries no licence; SPDX's LicenseRef- form says so without inventing one.
      license: { name: 'Geen openbare licentie (alle rechten voorbehouden)', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'Deze Roer-server' }],
    security: GLOBAL_SECURITY,
    tags: [...TAGS],
    paths,
    components: {
      schemas: { ...SCHEMAS, ...AUTH_SCHEMAS, MetricInfo: metricInfo, ParamSpec: PARAM_SPEC_SCHEMA, ...metricSchemas },
      responses: errorResponses,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
