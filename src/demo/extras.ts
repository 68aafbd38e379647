// What a municipality holds beside allocations and invoices: PGB payments (about 8 % of cost) and budgets per year,
// care type and team, set slightly below realisation in growth years, with an interim adjustment (burap).
import { CARE_TYPES } from './catalogue.ts';
import { addMonths, monthEnd, monthIndex, monthStart, type Day, day } from './dates.ts';
import type { BsnSequence } from './bsn.ts';
import type { Client, InvoiceLine, PgbLine } from './model.ts';
import { YEARS, youths, type Municipality } from './region.ts';
import type { Rng } from '../random.ts';
import { DATA_END } from './trajectories.ts';

const PGB_INFLOW = 0.0052;
const PGB_TYPES = ['ambulant', 'dagbehandeling', 'LVB midden', 'J&O', 'verblijf'];
const PGB_WEIGHTS = [50, 20, 15, 10, 5];

/** PGB spells paid monthly by the SVB: separate clients, a monthly amount that varies a little. */
export function pgbLines(rng: Rng, m: Municipality, scale: number, bsns: BsnSequence): { clients: Client[]; lines: PgbLine[] } {
  const clients: Client[] = [];
  const lines: PgbLine[] = [];
  let seq = 0;
  for (const year of YEARS) {
    const n = rng.poisson(youths(m, year, scale) * PGB_INFLOW * m.usage * (year === 2015 ? 2.2 : 1));
    for (let i = 0; i < n; i++) {
      const district = rng.pick(m.districts);
      const start: Day = year === 2015 && i % 2 === 0 ? day(2015, 1, 1) : day(year, rng.int(1, 12), 1);
      const client: Client = {
        bsn: bsns.next(),
        birth: start - rng.int(3 * 365, 17 * 365),
        sex: rng.chance(0.6) ? '1' : '2',
        municipality: m.code,
        district: district.name,
        postcode4: rng.pick(district.postcodes),
        team: district.team,
      };
      clients.push(client);
      const careType = rng.weighted(PGB_TYPES, PGB_WEIGHTS);
      const monthly = rng.logNormal(careType === 'verblijf' ? 2900 : 940, 0.55);
      const end = Math.min(DATA_END, addMonths(start, Math.max(2, Math.round(rng.logNormal(14, 0.6)))) - 1);
      for (let mi = monthIndex(start); monthStart(mi) <= end; mi++) {
        lines.push({
          reference: `PGB${m.code}${String(++seq).padStart(8, '0')}`,
          municipality: m.code,
          client,
          periodStart: monthStart(mi),
          periodEnd: Math.min(end, monthEnd(mi)),
          careType,
          amountCents: Math.round(monthly * (0.95 + 0.1 * rng.next()) * 100),
        });
      }
    }
  }
  return { clients, lines };
}

export interface BudgetRow {
  year: number;
  municipality: string;
  careType: string;
  team: string;
  kind: 'begroting' | 'burap' | 'rijksbijdrage' | 'taakstelling';
  amountCents: number;
}

const thousand = (cents: number) => Math.round(cents / 100_000) * 100_000;

/** Budgets from realised cost: the plan lags growth (budget = last year's cost plus a cautious rise), burap closes part of the gap. */
export function budgets(rng: Rng, m: Municipality, lines: InvoiceLine[], pgb: PgbLine[]): BudgetRow[] {
  const byType = new Map<string, number>();
  const byTeam = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, v: number) => map.set(key, (map.get(key) ?? 0) + v);
  for (const l of lines) {
    if (l.rejected) continue;
    const y = new Date(l.periodStart * 86_400_000).getUTCFullYear();
    add(byType, `${y}/${l.allocation.product.careType}`, l.amountCents);
    add(byTeam, `${y}/${l.allocation.team}`, l.amountCents);
  }
  for (const p of pgb) {
    const y = new Date(p.periodStart * 86_400_000).getUTCFullYear();
    add(byType, `${y}/${p.careType}`, p.amountCents);
    add(byTeam, `${y}/${p.client.team}`, p.amountCents);
  }
  const rows: BudgetRow[] = [];
  for (const year of YEARS) {
    let planned = 0;
    let realised = 0;
    for (const careType of CARE_TYPES) {
      const now = byType.get(`${year}/${careType}`) ?? 0;
      const before = byType.get(`${year - 1}/${careType}`) ?? now;
      const amount = thousand(
        year === 2015 ? now * (0.97 + 0.08 * rng.next()) : Math.min(now * 1.03, before * (1.01 + 0.02 * rng.next())),
      );
      planned += amount;
      realised += now;
      rows.push({ year, municipality: m.code, careType, team: '', kind: 'begroting', amountCents: amount });
    }
    for (const team of m.teams) {
      const now = byTeam.get(`${year}/${team}`) ?? 0;
      rows.push({
        year,
        municipality: m.code,
        careType: '',
        team,
        kind: 'begroting',
        amountCents: thousand(now * (0.94 + 0.05 * rng.next())),
      });
    }
    if (realised > planned)
      rows.push({
        year,
        municipality: m.code,
        careType: '',
        team: '',
        kind: 'burap',
        amountCents: thousand((realised - planned) * (0.4 + 0.4 * rng.next())),
      });
    rows.push({
      year,
      municipality: m.code,
      careType: '',
      team: '',
      kind: 'rijksbijdrage',
      amountCents: thousand(planned * 0.92),
    });
    if (year >= 2022)
      rows.push({
        year,
        municipality: m.code,
        careType: '',
        team: '',
        kind: 'taakstelling',
        amountCents: -thousand(planned * 0.02),
      });
  }
  return rows;
}
