// Section "Financieel kader en meerjarenraming": the council's framework per year (budget, burap, target cut, year
// cost, state contribution, net cost) beside the realised cost, invoices and non-invoice cost lines apart, and the gap
// to the path. Unknown amounts stay unknown (the table shows '–', the text says why), never 0.
import { frameworkSentence, frameworkTable } from '../../forecast/framework-table.ts';
import { baselineSentence, baselineTable } from './forecast-baseline-table.ts';
import type { Block } from '../model.ts';
import { TREND_YEARS, type SectionDef } from './context.ts';

/** Years after the report year the framework runs on (a multi-year framework looks ahead). */
const AHEAD = 4;
/** The baseline in the report: three years after the report year, prices +2 % a year (the dashboard lets one choose). */
const BASELINE = { years: 3, indexPercent: 2 };

export const forecastFrameworkSection: SectionDef = {
  id: 'forecast-framework',
  title: 'Financieel kader en meerjarenraming',
  notes: [],
  async build(ctx) {
    const { request } = ctx;
    const years = await ctx.source.framework?.(request.municipality, request.year - TREND_YEARS + 1, request.year + AHEAD);
    const blocks: Block[] = [];
    if (years && years.length > 0) {
      const id = ctx.cite(
        'kader',
        'Financieel kader',
        'Begroting, burap, taakstelling en rijksbijdrage zoals ingelezen, met de declaraties en de kostenregels (docs/forecast.md).',
      );
      const sentence = frameworkSentence(years, request.year);
      if (sentence) blocks.push({ kind: 'paragraph', text: sentence });
      blocks.push({ kind: 'table', ...frameworkTable(years), source: id });
      const reasons = [...new Set(years.flatMap((y) => y.unknown))];
      if (reasons.length) blocks.push({ kind: 'paragraph', text: `Onbekend (–): ${reasons.join(' ')}` });
    }
    const baseline = await ctx.source.baseline?.(request.municipality, { baseYear: request.year, ...BASELINE });
    const said = baseline && baselineSentence(baseline);
    if (baseline && said) {
      const id = ctx.cite(
        'basislijn',
        'Meerjarige basislijn',
        'Voorraad-en-stroommodel per zorgsoort: instroom, duur (Kaplan–Meier) en geïndexeerde prijs per trajectdag (docs/forecast.md).',
        { basisjaar: request.year, ...BASELINE },
      );
      blocks.push({ kind: 'paragraph', text: said }, baselineTable(baseline, id));
    }
    if (blocks.length === 0) return null;
    return { blocks };
  },
};
