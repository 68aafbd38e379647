// /api/benchmark/keuzes: what the benchmark page offers to choose — measures, kinds of reference group, the municipality
// list, CBS's periods and the CBS tables read in (flagging the demo's fictitious set). Public lists, through the guard.
import { answer } from '../answer.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type RouteDef } from '../route.ts';
import { onlyKnown } from './report.ts';

export function benchmarkChoiceRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/benchmark/keuzes',
      tag: 'vergelijken',
      summary: 'Wat er te kiezen is: maatstaven, referentiegroepen, gemeenten, perioden en de ingelezen CBS-tabellen',
      description:
        "Bij elke maatstaf de CBS-tabellen waar hij uit komt en de soorten perioden ('periods': halfjaar en/of jaar; " +
        'de lasten publiceert het CBS alleen per jaar). ' +
        "Bij elke ingelezen CBS-tabel de titel van de laatste download; 'fictitious' is waar als (een deel van) de tabel " +
        'de verzonnen landelijke set van de demo is.',
      response: {
        status: 200,
        description: 'De keuzes van de pagina Vergelijken',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            measures: { type: 'array', items: { type: 'object' } },
            sizeClasses: { type: 'array', items: { type: 'object' } },
            regions: { type: 'array', items: { type: 'string' } },
            municipalities: { type: 'array', items: { type: 'object' } },
            periods: { type: 'object' },
            sources: { type: 'array', items: { type: 'object' } },
            deciles: {
              type: 'object',
              description: 'De contextdecielen (inkomen, kinderarmoede) en de jaren waarvoor er decielen zijn ingelezen',
            },
          },
        },
      },
      handler: async (c) => {
        onlyKnown(new URL(c.req.url).searchParams.keys(), []);
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'benchmark.choices' }));
      },
    },
  ];
}
