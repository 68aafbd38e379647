// The answer of one metric as a JSON Schema: the generic MetricResult with its rows and totals spelled out per column
// (name, Dutch label, unit), so a client knows which figures a metric returns before asking.
import type { Column, Metric, Unit } from '../../metrics/types.ts';
import { DIMENSION_LABELS } from '../labels.ts';
import type { Schema } from '../route.ts';
import { SCHEMAS } from '../schemas.ts';

const UNIT_NAMES: Record<Unit, string> = {
  eur: 'euro',
  count: 'aantal',
  pct: 'procent',
  days: 'dagen',
  months: 'maanden',
  ratio: 'verhouding',
  text: 'tekst',
  date: 'datum',
};

/** One cell. Codes such as a year may come as numbers; a suppressed client count is a text like '<10'. */
function cellSchema(c: Column): Schema {
  const description = `${c.label} (${UNIT_NAMES[c.unit]})`;
  if (c.clientCount)
    return { type: ['number', 'string', 'null'], pattern: '^<\\d+$', description: `${description}; afgeschermd: '<10'` };
  if (c.unit === 'text') return { type: ['string', 'number', 'null'], description };
  if (c.unit === 'date') return { type: ['string', 'null'], format: 'date', description };
  return { type: ['number', 'null'], description };
}

/**
 * The result schema of `metric`, whose answers carry `columns` after the split dimensions asked for.
 * @example metricResultSchema(costs, [{ name: 'cost', label: 'Kosten', unit: 'eur' }]).properties.rows.items.properties.cost
 */
export function metricResultSchema(metric: Metric, columns: readonly (Column & { onlyWithSplit?: string })[]): Schema {
  const cells: Record<string, Schema> = {
    ...Object.fromEntries(
      metric.splits.map((d) => [
        d,
        { type: ['string', 'number', 'null'], description: `${DIMENSION_LABELS[d]} (alleen bij uitsplitsing)` },
      ]),
    ),
    ...Object.fromEntries(columns.map((c) => [c.name, cellSchema(c)])),
  };
  // A column present only with a given split (src/contract/columns.ts) is not required.
  const always = columns.filter((c) => !c.onlyWithSplit).map((c) => c.name);
  const row: Schema = { type: 'object', required: always, properties: cells };
  const generic = SCHEMAS.MetricResult as { required: string[]; properties: Record<string, Schema> };
  return {
    type: 'object',
    description: `Het antwoord van '${metric.id}': per rij de gevraagde uitsplitsing, dan ${columns.map((c) => c.name).join(', ')}.`,
    required: generic.required,
    properties: {
      ...generic.properties,
      metric: { const: metric.id },
      rows: { type: 'array', items: row },
      totals: { type: 'object', properties: Object.fromEntries(columns.map((c) => [c.name, cellSchema(c)])) },
      split: metric.splits.length ? { type: 'array', items: { enum: [...metric.splits] } } : { type: 'array', maxItems: 0 },
    },
  };
}
