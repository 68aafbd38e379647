// Section "Kosten en cliënten": the multi-year table of total cost, clients and cost per client, its trend chart, the
// change against the year before, and the key messages on growth, cost per client and a break in the trend.
import { clientsAndCostPerClient, costGrowth, trendBreak } from '../messages/costs.ts';
import { chart, type SectionDef, table } from './context.ts';

export const costsSection: SectionDef = {
  id: 'costs',
  title: 'Kosten en cliënten',
  notes: ['costs', 'costs_yoy'],
  async build(ctx) {
    const { year } = ctx.request;
    const costs = await ctx.ask('costs', { filters: ctx.trend, split: ['year'] });
    const yoy = await ctx.ask('costs_yoy', { filters: ctx.trend, split: [] });
    if (!costs) return null;
    const blocks = [
      table(costs, 'Kosten, cliënten en kosten per cliënt per jaar', [
        'year',
        'cost',
        'clients',
        'cost_per_client',
        'care_days',
        'cost_per_care_day',
      ]),
      chart(costs, 'trend', 'Kosten per jaar', ['cost']),
    ];
    if (yoy) {
      blocks.push(
        table(
          yoy,
          'Verandering ten opzichte van het jaar ervoor',
          [
            'year',
            'cost_change',
            'cost_change_pct',
            'clients_change_pct',
            'cost_per_client_change_pct',
            'cost_per_care_day_change_pct',
          ],
          (r) => r.cost_previous !== null,
        ),
      );
    }
    return {
      blocks,
      messages: [yoy && costGrowth(yoy, year), clientsAndCostPerClient(costs, year), yoy && trendBreak(yoy, year)],
    };
  },
};
