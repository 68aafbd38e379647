// A metric parameter as the catalogue (GET /api/metrics) lists it: name, Dutch label, type, default and bounds.
import { PARAM_MAX } from '../../metrics/types.ts';
import type { Schema } from '../route.ts';

export const PARAM_SPEC_SCHEMA: Schema = {
  type: 'object',
  required: ['name', 'label', 'type', 'default'],
  properties: {
    name: { type: 'string', description: "In de querystring als 'p.<name>', in een JSON-vraag onder params." },
    label: { type: 'string' },
    type: { enum: ['number', 'string'] },
    default: { type: ['string', 'number'] },
    min: { type: 'number', description: 'Kleinste toegestane waarde (standaard 0).' },
    max: { type: 'number', description: `Grootste toegestane waarde (standaard ${PARAM_MAX.toLocaleString('nl-NL')}).` },
    integer: { type: 'boolean', description: 'Alleen gehele getallen.' },
    format: { const: 'date', description: 'Een bestaande datum (jjjj-mm-dd).' },
  },
};
