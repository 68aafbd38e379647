// Checks a request against a metric before any SQL runs; returns it normalised (params with defaults, numbers as numbers).
// Every refusal is a MetricRequestError with a Dutch message naming the offending parameter.
import { MetricRequestError } from './errors.ts';
import { AGE_BANDS } from './sql/dimensions.ts';
import { FILTER_DIMENSIONS } from './sql/filters.ts';
import {
  ALL_DIMENSIONS,
  PARAM_MAX,
  PARAM_MAX_LENGTH,
  type Dimension,
  type Filters,
  type Metric,
  type MetricRequest,
  type ParamSpec,
} from './types.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ALLOWED_VALUES: Partial<Record<keyof Filters, readonly string[]>> = {
  financing: ['ZIN', 'PGB'],
  age_band: AGE_BANDS,
  sex: ['0', '1', '2'],
};

/** True for an ISO calendar date that exists. @example isDate('2024-02-29') // true; isDate('2024-02-30') // false */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkFilters(f: Filters): Filters {
  if (typeof f !== 'object' || f === null || Array.isArray(f))
    throw new MetricRequestError('filters', 'De filters moeten een object zijn.');
  for (const [key, value] of Object.entries(f)) {
    const param = `filters.${key}`;
    if (value === undefined) continue;
    if (key === 'from' || key === 'to') {
      if (!isDate(value)) throw new MetricRequestError(param, `'${key}' is geen geldige datum (jjjj-mm-dd).`);
    } else if (key === 'basis') {
      if (value !== 'care' && value !== 'invoice') {
        throw new MetricRequestError(param, `'basis' moet 'care' (zorgperiode) of 'invoice' (declaratiedatum) zijn.`);
      }
    } else if ((FILTER_DIMENSIONS as string[]).includes(key)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new MetricRequestError(param, `Het filter '${key}' moet een lijst met waarden zijn.`);
      }
      const allowed = ALLOWED_VALUES[key as keyof Filters];
      const bad = allowed && value.find((v) => !allowed.includes(v as string));
      if (bad !== undefined && bad !== false) {
        throw new MetricRequestError(
          param,
          `Onbekende waarde '${bad}' voor filter '${key}'; toegestaan: ${allowed!.join(', ')}.`,
        );
      }
    } else {
      throw new MetricRequestError(param, `Onbekend filter '${key}'.`);
    }
  }
  if (f.from && f.to && f.from > f.to) throw new MetricRequestError('filters.from', `'from' (${f.from}) ligt na 'to' (${f.to}).`);
  return f;
}

/** Validates and normalises `request` for `metric`. @throws MetricRequestError */
export function validateRequest(metric: Metric, request: Partial<MetricRequest>): MetricRequest {
  const filters = checkFilters(request.filters ?? {});
  const split = request.split ?? [];
  if (!Array.isArray(split)) throw new MetricRequestError('split', 'De uitsplitsing moet een lijst met dimensies zijn.');
  for (const d of split) {
    if (!(ALL_DIMENSIONS as readonly string[]).includes(d))
      throw new MetricRequestError('split', `Onbekende dimensie '${d}' in de uitsplitsing.`);
    if (!metric.splits.includes(d)) {
      throw new MetricRequestError(
        'split',
        `'${metric.title}' kan niet worden uitgesplitst naar '${d}'` +
          (metric.splits.length ? `; wel naar: ${metric.splits.join(', ')}.` : '; deze maatstaf heeft geen uitsplitsing.'),
      );
    }
  }
  if (new Set(split).size !== split.length)
    throw new MetricRequestError('split', 'Een dimensie staat dubbel in de uitsplitsing.');
  const params: Record<string, string | number> = {};
  const specs = metric.params ?? [];
  for (const [name, value] of Object.entries(request.params ?? {})) {
    const spec = specs.find((p) => p.name === name);
    if (!spec) {
      throw new MetricRequestError(
        `params.${name}`,
        `Onbekende parameter '${name}' voor '${metric.title}'` +
          (specs.length ? `; bekend: ${specs.map((p) => p.name).join(', ')}.` : '.'),
      );
    }
    params[name] = checkParam(spec, value);
  }
  for (const spec of specs) if (!(spec.name in params)) params[spec.name] = spec.default;
  return { filters, split: split as Dimension[], params };
}

/**
 * One parameter value against its spec: numbers within [min, max] (whole where required), strings not too long and
 * dates that exist. The bounds keep every value inside the SQL types it is bound to (BIGINT cents, INTEGER months).
 */
function checkParam(spec: ParamSpec, value: string | number): string | number {
  const param = `params.${spec.name}`;
  if (spec.type === 'string') {
    const text = String(value);
    if (text.length > PARAM_MAX_LENGTH)
      throw new MetricRequestError(param, `Parameter '${spec.name}' is te lang (hoogstens ${PARAM_MAX_LENGTH} tekens).`);
    if (spec.format === 'date' && text !== '' && !isDate(text))
      throw new MetricRequestError(param, `'${spec.name}' is geen geldige datum (jjjj-mm-dd).`);
    return text;
  }
  const min = spec.min ?? 0;
  const max = spec.max ?? PARAM_MAX;
  const n = typeof value === 'number' ? value : Number(value);
  const range = `${nl(min)} tot en met ${nl(max)}`;
  if ((typeof value === 'string' && value.trim() === '') || !Number.isFinite(n) || n < min || n > max) {
    throw new MetricRequestError(
      param,
      `Parameter '${spec.name}' moet een ${spec.integer ? 'geheel ' : ''}getal van ${range} zijn.`,
    );
  }
  if (spec.integer && !Number.isInteger(n))
    throw new MetricRequestError(param, `Parameter '${spec.name}' moet een geheel getal zijn (${range}).`);
  return n;
}

function nl(n: number): string {
  return n.toLocaleString('nl-NL');
}
