// The JSON question for one metric (POST /api/metrics/<id>): the generic MetricRequest narrowed to the splits and
// parameters that metric takes, so the document names exactly what the parser will accept.
import type { Metric } from '../../metrics/types.ts';
import { MAX_SPLITS } from '../request.ts';
import type { Schema } from '../route.ts';
import { paramSchema, ref } from '../schemas.ts';

/** @example metricRequestSchema(costs).properties.split // { type: 'array', maxItems: 4, items: { enum: ['year', …] } } */
export function metricRequestSchema(metric: Metric): Schema {
  const params = metric.params ?? [];
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      filters: ref('Filters'),
      // A metric without splits takes only an empty list (an empty enum would be a schema nobody can satisfy).
      split: metric.splits.length
        ? { type: 'array', maxItems: MAX_SPLITS, items: { enum: [...metric.splits] } }
        : { type: 'array', maxItems: 0 },
      params: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(params.map((p) => [p.name, { ...paramSchema(p), description: p.label }])),
      },
    },
  };
}
