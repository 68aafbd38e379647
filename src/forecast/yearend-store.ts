// Reads the year-end forecast's inputs from the store: the invoice triangle (accepted cost, PGB included, per municipality
// and care type or team, by month of care and month of invoice; a PGB payment counts as invoiced at the end of its period)
// and the allocated value per month of the allocations, priced as the utilisation metric prices them.
import { allocatedPiecesSql } from '../store/derive.ts';
import { derivedGeneration, ensureDerived, join, sql, type Sql, type Store } from '../store/index.ts';
import type { AllocatedCell, UtilisationSource } from './yearend-allocations.ts';
import type { PastError } from './yearend-band.ts';
import { type CostCell, pastErrors, type YearEndForecast, type YearEndModel, yearEndForecast } from './yearend.ts';

/** What the groups are split by besides the municipality. */
export type TriangleSplit = 'care_type' | 'team';

export interface TriangleGroup {
  municipality: string;
  /** The care type, or the team ('' for cost without a team, such as PGB). */
  split: string;
  cells: CostCell[];
}

/** The allocated value of one municipality × care type or team. */
export interface AllocatedGroup {
  municipality: string;
  split: string;
  allocated: AllocatedCell[];
}

const SPLIT_SQL: Record<TriangleSplit, Sql> = { care_type: sql`care_type`, team: sql`coalesce(team_id, '')` };

/**
 * SQL: the start month (absolute) of an allocation, as far as a forecast made from the year before the month of care on
 * can tell it: a start before that year counts as its January (fewer, larger cells; no such forecast sees a difference).
 */
const startMonthSql = (start: Sql, care: Sql) =>
  sql`greatest(year(${start}) * 12 + month(${start}) - 1, (year(${care}) - 1) * 12)::INTEGER`;

/** The cost cells per municipality × care type or team (rows of the derived cost table; call after `refreshDerived`). */
export async function readCostTriangle(
  store: Store,
  options: { by?: TriangleSplit; municipalities?: readonly string[] } = {},
): Promise<TriangleGroup[]> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const municipalities = options.municipalities;
  const rows = await store.all<{
    municipality: string;
    split: string;
    care_month: number;
    invoice_month: number;
    start_month: number | null;
    cents: number;
  }>(sql`
    WITH priced AS (  -- allocations with an amount, and the month they start
      SELECT DISTINCT municipality, allocation_no, start_date FROM d_alloc_piece WHERE allocated_num IS NOT NULL)
    SELECT c.municipality, ${SPLIT_SQL[options.by ?? 'care_type']} AS split,
      (year(care_date) * 12 + month(care_date) - 1)::INTEGER AS care_month,
      (year(invoice_date) * 12 + month(invoice_date) - 1)::INTEGER AS invoice_month,
      CASE WHEN p.start_date IS NOT NULL THEN ${startMonthSql(sql`p.start_date`, sql`care_date`)} END AS start_month,
      sum(amount_cents)::BIGINT AS cents
    FROM d_cost c LEFT JOIN priced p ON p.municipality = c.municipality AND p.allocation_no = c.allocation_no
    WHERE ${inMunicipalities(municipalities, sql`c.municipality`)}
    GROUP BY ALL ORDER BY c.municipality, split, care_month, invoice_month, start_month NULLS FIRST`);
  const groups = new Map<string, TriangleGroup>();
  for (const r of rows) {
    const g = groupOf(groups, r, () => ({ municipality: r.municipality, split: r.split, cells: [] }));
    const cell: CostCell = { careMonth: r.care_month, invoiceMonth: r.invoice_month, cents: r.cents };
    if (r.start_month !== null) cell.start = r.start_month;
    g.cells.push(cell);
  }
  return [...groups.values()];
}

/** SQL: `column` is one of the municipalities (TRUE when they are not given). */
const inMunicipalities = (municipalities: readonly string[] | undefined, column: Sql) =>
  municipalities ? sql`${column} IN (${municipalities.length ? join([...municipalities]) : sql`NULL`})` : sql`TRUE`;

function groupOf<G>(groups: Map<string, G>, r: { municipality: string; split: string }, make: () => G): G {
  const key = `${r.municipality}\u0000${r.split}`;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = make()));
  return g;
}

/**
 * The allocated value per municipality × care type or team, by start month and month of care, as the utilisation metric
 * prices it (tariff of the month's year); an open-ended allocation counts to the end of the peildatum's year (it runs
 * until it is ended). Allocations without an amount are left out.
 */
