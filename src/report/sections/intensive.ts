// Section "Zorgintensieve cliënten": per year how many clients cost more than € 50.000 and € 100.000 and what the ten
// dearest cost together. Aggregates only: the list of clients is never part of a report.
import { chart, type SectionDef, table } from './context.ts';

export const intensiveSection: SectionDef = {
  id: 'intensive',
  title: 'Zorgintensieve cliënten',
  notes: ['intensive_clients'],
  async build(ctx) {
    const intensive = await ctx.ask('intensive_clients', { filters: ctx.trend, split: [] });
    if (!intensive) return null;
    return {
      blocks: [
        table(intensive, 'Cliënten met hoge kosten per jaar', [
          'year',
          'clients_over_low',
          'cost_over_low',
          'clients_over_high',
          'cost_over_high',
          'top_cost',
          'top_share_pct',
        ]),
        chart(intensive, 'bar', 'Cliënten boven € 50.000 en € 100.000 per jaar', ['clients_over_low', 'clients_over_high']),
      ],
    };
  },
};
