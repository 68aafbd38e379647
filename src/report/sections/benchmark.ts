// Section "Vergelijking met andere gemeenten": the share of youths with youth care without residence (CBS) of the
// municipality beside its reference group, its youth-care region and the Netherlands per half-year, as a table and a line
// chart with the index; CBS's youth-care cost per inhabitant and per youth in care per year beside the same lines; then
// the own figures counted with CBS's definition beside CBS's, with what explains the gap.
import { BENCHMARK_MEASURES, type BenchmarkMeasure, type BenchmarkSeries } from '../../benchmark/series.ts';
import { EXPLANATION_COLUMNS, explanationRows, OWN_CBS_COLUMNS, ownCbsRows } from '../../benchmark/owncbs-table.ts';
import { formatPeriod } from '../../contract/format.ts';
import type { Column, MetricResult, Value } from '../../contract/index.ts';
import { RoerError } from '../../errors.ts';
import { regionGap, relativeGap } from '../messages/benchmark.ts';
import type { Block, Caveat } from '../model.ts';
import { chart, TREND_YEARS, type SectionContext, type SectionDef } from './context.ts';

/** The measure of the section: the council papers' benchmark figure (youths 0–17 with care without residence). */
const MEASURE = 'zonder-verblijf';

/** CBS's figures not imported (no table): no section, rather than a failed report. */
async function unlessMissing<T>(question: Promise<T>): Promise<T | null> {
  try {
    return await question;
  } catch (e) {
    if (e instanceof RoerError) return null;
    throw e;
  }
}

/** The series per half-year from `base` through the report year, as a metric-like answer the chart builders draw. */
export function seriesResult(series: BenchmarkSeries, base: string, year: number): MetricResult {
  const own = series.lines.find((l) => l.who === 'gemeente')!;
  const columns: Column[] = [
    { name: 'half_year', label: 'Halfjaar', unit: 'text', kind: 'key' },
    ...series.lines.map((l): Column => ({ name: l.who, label: l.label, unit: 'pct', kind: 'value' })),
    { name: 'index', label: `Index ${own.label} (${formatPeriod(base)} = 100)`, unit: 'ratio', kind: 'value' },
    { name: 'gap', label: `${own.label} t.o.v. de regio`, unit: 'pct', kind: 'value' },
  ];
  const periods = own.points.map((p) => p.period).filter((p) => p >= base && p <= `${year}-H2`);
  const rows = periods.map((period) => {
    const row: Record<string, Value> = { half_year: period };
    for (const l of series.lines) row[l.who] = l.points.find((p) => p.period === period)?.percent ?? null;
    row.index = own.points.find((p) => p.period === period)?.index ?? null;
    const gap = relativeGap(row.gemeente as number | null, row.regio as number | null);
    row.gap = gap === null ? null : Math.round(gap * 10) / 10;
    return row;
  });
  return {
    metric: 'benchmark',
    title: series.label,
    columns,
    rows,
    filters: {},
    split: ['half_year'],
  };
}

/** The cost measures shown per year below the share (CBS 83454NED over inhabitants, and over youths in care). */
const COST_MEASURES = ['kosten-per-inwoner', 'kosten-per-client'] as const;

/** A cost series per year from `from` through the report year: per line the amount (euros) and the municipality's index. */
export function yearlyResult(series: BenchmarkSeries, from: number, year: number): MetricResult {
  const own = series.lines.find((l) => l.who === 'gemeente')!;
  const columns: Column[] = [
    { name: 'year', label: 'Jaar', unit: 'text', kind: 'key' },
    ...series.lines.map((l): Column => ({ name: l.who, label: l.label, unit: 'eur', kind: 'value' })),
    { name: 'index', label: `Index ${own.label} (${from} = 100)`, unit: 'ratio', kind: 'value' },
  ];
  const periods = own.points.map((p) => p.period).filter((p) => p >= String(from) && p <= String(year));
  const rows = periods.map((period) => {
    const row: Record<string, Value> = { year: period };
    for (const l of series.lines) row[l.who] = l.points.find((p) => p.period === period)?.value ?? null;
    row.index = own.points.find((p) => p.period === period)?.index ?? null;
    return row;
  });
  return { metric: 'benchmark', title: series.label, columns, rows, filters: {}, split: ['year'] };
}

/** The caveat when the CBS figures are the demo's invented set. */
export const FICTITIOUS_CAVEAT: Caveat = {
  kind: 'cbs-fictief',
  text:
    'De CBS-cijfers in deze rapportage zijn de verzonnen landelijke demoset van Roer (fictief, gegenereerd door Roer), ' +
    'geen echte cijfers van het CBS. Lees de echte tabellen in met roer benchmark import.',
};

