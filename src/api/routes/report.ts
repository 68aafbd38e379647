// /api/report: the council report of a municipality or the region as HTML or PDF, and its introduction and conclusions
// (read and saved per place and year). Every figure is asked through the guard (src/api/report.ts), so the report
// holds only what the user may see; the report itself is gated and audited as a question of its own.
import type { Context } from 'hono';
import { ChromiumMissingError } from '../../chromium.ts';
import { buildReport, fullRequest } from '../../report/build.ts';
import { renderHtml } from '../../report/html.ts';
import type { ReportRequest } from '../../report/model.ts';
import type { Report } from '../../report/model.ts';
import { Printer } from '../../report/printer.ts';
import { REPORT_TEXT_MAX_LENGTH, type ReportText } from '../../report/texts.ts';
import { sql } from '../../store/index.ts';
import { answer } from '../answer.ts';
import { ApiError, badParam } from '../errors.ts';
import { json } from '../json.ts';
import { answerSource } from '../report.ts';
import { contextOf, jsonBody, type ApiDeps, type ApiEnv, type QueryParam, type RouteDef, type Schema } from '../route.ts';

const FORMATS = ['html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** A CBS municipality code: four digits. */
const CODE = /^\d{4}$/;

export const GEMEENTE: QueryParam = {
  name: 'gemeente',
  description: 'CBS-code van de gemeente (vier cijfers, bijv. 1708); leeg of weggelaten: de regio (binnen uw gemeenten).',
  schema: { type: 'string', pattern: '^(\\d{4})?$' },
};
const JAAR: QueryParam = { name: 'jaar', description: 'Het rapportjaar.', required: true, schema: { type: 'integer' } };

const REPORT_QUERY: QueryParam[] = [
  GEMEENTE,
  JAAR,
  {
    name: 'vergelijk',
    description: 'Het jaar waarmee vergeleken wordt (standaard het jaar ervoor).',
    schema: { type: 'integer' },
  },
  {
    name: 'tot',
    description: 'De laatste dag met gegevens die het rapport leest (jjjj-mm-dd, in het rapportjaar; standaard 31 december).',
    schema: { type: 'string', format: 'date' },
  },
  {
    name: 'formaat',
    description: "'html' (standaard, in de browser) of 'pdf' (A4, als download).",
    schema: { type: 'string', enum: [...FORMATS] },
  },
];

/** One value of a query parameter: absent, or given once. */
export function single(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw badParam(name, `'${name}' mag maar één keer voorkomen`);
  return all[0];
}

export function parseGemeente(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !CODE.test(value))
    throw badParam('gemeente', "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708), of leeg voor de regio");
  return value;
}

export function parseJaar(param: string, value: unknown): number {
  const n = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value;
  if (!Number.isInteger(n) || (n as number) < 1900 || (n as number) > 2999)
    throw badParam(param, `'${param}' moet een jaartal zijn (bijv. 2018)`);
  return n as number;
}

/** Refuses parameters the route does not know, so a typo is not silently ignored. */
export function onlyKnown(names: Iterable<string>, known: readonly string[]): void {
  for (const name of names) {
    if (!known.includes(name)) throw badParam(name, `Onbekende parameter '${name}' (toegestaan: ${known.join(', ')})`);
  }
}

/** The report question of a query string, with the defaults filled in; Dutch 400s naming the parameter. */
export function parseReportQuery(query: URLSearchParams): { request: Required<ReportRequest>; format: Format } {
  onlyKnown(
    query.keys(),
    REPORT_QUERY.map((p) => p.name),
  );
  const municipality = parseGemeente(single(query, 'gemeente'));
  const raw = single(query, 'jaar');
  if (raw === undefined || raw === '') throw badParam('jaar', "'jaar' ontbreekt: voor welk jaar is het rapport?");
  const year = parseJaar('jaar', raw);
  const compareRaw = single(query, 'vergelijk');
  const through = single(query, 'tot') || undefined;
  const format = single(query, 'formaat') || 'html';
  if (!(FORMATS as readonly string[]).includes(format)) throw badParam('formaat', `'formaat' moet ${FORMATS.join(' of ')} zijn`);
  const request: ReportRequest = { municipality, year, through };
  if (compareRaw) request.compare = parseJaar('vergelijk', compareRaw);
  return { request: fullRequest(request), format: format as Format };
}

/** 'Regio IJsselland' → 'regio-ijsselland': the place in a file name, letters and digits only. */
export function reportFileName(place: string, year: number): string {
  const slug = place
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `rapport-${slug || 'regio'}-${year}.pdf`;
}

/** PDFs waiting for the printer beyond the one being printed; more are refused (429). */
export const MAX_PDF_WAITING = 4;
let turns: Promise<unknown> = Promise.resolve();
let pdfsQueued = 0;
// One chromium for the server's PDFs, reused between reports (starting it is most of a short report's print time).
const printer = new Printer();

/**
 * Prints one PDF at a time: each page in chromium holds hundreds of MB, so a burst of requests queues instead of
 * holding the server's memory, and a longer burst is refused with a Dutch 429.
 */
async function printInTurn(html: string, report: Report): Promise<Uint8Array> {
  if (pdfsQueued > MAX_PDF_WAITING)
    throw new ApiError(429, 'Er worden nu te veel rapporten als PDF gemaakt; probeer het over een minuut opnieuw.');
  pdfsQueued++;
  const turn = turns.then(() => printer.print(html, report));
  turns = turn.catch(() => undefined);
  try {
    return await turn;
  } catch (e) {
    if (e instanceof ChromiumMissingError) throw new ApiError(503, e.message);
    throw e;
  } finally {
    pdfsQueued--;
  }
}

