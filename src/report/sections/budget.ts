// Section "Begroting en realisatie": budget (after the interim adjustment) against invoiced and expected cost per year,
// and the key message on over- or underspending in the report year.
import { budgetBalance } from '../messages/budget.ts';
import { rowOfYear } from '../messages/figures.ts';
import { type SectionDef, table } from './context.ts';

export const budgetSection: SectionDef = {
  id: 'budget',
  title: 'Begroting en realisatie',
  notes: ['budget'],
  async build(ctx) {
    const budget = await ctx.ask('budget', { filters: ctx.trend, split: [] });
    if (!budget || !rowOfYear(budget.result, ctx.request.year)) return null;
    return {
      blocks: [
        table(budget, 'Begroting en realisatie per jaar', [
          'year',
          'original_budget',
          'budget',
          'invoiced',
          'expected',
          'realised',
          'difference',
          'realised_pct',
        ]),
      ],
      messages: [budgetBalance(budget, ctx.request.year)],
    };
  },
};
