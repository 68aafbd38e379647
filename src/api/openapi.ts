// Builds the OpenAPI 3.1 document from the route definitions and the metric catalogue — never written by hand —
// so the document lists exactly the routes the app serves and the metrics, splits and parameters the engine has.
import { declaredColumns, isMetricId } from '../contract/columns.ts';
import type { Metric } from '../metrics/types.ts';
import type { QueryParam, RouteDef, Schema } from './route.ts';
import { SCHEMAS, metricQuery } from './schemas.ts';

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

function operation(
  r: RouteDef,
  operationId: string,
  extra: { query?: QueryParam[]; summary?: string; description?: string; pathParams?: boolean } = {},
) {
  const params = [
    ...(extra.pathParams === false ? [] : (r.pathParams ?? []).map((p) => ({ ...p, in: 'path', required: true }))),
    ...(extra.query ?? r.query ?? []).map((p) => ({
      name: p.name,
      in: 'query',
      required: p.required ?? false,
      description: p.description,
      schema: p.schema,
      ...(p.schema.type === 'array' ? { style: 'form', explode: false } : {}),
    })),
  ];
  return {
    operationId,
    tags: [r.tag],
    summary: extra.summary ?? r.summary,
    ...((extra.description ?? r.description) ? { description: extra.description ?? r.description } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
    responses: {
      [r.response.status]: {
        description: r.response.description,
        content: { [r.response.contentType]: r.response.schema ? { schema: r.response.schema } : {} },
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
  for (const r of routes) {
    add(openApiPath(r.path), r.method, operation(r, idOf(r)));
    if (!r.path.startsWith('/api/metrics/:id')) continue;
    for (const m of catalogue) {
      const query = r.method === 'get' ? metricQuery(m) : undefined;
      const op = operation(r, `${idOf(r)}_${m.id}`, {
        query,
        pathParams: false,
        summary: `${m.title} — ${r.summary}`,
        description: m.definition,
      });
      add(r.path.replace(':id', m.id), r.method, {
        ...withResultSchema(op, r, m),
        'x-metric': { id: m.id, splits: m.splits, params: m.params ?? [], clientRows: m.clientRows ?? false },
      });
    }
  }
  const errorResponses = Object.fromEntries(
    Object.entries(ERRORS).map(([s, description]) => [
      `E${s}`,
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );
  const metricInfo: Schema = {
    type: 'object',
    properties: {
      id: { enum: catalogue.map((m) => m.id) },
      title: { type: 'string' },
      definition: { type: 'string' },
      splits: { type: 'array', items: { type: 'string' } },
      params: { type: 'array', items: { type: 'object' } },
      clientRows: { type: 'boolean' },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roer API',
      version,
      description:
        'Stuurinformatie jeugdhulp: analyses met filters en uitsplitsingen, exports, notities en importstatus. Foutmeldingen zijn Nederlands en noemen de parameter.',
    },
    paths,
    components: { schemas: { ...SCHEMAS, MetricInfo: metricInfo, ...resultSchemas(catalogue) }, responses: errorResponses },
  };
}

// Per-metric answers, from the contract's column declarations (src/contract/columns.ts).

const resultName = (id: string) => `Result_${id}`;

/**
 * One schema per metric: a MetricResult whose rows hold that metric's declared columns (plus the split columns, which
 * depend on the question) and whose `columns` name them.
 */
export function resultSchemas(catalogue: readonly Metric[]): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const m of catalogue) {
    if (!isMetricId(m.id)) continue;
    const columns = declaredColumns(m.id, m.splits);
    const cell = (unit: string): Schema =>
      unit === 'text' || unit === 'date' ? { type: ['string', 'number', 'null'] } : { type: ['number', 'null'] };
    out[resultName(m.id)] = {
      allOf: [
        { $ref: '#/components/schemas/MetricResult' },
        {
          type: 'object',
          description: `Kolommen van ${m.title}: ${columns.map((c) => `${c.name} (${c.label}, ${c.unit})`).join('; ')}. Daarvóór staan de kolommen van de uitsplitsing.`,
          properties: {
            metric: { const: m.id },
            rows: {
              type: 'array',
              items: {
                type: 'object',
                properties: Object.fromEntries(
                  columns.map((c) => [c.name, { ...cell(c.unit), title: c.label, 'x-unit': c.unit, 'x-kind': c.kind }]),
                ),
              },
            },
          },
        },
      ],
    };
  }
  return out;
}

/** The metric's own result schema in place of the generic MetricResult, for routes that answer with one. */
function withResultSchema<T extends ReturnType<typeof operation>>(op: T, r: RouteDef, m: Metric): T {
  const generic = r.response.schema?.$ref === '#/components/schemas/MetricResult';
  if (!generic || !isMetricId(m.id)) return op;
  const status = String(r.response.status);
  return {
    ...op,
    responses: {
      ...op.responses,
      [status]: {
        description: r.response.description,
        content: { [r.response.contentType]: { schema: { $ref: `#/components/schemas/${resultName(m.id)}` } } },
      },
    },
  };
}
