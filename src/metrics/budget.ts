// Budget versus realisation per year (and municipality, care type, team): realised = invoiced + expected for care
// delivered in recent months that has not been invoiced yet.
import { empty, ident, idents, join, leading, sql, type Store } from '../store/index.ts';
import { splitSelect } from './sql/dimensions.ts';
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { dimension } from '../contract/dimensions.ts';
import { allocFact, costFact } from './sql/facts.ts';
import { FILTER_DIMENSIONS, type Where } from './sql/filters.ts';
import { eur, joinOn, pct, query, result, splitColumns, type Row } from './result.ts';
import type { Dimension, Filters, Metric, MetricRequest } from './types.ts';
import { COST_KIND_LABELS, type CostKind } from '../forecast/cost-kinds.ts';
import { costParts, indexCostLines, readCostLines } from '../forecast/cost-lines.ts';

const BUDGET_COLUMN: Partial<Record<Dimension, string>> = {
  municipality: 'municipality',
  care_type: 'care_type',
  team: 'team_id',
};

/** Budget rows at the level the question asks for: per care type / team when split or filtered so, else the '' rows. */
export function budgetSql(req: MetricRequest): Where {
  const f = req.filters;
  const byType = req.split.includes('care_type') || !!f.care_type;
  const byTeam = req.split.includes('team') || !!f.team;
  const parts: Where[] = [sql`true`];
  for (const d of ['municipality', 'care_type', 'team'] as const) {
    const values = f[d];
    if (values) parts.push(sql`${ident(BUDGET_COLUMN[d]!)} IN (${values.length ? join(values) : sql`NULL`})`);
  }
  if (f.from) parts.push(sql`year >= year(${f.from}::DATE)`);
  if (f.to) parts.push(sql`year <= year(${f.to}::DATE)`);
  const keys = req.split.map((d) => sql`${ident(BUDGET_COLUMN[d]!)} AS ${ident(d)}`);
  // Without a care-type split, a municipality that only budgets per care type still gets its total (sum of those rows);
  // decided per kind, so a burap given as one total does not hide a begroting given per care type.
  const typeLevel = byType
    ? sql`care_type <> ''`
    : sql`(care_type = '' OR NOT EXISTS (SELECT 1 FROM budget o WHERE o.year = b.year
    AND o.municipality = b.municipality AND o.team_id = b.team_id AND o.kind = b.kind AND o.care_type = ''))`;
  return sql`
    SELECT year, ${leading(keys)}
      sum(amount_cents) FILTER (WHERE kind = 'begroting')::BIGINT AS original_cents,
      sum(amount_cents) FILTER (WHERE kind IN ('begroting', 'burap'))::BIGINT AS budget_cents
    FROM budget b WHERE ${join(parts, ' AND ')} AND ${typeLevel} AND ${byTeam ? sql`team_id <> ''` : sql`team_id = ''`}
    GROUP BY ALL`;
}

const COST_KINDS = Object.keys(COST_KIND_LABELS) as CostKind[];

/**
 * The non-invoice cost lines are known per municipality and year only: with another split or filter (care type,
 * provider …) they cannot be attributed, and their columns stay empty.
 */
function costLinesApply(req: MetricRequest): boolean {
  return (
    req.split.every((d) => d === 'municipality') &&
    FILTER_DIMENSIONS.every((d) => d === 'municipality' || !req.filters[d as keyof Filters])
  );
}

