// Section "Financieel kader en meerjarenraming": the council's framework per year (budget, burap, target cut, year
// cost, state contribution, net cost) beside the realised cost, invoices and non-invoice cost lines apart, and the gap
// to the path. Unknown amounts stay unknown (the table shows '–', the text says why), never 0.
import { baselineSentence, baselineTable, frameworkSentence, frameworkTable } from './forecast-framework-table.ts';
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
    const sourceOf = (metric: string, title: string) => {
      const id = `B${ctx.sources.length + 1}`;
      ctx.sources.push({ id, metric, title, filters: ctx.scope, split: [] });
      return id;
    };
    if (years && years.length > 0) {
      const id = sourceOf('forecast.framework', 'Financieel kader');
      const sentence = frameworkSentence(years, request.year);
      if (sentence) blocks.push({ kind: 'paragraph', text: sentence });
      blocks.push(frameworkTable(years, id));
      const reasons = [...new Set(years.flatMap((y) => y.unknown))];
      if (reasons.length) blocks.push({ kind: 'paragraph', text: `Onbekend (–): ${reasons.join(' ')}` });
    }
    const baseline = await ctx.source.baseline?.(request.municipality, { baseYear: request.year, ...BASELINE });
    const said = baseline && baselineSentence(baseline);
    if (baseline && said) {
      const id = sourceOf('forecast.baseline', 'Meerjarige basislijn');
      blocks.push({ kind: 'paragraph', text: said }, baselineTable(baseline, id));
    }
    if (blocks.length === 0) return null;
    return { blocks };
  },
};
