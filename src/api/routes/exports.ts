// /api/metrics/:id/export.csv and .xlsx: the same question as the JSON route, answered as a file to download.
import type { Context } from 'hono';
import { answer } from '../answer.ts';
import { filterNames } from '../export/about.ts';
import { toCsv } from '../export/csv.ts';
import { exportFileName } from '../export/table.ts';
import { toXlsx } from '../export/xlsx.ts';
import { fromQuery, parseMetricRequest } from '../request.ts';
import { contextOf, metricOr404, type ApiDeps, type ApiEnv, type RouteDef } from '../route.ts';
import { metricQuery } from '../schemas.ts';
import { idParam } from './metrics.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportRoutes(deps: ApiDeps): RouteDef[] {
  const exporter = (format: 'csv' | 'xlsx') => async (c: Context<ApiEnv>) => {
    const metric = metricOr404(deps, c.req.param('id')!);
    const request = parseMetricRequest(metric, fromQuery(new URL(c.req.url).searchParams));
    const result = await answer(contextOf(c, deps), deps.guard, { kind: 'export', metric, request, format });
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
      query: metricQuery(),
      response: { status: 200, description: 'CSV-bestand', contentType: 'text/csv', schema: { type: 'string' } },
      handler: exporter('csv'),
    },
    {
      method: 'get',
      path: '/api/metrics/:id/export.xlsx',
      tag: 'export',
      summary: 'Tabel van een analyse als Excel-bestand (XLSX)',
      pathParams: [idParam],
      query: metricQuery(),
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
