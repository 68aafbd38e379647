// Test support: a tiny store (two municipalities, a handful of invoice lines) and a small metric computed in SQL on
// it, so the HTTP layer can be tested on real DuckDB independently of the metrics catalogue.
import type { Metric, MetricRequest, MetricResult } from '../metrics/types.ts';
import { empty, join, literal, sql, Store } from '../store/index.ts';
import { engineOf, type MetricsEngine } from './engine.ts';

/** Invoice lines: [municipality, provider, period_start, amount_cents]. Hand-checked totals are in the tests. */
const LINES: [string, string, string, number][] = [
  ['0150', '11110001', '2017-03-01', 100_000],
  ['0150', '11110001', '2018-03-01', 250_050],
  ['1708', '22220002', '2018-06-01', -1_000],
  ['1708', '22220002', '2018-07-01', 40_000],
];

export async function fixtureStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await store.run(sql`INSERT INTO municipality VALUES ('0150', 'Deventer', 'Overijssel', 'IJsselland'),
                                               ('1708', 'Steenwijkerland', 'Overijssel', 'IJsselland')`);
  await store.run(sql`INSERT INTO provider VALUES ('11110001', 'Zorg & Co'), ('22220002', NULL)`);
  await store.run(sql`INSERT INTO product VALUES ('45A03', '45', 'ambulant', 'Ambulante begeleiding')`);
  await store.run(sql`INSERT INTO referrer VALUES ('02:123', '02', '123', NULL), ('00:', '00', NULL, NULL)`);
  let i = 0;
  for (const [m, p, start, cents] of LINES) {
    await store.run(
      sql`INSERT INTO invoice_line (provider_agb, reference, municipality, client_id, period_start, period_end, amount_cents,
         debit_credit, message_kind, file_id) VALUES (${p}, ${`r${++i}`}, ${m}, 'c1', ${start}::DATE, ${start}::DATE + 27, ${cents}, ${cents < 0 ? 'C' : 'D'}, 'JW323', 'f1')`,
    );
  }
  return store;
}

/** Cost in euros per the requested split (year and/or municipality), filtered by municipality and care period. */
export const costFixture: Metric = {
  id: 'fixture_cost',
  title: 'Kosten (testanalyse)',
  definition: 'Som van de gedeclareerde bedragen; het jaar van het begin van de zorgperiode telt.',
  splits: ['year', 'municipality'],
  params: [{ name: 'minimum', label: 'Ondergrens per rij (euro)', type: 'number', default: 0 }],
  async compute(store: Store, request: MetricRequest): Promise<MetricResult> {
    const f = request.filters;
    const where = [sql`true`];
    if (f.municipality) where.push(sql`municipality IN (${join(f.municipality)})`);
    if (f.from) where.push(sql`period_start >= ${f.from}::DATE`);
    if (f.to) where.push(sql`period_start <= ${f.to}::DATE`);
    const keys = request.split.map((d) => (d === 'year' ? sql`year(period_start)::VARCHAR AS year` : sql`municipality`));
    const group = join(request.split.map((_, i) => literal(i + 1)));
    const rows = await store.all<Record<string, string | number>>(
      sql`SELECT ${join([...keys, sql`sum(amount_cents) / 100 AS cost`])} FROM invoice_line WHERE ${join(where, ' AND ')}
       ${request.split.length ? sql`GROUP BY ${group} ORDER BY ${group}` : empty}`,
    );
    const minimum = Number(request.params?.minimum ?? 0);
    return {
      metric: 'fixture_cost',
      title: this.title,
      columns: [
        ...request.split.map((d) => ({ name: d, label: d === 'year' ? 'Jaar' : 'Gemeente', unit: 'text' as const })),
        { name: 'cost', label: 'Kosten (€)', unit: 'eur' as const },
      ],
      rows: rows.filter((r) => Number(r.cost) >= minimum),
      filters: f,
      split: request.split,
    };
  },
};

/** Returns a BigInt as DuckDB does for count(*), to prove the JSON encoder handles it deliberately. */
export const bigintFixture: Metric = {
  id: 'fixture_bigint',
  title: 'Groot getal (testanalyse)',
  definition: 'Een telling die als BigInt uit DuckDB komt.',
  splits: [],
  params: [{ name: 'value', label: 'Waarde', type: 'string', default: '3' }],
  async compute(_store, request) {
    const value = BigInt(String(request.params?.value ?? '3'));
    return {
      metric: 'fixture_bigint',
      title: this.title,
      split: [],
      filters: request.filters,
      columns: [{ name: 'n', label: 'Aantal', unit: 'count', clientCount: true }],
      rows: [{ n: value as unknown as number }],
    };
  },
};

export const fixtureEngine: MetricsEngine = engineOf([costFixture, bigintFixture]);
