// /api/forecast/framework and /api/forecast/baseline: the financial framework with the whole cost picture, and the
// multi-year baseline, of a municipality or the region. Both are asked through the guard (scope, audit).
import { answer } from '../answer.ts';
import { badParam } from '../errors.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type QueryParam, type RouteDef, type Schema } from '../route.ts';
import { GEMEENTE, onlyKnown, parseGemeente, parseJaar, single } from './report.ts';

const FRAMEWORK_QUERY: QueryParam[] = [
  GEMEENTE,
  { name: 'van', description: 'Het eerste jaar (standaard: het eerste jaar met een begroting).', schema: { type: 'integer' } },
  { name: 'tot', description: 'Het laatste jaar (standaard: het laatste jaar met een begroting).', schema: { type: 'integer' } },
];

const BASELINE_QUERY: QueryParam[] = [
  GEMEENTE,
  {
    name: 'basisjaar',
    description: 'Het jaar waarop de basislijn gefit wordt (het laatste volledige jaar).',
    required: true,
    schema: { type: 'integer' },
  },
  { name: 'jaren', description: 'Hoeveel jaren vooruit: 3 tot en met 5 (standaard 3).', schema: { type: 'integer' } },
  {
    name: 'indexatie',
    description: 'Prijsindexatie per jaar in procenten, 0 tot en met 10 (standaard 2).',
    schema: { type: 'number' },
  },
];

const CENTS = { type: ['integer', 'null'] } as const;
const FRAMEWORK_SCHEMA: Schema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['year', 'budgetCents', 'yearCostCents', 'contributionCents', 'netCostCents', 'unknown'],
    properties: {
      year: { type: 'integer' },
      budgetCents: { ...CENTS, description: 'Begroting in centen; null: onbekend (zie unknown).' },
      budgetSource: { type: 'string', enum: ['begroting', 'doorgeschoven', 'onbekend'] },
      burapCents: { type: 'integer' },
      targetCents: { type: 'integer', description: 'Taakstelling (positief: verlaagt de jaarkosten).' },
      yearCostCents: CENTS,
      contributionCents: { ...CENTS, description: 'Rijksbijdrage; null: onbekend, nooit als 0 gerekend.' },
      netCostCents: CENTS,
      netAtMostCents: CENTS,
      invoicedCents: { ...CENTS, description: 'Gedeclareerd (met pgb) over zorg in het jaar; null: nog niets gerealiseerd.' },
      costLines: {
        type: 'object',
        description:
          'Kosten die geen declaratie zijn, per ingelezen soort (centen); null: niet ingelezen voor dat jaar (voor een van de gemeenten), nooit als 0 gerekend.',
      },
      costLinesCents: { ...CENTS, description: 'Alle kostenregels samen; null als een soort onbekend is.' },
      realisedCents: CENTS,
      gapCents: { ...CENTS, description: 'Gerealiseerd − jaarkosten (positief: boven het pad).' },
      unknown: { type: 'array', items: { type: 'string' }, description: 'Waarom een bedrag onbekend is.' },
    },
  },
};

const BASELINE_YEAR: Schema = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    inflow: { type: 'number' },
    stockMean: { type: 'number' },
    stockEnd: { type: 'number' },
    careDays: { type: 'number' },
    pricePerCareDayCents: { type: 'integer' },
    costCents: { type: 'integer' },
  },
};
const BASELINE_SCHEMA: Schema = {
  type: 'object',
  required: ['baseYear', 'indexPercent', 'careTypes', 'total'],
  properties: {
    baseYear: { type: 'integer' },
    indexPercent: { type: 'number' },
    careTypes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { careType: { type: 'string' }, years: { type: 'array', items: BASELINE_YEAR } },
      },
    },
    total: { type: 'array', items: BASELINE_YEAR },
  },
};

/** An optional whole number from `min` to `max`, or a Dutch 400 naming the parameter. */
function whole(query: URLSearchParams, name: string, min: number, max: number, what: string): number | undefined {
  const raw = single(query, name);
  if (raw === undefined || raw === '') return undefined;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) throw badParam(name, `'${name}' moet ${what} zijn`);
  return n;
}

export function forecastFrameworkRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/forecast/framework',
      tag: 'vooruitblik',
      summary: 'Het financieel kader per jaar met het hele kostenbeeld en de afstand tot het pad',
      description:
        'Begroting, burap, taakstelling, jaarkosten, rijksbijdrage en nettokosten per jaar, met daarnaast de ' +
        'gerealiseerde kosten: declaraties en kosten die geen declaratie zijn (toegang, subsidies, lumpsum, preventie). ' +
        'Een onbekend bedrag is null, met de reden. Een gemeente buiten uw account: 403.',
      query: FRAMEWORK_QUERY,
      response: { status: 200, description: 'Het kader per jaar', contentType: 'application/json', schema: FRAMEWORK_SCHEMA },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(
          query.keys(),
          FRAMEWORK_QUERY.map((p) => p.name),
        );
        const municipality = parseGemeente(single(query, 'gemeente'));
        const vanRaw = single(query, 'van');
        const totRaw = single(query, 'tot');
        const from = vanRaw ? parseJaar('van', vanRaw) : undefined;
        const to = totRaw ? parseJaar('tot', totRaw) : undefined;
        if (from !== undefined && to !== undefined && from > to)
          throw badParam('tot', `Het laatste jaar (${to}) ligt vóór het eerste (${from}).`);
        const years = await answer(contextOf(c, deps), deps.guard, { kind: 'forecast.framework', municipality, from, to });
        return json(c, years);
      },
    },
    {
      method: 'get',
      path: '/api/forecast/baseline',
      tag: 'vooruitblik',
      summary: 'De meerjarige basislijn: instroom, voorraad en kosten per jaar en zorgsoort',
      description:
        'Gefit op de trajecten tot en met het basisjaar (instroom, duur, prijs per trajectdag) en 3 tot 5 jaar ' +
        'vooruitgerekend met de opgegeven prijsindexatie. Een gemeente buiten uw account: 403.',
      query: BASELINE_QUERY,
      response: { status: 200, description: 'De basislijn', contentType: 'application/json', schema: BASELINE_SCHEMA },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(
          query.keys(),
          BASELINE_QUERY.map((p) => p.name),
        );
        const municipality = parseGemeente(single(query, 'gemeente'));
        const raw = single(query, 'basisjaar');
        if (raw === undefined || raw === '')
          throw badParam('basisjaar', "'basisjaar' ontbreekt: op welk jaar rekent de basislijn?");
        const baseYear = parseJaar('basisjaar', raw);
        const years = whole(query, 'jaren', 3, 5, 'een geheel getal van 3 tot en met 5') ?? 3;
        const indexRaw = single(query, 'indexatie');
        let indexPercent = 2;
        if (indexRaw !== undefined && indexRaw !== '') {
          indexPercent = /^\d{1,2}([.,]\d{1,2})?$/.test(indexRaw) ? Number(indexRaw.replace(',', '.')) : Number.NaN;
          if (!(indexPercent >= 0 && indexPercent <= 10))
            throw badParam('indexatie', "'indexatie' moet een percentage van 0 tot en met 10 zijn (bijv. 2 of 2,5)");
        }
        const baseline = await answer(contextOf(c, deps), deps.guard, {
          kind: 'forecast.baseline',
          municipality,
          baseYear,
          years,
          indexPercent,
        });
        return json(c, baseline);
      },
    },
  ];
}
