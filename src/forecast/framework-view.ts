// The financial framework as the API and the report show it: per year the framework (budget … net cost), the realised
// cost beside it (invoices + non-invoice cost lines, as separate parts) and the gap of that realised cost to the path.
// A region is the sum of its municipalities; a part missing for one of them leaves the sum unknown, never partial.
import type { Store } from '../store/index.ts';
import type { CostKind } from './cost-kinds.ts';
import { costParts, indexCostLines, readCostLines, readInvoiced } from './cost-lines.ts';
import { framework, sumFrameworks, type FrameworkYear } from './framework.ts';
import { readFrameworkInputs, readParts } from './framework-store.ts';
import { gapToPath } from './targetpath.ts';

export interface FrameworkViewYear extends FrameworkYear {
  /** Accepted invoices with PGB over care in the year; null when nothing is realised in the year yet. */
  invoicedCents: number | null;
  /** Non-invoice cost per kind imported anywhere: null when not imported for the year (for one municipality), never 0. */
  costLines: Partial<Record<CostKind, number | null>>;
  /** All cost-line kinds together; null when one is unknown. */
  costLinesCents: number | null;
  /** invoices + cost lines; null when nothing is realised yet or a cost-line part is unknown. */
  realisedCents: number | null;
  /** realised − year cost (positive = above the path); null with a reason in `unknown`. */
  gapCents: number | null;
}

export interface FrameworkQuery {
  /** Within these municipalities (summed); undefined: every municipality in the store. */
  municipalities?: readonly string[];
  from?: number;
  to?: number;
}

/** The framework of every year with a budget row (budget … net cost), of one municipality or summed over the region's. */
export async function frameworkYears(
  store: Store,
  municipalities?: readonly string[],
): Promise<{ partsAsked: string[]; all: FrameworkYear[] }> {
  const partsAsked = await readParts(store, municipalities);
  const inputs = await readFrameworkInputs(store, partsAsked);
  const parts = new Map(partsAsked.map((code) => [code, framework(inputs.get(code) ?? [])]));
  return { partsAsked, all: parts.size === 1 ? [...parts.values()][0]! : sumFrameworks(parts) };
}

/**
 * The framework years from `from` to `to` (default: every year with a budget row). Carried budgets look back before
 * `from`, so the whole history is computed and then cut.
 */
export async function frameworkView(store: Store, q: FrameworkQuery): Promise<FrameworkViewYear[]> {
  const { partsAsked, all } = await frameworkYears(store, q.municipalities);
  const years = all.filter((y) => (q.from === undefined || y.year >= q.from) && (q.to === undefined || y.year <= q.to));
  if (years.length === 0) return [];
  const invoiced = await readInvoiced(store, years[0]!.year, years.at(-1)!.year, partsAsked);
  const lines = await readCostLines(store, partsAsked);
  const index = indexCostLines(lines);
  const realised = years.map((y) => {
    const anything = invoiced.has(y.year) || lines.some((l) => l.year === y.year);
    if (!anything) return null;
    const inv = invoiced.get(y.year) ?? 0;
    const p = costParts(index, partsAsked, y.year);
    return { invoicedCents: inv, parts: p, realisedCents: p.totalCents === null ? null : inv + p.totalCents };
  });
  const expected = new Map<number, number>();
  years.forEach((y, i) => {
    const r = realised[i];
    if (r?.realisedCents !== null && r?.realisedCents !== undefined) expected.set(y.year, r.realisedCents);
  });
  const gaps = gapToPath(years, expected);
  return years.map((y, i) => {
    const r = realised[i];
    const unknown = [...y.unknown];
    for (const reason of gaps[i]!.unknown) if (!reason.startsWith('Er is geen verwachting')) unknown.push(reason);
    if (!r) unknown.push(`Over ${y.year} zijn nog geen kosten gerealiseerd; de afstand tot het pad is onbekend.`);
    else if (r.realisedCents === null)
      unknown.push(
        ...r.parts.unknown,
        `Het gerealiseerde ${y.year} (declaraties plus kostenregels) en de afstand tot het pad zijn daarom onbekend.`,
      );
    return {
      ...y,
      invoicedCents: r?.invoicedCents ?? null,
      costLines: r ? r.parts.byKind : Object.fromEntries(index.kinds.map((k) => [k, null])),
      costLinesCents: r?.parts.totalCents ?? null,
      realisedCents: r?.realisedCents ?? null,
      gapCents: gaps[i]!.gapCents,
      unknown,
    };
  });
}
