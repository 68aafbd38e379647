// Section "Instroom, uitstroom en duur": monthly inflow, outflow and clients in care, how long finished trajectories
// lasted, how allocations ended, and the waiting time from request to start, in the report year.
import { chart, type SectionDef, table } from './context.ts';

export const flowsSection: SectionDef = {
  id: 'flows',
  title: 'Instroom, uitstroom en duur',
  notes: ['flows', 'duration', 'endings', 'waiting_time'],
  async build(ctx) {
    const { year } = ctx.request;
    const blocks = [];
    const flows = await ctx.ask('flows', { filters: ctx.year, split: [] });
    if (flows) {
      blocks.push(
        chart(flows, 'trend', `Instroom, uitstroom en cliënten in zorg per maand in ${year}`, ['inflow', 'outflow', 'stock']),
        table(flows, `Instroom en uitstroom per maand in ${year}`, ['month', 'inflow', 'outflow', 'stock']),
      );
    }
    const duration = await ctx.ask('duration', { filters: ctx.year, split: [] });
    if (duration) {
      blocks.push(
        table(duration, `Duur van de in ${year} beëindigde trajecten`, [
          'care_type',
          'trajectories',
          'median_days',
          'p75_days',
          'p90_days',
        ]),
      );
    }
    const endings = await ctx.ask('endings', { filters: ctx.year, split: [] });
    if (endings) {
      blocks.push(table(endings, `Reden van beëindiging in ${year}`, ['ended', 'planned', 'early', 'planned_pct', 'early_pct']));
    }
    const waiting = await ctx.ask('waiting_time', { filters: ctx.year, split: [] });
    if (waiting) {
      const columns = waiting.result.columns.filter((c) => c.unit !== 'text').map((c) => c.name);
      blocks.push(table(waiting, `Wachttijd van aanvraag tot start in ${year}`, columns));
    }
    return blocks.length ? { blocks } : null;
  },
};