export const budgetRealisation: Metric = {
  id: 'budget',
  title: 'Begroting en realisatie',
  definition:
    'Per jaar: de begroting (primitieve begroting plus burap-wijzigingen) naast de realisatie. Realisatie = gedeclareerde ' +
    'kosten (geaccepteerd, jaar van de zorg, PGB inbegrepen) plus een verwachting voor geleverde zorg die nog niet is ' +
    'gedeclareerd: voor elke toewijzing die actief was in een van de laatste maanden vóór de peildatum (standaard 3 ' +
    'maanden; peildatum standaard de laatst gedeclareerde periode) en voor die maand nog geen declaratie heeft, het ' +
    'toegewezen bedrag van die maand (budget, of omvang × tarief; zoals bij "Uitnutting"), behalve maanden vóór een bekende ' +
    'start zorg (JW305) of na een bekende stop zorg (JW307): daarin is geen zorg geleverd. Oudere maanden zonder declaratie gelden als niet ' +
    'gebruikt. Verschil = begroting − realisatie. Per zorgsoort of team telt de begroting van die zorgsoort of dat team; ' +
    'andere filters (aanbieder, verwijzer …) gelden niet voor de begroting. Daarnaast, als aparte delen: de kosten die geen ' +
    'declaratie zijn (toegang, subsidies, lumpsum, preventie, overig; alleen per gemeente en jaar bekend) en de realisatie ' +
    'inclusief die kosten. Een soort is voor een jaar alleen bekend als elke gemeente van de rij er een kostenregel van ' +
    'heeft ingelezen (een ingelezen 0 telt als 0); anders blijft die soort leeg (onbekend, nooit 0), en dan ook de ' +
    'realisatie inclusief kosten buiten declaraties. Die blijft ook leeg zolang er geen enkele kostenregel is ingelezen.',
  splits: ['municipality', 'care_type', 'team'],
  params: [
    { name: 'lag_months', label: 'Maanden declaratievertraging', type: 'number', default: 3, max: 120, integer: true },
    {
      name: 'peildatum',
      label: 'Peildatum (jjjj-mm-dd; leeg = laatst gedeclareerde periode)',
      type: 'string',
      default: '',
      format: 'date',
    },
  ],
  async compute(store: Store, req: MetricRequest) {
    const ref = String(req.params!.peildatum ?? '');
    const refSql = ref ? sql`${ref}::DATE` : sql`(SELECT peildatum FROM d_meta)`;
    const names = req.split as string[];
    const cost = costFact({ ...req, filters: { ...req.filters, basis: 'care' } });
    const al = allocFact(req, req.split, true);
    const k = leading(idents(names));
    const joinKeys = (t: string) =>
      sql`LEFT JOIN ${ident(t)} ON ${ident(t, 'year')} = keys.year ${names.length ? sql`AND ${joinOn(names, t, 'keys')}` : empty}`;
    const q = sql`
      WITH bud AS MATERIALIZED (${budgetSql(req)}),
      inv AS MATERIALIZED (SELECT year(f.care_date) AS year, ${leading(splitSelect(req.split, sql`f.care_date`))}
              sum(f.amount_cents)::BIGINT AS invoiced_cents FROM ${cost.from} WHERE ${cost.where} GROUP BY ALL),
      exp AS MATERIALIZED (SELECT year(f.first_day) AS year, ${leading(splitSelect(req.split, sql`f.first_day`))}
              sum(f.allocated_num / f.allocated_den * (least(f.last_day, ${refSql}) - f.first_day + 1) / f.days) AS expected_cents
              FROM ${al.from} WHERE ${al.where} AND f.first_day <= ${refSql}
                -- delivered care decides what is expected: not before a known start or after a known stop of care
                AND (f.care_start IS NULL OR f.care_start <= f.last_day) AND (f.care_end IS NULL OR f.care_end >= f.first_day)
                AND f.month > date_trunc('month', ${refSql}) - to_months(${Number(req.params!.lag_months)}::INTEGER)
                AND NOT EXISTS (SELECT 1 FROM d_cost c WHERE c.municipality = f.municipality AND c.allocation_no = f.allocation_no
                                AND date_trunc('month', c.care_date) = f.month)
              GROUP BY ALL),
      keys AS (SELECT DISTINCT year, ${k} FROM (SELECT year, ${k} FROM bud UNION ALL SELECT year, ${k} FROM inv
               UNION ALL SELECT year, ${k} FROM exp))
      SELECT keys.*, bud.original_cents, bud.budget_cents, inv.invoiced_cents, round(exp.expected_cents)::BIGINT AS expected_cents
      FROM keys
      ${join(['bud', 'inv', 'exp'].map(joinKeys), '\n')}
      ORDER BY ${join([sql`keys.year`, ...idents(names, 'keys')])}`;
    const lines = costLinesApply(req);
    // The cost lines of the asked municipalities; a row's part is known only when each of its municipalities has one.
    const asked =
      req.filters.municipality ??
      (await store.all<{ municipality: string }>(sql`SELECT municipality FROM d_municipalities`)).map((r) => r.municipality);
    const index = indexCostLines(lines ? await readCostLines(store, asked) : []);
    const missing = new Set<string>();
    const shape = (r: Row) => {
      const realised = Number(r.invoiced_cents ?? 0) + Number(r.expected_cents ?? 0);
      const parts = lines
        ? costParts(index, typeof r.municipality === 'string' ? [r.municipality] : asked, Number(r.year))
        : null;
      for (const reason of parts?.unknown ?? []) missing.add(reason);
      return {
        year: r.year,
        ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
        original_budget: eur(r.original_cents),
        budget: eur(r.budget_cents),
        invoiced: eur(r.invoiced_cents ?? 0),
        expected: eur(r.expected_cents ?? 0),
        realised: eur(realised),
        difference: r.budget_cents === null ? null : eur(Number(r.budget_cents) - realised),
        realised_pct: pct(realised, r.budget_cents),
        // A kind not imported (for one of the row's municipalities) is unknown, never € 0; so is the total with it.
        ...Object.fromEntries(COST_KINDS.map((k) => [`cost_${k}`, eur(parts?.byKind[k])])),
        realised_total: parts?.totalCents === null || !parts ? null : eur(realised + parts.totalCents),
      };
    };
    const ignored = FILTER_DIMENSIONS.filter((d) => !(d in BUDGET_COLUMN) && req.filters[d as keyof Filters]);
    const notes = ignored.length
      ? [
          `De begroting is niet uitgesplitst naar ${ignored.map((d) => dimension(d).label.toLowerCase()).join(', ')}; ` +
            'dat filter geldt alleen voor de realisatie.',
        ]
      : [];
    if (!lines)
      notes.push(
        'De kosten buiten declaraties zijn alleen per gemeente en jaar bekend; met deze uitsplitsing of filters blijven ze leeg.',
      );
    const rows = (await query(store, q)).map(shape);
    notes.push(...missing);
    return result(
      this,
      req,
      [
        C.budget.year,
        ...splitColumns(req.split),
        C.budget.original_budget,
        C.budget.budget,
        C.budget.invoiced,
        C.budget.expected,
        C.budget.realised,
        C.budget.difference,
        C.budget.realised_pct,
        C.budget.cost_toegang,
        C.budget.cost_subsidie,
        C.budget.cost_lumpsum,
        C.budget.cost_preventie,
        C.budget.cost_overig,
        C.budget.realised_total,
      ],
      rows,
      undefined,
      notes,
    );
  },
};
