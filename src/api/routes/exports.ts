// /api/metrics/:id/export.csv and .xlsx: the same question as the JSON route, answered as a file to download.
import type { Context } from 'hono';
import { answer } from '../answer.ts';
import { filterNames } from '../export/about.ts';
import { toCsv } from '../export/csv.ts';
import { asOnScreen, type ScreenView } from '../export/screen.ts';
import { resultNames } from '../names.ts';
import { exportFileName } from '../export/table.ts';
import { toXlsx } from '../export/xlsx.ts';
import { fromQuery, parseMetricRequest } from '../request.ts';
import { contextOf, metricOr404, type ApiDeps, type ApiEnv, type RouteDef } from '../route.ts';
import { metricQuery } from '../schemas.ts';
import { idParam } from './metrics.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SCREEN_PARAMS = [
  {
    name: 'order',
    description: 'De kolom waarnaar het scherm de rijen sorteerde (grootste eerst); de export volgt die volgorde.',
    schema: { type: 'string' as const },
  },
  {
    name: 'shown_from',
    description: 'Het eerste jaar dat het scherm toont; eerdere rijen (alleen ter vergelijking) worden gemarkeerd.',
    schema: { type: 'integer' as const },
  },
];

/** Takes the screen's view out of the query (the rest is the question itself). */
function screenView(query: URLSearchParams): ScreenView {
  const order = query.get('order') || undefined;
  const from = Number(query.get('shown_from'));
  query.delete('order');
  query.delete('shown_from');
  return { order, ...(Number.isInteger(from) && from > 0 ? { shownFrom: from } : {}) };
}

export function exportRoutes(deps: ApiDeps): RouteDef[] {
  const exporter = (format: 'csv' | 'xlsx') => async (c: Context<ApiEnv>) => {
    const metric = metricOr404(deps, c.req.param('id')!);
    const query = new URL(c.req.url).searchParams;
    const view = screenView(query);
    const request = parseMetricRequest(metric, fromQuery(query));
    const answered = await answer(contextOf(c, deps), deps.guard, { kind: 'export', metric, request, format });
    const result = asOnScreen(answered, await resultNames(deps.store, answered), view);
    const headers = {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${exportFileName(metric.id, format)}"`,
    };
    if (format === 'csv') return c.body(toCsv(result), 200, headers);
    // Names for the filter codes of the answer (after scoping), so the explanation reads 'Gemeente: Deventer'.
    const names = await filterNames(deps.store, result.filters);
    return c.body(new Uint8Array(await toXlsx(result, { metric, params: request.params, names })), 200, headers);
  };
  return [
    {
      method: 'get',
      path: '/api/metrics/:id/export.csv',
      tag: 'export',
      summary: "Tabel van een analyse als CSV (';', decimale komma, UTF-8 met BOM)",
      pathParams: [idParam],
      query: [...metricQuery(), ...SCREEN_PARAMS],
      response: { status: 200, description: 'CSV-bestand', contentType: 'text/csv', schema: { type: 'string' } },
      handler: exporter('csv'),
    },
    {
      method: 'get',
      path: '/api/metrics/:id/export.xlsx',
      tag: 'export',
      summary: 'Tabel van een analyse als Excel-bestand (XLSX)',
      pathParams: [idParam],
      query: [...metricQuery(), ...SCREEN_PARAMS],
      response: {
        status: 200,
        description: 'XLSX-bestand',
        contentType: XLSX_TYPE,
        schema: { type: 'string', contentEncoding: 'binary' },
      },
      handler: exporter('xlsx'),
    },
  ];
}
