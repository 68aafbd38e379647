// The whole cost picture: youth-care costs that are not invoices (table cost_line: access team, subsidies, lump sums,
// prevention), read per year, municipality and kind, and summed over municipalities without ever reading a missing
// line as € 0 — a kind is known for a year only when every municipality imported a line of it (a zero counts).
import { COST_KIND_LABELS, type CostKind } from './cost-kinds.ts';
import { ensureDerived, join, sql, type Sql, type Store } from '../store/index.ts';

/** One kind's imported amount of one municipality in one year (its lines summed). */
export interface CostLineSum {
  year: number;
  municipality: string;
  kind: CostKind;
  cents: number;
}

/** The imported cost lines, indexed; `kinds`: the kinds imported anywhere (in label order) — the picture's parts. */
export interface CostLineIndex {
  kinds: CostKind[];
  cents: ReadonlyMap<string, number>;
}

/** One year's cost-line parts over a set of municipalities. */
export interface CostParts {
  /** Per kind in use: the sum, or null when a municipality has no line of that kind for the year. */
  byKind: Partial<Record<CostKind, number | null>>;
  /** All kinds together; null when one is unknown, or when no cost line was imported at all. */
  totalCents: number | null;
  /** Why a part is unknown, in Dutch, naming the kind and the municipalities. */
  unknown: string[];
}

const key = (year: number, municipality: string, kind: CostKind) => `${year}|${municipality}|${kind}`;

/** `AND municipality IN (…)`, or nothing for the whole store. */
export const within = (municipalities?: readonly string[]): Sql =>
  municipalities ? sql`AND municipality IN (${municipalities.length ? join([...municipalities]) : sql`NULL`})` : sql``;

/** Every imported cost line within the municipalities (undefined: all), summed per year, municipality and kind. */
export async function readCostLines(store: Store, municipalities?: readonly string[]): Promise<CostLineSum[]> {
  const rows = await store.all<CostLineSum>(sql`
    SELECT year, municipality, cost_kind AS kind, sum(amount_cents)::BIGINT AS cents FROM cost_line
    WHERE true ${within(municipalities)} GROUP BY ALL ORDER BY year, municipality, kind`);
  return rows.map((r) => ({ ...r, year: Number(r.year), cents: Number(r.cents) }));
}

export function indexCostLines(lines: readonly CostLineSum[]): CostLineIndex {
  const seen = new Set(lines.map((l) => l.kind));
  return {
    kinds: (Object.keys(COST_KIND_LABELS) as CostKind[]).filter((k) => seen.has(k)),
    cents: new Map(lines.map((l) => [key(l.year, l.municipality, l.kind), l.cents])),
  };
}

/**
 * The parts of `year` over `municipalities`: per kind in use the sum when every municipality has a line of it, else
 * null with a reason naming who lacks it (never a partial sum). No kind in use: the total is unknown too.
 */
export function costParts(index: CostLineIndex, municipalities: readonly string[], year: number): CostParts {
  const byKind: CostParts['byKind'] = {};
  const unknown: string[] = [];
  let total: number | null = index.kinds.length ? 0 : null;
  if (index.kinds.length === 0)
    unknown.push('Er zijn geen kostenregels buiten de declaraties ingelezen; dat deel van de kosten is onbekend.');
  for (const kind of index.kinds) {
    let sum: number | null = 0;
    const missing: string[] = [];
    for (const m of municipalities) {
      const cents = index.cents.get(key(year, m, kind));
      if (cents === undefined) missing.push(m);
      else if (sum !== null) sum += cents;
    }
    if (missing.length || municipalities.length === 0) {
      sum = null;
      unknown.push(
        `Kostenregel ${COST_KIND_LABELS[kind].toLowerCase()} ${year} niet ingelezen` +
          `${missing.length ? ` voor ${missing.join(', ')}` : ''}; dat deel is onbekend (niet als 0 gerekend).`,
      );
    }
    byKind[kind] = sum;
    total = total === null || sum === null ? null : total + sum;
  }
  return { byKind, totalCents: total, unknown };
}

/** Accepted invoice lines and PGB payments (d_cost) per year of care, from `from` to `to`, within the municipalities. */
export async function readInvoiced(
  store: Store,
  from: number,
  to: number,
  municipalities?: readonly string[],
): Promise<Map<number, number>> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const rows = await store.all<{ year: number; cents: number }>(sql`
    SELECT year(care_date)::INTEGER AS year, sum(amount_cents)::BIGINT AS cents FROM d_cost
    WHERE year(care_date) BETWEEN ${from} AND ${to} ${within(municipalities)} GROUP BY ALL`);
  return new Map(rows.map((r) => [Number(r.year), Number(r.cents)]));
}
