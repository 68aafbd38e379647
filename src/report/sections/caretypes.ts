// Section "Zorgsoorten": cost, clients and their change per care type in the report year, with the caveat for a care
// type that appears from nothing (care moved from subsidy to invoices: a jump that is not growth).
import { subsidyShift } from '../caveats.ts';
import { num, rowOfYear } from '../messages/figures.ts';
import { chart, inYear, type SectionDef, table } from './context.ts';

export const careTypesSection: SectionDef = {
  id: 'care-types',
  title: 'Zorgsoorten',
  notes: [],
  async build(ctx) {
    const { year } = ctx.request;
    const byType = await ctx.ask('costs_yoy', { filters: ctx.compared, split: ['care_type'] });
    if (!byType) return null;
    const totals = await ctx.ask('costs_yoy', { filters: ctx.trend, split: [] });
    const total = num(totals ? rowOfYear(totals.result, year) : undefined, 'cost') ?? 0;
    return {
      blocks: [
        table(
          byType,
          `Kosten per zorgsoort in ${year}`,
          ['care_type', 'cost', 'cost_previous', 'cost_change', 'cost_change_pct', 'clients'],
          inYear(year),
        ),
        chart(byType, 'bar', `Verandering van de kosten per zorgsoort in ${year}`, ['cost_change'], inYear(year)),
      ],
      caveats: [subsidyShift(byType, year, total)],
    };
  },
};