export async function readAllocated(
  store: Store,
  options: { by?: TriangleSplit; municipalities?: readonly string[] } = {},
): Promise<AllocatedGroup[]> {
  await ensureDerived(store);
  // d_alloc_piece holds every allocation priced to its end; only the open-ended ones (there to the peildatum) are priced
  // again, to the year-end.
  const open = sql`(SELECT * FROM (
      SELECT a.* REPLACE (greatest(a.end_date, make_date(year(m.peildatum), 12, 31)) AS end_date)
      FROM d_alloc a CROSS JOIN d_meta m WHERE a.open_ended)
    WHERE end_date >= start_date)`;
  const rows = await store.all<{
    municipality: string;
    split: string;
    start_month: number;
    care_month: number;
    cents: number;
  }>(sql`
    WITH pieces AS (
      SELECT * FROM d_alloc_piece WHERE NOT open_ended
      UNION ALL BY NAME SELECT * FROM (${allocatedPiecesSql(open)}))
    SELECT municipality, ${SPLIT_SQL[options.by ?? 'care_type']} AS split,
      ${startMonthSql(sql`start_date`, sql`month`)} AS start_month,
      (year(month) * 12 + month(month) - 1)::INTEGER AS care_month,
      sum(allocated_num / allocated_den)::DOUBLE AS cents
    FROM pieces WHERE allocated_num IS NOT NULL AND ${inMunicipalities(options.municipalities, sql`municipality`)}
    GROUP BY ALL ORDER BY municipality, split, start_month, care_month`);
  const groups = new Map<string, AllocatedGroup>();
  for (const r of rows) {
    const g = groupOf(groups, r, () => ({ municipality: r.municipality, split: r.split, allocated: [] }));
    g.allocated.push({ start: r.start_month, careMonth: r.care_month, cents: r.cents });
  }
  return [...groups.values()];
}

/** Cells of several groups summed per month of care, month of invoice and (if `withStart`) start month. */
export function compact(cells: readonly CostCell[], withStart: boolean): CostCell[] {
  const sums = new Map<string, CostCell>();
  for (const c of cells) {
    const start = withStart ? c.start : undefined;
    const key = `${c.careMonth}/${c.invoiceMonth}/${start}`;
    const s = sums.get(key);
    if (s) s.cents += c.cents;
    else
      sums.set(key, {
        careMonth: c.careMonth,
        invoiceMonth: c.invoiceMonth,
        cents: c.cents,
        ...(start === undefined ? {} : { start }),
      });
  }
  return [...sums.values()];
}

/** Allocated cells of several groups summed per start month and month of care. */
export function compactAllocated(cells: readonly AllocatedCell[]): AllocatedCell[] {
  const sums = new Map<string, AllocatedCell>();
  for (const c of cells) {
    const key = `${c.start}/${c.careMonth}`;
    const s = sums.get(key);
    if (s) s.cents += c.cents;
    else sums.set(key, { ...c });
  }
  return [...sums.values()];
}

/** What the forecast learns on the region: the lag, season and growth on all cost; utilisation per care type. */
export interface RegionLearning {
  pattern: CostCell[];
  /** Where the utilisation of a care type (or, per team and for totals, of everything: key null) is learned. */
  utilisationFrom: (key: string | null) => UtilisationSource;
}

export function regionLearning(
  groups: readonly TriangleGroup[],
  allocated: readonly AllocatedGroup[],
  per: TriangleSplit,
): RegionLearning {
  const source = (gs: readonly TriangleGroup[], as: readonly AllocatedGroup[]): UtilisationSource => ({
    cells: compact(
      gs.flatMap((g) => g.cells),
      true,
    ),
    allocated: compactAllocated(as.flatMap((a) => a.allocated)),
  });
  // Built when first asked for: a view of one municipality needs only its own care types.
  const cache = new Map<string | null, UtilisationSource>();
  const utilisationFrom = (key: string | null): UtilisationSource => {
    const k = per === 'care_type' && groups.some((g) => g.split === key) ? key : null;
    let s = cache.get(k);
    if (!s) {
      s =
        k === null
          ? source(groups, allocated)
          : source(
              groups.filter((g) => g.split === k),
              allocated.filter((a) => a.split === k),
            );
      cache.set(k, s);
    }
    return s;
  };
  return {
    pattern: compact(
      groups.flatMap((g) => g.cells),
      false,
    ),
    utilisationFrom,
  };
}

/**
 * The errors of earlier years at the same month that every 80 % interval is read from: of each municipality × care
 * type (or team), each municipality, each care type (or team) of the region and the region, on the region's pattern.
 * With `totalsOnly`: only each municipality and the region, the same whatever the split (a total's band must not
 * depend on how its rows are split).
 */
