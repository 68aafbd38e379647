// Backtest of the multi-year stock-flow baseline: fitted per care type on the demo as it stood at the end of a base year
// (default 2021), it predicts the next years' care-days and cost; prints them against the actual figures. Asserts nothing.
// Run: npx tsx bench/baseline.ts [--db data/roer.duckdb] [--basisjaar 2021] [--jaren 3] [--indexatie 0.02] [--leeftijd]
// (--leeftijd: inflow per age band, scaled by the population table)
import { parseArgs } from 'node:util';
import { projectStockFlow } from '../src/forecast/stockflow.ts';
import { fitStockFlow } from '../src/forecast/stockflow-store.ts';
import { Store, sql } from '../src/store/index.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/roer.duckdb' },
    basisjaar: { type: 'string', default: '2021' },
    jaren: { type: 'string', default: '3' },
    indexatie: { type: 'string', default: '0.02' },
    leeftijd: { type: 'boolean', default: false },
  },
});
const base = Number(values.basisjaar);
const years = Array.from({ length: Number(values.jaren) }, (_, i) => base + 1 + i);

const store = await Store.open(values.db!, { noMigrate: true });
const fits = await fitStockFlow(store, base, years, Number(values.indexatie), { byAgeBand: values.leeftijd });
const actual = await store.all<{ care_type: string; year: number; cents: number; days: number }>(sql`
  SELECT care_type, year, coalesce(c.cents, 0)::BIGINT AS cents, coalesce(d.days, 0)::BIGINT AS days
  FROM (SELECT care_type, year(month) AS year, sum(days) AS days FROM d_care_piece GROUP BY ALL) d
  FULL JOIN (SELECT care_type, year(care_date) AS year, sum(amount_cents) AS cents FROM d_cost GROUP BY ALL) c
    USING (care_type, year)`);
const peildatum = (await store.one<{ p: string }>(sql`SELECT peildatum::VARCHAR AS p FROM d_meta`))!.p;
store.close();

const find = (careType: string, year: number) => actual.find((a) => a.care_type === careType && a.year === year);
const mln = (cents: number) => (cents / 1e8).toFixed(2).padStart(7);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`.padStart(9);
console.log(
  `Basislijn (voorraad en stroom), gefit op ${values.db} tot en met ${base}, indexatie ${values.indexatie}${values.leeftijd ? ', instroom per leeftijdsgroep' : ''}; peildatum ${peildatum}`,
);
console.log(
  'zorgsoort            jaar | trajectdagen voorspeld / werkelijk  afwijking | kosten € mln voorspeld / werkelijk  afwijking',
);
const totals = new Map<number, { pc: number; ac: number; pd: number; ad: number }>();
for (const { careType, input } of fits.sort((a, b) => a.careType.localeCompare(b.careType))) {
  for (const y of projectStockFlow(input)) {
    const a = find(careType, y.year);
    const t = totals.get(y.year) ?? { pc: 0, ac: 0, pd: 0, ad: 0 };
    totals.set(y.year, { pc: t.pc + y.costCents, ac: t.ac + (a?.cents ?? 0), pd: t.pd + y.careDays, ad: t.ad + (a?.days ?? 0) });
    const dev = (p: number, w: number | undefined) => (w ? pct(p / w - 1) : '        –');
    console.log(
      `${careType.padEnd(20)} ${y.year} | ${Math.round(y.careDays).toString().padStart(9)} / ${String(a?.days ?? 0).padStart(9)}  ${dev(y.careDays, a?.days)} | ${mln(y.costCents)} / ${mln(a?.cents ?? 0)}  ${dev(y.costCents, a?.cents)}`,
    );
  }
}
for (const [year, t] of totals)
  console.log(
    `${'totaal'.padEnd(20)} ${year} | ${Math.round(t.pd).toString().padStart(9)} / ${String(t.ad).padStart(9)}  ${pct(t.pd / t.ad - 1)} | ${mln(t.pc)} / ${mln(t.ac)}  ${pct(t.pc / t.ac - 1)}`,
  );
console.log('(Het laatste jaar kan nog onvolledig gedeclareerd zijn: zie de peildatum.)');
