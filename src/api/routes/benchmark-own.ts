// /api/benchmark/eigen: the municipality's own count of youths with youth care, made with CBS's definition, beside CBS's
// figure per half-year and year, with the difference and what the own data says about it (src/benchmark/owncbs.ts).
import { MEASURE_LABELS, OWN_CBS_DEFINITION, OWN_CBS_MEASURES } from '../../benchmark/owncbs.ts';
import { sql } from '../../store/index.ts';
import { answer } from '../answer.ts';
import { badParam } from '../errors.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type QueryParam, type RouteDef, type Schema } from '../route.ts';

const QUERY: QueryParam[] = [
  {
    name: 'gemeente',
    required: true,
    description: 'CBS-code van de gemeente (vier cijfers, bijv. 1708); alleen een van uw eigen gemeenten.',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  },
  {
    name: 'jaar',
    required: true,
    description: 'Het jaar: het antwoord geeft beide halfjaren en het jaar.',
    schema: { type: 'integer', minimum: 2015, maximum: 2100 },
  },
];
const KNOWN = QUERY.map((q) => q.name);

const COUNT = (description: string): Schema => ({ type: ['integer', 'null'], description });
const ROW: Schema = {
  type: 'object',
  properties: {
    period: { type: 'string', description: "'jjjj-H1', 'jjjj-H2' of 'jjjj'." },
    measure: { type: 'string', enum: [...OWN_CBS_MEASURES] },
    label: { type: 'string', enum: Object.values(MEASURE_LABELS) },
    own: COUNT('Eigen aantal jongeren 0–17 volgens de CBS-definitie; null: afgeschermd (<10) voor uw rol.'),
    hidden: { type: 'boolean', description: 'Het eigen aantal is afgeschermd (toon <10).' },
    ownExtended: COUNT('Eigen aantal 0–22 (alleen bij het totaal).'),
    cbs: { type: ['number', 'null'], description: 'Het CBS-cijfer (85097NED), opgeteld over samengevoegde gemeenten.' },
    cbsMissing: { type: ['string', 'null'], description: "Waarom het CBS-cijfer ontbreekt ('geheim', 'geen record', …)." },
    difference: { type: ['number', 'null'], description: 'Eigen min CBS.' },
    differencePct: { type: ['number', 'null'], description: 'Het verschil als % van het CBS-cijfer.' },
    ownPercent: { type: ['number', 'null'], description: 'Eigen aantal als % van de CBS-jongeren 0–17 (03759ned).' },
    cbsPercent: { type: ['number', 'null'], description: 'CBS-aantal als % van dezelfde jongeren.' },
  },
};
const EXPLANATION: Schema = {
  type: 'object',
  properties: {
    period: { type: 'string' },
    kind: {
      type: 'string',
      enum: ['niet-gestart', 'periodegrens', 'woonplaats', 'pgb', 'jeugdbescherming', 'peildatum', 'herindeling', 'buiten-ijw'],
    },
    count: COUNT('Aantal jongeren waar het om gaat; null: geen aantal, of afgeschermd.'),
    hidden: { type: 'boolean' },
    cents: { type: ['integer', 'null'], description: 'Bedrag (eurocent), bij zorg buiten de iJw.' },
    direction: {
      type: 'string',
      enum: ['hoger', 'lager', 'geen'],
      description: "'hoger': maakt het eigen cijfer hoger dan dat van het CBS; 'lager': lager; 'geen': telt in geen van beide.",
    },
    text: { type: 'string' },
  },
};

/** One value of a parameter (given at most once). */
function single(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw badParam(name, `'${name}' mag maar één keer voorkomen`);
  return all[0];
}

export function benchmarkOwnRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/benchmark/eigen',
      tag: 'vergelijken',
      summary: 'Eigen cijfers naast CBS: jongeren met jeugdhulp volgens de CBS-definitie, met het verschil en de verklaring',
      description:
        `${OWN_CBS_DEFINITION} Per periode de verklaringen die de eigen gegevens geven (PGB, jeugdbescherming, ` +
        'toewijzing zonder geleverde zorg, begin of eind rond de periodegrens, woonplaats, peildatum, herindeling, zorg ' +
        'buiten de iJw). Alleen voor uw eigen gemeenten; voor lezers zijn aantallen onder 10 afgeschermd en de rest ' +
        'licht verstoord.',
      query: QUERY,
      response: {
        status: 200,
        description: 'Per halfjaar en jaar de drie maatstaven, eigen naast CBS, en de verklaringen',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            municipality: { type: 'string' },
            name: { type: 'string' },
            year: { type: 'integer' },
            youths: { type: ['number', 'null'], description: 'CBS-jongeren 0–17 op 1 januari: de noemer van de percentages.' },
            definition: { type: 'string' },
            rows: { type: 'array', items: ROW },
            explanations: { type: 'array', items: EXPLANATION },
            protection: { type: ['string', 'null'], description: 'Wat de afscherming deed (alleen voor lezers).' },
          },
        },
      },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        for (const name of query.keys())
          if (!KNOWN.includes(name)) throw badParam(name, `Onbekende parameter '${name}' (toegestaan: ${KNOWN.join(', ')})`);
        const municipality = single(query, 'gemeente') ?? '';
        if (!/^\d{4}$/.test(municipality))
          throw badParam('gemeente', "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708)");
        const known = await deps.store.one(sql`SELECT 1 AS x FROM municipality WHERE code = ${municipality}`);
        if (!known) throw badParam('gemeente', `Gemeente ${municipality} komt niet voor in de gemeentelijst`);
        const yearText = single(query, 'jaar') ?? '';
        const year = Number(yearText);
        if (!/^\d{4}$/.test(yearText) || year < 2015 || year > 2100)
          throw badParam('jaar', "'jaar' moet een jaar zijn vanaf 2015 (bijv. 2020)");
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'benchmark.own', municipality, year }));
      },
    },
  ];
}
