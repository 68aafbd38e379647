// Exact additive decomposition of a cost change (LMDI-I, log-mean Divisia) into volume, intensity, price and mix.
// Pure: takes aggregate rows (period × care type: cost, clients, care-days) so published tables can be fed in directly.

/** One aggregate input row. Amounts in cents (integers) so the effects can add up to the cent. */
export interface AggregateRow {
  period: string | number;
  /** Omitted = one group (no mix effect). */
  careType?: string;
  costCents: number;
  clients: number;
  careDays: number;
}

export interface PeriodFigures {
  period: string | number;
  costCents: number;
  clients: number;
  careDays: number;
}

export interface Effects {
  volume: number;
  intensity: number;
  price: number;
  mix: number;
  other: number;
}

/** Logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. */
export function logMean(a: number, b: number): number {
  return a === b ? a : (a - b) / (Math.log(a) - Math.log(b));
}

/**
 * Effects (cents) of the change from `before` to `after`: cost_i = C × (C_i / C) × (D_i / C_i) × (V_i / D_i), with C the
 * unique clients over all care types, C_i the clients, D_i the care-days and V_i the cost of care type i. Each factor's
 * effect is Σ_i L(V_i¹, V_i⁰) · ln(x_i¹ / x_i⁰). A care type present in only one of the two periods is a shift between care
 * types: its whole change counts as mix. A care type without clients or care-days in a period where it has cost (e.g. PGB
 * without allocations) cannot be decomposed: its change is 'other'. The effects are rounded to whole cents by largest
 * remainder, so they add up exactly to the change in cost.
 */
export function decompose(before: AggregateRow[], after: AggregateRow[], totalClients: [number, number]): Effects {
  const [c0, c1] = totalClients;
  const types = [...new Set([...before, ...after].map((r) => r.careType ?? ''))].sort();
  const raw: Effects = { volume: 0, intensity: 0, price: 0, mix: 0, other: 0 };
  const zero = { costCents: 0, clients: 0, careDays: 0 };
  for (const t of types) {
    const a = before.find((r) => (r.careType ?? '') === t) ?? zero;
    const b = after.find((r) => (r.careType ?? '') === t) ?? zero;
    const dv = b.costCents - a.costCents;
    const positive = (r: typeof a) => r.costCents > 0 && r.clients > 0 && r.careDays > 0;
    const empty = (r: typeof a) => r.costCents === 0 && r.clients === 0;
    if (positive(a) && positive(b) && c0 > 0 && c1 > 0) {
      const w = logMean(b.costCents, a.costCents);
      raw.volume += w * Math.log(c1 / c0);
      raw.mix += w * Math.log(b.clients / c1 / (a.clients / c0));
      raw.intensity += w * Math.log(b.careDays / b.clients / (a.careDays / a.clients));
      raw.price += w * Math.log(b.costCents / b.careDays / (a.costCents / a.careDays));
    } else if ((empty(a) && positive(b)) || (positive(a) && empty(b))) raw.mix += dv;
    else raw.other += dv;
  }
  const total = after.reduce((s, r) => s + r.costCents, 0) - before.reduce((s, r) => s + r.costCents, 0);
  return roundToTotal(raw, total);
}

/** Rounds each effect to whole cents so that they sum exactly to `total` (largest remainder). */
function roundToTotal(raw: Effects, total: number): Effects {
  const keys = Object.keys(raw) as (keyof Effects)[];
  const out = Object.fromEntries(keys.map((k) => [k, Math.floor(raw[k])])) as unknown as Effects;
  let rest = total - keys.reduce((s, k) => s + out[k], 0);
  const order = [...keys].sort(
    (x, y) => raw[y] - Math.floor(raw[y]) - (raw[x] - Math.floor(raw[x])) || keys.indexOf(x) - keys.indexOf(y),
  );
  for (let i = 0; rest > 0; i = (i + 1) % order.length, rest--) out[order[i]!] += 1;
  for (let i = order.length - 1; rest < 0; i = (i - 1 + order.length) % order.length, rest++) out[order[i]!] -= 1;
  return out;
}

/** Totals per period (cost, unique clients as given, care-days) from aggregate rows; `clients` overrides the sum. */
export function periodFigures(rows: AggregateRow[], clients?: Map<string | number, number>): PeriodFigures[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return periods.map((p) => {
    const rs = rows.filter((r) => r.period === p);
    return {
      period: p,
      costCents: rs.reduce((s, r) => s + r.costCents, 0),
      careDays: rs.reduce((s, r) => s + r.careDays, 0),
      clients: clients?.get(p) ?? rs.reduce((s, r) => s + r.clients, 0),
    };
  });
}
