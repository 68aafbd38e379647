// /api/benchmark: a municipality beside its reference group, its youth-care region and the Netherlands on CBS's public
// figures (share of youths with youth care, without or with residence; cost per inhabitant or per youth in care), per
// period with the index on a base period; for a cost also the municipality's own figure, asked through the guard.
import { AccessError } from '../../access/errors.ts';
import { DECILE_KIND_KEYS, type DecileKind } from '../../benchmark/deciles.ts';
import type { ReferenceGroup } from '../../benchmark/groups.ts';
import { ownCostLine, withOwnLine } from '../../benchmark/owncost.ts';
import {
  BENCHMARK_MEASURES,
  resolveGroup,
  type BenchmarkMeasure,
  type BenchmarkSeries,
  type GroupKind,
} from '../../benchmark/series.ts';
import type { MetricResult } from '../../metrics/types.ts';
import { sql } from '../../store/index.ts';
import { answer, type Question } from '../answer.ts';
import { badParam } from '../errors.ts';
import { json } from '../json.ts';
import { toCsv } from '../export/csv.ts';
import { exportFileName } from '../export/table.ts';
import { benchmarkTable } from '../../benchmark/table.ts';
import type { Context } from 'hono';
import { contextOf, type ApiDeps, type ApiEnv, type QueryParam, type RouteDef } from '../route.ts';

const GROUPS: readonly GroupKind[] = ['regio', 'grootteklasse', 'buren', 'context'];
const MEASURES = Object.keys(BENCHMARK_MEASURES) as BenchmarkMeasure[];
const CODE = /^\d{4}$/;
const PERIOD = /^\d{4}(-H[12])?$/;

const QUERY: QueryParam[] = [
  {
    name: 'gemeente',
    required: true,
    description: 'CBS-code van de gemeente (vier cijfers, bijv. 1708).',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  },
  {
    name: 'groep',
    description:
      "De referentiegroep: 'regio' (standaard; de jeugdzorgregio), 'grootteklasse' (gemeenten van dezelfde grootte), 'buren' (zie 'buren') " +
      "of 'context' (gemeenten waarvan elk gekozen deciel hooguit één deciel afwijkt; zie 'decielen', 'decieljaar' en 'zelfde-grootte').",
    schema: { type: 'string', enum: [...GROUPS] },
  },
  {
    name: 'buren',
    description: "Bij groep=buren: de gekozen gemeenten, CBS-codes gescheiden door komma's (bijv. 0150,0193).",
    schema: { type: 'string', pattern: '^\\d{4}(,\\d{4})*$' },
  },
  {
    name: 'bewaard',
    description:
      "De naam van een voor deze gemeente bewaarde referentiegroep (zie /api/benchmark/groepen); in plaats van 'groep'.",
    schema: { type: 'string' },
  },
  {
    name: 'decielen',
    description:
      "Bij groep=context: welke ingelezen decielen tellen, gescheiden door komma's (inkomen, kinderarmoede; standaard beide).",
    schema: { type: 'string', pattern: `^(${DECILE_KIND_KEYS.join('|')})(,(${DECILE_KIND_KEYS.join('|')}))*$` },
  },
  {
    name: 'decieljaar',
    description: 'Bij groep=context: het jaar van de decielen (standaard het laatste jaar waarin de gemeente ze heeft).',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  },
  {
    name: 'zelfde-grootte',
    description: "Bij groep=context: 'ja' neemt alleen gemeenten van dezelfde grootteklasse (standaard 'nee').",
    schema: { type: 'string', enum: ['ja', 'nee'] },
  },
  {
    name: 'maat',
    description:
      "Welk cijfer: 'jeugdhulp' (standaard), 'zonder-verblijf' of 'met-verblijf', als % van de jongeren van 0–17 jaar; of " +
      "'kosten-per-inwoner': de lasten jeugdhulp per inwoner (CBS-tabel 83454NED, per jaar); of 'kosten-per-client': de " +
      'lasten jeugdhulp per jongere met jeugdhulp (83454NED gedeeld door het jaarcijfer van 85097NED, per jaar). Bij de ' +
      "kosten staat daarnaast het eigen cijfer (lijn 'eigen': de analyse per_youth, alleen binnen uw gemeenten, met " +
      'afscherming van kleine aantallen).',
    schema: { type: 'string', enum: MEASURES },
  },
  {
    name: 'basis',
    required: true,
    description:
      "De basisperiode (= 100): een halfjaar 'jjjj-H1'/'jjjj-H2' (dan per halfjaar) of een jaar 'jjjj' (dan per jaar).",
    schema: { type: 'string', pattern: '^\\d{4}(-H[12])?$' },
  },
];
const KNOWN = QUERY.map((q) => q.name);