const TEXT_FIELDS = ['gemeente', 'jaar', 'introduction', 'conclusions'];

function parseText(field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badParam(field, `'${field}' moet tekst zijn`);
  if ([...value].length > REPORT_TEXT_MAX_LENGTH)
    throw badParam(field, `'${field}' is te lang: hoogstens ${REPORT_TEXT_MAX_LENGTH.toLocaleString('nl-NL')} tekens`);
  return value;
}

const TEXT_SCHEMA: Schema = {
  type: 'object',
  required: ['municipality', 'year', 'introduction', 'conclusions', 'author', 'saved_at'],
  properties: {
    municipality: { type: ['string', 'null'], description: 'De gemeente; null: de regio.' },
    year: { type: 'integer' },
    introduction: { type: ['string', 'null'] },
    conclusions: { type: ['string', 'null'] },
    author: { type: ['string', 'null'], description: 'Wie de teksten het laatst bewaarde; null: nog niets bewaard.' },
    saved_at: { type: ['string', 'null'] },
  },
};

/** The texts as the API gives them: nothing written yet reads as empty texts without an author. */
const textOut = (municipality: string | null, year: number, text: ReportText | null) =>
  text ?? { municipality, year, introduction: null, conclusions: null, author: null, saved_at: null };

export function reportRoutes(deps: ApiDeps): RouteDef[] {
  const report = async (c: Context<ApiEnv>) => {
    const { request, format } = parseReportQuery(new URL(c.req.url).searchParams);
    const ctx = contextOf(c, deps);
    // The gate first: another municipality's report is refused (403) before anything is asked or named.
    await answer(ctx, deps.guard, { kind: 'report', request, format });
    if (request.municipality) {
      const known = await deps.store.one(sql`SELECT 1 FROM municipality WHERE code = ${request.municipality}`);
      if (!known) throw new ApiError(404, `Onbekende gemeente '${request.municipality}'.`, 'gemeente');
    }
    const built = await buildReport(answerSource(ctx, deps.guard), request, new Date());
    const html = renderHtml(built, { lookups: await answer(ctx, deps.guard, { kind: 'dimensions' }) });
    if (format === 'html') {
      // Every text in it is escaped, and the app's CSP (src/api/auth/headers.ts) runs no inline script.
      return c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8' });
    }
    const pdf = await printInTurn(html, built);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${reportFileName(built.place, request.year)}"`,
    });
  };
  return [
    {
      method: 'get',
      path: '/api/report',
      tag: 'rapport',
      summary: 'Het raadsrapport van een gemeente of de regio voor een jaar, als HTML of PDF',
      description:
        'Kernboodschappen, secties met tabellen en grafieken, notities, kanttekeningen en verantwoording. Elk cijfer ' +
        'is gevraagd met uw rechten: een lezer krijgt alleen beschermde aantallen. Een gemeente buiten uw account: 403.',
      query: REPORT_QUERY,
      response: {
        status: 200,
        description: "Het rapport: HTML (formaat=html) of een PDF-bestand 'rapport-<plaats>-<jaar>.pdf' (formaat=pdf)",
        contentType: 'text/html',
        schema: { type: 'string' },
      },
      handler: report,
    },
    {
      method: 'get',
      path: '/api/report/texts',
      tag: 'rapport',
      summary: 'De inleiding en conclusies van het rapport van een gemeente (of de regio) en jaar',
      query: [GEMEENTE, JAAR],
      response: { status: 200, description: 'De bewaarde teksten', contentType: 'application/json', schema: TEXT_SCHEMA },
      handler: async (c) => {
        const query = new URL(c.req.url).searchParams;
        onlyKnown(query.keys(), ['gemeente', 'jaar']);
        const municipality = parseGemeente(single(query, 'gemeente'));
        const year = parseJaar('jaar', single(query, 'jaar'));
        const text = await answer(contextOf(c, deps), deps.guard, { kind: 'report.texts.read', municipality, year });
        return json(c, textOut(municipality, year, text));
      },
    },
    {
      method: 'post',
      path: '/api/report/texts',
      tag: 'rapport',
      summary: 'Bewaar de inleiding en conclusies van het rapport (alleen wie notities mag schrijven, binnen de eigen gemeenten)',
      body: {
        type: 'object',
        required: ['jaar'],
        properties: {
          gemeente: { type: ['string', 'null'], description: 'CBS-code; null of leeg: de regio.' },
          jaar: { type: 'integer' },
          introduction: { type: ['string', 'null'], maxLength: REPORT_TEXT_MAX_LENGTH },
          conclusions: { type: ['string', 'null'], maxLength: REPORT_TEXT_MAX_LENGTH },
        },
      },
      response: { status: 200, description: 'De bewaarde teksten', contentType: 'application/json', schema: TEXT_SCHEMA },
      handler: async (c) => {
        const body = await jsonBody(c);
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw badParam(null, 'De teksten moeten een JSON-object zijn');
        const fields = body as Record<string, unknown>;
        onlyKnown(Object.keys(fields), TEXT_FIELDS);
        const text = {
          municipality: parseGemeente(fields.gemeente),
          year: parseJaar('jaar', fields.jaar),
          introduction: parseText('introduction', fields.introduction),
          conclusions: parseText('conclusions', fields.conclusions),
        };
        return json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'report.texts.save', text }));
      },
    },
  ];
}
