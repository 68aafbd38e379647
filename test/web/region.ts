// A tiny, deterministic youth-care region for the browser tests: two municipalities, three years, ~60 clients,
// a few providers, referrers, teams and budgets, built through the store with the metrics fixtures' row builders.
// Small on purpose (the tests check the dashboard, not the figures, which the metrics tests pin exactly).
import type { Store } from '../../src/store/index.ts';
import {
  addAllocation,
  addBudget,
  addCarePeriod,
  addClient,
  addReferrer,
  addRequest,
  derive,
  fixtureStore,
  insertRows,
  invoiceRow,
  PRODUCTS,
} from '../../src/metrics/fixtures.ts';

const MUNICIPALITIES = [
  ['0150', 'Deventer'],
  ['1708', 'Steenwijkerland'],
] as const;
const PROVIDERS = [
  ['11111111', 'Jeugdzorg Oost'],
  ['22222222', 'Kindkracht'],
  ['33333333', 'De Ruimte GGZ'],
  ['44444444', 'Pleegzorg IJssel'],
] as const;
const REFERRERS = [
  ['02:01000001', '02', 'Huisartsenpraktijk Brink'],
  ['01:', '01', null],
  ['04:', '04', null],
  ['00:', '00', null],
] as const;
export const YEARS = [2016, 2017, 2018] as const;