export function errorPool(
  groups: readonly TriangleGroup[],
  year: number,
  cutoff: number,
  pattern: readonly CostCell[],
  totalsOnly = false,
): PastError[] {
  // The level model reads no start month: each unit's cells summed per month of care and invoice (the same sums in
  // whole cents, far fewer cells).
  const sumOf = (key: (g: TriangleGroup) => string) => {
    const sums = new Map<string, CostCell[]>();
    for (const g of groups) {
      const cells = sums.get(key(g));
      if (cells) cells.push(...g.cells);
      else sums.set(key(g), [...g.cells]);
    }
    return [...sums.values()];
  };
  const units = totalsOnly
    ? [...sumOf((g) => g.municipality), groups.flatMap((g) => g.cells)]
    : [...groups.map((g) => g.cells), ...sumOf((g) => g.municipality), ...sumOf((g) => g.split), groups.flatMap((g) => g.cells)];
  return units.flatMap((cells) => pastErrors(compact(cells, false), year, cutoff, { pattern }));
}

/** Everything a year-end question reads of the whole region, for one split. */
export interface RegionInputs {
  groups: TriangleGroup[];
  allocated: AllocatedGroup[];
  learned: RegionLearning;
  /** The error pool of a year at a cut-off (computed once per year and cut-off). */
  pool: (year: number, cutoff: number) => PastError[];
  /** The errors of the municipalities and the region alone, that a total's band is read from (once per year and cut-off). */
  totalPool: (year: number, cutoff: number) => PastError[];
}

/** Per store (its root): the region's inputs per split, valid while the derived tables are not rebuilt. */
const regionCache = new WeakMap<Store, { generation: number; bySplit: Map<TriangleSplit, Promise<RegionInputs>> }>();

/**
 * The region's cost cells, allocated value, learning and error pools for a split, read from the store once per data
 * state (every question needs the whole region to learn from; reading it is what costs the time).
 */
export async function regionInputs(store: Store, by: TriangleSplit): Promise<RegionInputs> {
  await ensureDerived(store);
  const generation = derivedGeneration(store);
  let entry = regionCache.get(store.root);
  if (!entry || entry.generation !== generation) regionCache.set(store.root, (entry = { generation, bySplit: new Map() }));
  const cached = entry.bySplit.get(by);
  if (cached) return cached;
  const bySplit = entry.bySplit;
  const read = (async (): Promise<RegionInputs> => {
    const groups = await readCostTriangle(store, { by });
    const allocated = await readAllocated(store, { by });
    const learned = regionLearning(groups, allocated, by);
    const pools = new Map<string, PastError[]>();
    const poolOf = (totalsOnly: boolean) => (year: number, cutoff: number) => {
      const key = `${year}/${cutoff}/${totalsOnly}`;
      let p = pools.get(key);
      if (!p) pools.set(key, (p = errorPool(groups, year, cutoff, learned.pattern, totalsOnly)));
      return p;
    };
    return { groups, allocated, learned, pool: poolOf(false), totalPool: poolOf(true) };
  })();
  bySplit.set(by, read);
  // A failed read (e.g. a question's time limit) is tried again by the next question.
  read.catch(() => bySplit.get(by) === read && bySplit.delete(by));
  return read;
}

export interface GroupForecast {
  municipality: string;
  split: string;
  forecast: YearEndForecast;
}

/**
 * The year-end forecast of `year` per municipality × care type or team, at the end of the cut-off month (default: the
 * month of the store's peildatum). The invoice lag, seasonal profile and growth are learned on all groups together
 * (the region), utilisation on the region's allocations of the care type.
 */
export async function yearEndFromStore(
  store: Store,
  year: number,
  options: { cutoff?: number; by?: TriangleSplit; model?: YearEndModel } = {},
): Promise<GroupForecast[]> {
  // The derived tables are built once per store (a store opened before any question has none yet).
  await ensureDerived(store);
  const by = options.by ?? 'care_type';
  const groups = await readCostTriangle(store, { by });
  const allocated = await readAllocated(store, { by });
  const cutoff = options.cutoff;
  const at =
    cutoff ??
    (await store.one<{ m: number }>(sql`SELECT (year(peildatum) * 12 + month(peildatum) - 1)::INTEGER AS m FROM d_meta`))!.m;
  const learned = regionLearning(groups, allocated, by);
  const allocOf = new Map(allocated.map((a) => [`${a.municipality}/${a.split}`, a.allocated]));
  const pool = errorPool(groups, year, at, learned.pattern);
  return groups.map((g) => ({
    municipality: g.municipality,
    split: g.split,
    forecast: yearEndForecast(g.cells, year, at, {
      pattern: learned.pattern,
      allocated: allocOf.get(`${g.municipality}/${g.split}`) ?? [],
      utilisationFrom: learned.utilisationFrom(by === 'care_type' ? g.split : null),
      pool,
      ...(options.model ? { model: options.model } : {}),
    }),
  }));
}
