// Examples for the OpenAPI document: real requests and the answers the app gives to them on the API's fixture store
// (src/api/fixture.ts, with its derived tables), with the real catalogue. The test beside this file asks the app
// each question and compares, so an example cannot drift from what the API does.

/** The question of the example: Deventer's costs in 2018, per year. */
export const METRIC_QUERY = 'municipality=0150&from=2018-01-01&to=2018-12-31&split=year';
export const METRIC_REQUEST_EXAMPLE = {
  filters: { municipality: ['0150'], from: '2018-01-01', to: '2018-12-31' },
  split: ['year'],
};
/** The metric the examples ask; its operations (and the generic {id} ones) carry them. */
export const EXAMPLE_METRIC = 'costs';

const COST_COLUMNS = [
  { name: 'cost', label: 'Kosten', unit: 'eur', kind: 'value' },
  { name: 'clients', label: 'Unieke cliënten', unit: 'count', clientCount: true, kind: 'value' },
  { name: 'cost_per_client', label: 'Kosten per cliënt', unit: 'eur', kind: 'value' },
  { name: 'care_days', label: 'Trajectdagen', unit: 'days', kind: 'value' },
  { name: 'cost_per_care_day', label: 'Kosten per trajectdag', unit: 'eur', kind: 'value' },
];
const COST_FIGURES = { cost: 2500.5, clients: 1, cost_per_client: 2500.5, care_days: 0, cost_per_care_day: null };

export const METRIC_RESULT_EXAMPLE = {
  metric: 'costs',
  title: 'Kosten en cliënten',
  columns: [{ name: 'year', label: 'Jaar', unit: 'text', kind: 'key' }, ...COST_COLUMNS],
  rows: [{ year: 2018, ...COST_FIGURES }],
  filters: { municipality: ['0150'], from: '2018-01-01', to: '2018-12-31' },
  split: ['year'],
  totals: COST_FIGURES,
};

/** The same question as a CSV export (the file starts with a byte-order mark, not shown). */
export const CSV_EXAMPLE =
  'Jaar;Kosten;Unieke cliënten;Kosten per cliënt;Trajectdagen;Kosten per trajectdag\r\n' +
  '2018;2500,5;1;2500,5;0;\r\nTotaal;2500,5;1;2500,5;0;\r\n';

export const DIMENSIONS_EXAMPLE = {
  municipality: [
    { value: '0150', label: 'Deventer' },
    { value: '1708', label: 'Steenwijkerland' },
  ],
  care_type: [{ value: 'ambulant', label: 'ambulant' }],
  product_category: [{ value: '45', label: '45 (ambulant)' }],
  product: [{ value: '45A03', label: 'Ambulante begeleiding' }],
  provider: [
    { value: '22220002', label: '22220002' },
    { value: '11110001', label: 'Zorg & Co' },
  ],
  referrer_type: [
    { value: '00', label: 'onbekend' },
    { value: '02', label: 'huisarts' },
  ],
  referrer: [
    { value: '02:123', label: 'AGB 123 (huisarts)' },
    { value: '00:', label: 'geen verwijzer bekend' },
  ],
  team: [],
  district: [],
  age_band: [
    { value: '0-3', label: '0-3 jaar' },
    { value: '4-11', label: '4-11 jaar' },
    { value: '12-17', label: '12-17 jaar' },
    { value: '18-22', label: '18-22 jaar' },
    { value: '23+', label: '23+ jaar' },
    { value: 'onbekend', label: 'onbekend' },
  ],
  sex: [
    { value: '0', label: 'onbekend' },
    { value: '1', label: 'man' },
    { value: '2', label: 'vrouw' },
  ],
  financing: [
    { value: 'ZIN', label: 'zorg in natura' },
    { value: 'PGB', label: 'persoonsgebonden budget' },
  ],
  years: [2017, 2018],
  last_month: '2018-07',
};