/** A seeded linear congruential generator: the same region on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export async function tinyRegion(): Promise<Store> {
  const store = await fixtureStore();
  const rnd = random(42);
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  await insertRows(
    store,
    'municipality',
    MUNICIPALITIES.map(([code, name]) => ({ code, name, province: 'Overijssel', region: 'IJsselland' })),
  );
  await insertRows(
    store,
    'provider',
    PROVIDERS.map(([agb, name]) => ({ agb, name })),
  );
  for (const [id, type, name] of REFERRERS) await addReferrer(store, { id, type, name: name ?? undefined });
  await insertRows(store, 'team', [
    { team_id: 'DV-N', municipality: '0150', name: 'Team Deventer Noord' },
    { team_id: 'SW-1', municipality: '1708', name: 'Team Steenwijk' },
  ]);
  const lines = [];
  for (let c = 1; c <= 60; c++) {
    const client = `client${String(c).padStart(3, '0')}`;
    const [municipality] = c % 3 === 0 ? MUNICIPALITIES[1] : MUNICIPALITIES[0];
    await addClient(store, {
      id: client,
      municipality,
      birthMonth: `${1999 + (c % 17)}-0${1 + (c % 9)}-01`,
      sex: String(1 + (c % 2)),
      district: c % 2 ? 'Centrum' : 'Oost',
    });
    const startYear = pickOf(YEARS);
    const months = 3 + Math.floor(rnd() * 20);
    const start = `${startYear}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`;
    const [product] = pickOf(PRODUCTS);
    const provider = pickOf(PROVIDERS)[0];
    const referrer = pickOf(REFERRERS);
    // The allocation ends with the care when that ends within the data (2018), else it runs on (open-ended).
    const end = new Date(Date.parse(`${start}T00:00:00Z`) + months * 30 * 86_400_000).toISOString().slice(0, 10);
    const ended = end <= '2018-12-31' ? end : null;
    const no = await addAllocation(store, {
      client,
      municipality,
      start,
      end: ended,
      product,
      provider,
      referrer: referrer[0],
      providerReference: `REF${c}`,
      team: municipality === '0150' ? 'DV-N' : 'SW-1',
      financing: c % 7 === 0 ? 'PGB' : 'ZIN',
    });
    // A request (JW315) some weeks before the start (waiting time), and start/stop of care for most clients.
    const requested = new Date(Date.parse(`${start}T00:00:00Z`) - (14 + (c % 6) * 7) * 86_400_000).toISOString().slice(0, 10);
    await addRequest(store, { client, date: requested, reference: `REF${c}`, provider, municipality, referrerType: referrer[1] });
    if (c % 4 !== 0) {
      await addCarePeriod(store, {
        no,
        client,
        municipality,
        provider,
        start,
        end: ended,
        reason: ended ? (c % 3 ? '01' : '02') : null,
      });
    }
    // One client in five moves on to another care type afterwards (pathways, stacking when they overlap).
    const next = new Date(Date.parse(`${start}T00:00:00Z`) + (months - (c % 2)) * 30 * 86_400_000).toISOString().slice(0, 10);
    if (c % 5 === 0 && next <= '2018-10-01') {
      const [other] = PRODUCTS[(PRODUCTS.findIndex(([code]) => code === product) + 2) % PRODUCTS.length];
      await addAllocation(store, {
        client,
        municipality,
        start: next,
        end: '2018-12-31',
        product: other,
        provider,
        referrer: referrer[0],
        team: municipality === '0150' ? 'DV-N' : 'SW-1',
      });
    }
    // Monthly invoices for most months; one client in ten is never invoiced (utilisation below 100 %).
    if (c % 10 === 0) continue;
    const monthly = (product === 'VBL' ? 6000 : product === 'CRI' ? 4000 : 800) + Math.round(rnd() * 400);
    const d = new Date(`${start}T00:00:00Z`);
    for (let m = 0; m < months && d.getUTCFullYear() <= 2018; m++, d.setUTCMonth(d.getUTCMonth() + 1)) {
      const first = d.toISOString().slice(0, 10);
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
      lines.push(
        invoiceRow({
          client,
          municipality,
          provider,
          product,
          allocation: no,
          periodStart: first,
          periodEnd: last,
          euros: monthly,
        }),
      );
    }
  }
  await insertRows(store, 'invoice_line', lines);
  // Every ninth line rejected in a JW325 answer (the claims view): a wrong tariff, too much volume, or two reasons at once.
  const codes = ['0611', '9321', '0611,8187'];
  await insertRows(
    store,
    'invoice_rejection',
    lines
      .filter((_, i) => i % 9 === 4)
      .map((l, i) => ({
        provider_agb: l.provider_agb,
        reference: l.reference,
        return_codes: codes[i % codes.length],
        amount_cents: l.amount_cents,
        file_id: 'f1',
      })),
  );
  for (const year of YEARS) {
    await addBudget(store, { year, municipality: '0150', euros: 250_000 + (year - 2016) * 20_000 });
    await addBudget(store, { year, municipality: '1708', euros: 120_000 + (year - 2016) * 10_000 });
  }
  await insertRows(store, 'import_file', [
    {
      file_id: 'f1',
      file_name: 'toewijzingen-2018.csv',
      kind: 'allocations',
      imported_at: '2019-01-15 10:00:00',
      records_total: 61,
      records_ok: 60,
      records_quarantined: 1,
      status: 'ingelezen',
    },
  ]);
  await insertRows(store, 'quarantine', [
    {
      file_id: 'f1',
      file_name: 'toewijzingen-2018.csv',
      record_no: 17,
      field: 'BSN',
      reason: 'BSN voldoet niet aan de elfproef',
      quarantined_at: '2019-01-15 10:00:00',
    },
  ]);
  // Inhabitants per age band (the population table), so the per-youth figures have a base.
  const bands = { '0150': [3_000, 8_000, 6_000, 5_500, 100_000], '1708': [1_300, 3_500, 2_700, 2_200, 44_000] };
  await insertRows(
    store,
    'population',
    Object.entries(bands).flatMap(([municipality, counts]) =>
      YEARS.flatMap((year) =>
        ['0-3', '4-11', '12-17', '18-22', 'totaal'].map((age_band, i) => ({
          municipality,
          year,
          age_band,
          inhabitants: counts[i],
        })),
      ),
    ),
  );
  await derive(store);
  return store;
}