const POINT = {
  type: 'object',
  properties: {
    period: { type: 'string' },
    value: { type: ['number', 'null'] },
    percent: { type: ['number', 'null'] },
    index: { type: ['number', 'null'] },
    reason: { type: ['string', 'null'] },
  },
};

/** One value of a parameter (given at most once). */
function single(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw badParam(name, `'${name}' mag maar één keer voorkomen`);
  return all[0];
}

/** The benchmark question of a request's query string (shared by the JSON and the CSV route); Dutch 400s naming the parameter. */
async function benchmarkQuestion(deps: ApiDeps, c: Context<ApiEnv>): Promise<Extract<Question, { kind: 'benchmark' }>> {
  const query = new URL(c.req.url).searchParams;
  for (const name of query.keys())
    if (!KNOWN.includes(name)) throw badParam(name, `Onbekende parameter '${name}' (toegestaan: ${KNOWN.join(', ')})`);
  const municipality = single(query, 'gemeente') ?? '';
  if (!CODE.test(municipality))
    throw badParam('gemeente', "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708)");
  const known = await deps.store.one(sql`SELECT 1 AS x FROM municipality WHERE code = ${municipality}`);
  if (!known) throw badParam('gemeente', `Gemeente ${municipality} komt niet voor in de gemeentelijst`);
  const kind = (single(query, 'groep') ?? 'regio') as GroupKind;
  if (!GROUPS.includes(kind)) throw badParam('groep', `'groep' moet ${GROUPS.join(', ')} zijn`);
  const burenText = single(query, 'buren');
  if (burenText !== undefined && !/^\d{4}(,\d{4})*$/.test(burenText))
    throw badParam('buren', "'buren' moet CBS-gemeentecodes van vier cijfers zijn, gescheiden door komma's");
  if (kind === 'buren' && !burenText) throw badParam('buren', "Bij groep=buren hoort 'buren': de gekozen gemeenten");
  const measure = (single(query, 'maat') ?? 'jeugdhulp') as BenchmarkMeasure;
  if (!MEASURES.includes(measure)) throw badParam('maat', `'maat' moet ${MEASURES.join(', ')} zijn`);
  const base = single(query, 'basis') ?? '';
  if (!PERIOD.test(base)) throw badParam('basis', "'basis' moet een halfjaar (bijv. 2020-H1) of een jaar (bijv. 2020) zijn");
  const saved = single(query, 'bewaard');
  if (saved !== undefined) {
    // A saved group is the municipality's own working choice: read through the guard, within the user's scope.
    const list = await answer(contextOf(c, deps), deps.guard, { kind: 'benchmark.groups.list', municipality });
    const found = list.find((g) => g.name === saved);
    if (!found) throw badParam('bewaard', `Gemeente ${municipality} heeft geen bewaarde referentiegroep '${saved}'`);
    return { kind: 'benchmark', municipality, group: found.group, measure, base };
  }
  const decileText = single(query, 'decielen');
  const decielen = decileText?.split(',');
  if (decielen?.some((d) => !DECILE_KIND_KEYS.includes(d as DecileKind)))
    throw badParam('decielen', `'decielen' moet ${DECILE_KIND_KEYS.join(', ')} zijn, gescheiden door komma's`);
  const decileYear = single(query, 'decieljaar');
  if (decileYear !== undefined && !/^\d{4}$/.test(decileYear))
    throw badParam('decieljaar', "'decieljaar' moet een jaar zijn (bijv. 2023)");
  const sameSize = single(query, 'zelfde-grootte') ?? 'nee';
  if (sameSize !== 'ja' && sameSize !== 'nee') throw badParam('zelfde-grootte', "'zelfde-grootte' moet ja of nee zijn");
  const resolved = await resolveGroup(deps.store, municipality, kind, burenText?.split(',') ?? [], Number(base.slice(0, 4)), {
    deciles: decielen as DecileKind[] | undefined,
    year: decileYear === undefined ? undefined : Number(decileYear),
    sameSize: sameSize === 'ja',
  });
  if ('reason' in resolved) throw badParam('groep', `Geen referentiegroep: ${resolved.reason}`);
  return { kind: 'benchmark', municipality, group: resolved.group, measure, base };
}

