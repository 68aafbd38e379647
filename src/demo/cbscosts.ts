// The FICTITIOUS municipal youth-care cost table of the demo's national set, in CBS's format (83454NED-like: "Lasten
// jeugdhulp totaal", x 1 000 euro, per year): the demo region's municipalities near their own cost in the demo data,
// every other municipality its fictitious youths in care times a seeded cost per youth in care.
import type { Rng } from '../random.ts';
import { GEO, odata, pad, region, TIME, tableInfo, topic, topicGroup } from './cbsodata.ts';
import { day, type Day, yearOf } from './dates.ts';
import type { InvoiceLine, PgbLine } from './model.ts';
import { YEARS } from './region.ts';

/** The table's number: the benchmark reads its costs from CBS 83454NED. */
export const COST_TABLE_ID = '83454NED';

/** The demo's own youth-care cost in cents per `municipality|year`. */
export type OwnCosts = Map<string, number>;

/**
 * Adds one municipality's own cost to `costs` as Roer's per_youth counts it: accepted invoice lines (not rejected; credit
 * lines negative) plus PGB, each in the year its care period starts.
 */
export function addOwnCosts(costs: OwnCosts, municipality: string, lines: readonly InvoiceLine[], pgb: readonly PgbLine[]): void {
  // Summed over runs of lines in the same year first: a demo of scale 1 has about a million lines, in runs per client.
  const byYear = new Map<number, number>();
  let [year, from, to, run] = [0, 1, 0, 0];
  const add = (d: Day, amount: number) => {
    if (d < from || d > to) {
      if (run) byYear.set(year, (byYear.get(year) ?? 0) + run);
      year = yearOf(d);
      [from, to, run] = [day(year, 1, 1), day(year, 12, 31), 0];
    }
    run += amount;
  };
  for (const l of lines) if (!l.rejected) add(l.periodStart, l.amountCents);
  for (const l of pgb) add(l.periodStart, l.amountCents);
  if (run) byYear.set(year, (byYear.get(year) ?? 0) + run);
  for (const [y, cents] of byYear) costs.set(`${municipality}|${y}`, (costs.get(`${municipality}|${y}`) ?? 0) + cents);
}

/**
 * A seeded cost per youth in care for a municipality that is not the demo's: about € 11,500 in 2019 (the demo region's
 * own lies between € 9,500 and € 16,000), spread between municipalities, rising 3 % a year, a little noise per year.
 */
function perYouthInCare(rng: Rng): (year: number) => number {
  const level = Math.min(18_000, Math.max(7_500, 11_500 * Math.exp(0.15 * rng.normal())));
  return (year) => level * 1.03 ** (year - 2019) * (1 + 0.03 * rng.normal());
}

/**
 * The table's files by relative path. `youthsInCare`: the fictitious youths with youth care per `code|year` (the year
 * figure of the youth table); `own`: the demo's own cost of the municipalities in `owners` (a year without any: 0),
 * which CBS's figure follows within a few per cent (booking and timing differences), so the own line and CBS's tell the
 * same story.
 */
export function costTableFiles(o: {
  rng: Rng;
  regions: { Key: string; Title: string }[];
  codes: readonly string[];
  youthsInCare: ReadonlyMap<string, number>;
  own: OwnCosts;
  owners: ReadonlySet<string>;
}): Record<string, string> {
  const T = COST_TABLE_ID;
  const files: Record<string, string> = {};
  files[`${T}/TableInfos.json`] = odata(T, 'TableInfos', [
    tableInfo(T, 'Gemeentelijke lasten jeugdhulp; regio', 'Lasten jeugdhulp van gemeenten per jaar', 'Perjaar'),
  ]);
  files[`${T}/DataProperties.json`] = odata(T, 'DataProperties', [
    { ...GEO, ID: 0, Position: 0, ParentID: null },
    { ...TIME, ID: 1, Position: 1, ParentID: null },
    topicGroup('Lasten jeugdhulp', 'Lasten van gemeenten voor jeugdhulp.'),
    topic(3, 2, 'LastenJeugdhulp_1', 'Lasten jeugdhulp totaal', 'x 1 000 euro', 0),
  ]);
  files[`${T}/RegioS.json`] = odata(T, 'RegioS', o.regions);
  files[`${T}/Perioden.json`] = odata(
    T,
    'Perioden',
    YEARS.map((y) => ({ Key: `${y}JJ00`, Title: String(y), Description: null, Status: 'Definitief' })),
  );
  const rows: unknown[] = [];
  const row = (key: string, year: number, thousands: number) =>
    rows.push({ ID: rows.length, RegioS: key, Perioden: `${year}JJ00`, LastenJeugdhulp_1: thousands });
  const nl = new Map<number, number>();
  for (const code of o.codes) {
    const r = o.rng.fork(code);
    const perYouth = perYouthInCare(r.fork('per'));
    for (const y of YEARS) {
      const euros = o.owners.has(code)
        ? ((o.own.get(`${code}|${y}`) ?? 0) / 100) * Math.min(1.05, Math.max(0.95, 1 + 0.02 * r.normal()))
        : perYouth(y) * (o.youthsInCare.get(`${code}|${y}`) ?? 0);
      const thousands = Math.round(euros / 1000);
      row(region(code), y, thousands);
      nl.set(y, (nl.get(y) ?? 0) + thousands);
    }
  }
  for (const [y, thousands] of nl) row(pad('NL01', 10), y, thousands);
  files[`${T}/TypedDataSet.json`] = odata(T, 'TypedDataSet', rows);
  return files;
}
