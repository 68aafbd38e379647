// /api/coverage: which data the pages cover for the logged-in user (the last care month with invoices in their scope).
import { answer } from '../answer.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type RouteDef } from '../route.ts';

export function coverageRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/coverage',
      tag: 'status',
      summary: 'Tot en met welke maand er gegevens zijn (de laatste zorgmaand met declaraties, binnen uw gemeenten)',
      response: {
        status: 200,
        description: "De laatste maand als 'jjjj-mm', of null als er geen declaraties zijn",
        contentType: 'application/json',
        schema: { type: 'object', properties: { through: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}$' } } },
      },
      handler: async (c) => json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'coverage' })),
    },
  ];
}