async function seriesOf(
  ctx: SectionContext,
  municipality: string,
  base: string,
  measure: BenchmarkMeasure = MEASURE,
): Promise<BenchmarkSeries | null> {
  const ask = (kind: 'regio' | 'grootteklasse') => unlessMissing(ctx.source.benchmark!(municipality, kind, measure, base));
  // The size class is the reference group beside the region; without CBS's population it cannot be formed.
  return (await ask('grootteklasse')) ?? (await ask('regio'));
}

export const benchmarkSection: SectionDef = {
  id: 'benchmark',
  title: 'Vergelijking met andere gemeenten',
  notes: [],
  async build(ctx) {
    const municipality = ctx.request.municipality;
    if (!municipality || !ctx.source.benchmark) return null;
    const year = ctx.request.year;
    const base = `${year - TREND_YEARS + 1}-H1`;
    const series = await seriesOf(ctx, municipality, base);
    const own = await unlessMissing(ctx.source.ownCbs?.(municipality, year) ?? Promise.resolve(null));
    const blocks: Block[] = [];
    const messages = [];
    if (series) {
      const result = seriesResult(series, base, year);
      if (result.rows.length > 0) {
        const source = ctx.cite(
          'cbs',
          BENCHMARK_MEASURES[MEASURE].label,
          'CBS-tabel 85097NED (jongeren met jeugdhulp) en 03759ned (bevolking): een groep telt de jongeren van haar ' +
            'leden op en deelt door hun jongeren samen (docs/benchmark.md).',
          { basis: base },
        );
        const figures = { result, source };
        blocks.push(
          {
            kind: 'paragraph',
            text:
              `Het aandeel jongeren van 0–17 jaar met jeugdhulp zonder verblijf, per halfjaar, naast ${series.lines[1]!.label}, ` +
              `de jeugdzorgregio en Nederland (CBS). De index zet ${formatPeriod(base)} op 100.` +
              (series.leftOut.length ? ` Zonder cijfer en daarom weggelaten: ${series.leftOut.join(', ')}.` : ''),
          },
          {
            kind: 'table',
            caption: series.label,
            columns: result.columns,
            rows: result.rows.map((r) => ({ ...r, half_year: formatPeriod(String(r.half_year)) })),
            source,
          },
          chart(
            figures,
            'trend',
            `${series.label}, per halfjaar`,
            series.lines.map((l) => l.who),
          ),
        );
        messages.push(regionGap(series, year, source));
      }
    }
    // The cost per inhabitant and per youth in care: CBS publishes the expenditure per year only.
    const from = year - TREND_YEARS + 1;
    for (const measure of COST_MEASURES) {
      const costs = await seriesOf(ctx, municipality, String(from), measure);
      // A series without the expenditure table (its note says so) has only empty cells: left out, not shown as blanks.
      if (!costs || costs.note) continue;
      const result = yearlyResult(costs, from, year);
      if (!result.rows.some((r) => r.gemeente !== null)) continue;
      const source = ctx.cite(
        `cbs-${measure}`,
        costs.label,
        measure === 'kosten-per-inwoner'
          ? 'CBS-tabel 83454NED (lasten jeugdhulp, × € 1.000) gedeeld door de inwoners op 1 januari (03759ned); een groep ' +
              'telt de lasten van haar leden op en deelt door hun inwoners samen.'
          : 'CBS-tabel 83454NED (lasten jeugdhulp, × € 1.000) gedeeld door de jongeren met jeugdhulp in het jaar (85097NED); ' +
              'een groep telt lasten en jongeren van haar leden op en deelt die door elkaar.',
        { basis: String(from) },
      );
      blocks.push({
        kind: 'table',
        caption: `${costs.label}, per jaar`,
        columns: result.columns,
        rows: result.rows,
        source,
      });
    }
    // Without any CBS figure for the year there is nothing to put the own figures beside.
    if (own?.rows.some((r) => r.cbs !== null)) {
      const source = ctx.cite('eigen-cbs', 'Eigen cijfers naast CBS', own.definition, { jaar: year });
      blocks.push(
        { kind: 'paragraph', text: own.definition },
        {
          kind: 'table',
          caption: `Eigen cijfers naast CBS, ${own.year}`,
          columns: OWN_CBS_COLUMNS,
          rows: ownCbsRows(own),
          source,
        },
      );
      if (own.explanations.length)
        blocks.push({
          kind: 'table',
          caption: 'Wat de eigen gegevens over het verschil zeggen',
          columns: EXPLANATION_COLUMNS,
          rows: explanationRows(own),
          source,
        });
      if (own.protection) blocks.push({ kind: 'paragraph', text: own.protection });
    }
    if (blocks.length === 0) return null;
    const fictitious = (await ctx.source.cbsFictitious?.()) ?? false;
    return { blocks, messages, caveats: [fictitious ? FICTITIOUS_CAVEAT : null] };
  },
};
