// The kinds of youth-care cost that are not invoices (table cost_line), with their Dutch labels. Pure: the dashboard
// and the report read it too.
import type { COST_KINDS } from '../ingest/tabular/fields.ts';

export type CostKind = (typeof COST_KINDS)[number];

/** Dutch labels of the cost-line kinds, in the order they are shown. */
export const COST_KIND_LABELS: Record<CostKind, string> = {
  toegang: 'Toegang (eigen personeel)',
  subsidie: 'Subsidies jeugdbeschermingsketen',
  lumpsum: 'Lumpsumcontracten',
  preventie: 'Preventie',
  overig: 'Overige kosten',
};
