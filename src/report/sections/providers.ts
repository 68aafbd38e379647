// Section "Aanbieders": the providers with the most cost in the report year, the concentration of spend by scale
// class, the providers whose cost moved most, and the key message on the one that moved most.
import type { Value } from '../../contract/index.ts';
import { num, rowOfYear } from '../messages/figures.ts';
import { moverOfYear } from '../messages/movers.ts';
import { named, type SectionDef, table, topRows } from './context.ts';

/** Providers listed in each table. */
export const TOP_PROVIDERS = 10;

export const providersSection: SectionDef = {
  id: 'providers',
  title: 'Aanbieders',
  notes: ['providers', 'provider_concentration'],
  async build(ctx) {
    const { year } = ctx.request;
    const providers = await ctx.ask('providers', { filters: ctx.year, split: [] });
    if (!providers) return null;
    const blocks = [
      table(topRows(providers, 'cost', TOP_PROVIDERS), `De ${TOP_PROVIDERS} aanbieders met de meeste kosten in ${year}`, [
        'name',
        'cost',
        'clients',
        'cost_per_client',
        'median_days',
        'early_pct',
      ]),
    ];
    const concentration = await ctx.ask('provider_concentration', { filters: ctx.year, split: [] });
    if (concentration) {
      blocks.push(
        table(concentration, `Aanbieders naar omvang in ${year}`, ['scale_class', 'providers', 'cost', 'cost_share_pct']),
      );
    }
    const moves = await ctx.ask('costs_yoy', { filters: ctx.compared, split: ['provider'] });
    if (!moves) return { blocks };
    const inYear = (r: Record<string, Value>) => Number(r.year) === year && num(r, 'cost_change') !== null;
    const rise = topRows(moves, 'cost_change', TOP_PROVIDERS, inYear, true);
    const names = await ctx.source.names(rise.result);
    blocks.push(
      table(named(rise, names, 'provider'), `Aanbieders waarvan de kosten in ${year} het meest veranderden`, [
        'provider',
        'cost_previous',
        'cost',
        'cost_change',
        'cost_change_pct',
      ]),
    );
    const totals = await ctx.ask('costs_yoy', { filters: ctx.trend, split: [] });
    const total = num(totals ? rowOfYear(totals.result, year) : undefined, 'cost') ?? 0;
    const allNames = await ctx.source.names(moves.result);
    return { blocks, messages: [moverOfYear(moves, 'provider', year, total, allNames, 55)] };
  },
};
