// /api/metrics: the catalogue with definitions, and computing one metric from a query string or a JSON MetricRequest.
import { answer } from '../answer.ts';
import { json } from '../json.ts';
import { fromBody, fromQuery, parseMetricRequest } from '../request.ts';
import { contextOf, jsonBody, metricOr404, type ApiDeps, type RouteDef } from '../route.ts';
import { metricQuery, ref } from '../schemas.ts';

export const idParam = {
  name: 'id',
  description: "Id van de analyse, bijv. 'costs' (zie /api/metrics).",
  schema: { type: 'string' },
};

export function metricRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/metrics',
      tag: 'analyses',
      summary: 'Alle analyses met hun definitie, uitsplitsingen en parameters',
      response: {
        status: 200,
        description: 'De catalogus',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: { metrics: { type: 'array', items: { $ref: '#/components/schemas/MetricInfo' } } },
        },
      },
      handler: (c) =>
        json(c, {
          metrics: deps.engine.catalogue.map((m) => ({
            id: m.id,
            title: m.title,
            definition: m.definition,
            splits: m.splits,
            params: m.params ?? [],
            clientRows: m.clientRows ?? false,
          })),
        }),
    },
    {
      method: 'get',
      path: '/api/metrics/:id',
      tag: 'analyses',
      summary: 'Bereken een analyse met filters en uitsplitsing (vraag in de querystring)',
      pathParams: [idParam],
      query: metricQuery(),
      response: {
        status: 200,
        description: 'Tabel met metadata voor een grafiek',
        contentType: 'application/json',
        schema: ref('MetricResult'),
      },
      handler: async (c) => {
        const metric = metricOr404(deps, c.req.param('id')!);
        const request = parseMetricRequest(metric, fromQuery(new URL(c.req.url).searchParams));
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'compute', metric, request }));
      },
    },
    {
      method: 'post',
      path: '/api/metrics/:id',
      tag: 'analyses',
      summary: 'Bereken een analyse (vraag als JSON MetricRequest)',
      pathParams: [idParam],
      body: ref('MetricRequest'),
      response: {
        status: 200,
        description: 'Tabel met metadata voor een grafiek',
        contentType: 'application/json',
        schema: ref('MetricResult'),
      },
      handler: async (c) => {
        const metric = metricOr404(deps, c.req.param('id')!);
        const request = parseMetricRequest(metric, fromBody(await jsonBody(c)));
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'compute', metric, request }));
      },
    },
  ];
}
