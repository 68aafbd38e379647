// Section "Begroting en realisatie": budget (after the interim adjustment) against invoiced and expected cost per year,
// and the key message on over- or underspending in the report year; beside it the whole cost picture, the non-invoice
// cost lines as separate labelled parts (a kind not imported stays empty, never 0).
import { COST_KIND_LABELS } from '../../forecast/cost-kinds.ts';
import { budgetBalance } from '../messages/budget.ts';
import { rowOfYear } from '../messages/figures.ts';
import { type SectionDef, table } from './context.ts';

/** The budget answer's cost-line columns, one per kind (src/contract/columns.ts), in label order. */
const COST_COLUMNS = Object.keys(COST_KIND_LABELS).map((k) => `cost_${k}`);

export const budgetSection: SectionDef = {
  id: 'budget',
  title: 'Begroting en realisatie',
  notes: ['budget'],
  async build(ctx) {
    const budget = await ctx.ask('budget', { filters: ctx.trend, split: [] });
    if (!budget || !rowOfYear(budget.result, ctx.request.year)) return null;
    const rows = budget.result.rows;
    const kinds = COST_COLUMNS.filter((c) => rows.some((r) => r[c] !== null && r[c] !== undefined));
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
        ...(kinds.length
          ? [
              table(budget, 'Het hele kostenbeeld: realisatie met de kosten buiten declaraties per jaar', [
                'year',
                'realised',
                ...kinds,
                'realised_total',
              ]),
            ]
          : []),
      ],
      messages: [budgetBalance(budget, ctx.request.year)],
    };
  },
};
