// /api/health and /api/status: is the server up, and what does the store hold (import log, open quarantine).
import { answer } from '../answer.ts';
import { json } from '../json.ts';
import { contextOf, type ApiDeps, type RouteDef } from '../route.ts';

export function statusRoutes(deps: ApiDeps): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/health',
      tag: 'status',
      summary: 'Draait de server?',
      response: {
        status: 200,
        description: 'De server draait',
        contentType: 'application/json',
        schema: { type: 'object', properties: { ok: { const: true }, version: { type: 'string' } } },
      },
      handler: (c) => json(c, { ok: true, version: deps.version }),
    },
    {
      method: 'get',
      path: '/api/status',
      tag: 'status',
      summary: 'Wat er in de database staat: aantallen, ingelezen bestanden en open quarantaine',
      response: {
        status: 200,
        description: 'Importstatus',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            counts: { type: 'object', additionalProperties: { type: 'integer' } },
            files: { type: 'array', items: { type: 'object' } },
            quarantine: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  file: { type: 'string' },
                  record: { type: 'integer' },
                  field: { type: ['string', 'null'] },
                  reason: { type: 'string' },
                },
              },
            },
            quarantineTotal: { type: 'integer' },
          },
        },
      },
      handler: async (c) => json(c, await answer(contextOf(c, deps), deps.guard, { kind: 'status' })),
    },
  ];
}