/**
 * The series of a request; for a cost measure with the municipality's own figure beside CBS's (line 'eigen'). With the
 * group as resolved (a region by name, a context group by year and deciles), so a page can save exactly what it shows.
 */
async function benchmarkWithOwn(deps: ApiDeps, c: Context<ApiEnv>): Promise<BenchmarkSeries & { group: ReferenceGroup }> {
  const ctx = contextOf(c, deps);
  const question = await benchmarkQuestion(deps, c);
  const series = await answer(ctx, deps.guard, question);
  const def = BENCHMARK_MEASURES[question.measure];
  if (def.per === 'jongeren') return { ...series, group: question.group };
  // The own cost per inhabitant or per youth in care: the per_youth metric through the guard (scope, small numbers, audit).
  const metric = deps.engine.catalogue.find((m) => m.id === 'per_youth');
  let own: MetricResult | null = null;
  let through: string | null | undefined;
  let refused: string | null = metric ? null : 'de analyse per_youth ontbreekt';
  if (metric)
    try {
      // The last invoiced month: later periods have no own cost yet, however many allocations still run.
      through = (await answer(ctx, deps.guard, { kind: 'coverage', municipality: [question.municipality] })).through;
      own = await answer(ctx, deps.guard, {
        kind: 'compute',
        metric,
        request: {
          filters: { municipality: [question.municipality] },
          split: [/^\d{4}$/.test(question.base) ? 'year' : 'half_year'],
          params: {},
        },
      });
    } catch (e) {
      if (!(e instanceof AccessError)) throw e;
      refused = `geen eigen cijfer: ${e.message}`;
    }
  return { ...withOwnLine(series, ownCostLine(own, question.base, def.per, through), refused), group: question.group };
}

export function benchmarkRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/benchmark',
      tag: 'vergelijken',
      summary: 'Een gemeente naast haar referentiegroep, de jeugdzorgregio en Nederland, met een index (basisperiode = 100)',
      description:
        'Op de openbare CBS-cijfers (tabel 85097NED, jongeren met jeugdhulp, 83454NED, lasten jeugdhulp, en 03759ned, ' +
        'bevolking): het aandeel jongeren van 0–17 jaar met jeugdhulp, of de lasten per inwoner of per jongere met ' +
        'jeugdhulp, per periode. Een groep telt de jongeren (de lasten) van haar leden op en deelt door hun jongeren ' +
        '(inwoners, jongeren met jeugdhulp) samen, nooit een gemiddelde van percentages of bedragen; leden met een ' +
        "ontbrekend cijfer staan in 'leftOut'. Eigen gegevens zitten er alleen bij de kosten in (lijn 'eigen', binnen uw " +
        'gemeenten); verder staan ze in de analyse per_youth.',
      query: QUERY,
      response: {
        status: 200,
        description: 'De lijnen gemeente, groep, regio en nederland, elk met per periode het percentage en de index',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            measure: { type: 'string', enum: MEASURES },
            label: { type: 'string' },
            unit: { type: 'string', enum: ['pct', 'eur'] },
            base: { type: 'string' },
            note: { type: 'string' },
            lines: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  who: { type: 'string', enum: ['gemeente', 'groep', 'regio', 'nederland', 'eigen'] },
                  label: { type: 'string' },
                  points: { type: 'array', items: POINT },
                },
              },
            },
            leftOut: { type: 'array', items: { type: 'string' } },
            group: {
              type: 'object',
              description:
                "De referentiegroep zoals bepaald, in de vorm die POST /api/benchmark/groepen bewaart (bijv. {kind:'context', " +
                'year:2023, deciles:{inkomen:5}})',
            },
          },
        },
      },
      handler: async (c) => {
        return json(c, await benchmarkWithOwn(deps, c));
      },
    },
    {
      method: 'get',
      path: '/api/benchmark/export.csv',
      tag: 'vergelijken',
      summary: "Dezelfde vergelijking als tabel in CSV (';', decimale komma, UTF-8 met BOM); lege cellen blijven leeg",
      description:
        'Per periode het percentage en de index van de gemeente, de groep, de regio en Nederland, met de reden van lege cellen.',
      query: QUERY,
      response: { status: 200, description: 'CSV-bestand', contentType: 'text/csv', schema: { type: 'string' } },
      handler: async (c) => {
        const series = await benchmarkWithOwn(deps, c);
        return c.body(toCsv(benchmarkTable(series)), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${exportFileName(`vergelijken-${series.measure}`, 'csv')}"`,
        });
      },
    },
  ];
}
