// Section "Verwijzers": who refers (per referrer type), the GP practices that refer most, referrals by GPs to
// specialist mental-health care, and the referrer whose cost moved most.
import type { Value } from '../../contract/index.ts';
import { num, rowOfYear } from '../messages/figures.ts';
import { moverOfYear } from '../messages/movers.ts';
import { chart, named, type SectionDef, table, topRows } from './context.ts';

/** GP practices listed in the table (by clients). */
export const TOP_PRACTICES = 10;
const GP = '02';
/** Referrers listed by the change of their cost. */
export const TOP_MOVERS = 5;

export const referralsSection: SectionDef = {
  id: 'referrals',
  title: 'Verwijzers',
  notes: ['referrals', 'referrers', 'gp_specialist_mh'],
  async build(ctx) {
    const { year } = ctx.request;
    const referrals = await ctx.ask('referrals', { filters: ctx.year, split: [] });
    if (!referrals) return null;
    const blocks = [
      table(referrals, `Cliënten en kosten per type verwijzer in ${year}`, [
        'referrer_type_name',
        'clients',
        'clients_share_pct',
        'cost',
        'cost_share_pct',
        'cost_per_client',
      ]),
      chart(referrals, 'bar', `Cliënten per type verwijzer in ${year}`, ['clients']),
    ];
    const referrers = await ctx.ask('referrers', { filters: ctx.year, split: [] });
    if (referrers) {
      const practices = topRows(referrers, 'clients', TOP_PRACTICES, (r) => r.referrer_type === GP);
      const names = await ctx.source.names(practices.result);
      const named = {
        ...practices,
        result: {
          ...practices.result,
          rows: practices.result.rows.map((r) => ({ ...r, name: names.referrer?.[String(r.referrer_id)] ?? r.name })),
        },
      };
      if (named.result.rows.length) {
        blocks.push(
          table(named, `Huisartspraktijken die in ${year} de meeste cliënten verwezen`, [
            'name',
            'clients',
            'cost',
            'care_types',
          ]),
        );
      }
    }
    const gp = await ctx.ask('gp_specialist_mh', { filters: ctx.year, split: [] });
    if (gp) {
      blocks.push(
        table(gp, `Verwijzingen door de huisarts naar specialistische GGZ in ${year}`, [
          'referrals',
          'specialist',
          'specialist_pct',
          'clients',
          'specialist_clients_pct',
        ]),
      );
    }
    const moves = await ctx.ask('costs_yoy', { filters: ctx.compared, split: ['referrer'] });
    const totals = await ctx.ask('costs_yoy', { filters: ctx.trend, split: [] });
    const total = num(totals ? rowOfYear(totals.result, year) : undefined, 'cost') ?? 0;
    if (!moves) return { blocks };
    const inYear = (r: Record<string, Value>) => Number(r.year) === year && num(r, 'cost_change') !== null;
    const moved = topRows(moves, 'cost_change', TOP_MOVERS, inYear, true);
    const names = await ctx.source.names(moves.result);
    blocks.push(
      table(named(moved, names, 'referrer'), `Verwijzers waarvan de kosten in ${year} het meest veranderden`, [
        'referrer',
        'cost_previous',
        'cost',
        'cost_change',
        'cost_change_pct',
      ]),
    );
    return { blocks, messages: [moverOfYear(moves, 'referrer', year, total, names, 50)] };
  },
};
