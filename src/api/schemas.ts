// JSON Schema fragments for what the API sends and receives, and the query parameters of a metric question —
// shared by the routes' definitions, so the OpenAPI document describes exactly what the parser accepts.
import { ALL_DIMENSIONS, dimension, FILTER_DIMENSIONS, type FilterDimension } from '../contract/dimensions.ts';
import { PARAM_MAX, PARAM_MAX_LENGTH, UNITS, type ParamSpec } from '../contract/question.ts';
import type { Metric } from '../metrics/types.ts';
import { DIMENSION_LABELS } from './labels.ts';
import type { QueryParam, Schema } from './route.ts';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const value: Schema = { type: ['string', 'number', 'null'] };
const date: Schema = { type: 'string', format: 'date' };

export const SCHEMAS: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['message', 'param'],
        properties: {
          message: { type: 'string' },
          param: { type: ['string', 'null'] },
          problems: {
            type: 'array',
            description: "Elk probleem van een geweigerde vraag met zijn plaats, bijv. 'filters.municipality[1]' of 'p.top'.",
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  Filters: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...Object.fromEntries(FILTER_DIMENSIONS.map((f) => [f, { type: 'array', items: codeSchema(f) }])),
      from: date,
      to: date,
      basis: { enum: ['care', 'invoice'] },
    },
  },
  MetricRequest: {
    type: 'object',
    additionalProperties: false,
    properties: {
      filters: ref('Filters'),
      split: { type: 'array', items: { enum: [...ALL_DIMENSIONS] } },
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    },
  },
  Column: {
    type: 'object',
    required: ['name', 'label', 'unit'],
    properties: {
      name: { type: 'string' },
      label: { type: 'string' },
      unit: { enum: [...UNITS] },
      kind: { enum: ['key', 'value', 'annotation'] },
      clientCount: { type: 'boolean' },
      annotation: { type: 'boolean' },
    },
  },
  MetricResult: {
    type: 'object',
    required: ['metric', 'title', 'columns', 'rows', 'filters', 'split'],
    properties: {
      metric: { type: 'string' },
      title: { type: 'string' },
      columns: { type: 'array', items: ref('Column') },
      rows: { type: 'array', items: { type: 'object', additionalProperties: value } },
      totals: { type: 'object', additionalProperties: value },
      filters: ref('Filters'),
      split: { type: 'array', items: { enum: [...ALL_DIMENSIONS] } },
      notes: { type: 'array', items: { type: 'string' } },
    },
  },
  Note: {
    type: 'object',
    required: ['id', 'metric', 'municipality', 'period_from', 'period_to', 'author', 'created_at', 'text'],
    properties: {
      id: { type: 'integer' },
      metric: { type: 'string' },
      municipality: { type: ['string', 'null'] },
      period_from: date,
      period_to: date,
      author: { type: 'string' },
      created_at: { type: 'string' },
      text: { type: 'string' },
    },
  },
  NewNote: {
    type: 'object',
    required: ['metric', 'from', 'to', 'text'],
    additionalProperties: false,
    properties: {
      metric: { type: 'string' },
      municipality: { type: ['string', 'null'] },
      from: date,
      to: date,
      text: { type: 'string', maxLength: 2000 },
    },
  },
};

export { ref };

/** The query parameters of a metric question; with a metric, `split` and `p.*` are those of that metric. */
export function metricQuery(metric?: Metric): QueryParam[] {
  const list = (description: string, items: Schema = { type: 'string' }): Schema => ({
    type: 'array',
    items,
    description,
  });
  return [
    ...FILTER_DIMENSIONS.map((f) => ({
      name: f,
      description: `Filter op ${DIMENSION_LABELS[f]}: één of meer codes, gescheiden door komma's.`,
      schema: list(DIMENSION_LABELS[f], codeSchema(f)),
    })),
    { name: 'from', description: 'Begin van de periode (jjjj-mm-dd, inclusief).', schema: date },
    { name: 'to', description: 'Einde van de periode (jjjj-mm-dd, inclusief).', schema: date },
    {
      name: 'basis',
      description: "Welke datum de periode bepaalt: 'care' (zorgperiode, standaard) of 'invoice'.",
      schema: { enum: ['care', 'invoice'] },
    },
    // A metric without splits takes no `split` (an empty enum would describe a parameter nobody can use).
    ...(metric?.splits.length === 0
      ? []
      : [
          {
            name: 'split',
            description: "Uitsplitsen naar deze dimensies, gescheiden door komma's.",
            schema: list('dimensies', { enum: [...(metric ? metric.splits : ALL_DIMENSIONS)] }),
          },
        ]),
    ...(metric?.params ?? []).map((p) => ({
      name: `p.${p.name}`,
      description: `${p.label} (standaard ${p.default}).`,
      schema: paramSchema(p),
    })),
  ];
}

/** A filter's code: one of its fixed list (the contract's), or any text where the data decides. */
function codeSchema(d: FilterDimension): Schema {
  const { codes, openCodes } = dimension(d);
  return codes && !openCodes ? { enum: Object.keys(codes) } : { type: 'string' };
}

/** A metric parameter's schema with the bounds the engine enforces (src/contract/parse.ts). */
export function paramSchema(p: ParamSpec): Schema {
  if (p.type === 'string')
    return p.format === 'date'
      ? { type: 'string', format: 'date', default: p.default }
      : { type: 'string', maxLength: PARAM_MAX_LENGTH, default: p.default };
  return { type: p.integer ? 'integer' : 'number', minimum: p.min ?? 0, maximum: p.max ?? PARAM_MAX, default: p.default };
}
