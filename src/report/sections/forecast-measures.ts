// Section "Maatregelen": the measures register with each measure's band for the report year and the naive sum, the
// simulated savings with overlap (P10/P50/P90) beside it, and the sentence that says the two differ. Only with measures.
import type { Column, Value } from '../../contract/index.ts';
import { type Measure, naiveSum, OVERLAP_NOTE } from '../../forecast/measures.ts';
import type { YearSimulation } from '../../forecast/montecarlo.ts';
import type { MeasureRange } from '../../forecast/scenario.ts';
import type { Block } from '../model.ts';
import type { SectionDef } from './context.ts';

/** The seed and draws of the report's scenario: the same data gives the same report. */
export const REPORT_SEED = 1;
export const REPORT_DRAWS = 10_000;
/** Years of the scenario table: the report year and the next ones. */
const SCENARIO_YEARS = 3;

const WORDS = [
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
];

const mln1 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** Cents as millions with at most one decimal: 3_640_000_000 → "36,4", 1_000_000_000 → "10". */
const mln = (cents: number) => mln1.format(cents / 1e8);

/**
 * The key sentence of the scenario: the expected savings (P50) with the 80 % interval, beside the naive sum, and that
 * the measures overlap. @example "De vijftien maatregelen leveren in 2021 naar verwachting € 36,4 mln op (80 %-interval
 * € 30,2–42,7 mln); opgeteld zou dat € 10–63 mln zijn, maar de maatregelen overlappen elkaar."
 */
export function scenarioSentence(count: number, y: YearSimulation): string {
  const subject = count === 1 ? 'De maatregel levert' : `De ${WORDS[count] ?? count} maatregelen leveren`;
  const overlap = count === 1 ? '' : ', maar de maatregelen overlappen elkaar';
  return (
    `${subject} in ${y.year} naar verwachting € ${mln(y.p50Cents)} mln op ` +
    `(80 %-interval € ${mln(y.p10Cents)}–${mln(y.p90Cents)} mln); ` +
    `opgeteld zou dat € ${mln(y.naive.lowCents)}–${mln(y.naive.highCents)} mln zijn${overlap}.`
  );
}

const col = (name: string, label: string, unit: Column['unit']): Column => ({ name, label, unit });
const euros = (cents: number) => cents / 100;

/**
 * The register as a table: per measure its band in `year` and investment, and the naive sum as the last row. `ranges`:
 * each measure's band as the scenario ran it through its baseline (without: fixed amounts only).
 */
export function registerTable(measures: readonly Measure[], year: number, source = '', ranges?: readonly MeasureRange[]): Block {
  const bandOf = (m: Measure, i: number) => ranges?.[i]?.years.find((y) => y.year === year) ?? naiveSum([m], year);
  const bands = measures.map(bandOf);
  const rows: Record<string, Value>[] = measures.map((m, i) => ({
    name: m.name,
    status: m.status,
    low: euros(bands[i]!.lowCents),
    high: euros(bands[i]!.highCents),
    investment: euros(m.investmentCents),
  }));
  rows.push({
    name: 'Opgeteld (overschat: overlap)',
    status: '',
    low: euros(bands.reduce((s, b) => s + b.lowCents, 0)),
    high: euros(bands.reduce((s, b) => s + b.highCents, 0)),
    investment: euros(measures.reduce((s, m) => s + m.investmentCents, 0)),
  });
  return {
    kind: 'table',
    caption: `Maatregelen en hun besparing in ${year} (laag–hoog)`,
    columns: [
      col('name', 'Maatregel', 'text'),
      col('status', 'Status', 'text'),
      col('low', 'Besparing laag', 'eur'),
      col('high', 'Besparing hoog', 'eur'),
      col('investment', 'Eenmalige investering', 'eur'),
    ],
    rows,
    source,
  };
}

/** The scenario per year: naive sum beside P10/P50/P90 of the simulation with overlap. */
export function scenarioTable(years: readonly YearSimulation[], source = ''): Block {
  return {
    kind: 'table',
    caption: 'Besparing met overlap (Monte Carlo) naast de opgetelde besparing',
    columns: [
      col('year', 'Jaar', 'text'),
      col('naive_low', 'Opgeteld laag', 'eur'),
      col('naive_high', 'Opgeteld hoog', 'eur'),
      col('p10', 'P10', 'eur'),
      col('p50', 'Verwacht (P50)', 'eur'),
      col('p90', 'P90', 'eur'),
    ],
    rows: years.map((y) => ({
      year: String(y.year),
      naive_low: euros(y.naive.lowCents),
      naive_high: euros(y.naive.highCents),
      p10: euros(y.p10Cents),
      p50: euros(y.p50Cents),
      p90: euros(y.p90Cents),
    })),
    source,
  };
}

export const forecastMeasuresSection: SectionDef = {
  id: 'forecast-measures',
  title: 'Maatregelen',
  notes: [],
  async build(ctx) {
    const measures = await ctx.source.measures(ctx.request.municipality);
    if (!measures || measures.length === 0) return null;
    const year = ctx.request.year;
    const years = Array.from({ length: SCENARIO_YEARS }, (_, i) => year + i);
    const request = { years, seed: REPORT_SEED, draws: REPORT_DRAWS, targetCents: null };
    const s = await ctx.source.scenario(ctx.request.municipality, request);
    if (!s) return null;
    const first = s.years[0]!;
    const basis = s.baseline
      ? [
          {
            kind: 'paragraph' as const,
            text: `Maatregelen op instroom, duur, prijs of verschuiving zijn doorgerekend op de ${s.baseline.label}.`,
          },
        ]
      : [];
    return {
      blocks: [
        { kind: 'paragraph', text: scenarioSentence(measures.length, first) },
        ...basis,
        registerTable(
          measures,
          year,
          ctx.cite(
            'maatregelen',
            'Maatregelenregister',
            'De maatregelen zoals vastgelegd in Roer, met hun besparingsband per jaar.',
          ),
          s.perMeasure,
        ),
        scenarioTable(
          s.years,
          ctx.cite(
            'scenario',
            'Scenario van de maatregelen',
            'Monte Carlo-simulatie binnen de banden van de maatregelen, met overlap op dezelfde hefboom (docs/forecast.md).',
            {
              trekkingen: REPORT_DRAWS,
              seed: REPORT_SEED,
              ...(s.baseline ? { basislijn: s.baseline.label } : {}),
            },
          ),
        ),
        // The overlap note closes the section as its caveat (build.ts): here only the scenario's other notes.
        ...(s.caveats.some((text) => text !== OVERLAP_NOTE)
          ? [
              {
                kind: 'caveats' as const,
                items: s.caveats.filter((text) => text !== OVERLAP_NOTE).map((text) => ({ kind: 'overlap', text })),
              },
            ]
          : []),
      ],
      caveats: [{ kind: 'overlap', text: OVERLAP_NOTE }],
    };
  },
};
