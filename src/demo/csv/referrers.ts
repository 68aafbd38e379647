// The demo's AGB list of referrers (GP practices, youth doctors, specialists) as a municipality keeps it: one row per
// AGB code with its name, kind and place, read by the mapping kind `referrers`.
import type { RegisteredReferrer } from '../practices.ts';
import type { TableDef } from './tables.ts';

const KIND_LABEL: Record<RegisteredReferrer['type'], string> = {
  '02': 'Huisarts',
  '03': 'Jeugdarts',
  '05': 'Medisch specialist',
};

export const referrersTable: TableDef<RegisteredReferrer> = {
  kind: 'referrers',
  file: 'verwijzers.csv',
  columns: [
    ['referrer_agb', 'AGB-code'],
    ['referrer_name', 'Naam'],
    ['referrer_type', 'Soort'],
    ['place', 'Plaats'],
  ],
  values: { referrer_type: Object.fromEntries(Object.entries(KIND_LABEL).map(([code, label]) => [label, code])) },
  row: (r) => [r.agb, r.name, KIND_LABEL[r.type], r.place],
};
