// /api/dimensions: the values each filter can take, with Dutch labels, for the dashboard's filter bar.
import { answer } from '../answer.ts';
import { DIMENSION_LISTS, optionsSchema } from '../dimensions.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type RouteDef } from '../route.ts';

export function dimensionRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/dimensions',
      tag: 'filters',
      summary: 'De mogelijke waarden van elke filter, met Nederlandse namen',
      response: {
        status: 200,
        description: 'Per dimensie de waarden',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            ...Object.fromEntries(DIMENSION_LISTS.map((d) => [d, optionsSchema])),
            referrer: optionsSchema,
            years: { type: 'array', items: { type: 'integer' } },
            last_month: { type: ['string', 'null'], description: "De laatste maand met zorg of kosten ('2024-11')" },
          },
        },
      },
      handler: async (c) => json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'dimensions' })),
    },
  ];
}