export const STATUS_EXAMPLE = {
  counts: {
    municipality: 2,
    client: 0,
    provider: 2,
    product: 1,
    referrer: 2,
    referrer_agb: 0,
    team: 0,
    request: 0,
    allocation: 0,
    care_period: 0,
    invoice_line: 4,
    invoice_rejection: 0,
    budget: 0,
    pgb_cost: 0,
    cost_line: 0,
    import_file: 0,
    message: 0,
  },
  files: [],
  quarantine: [],
  quarantineTotal: 0,
};

export const NEW_NOTE_EXAMPLE = {
  metric: 'costs',
  municipality: '0150',
  from: '2018-01-01',
  to: '2018-12-31',
  text: 'Stijging door de nieuwe inkoop van ambulante begeleiding.',
};
/** The stored note (created_at is the moment of storing; the author the logged-in user, 'onbekend' without login). */
export const NOTE_EXAMPLE = {
  id: 1,
  metric: 'costs',
  municipality: '0150',
  period_from: '2018-01-01',
  period_to: '2018-12-31',
  author: 'analist',
  created_at: '2026-12-06T09:14:03',
  text: NEW_NOTE_EXAMPLE.text,
};

/** One Dutch error message per status, as the API words them. */
export const ERROR_EXAMPLES: Record<
  string,
  { message: string; param: string | null; problems?: { path: string; message: string }[] }
> = {
  400: {
    message:
      "Onbekende filter 'gemeentee' (toegestaan: municipality, care_type, product_category, product, provider, referrer_type, referrer, team, district, age_band, sex, financing, from, to, basis)",
    param: 'gemeentee',
    problems: [
      {
        path: 'filters.gemeentee',
        message:
          "Onbekende filter 'gemeentee' (toegestaan: municipality, care_type, product_category, product, provider, referrer_type, referrer, team, district, age_band, sex, financing, from, to, basis)",
      },
    ],
  },
  401: { message: 'U bent niet ingelogd, of uw sessie is verlopen. Log opnieuw in.', param: null },
  403: { message: 'U heeft geen toegang tot gemeente 1708.', param: 'municipality' },
  404: { message: "Onbekende analyse 'kosten'. Zie /api/metrics voor de lijst.", param: 'id' },
  409: { message: 'De database is even bezig; probeer het zo opnieuw.', param: null },
  500: { message: 'Er ging iets mis in Roer bij het beantwoorden van deze vraag.', param: null },
  503: {
    message:
      'Deze vraag duurde langer dan 30 seconden en is afgebroken. Kies een kortere periode, minder uitsplitsingen of meer filters.',
    param: null,
  },
};

/** Examples of one operation: its query parameters, request body and success answer. */
export interface RouteExample {
  query?: Record<string, unknown>;
  request?: unknown;
  response?: unknown;
}

/** The example question as query parameters (lists as arrays: the document gives them style form, explode false). */
const METRIC_QUERY_EXAMPLE = { ...METRIC_REQUEST_EXAMPLE.filters, split: METRIC_REQUEST_EXAMPLE.split };

/** Request and response examples per route (`method path` as registered), for the document builder. */
export function routeExamples(version: string): Record<string, RouteExample> {
  return {
    'get /api/health': { response: { ok: true, version } },
    'get /api/metrics/:id': { query: METRIC_QUERY_EXAMPLE, response: METRIC_RESULT_EXAMPLE },
    'post /api/metrics/:id': { request: METRIC_REQUEST_EXAMPLE, response: METRIC_RESULT_EXAMPLE },
    'get /api/metrics/:id/export.csv': { query: METRIC_QUERY_EXAMPLE, response: CSV_EXAMPLE },
    'get /api/metrics/:id/export.xlsx': { query: METRIC_QUERY_EXAMPLE },
    'get /api/dimensions': { response: DIMENSIONS_EXAMPLE },
    'get /api/status': { response: STATUS_EXAMPLE },
    'get /api/notes': { response: { notes: [NOTE_EXAMPLE] } },
    'post /api/notes': { request: NEW_NOTE_EXAMPLE, response: NOTE_EXAMPLE },
  };
}
