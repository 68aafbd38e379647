// Section "Financieel kader en meerjarenraming": the council's framework per year (budget, burap, target cut, year
// cost, state contribution, net cost) beside the realised cost, invoices and non-invoice cost lines apart, and the gap
// to the path. Unknown amounts stay unknown (the table shows '–', the text says why), never 0.
import { frameworkSentence, frameworkTable } from './forecast-framework-table.ts';
import type { Block } from '../model.ts';
import { TREND_YEARS, type SectionDef } from './context.ts';

/** Years after the report year the framework runs on (a multi-year framework looks ahead). */
const AHEAD = 4;

export const forecastFrameworkSection: SectionDef = {
  id: 'forecast-framework',
  title: 'Financieel kader en meerjarenraming',
  notes: [],
  async build(ctx) {
    const { request } = ctx;
    const years = await ctx.source.framework?.(request.municipality, request.year - TREND_YEARS + 1, request.year + AHEAD);
    if (!years || years.length === 0) return null;
    const id = `B${ctx.sources.length + 1}`;
    ctx.sources.push({ id, metric: 'forecast.framework', title: 'Financieel kader', filters: ctx.scope, split: [] });
    const blocks: Block[] = [];
    const sentence = frameworkSentence(years, request.year);
    if (sentence) blocks.push({ kind: 'paragraph', text: sentence });
    blocks.push(frameworkTable(years, id));
    const reasons = [...new Set(years.flatMap((y) => y.unknown))];
    if (reasons.length) blocks.push({ kind: 'paragraph', text: `Onbekend (–): ${reasons.join(' ')}` });
    return { blocks };
  },
};
