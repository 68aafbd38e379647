// /api/forecast/yearend: the expected cost of a year at its end for a municipality or the region, per care type or
// team, with its 80 % interval and the expected over- or underspend against the budget (src/forecast/yearend-view.ts).
import { monthIndex } from '../../forecast/yearend.ts';
import { answer } from '../answer.ts';
import { badParam } from '../errors.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type QueryParam, type RouteDef, type Schema } from '../route.ts';

const PER = ['care_type', 'team'] as const;
const QUERY: QueryParam[] = [
  {
    name: 'gemeente',
    description: 'CBS-code van de gemeente (vier cijfers); leeg of weggelaten: de regio (binnen uw gemeenten).',
    schema: { type: 'string', pattern: '^(\\d{4})?$' },
  },
  { name: 'jaar', description: 'Het jaar (standaard het jaar van de laatste maand met gegevens).', schema: { type: 'integer' } },
  {
    name: 'per',
    description: "'care_type' (standaard): een rij per zorgsoort; 'team': een rij per team ('' = kosten zonder team).",
    schema: { type: 'string', enum: [...PER] },
  },
  {
    name: 'tot',
    description: 'Verwacht met de declaraties tot en met de maand van deze datum (jjjj-mm-dd; standaard de peildatum).',
    schema: { type: 'string', format: 'date' },
  },
];

const CENTS = { type: 'integer', description: 'Eurocent' } as const;
const CENTS_OR_NULL = { type: ['integer', 'null'], description: 'Eurocent; null: onbekend' } as const;
const ROW: Schema = {
  type: 'object',
  properties: {
    key: { type: ['string', 'null'], description: 'Zorgsoort of team; null in de totaalrij.' },
    invoicedCents: { ...CENTS, description: 'Gedeclareerd tot nu (eurocent).' },
    notYetInvoicedCents: { ...CENTS, description: 'Geleverd, nog niet gedeclareerd (eurocent).' },
    runningCents: {
      ...CENTS,
      description:
        'Lopende toewijzingen tot het jaareinde: toegewezen bedrag × uitnutting, plus pgb en zorg zonder toewijzing (eurocent).',
    },
    inflowCents: { ...CENTS, description: 'Nieuwe instroom: toewijzingen die na de peilmaand starten (eurocent).' },
    centralCents: { ...CENTS, description: 'Verwachte jaarkosten: de som van de vier delen (eurocent).' },
    utilisation: {
      type: ['number', 'null'],
      description: 'Uitnutting van lopende toewijzingen, geleerd uit eerdere jaren (gedeclareerd ÷ toegewezen); null: onbekend.',
    },
    low80Cents: {
      ...CENTS_OR_NULL,
      description:
        'Ondergrens van het 80 %-interval: uit de fouten van dezelfde verwachting in dezelfde maand van eerdere jaren, ' +
        'van de 40 verwachtingen (gemeente × zorgsoort of team, gemeente, zorgsoort of team van de regio, regio) die in ' +
        'omvang het dichtst bij deze liggen (P90 van de fout); null: te weinig eerdere jaren.',
    },
    high80Cents: { ...CENTS_OR_NULL, description: 'Bovengrens van het 80 %-interval (P10 van dezelfde fouten).' },
    budgetCents: {
      ...CENTS_OR_NULL,
      description:
        'Per zorgsoort of team: begroting + burap. In de totaalrij: de jaarkosten van het financieel kader (begroting + burap − taakstelling). Null: geen begroting.',
    },
    overspendCents: {
      ...CENTS_OR_NULL,
      description: 'Verwacht − budgetCents (in de totaalrij: − de jaarkosten): positief is een overschrijding.',
    },
    intervalReason: { type: ['string', 'null'] },
    lagReason: { type: ['string', 'null'] },
  },
};

function single(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw badParam(name, `'${name}' mag maar één keer voorkomen`);
  return all[0] || undefined;
}

/** The question of a query string; Dutch 400s naming the parameter. */
export function parseYearEndQuery(query: URLSearchParams) {
  for (const name of query.keys())
    if (!QUERY.some((p) => p.name === name))
      throw badParam(name, `Onbekende parameter '${name}' (toegestaan: ${QUERY.map((p) => p.name).join(', ')})`);
  const gemeente = single(query, 'gemeente') ?? null;
  if (gemeente !== null && !/^\d{4}$/.test(gemeente))
    throw badParam('gemeente', "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708), of leeg voor de regio");
  const jaar = single(query, 'jaar');
  if (jaar !== undefined && !/^(19|2\d)\d\d$/.test(jaar)) throw badParam('jaar', "'jaar' moet een jaartal zijn (bijv. 2024)");
  const per = single(query, 'per') ?? 'care_type';
  if (!(PER as readonly string[]).includes(per)) throw badParam('per', "'per' moet care_type of team zijn");
  const tot = single(query, 'tot');
  const date = tot === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(tot);
  if (tot !== undefined && (!date || Number.isNaN(Date.parse(tot))))
    throw badParam('tot', "'tot' is geen geldige datum (jjjj-mm-dd)");
  const cutoff = date ? monthIndex(Number(date[1]), Number(date[2])) : undefined;
  const year = jaar === undefined ? undefined : Number(jaar);
  if (year !== undefined && cutoff !== undefined && year > Math.floor(cutoff / 12))
    throw badParam('jaar', "'jaar' ligt na 'tot': een jaar zonder bekende declaraties is niet te verwachten");
  return { municipality: gemeente, query: { year, cutoff, per: per as (typeof PER)[number], municipalities: null } };
}

export function forecastYearEndRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/forecast/yearend',
      tag: 'vooruitblik',
      summary: 'Het verwachte jaareinde: de kosten van het jaar met een 80 %-interval, naast de begroting',
      description:
        'Gedeclareerd tot nu + geleverd maar nog niet gedeclareerd (declaratievertraging geleerd uit eerdere maanden) + ' +
        'lopende toewijzingen tot het jaareinde + nieuwe instroom, per zorgsoort of team en in totaal, met een 80 %-interval ' +
        'uit de fouten van even grote verwachtingen in dezelfde maand van eerdere jaren. Alleen voor wie ' +
        'bedragen zonder afscherming mag zien; een gemeente buiten uw account: 403.',
      query: QUERY,
      response: {
        status: 200,
        description: 'De verwachting, of null als er nog geen gegevens zijn',
        contentType: 'application/json',
        schema: {
          type: ['object', 'null'],
          properties: {
            year: { type: 'integer' },
            cutoff: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'De laatste maand met bekende declaraties.' },
            per: { type: 'string', enum: [...PER] },
            rows: { type: 'array', items: ROW },
            total: ROW,
            months: {
              type: 'array',
              items: {
                type: 'object',
                properties: { month: { type: 'string' }, cumulativeCents: CENTS },
              },
            },
          },
        },
      },
      handler: async (c) => {
        const q = parseYearEndQuery(new URL(c.req.url).searchParams);
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'forecast.yearend', ...q }));
      },
    },
  ];
}
