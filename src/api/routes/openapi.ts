// /api/openapi.json: the API's own description, built from the app's route definitions and the catalogue.
import { json } from '../json.ts';
import { buildOpenApi } from '../openapi.ts';
import type { ApiDeps, RouteDef } from '../route.ts';

/** The OpenAPI route; `routes` is read when asked, so the document includes every route registered (and itself). */
export function openApiRoutes(deps: ApiDeps, routes: () => RouteDef[]): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/openapi.json',
      tag: 'documentatie',
      summary: 'Deze API beschreven als OpenAPI 3.1',
      response: { status: 200, description: 'OpenAPI-document', contentType: 'application/json', schema: { type: 'object' } },
      handler: (c) => json(c, buildOpenApi(routes(), deps.engine.catalogue, deps.version)),
    },
  ];
}
