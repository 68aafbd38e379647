// /api/benchmark/vergelijking: the normalised comparison of two municipalities on CBS's figures of one period — each
// figure of A as a percentage of B, beside A's inhabitants as a percentage of B's; "n.v.t." with the reason where a
// percentage would mislead (signs differ, B is zero, a cell is missing). Public figures, through the guard.
import { sql } from '../../store/index.ts';
import { answer } from '../answer.ts';
import { badParam } from '../errors.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type QueryParam, type RouteDef } from '../route.ts';
import { onlyKnown, single } from './report.ts';

const CODE = /^\d{4}$/;
const PERIOD = /^\d{4}(-H[12])?$/;

const QUERY: QueryParam[] = [
  {
    name: 'a',
    required: true,
    description: 'De gemeente die wordt uitgedrukt (CBS-code, bijv. 1708).',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  },
  {
    name: 'b',
    required: true,
    description: 'De gemeente waarvan A een percentage is (bijv. 0150).',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  },
  {
    name: 'periode',
    required: true,
    description:
      "De periode van de cijfers: een jaar ('2020') of een halfjaar ('2020-H1'); inwonertallen van 1 januari van dat jaar.",
    schema: { type: 'string', pattern: '^\\d{4}(-H[12])?$' },
  },
];

const SHARE = {
  type: 'object',
  properties: { percent: { type: ['number', 'null'] }, reason: { type: ['string', 'null'] } },
};

export function benchmarkCompareRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/benchmark/vergelijking',
      tag: 'vergelijken',
      summary: 'Genormaliseerde vergelijking: elk CBS-cijfer van gemeente A als percentage van B, naast de inwonerverhouding',
      query: QUERY,
      response: {
        status: 200,
        description: 'De twee gemeenten met inwonertal, de inwonerverhouding en per cijfer A, B en A als % van B',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            period: { type: 'string' },
            a: { type: 'object' },
            b: { type: 'object' },
            population: SHARE,
            rows: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  label: { type: 'string' },
                  a: { type: ['number', 'null'] },
                  b: { type: ['number', 'null'] },
                  share: SHARE,
                },
              },
            },
          },
        },
      },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(query.keys(), ['a', 'b', 'periode']);
        const code = async (name: 'a' | 'b') => {
          const value = single(query, name) ?? '';
          if (!CODE.test(value)) throw badParam(name, `'${name}' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708)`);
          if (!(await deps.store.one(sql`SELECT 1 AS x FROM municipality WHERE code = ${value}`)))
            throw badParam(name, `Gemeente ${value} komt niet voor in de gemeentelijst`);
          return value;
        };
        const a = await code('a');
        const b = await code('b');
        if (a === b) throw badParam('b', 'Kies twee verschillende gemeenten');
        const period = single(query, 'periode') ?? '';
        if (!PERIOD.test(period))
          throw badParam('periode', "'periode' moet een jaar (bijv. 2020) of een halfjaar (bijv. 2020-H1) zijn");
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'benchmark.compare', a, b, period }));
      },
    },
  ];
}
